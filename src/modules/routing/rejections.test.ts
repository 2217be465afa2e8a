import { describe, expect, it } from 'vitest';
import { excludedLocations, REJECTION_REASONS, rejectionsExhausted, stockCorrection, stockEffectOf, unitsRejected } from './rejections.ts';

describe('the reasons a location rejects lines', () => {
  it('each have a stock effect: none, units damaged or missing, or the whole count wrong', () => {
    expect(REJECTION_REASONS).toEqual({
      not_found: 'none',
      damaged: 'units_damaged',
      missing_unit: 'units_missing',
      count_wrong: 'count_zero',
      customer_request: 'none',
      other: 'none',
    });
  });

  it('given a line with 3 left, when 1 unit is missing, then 1 is rejected; when the count is wrong, then all 3 are', () => {
    expect(unitsRejected('missing_unit', 1, 3)).toBe(1);
    expect(unitsRejected('missing_unit', undefined, 3)).toBe(3);
    expect(unitsRejected('count_wrong', 1, 3)).toBe(3);
  });
});

describe('the stock correction at the rejecting location', () => {
  it('given 5 on hand, when 2 units are missing and 1 damaged, then 2 leave as missing and 1 as damaged', () => {
    expect(
      stockCorrection(
        [
          { effect: 'units_missing', quantity: 2 },
          { effect: 'units_damaged', quantity: 1 },
          { effect: 'none', quantity: 4 },
        ],
        5,
      ),
    ).toEqual({ damaged: 1, missing: 2, countToZero: false });
  });

  it('given 1 on hand, when 3 units are missing, then only the 1 there leaves (never below zero)', () => {
    expect(stockCorrection([{ effect: 'units_missing', quantity: 3 }], 1)).toEqual({ damaged: 0, missing: 1, countToZero: false });
  });

  it('given a wrong count, then it becomes zero, whatever else was said; nothing to do when it is zero already', () => {
    expect(
      stockCorrection(
        [
          { effect: 'units_missing', quantity: 1 },
          { effect: 'count_zero', quantity: 2 },
        ],
        7,
      ),
    ).toEqual({ damaged: 0, missing: 0, countToZero: true });
    expect(stockCorrection([{ effect: 'count_zero', quantity: 2 }], 0).countToZero).toBe(false);
  });

  it('given reasons without effect, then nothing changes', () => {
    expect(stockEffectOf('customer_request')).toBe('none');
    expect(stockCorrection([{ effect: 'none', quantity: 2 }], 4)).toEqual({ damaged: 0, missing: 0, countToZero: false });
  });
});

describe('the locations lines are not routed to again', () => {
  const skus = new Map([
    ['line-1', 'MUG'],
    ['line-1b', 'MUG'], // a part of line 1 split off by an earlier rejection
    ['line-2', 'TEE'],
  ]);
  const rejections = [
    { lineId: 'line-1', locationId: 'store-a' },
    { lineId: 'line-2', locationId: 'store-b' },
    { lineId: 'line-1b', locationId: 'warehouse' },
    { lineId: 'line-1b', locationId: 'store-a' },
  ];

  it('are every location that rejected the same SKUs of the order before, once each, in the order they did', () => {
    expect(excludedLocations(rejections, (id) => skus.get(id), ['MUG'])).toEqual(['store-a', 'warehouse']);
    expect(excludedLocations(rejections, (id) => skus.get(id), ['TEE'])).toEqual(['store-b']);
    expect(excludedLocations(rejections, (id) => skus.get(id), ['MUG', 'TEE'])).toEqual(['store-a', 'store-b', 'warehouse']);
    expect(excludedLocations(rejections, (id) => skus.get(id), ['CAP'])).toEqual([]);
  });

  it('after maxRejections of them, the lines wait for a person', () => {
    expect(rejectionsExhausted(['a', 'b'], 3)).toBe(false);
    expect(rejectionsExhausted(['a', 'b', 'c'], 3)).toBe(true);
  });
});
