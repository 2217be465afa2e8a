import { describe, expect, it } from 'vitest';
import { replayReport, type ComparedOrder, type GroupResult, type Place } from './replay-report.ts';

const lyon = { latitude: 45.764, longitude: 4.8357 };
const places = new Map<string, Place>([
  ['s1', { code: 'S1', coordinates: { latitude: 45.7578, longitude: 4.832 } }],
  ['s2', { code: 'S2', coordinates: { latitude: 45.77, longitude: 4.86 } }],
  ['wh', { code: 'WH', coordinates: { latitude: 45.72, longitude: 4.9 } }],
]);
const routed = (...locationIds: string[]): GroupResult => ({ kind: 'routed', locationIds });
const order = (number: string, ...groups: [GroupResult, GroupResult][]): ComparedOrder => ({
  orderId: `id-${number}`,
  number,
  groups: groups.map(([before, after]) => ({ destination: lyon, before, after })),
});

describe('replay report', () => {
  it('given the same locations in another order, when compared, then the order does not differ', () => {
    const report = replayReport([order('1', [routed('s1', 's2'), routed('s2', 's1')])], places, []);
    expect(report.orders).toEqual({ compared: 1, differing: 0 });
    expect(report.examples).toEqual([]);
  });

  it('given stores before and the warehouse or a split after, when compared, then each side counts shipments per location, splits and distance', () => {
    const report = replayReport(
      [
        order('1', [routed('s1'), routed('wh')]),
        order('2', [routed('s2'), routed('wh', 's1')]),
        order('3', [routed('s1'), { kind: 'parked', locationIds: [], queue: 'desk' }]),
      ],
      places,
      [],
    );

    expect(report.orders).toEqual({ compared: 3, differing: 3 });
    expect(report.before).toMatchObject({ locationsUsed: { S1: 2, S2: 1 }, splitRatePercent: 0, ordersUnfillable: 0 });
    expect(report.after).toMatchObject({
      locationsUsed: { WH: 2, S1: 1 },
      splitRatePercent: 33.3,
      ordersUnfillable: 1,
      groups: { routed: 1, split: 1, backordered: 0, parked: 1, rejected: 0 },
    });
    expect(report.before.averageDistanceKm).toBeLessThan(report.after.averageDistanceKm!);
    expect(report.examples).toEqual([
      { orderId: 'id-1', number: '1', before: ['S1'], after: ['WH'] },
      { orderId: 'id-2', number: '2', before: ['S2'], after: ['WH + S1'] },
      { orderId: 'id-3', number: '3', before: ['S1'], after: ['parked in desk'] },
    ]);
  });

  it('given more than 50 orders that differ, when reported, then 50 are shown and all are counted', () => {
    const orders = Array.from({ length: 60 }, (_, index) => order(String(index), [routed('s1'), { kind: 'rejected', locationIds: [] }]));
    const report = replayReport(orders, places, []);
    expect(report.orders.differing).toBe(60);
    expect(report.examples).toHaveLength(50);
    expect(report.examples[0]!.after).toEqual(['rejected']);
    expect(report.after.ordersUnfillable).toBe(60);
    expect(report.after.averageDistanceKm).toBeNull();
  });
});
