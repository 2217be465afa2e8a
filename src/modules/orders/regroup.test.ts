import { describe, expect, it } from 'vitest';
import { linesOfShipments, openUnits, splitOff, type LineRow } from './regroup.ts';

const line = (id: string, position: number, quantity: number, extra: Partial<LineRow> = {}): LineRow => ({
  id,
  order_id: 'order',
  delivery_group_id: 'group',
  position,
  variant_id: `v-${id}`,
  sku: id.toUpperCase(),
  title: id,
  quantity,
  cancelled_quantity: 0,
  unit_list_price: 1000,
  unit_price: 900,
  discount_total: 100 * quantity,
  minimum_price_applied: false,
  manual_discount: 0,
  discount_reason: null,
  tax_rate_basis_points: 2000,
  tax_amount: 150 * quantity,
  line_total: 900 * quantity,
  reservation_id: 'r',
  ...extra,
});

describe('a line cut in two', () => {
  it('given 3 units at 2 700, when 1 is split off, then the new line has a third of the price and the line keeps the rest', () => {
    const { kept, part } = splitOff(line('a', 0, 3), 1, 'a2', 5);
    expect(part).toMatchObject({
      id: 'a2',
      position: 5,
      quantity: 1,
      cancelled_quantity: 0,
      line_total: 900,
      tax_amount: 150,
      discount_total: 100,
      reservation_id: null,
    });
    expect(kept).toMatchObject({ id: 'a', quantity: 2, line_total: 1800, tax_amount: 300, discount_total: 200 });
  });

  it('given amounts that do not divide, then the parts still add up to what was charged', () => {
    const odd = line('b', 0, 3, { line_total: 1000, tax_amount: 167, discount_total: 1 });
    const { kept, part } = splitOff(odd, 1, 'b2', 1);
    expect(kept.line_total + part.line_total).toBe(1000);
    expect(kept.tax_amount + part.tax_amount).toBe(167);
    expect(kept.discount_total + part.discount_total).toBe(1);
  });

  it('given a line with a cancelled unit, then it keeps it, and only open units may be split off', () => {
    const cancelled = line('c', 0, 4, { cancelled_quantity: 1 });
    const { kept, part } = splitOff(cancelled, 2, 'c2', 1);
    expect([kept.quantity, kept.cancelled_quantity, openUnits(kept)]).toEqual([2, 1, 1]);
    expect(openUnits(part)).toBe(2);
    expect(() => splitOff(cancelled, 3, 'c3', 2)).toThrow();
  });
});

describe('the lines of each shipment of a decision', () => {
  it('given a line sent whole and one split over two locations, then the first moves and the second keeps its first part', () => {
    const ids = ['new-1'];
    const { shipments, created } = linesOfShipments(
      [line('a', 0, 2), line('b', 1, 5)],
      [
        {
          locationId: 'wh',
          lines: [
            { index: 0, quantity: 2 },
            { index: 1, quantity: 3 },
          ],
        },
        { locationId: 'store', lines: [{ index: 1, quantity: 2 }] },
      ],
      7,
      () => ids.shift()!,
    );
    expect(shipments.map((shipment) => [shipment.locationId, shipment.lines.map((row) => [row.id, row.position, row.quantity])])).toEqual([
      [
        'wh',
        [
          ['a', 0, 2],
          ['b', 1, 3],
        ],
      ],
      ['store', [['new-1', 7, 2]]],
    ]);
    expect([...created]).toEqual(['new-1']);
    const total = shipments.flatMap((shipment) => shipment.lines).filter((row) => row.sku === 'B');
    expect(total.reduce((sum, row) => sum + row.line_total, 0)).toBe(4500);
  });
});
