import { describe, expect, it } from 'vitest';
import type { StockAt } from './strategy.ts';
import { warehouseFirst } from './warehouse-first.ts';

const stockOf =
  (units: Record<string, number>): StockAt =>
  (variantId, locationId) =>
    units[`${variantId}@${locationId}`] ?? 0;
const warehouse = (id: string) => ({ id, type: 'warehouse' });
const store = (id: string) => ({ id, type: 'store' });
const line = (variantId: string, quantity: number) => ({ variantId, sku: `SKU-${variantId}`, quantity });

describe('routing: warehouse first, then most stock', () => {
  it('given a store with more stock and a warehouse with enough, when a group is routed, then the warehouse sends it', () => {
    const stock = stockOf({ 'tee@shop': 50, 'tee@depot': 2 });
    expect(warehouseFirst.chooseLocations([{ lines: [line('tee', 2)], candidates: [store('shop'), warehouse('depot')] }], stock)).toEqual([
      { locationId: 'depot' },
    ]);
  });

  it('given two warehouses, when a group is routed, then the one with most to spare after the group sends it', () => {
    const stock = stockOf({ 'tee@north': 5, 'tee@south': 9, 'cap@north': 5, 'cap@south': 3 });
    const group = { lines: [line('tee', 1), line('cap', 2)], candidates: [warehouse('north'), warehouse('south')] };
    // south keeps only 1 cap; north keeps 3 of each.
    expect(warehouseFirst.chooseLocations([group], stock)).toEqual([{ locationId: 'north' }]);
  });

  it('given equal candidates, when a group is routed, then the first one listed sends it', () => {
    const stock = stockOf({ 'tee@a': 4, 'tee@b': 4 });
    expect(warehouseFirst.chooseLocations([{ lines: [line('tee', 1)], candidates: [store('a'), store('b')] }], stock)).toEqual([{ locationId: 'a' }]);
  });

  it('given a warehouse short of one line, when a group is routed, then a store that has everything sends it', () => {
    const stock = stockOf({ 'tee@depot': 10, 'cap@depot': 0, 'tee@shop': 1, 'cap@shop': 1 });
    const group = { lines: [line('tee', 1), line('cap', 1)], candidates: [warehouse('depot'), store('shop')] };
    expect(warehouseFirst.chooseLocations([group], stock)).toEqual([{ locationId: 'shop' }]);
  });

  it('given the same SKU on two lines, when a group is routed, then their quantities count together', () => {
    const stock = stockOf({ 'tee@depot': 3, 'tee@shop': 5 });
    const group = { lines: [line('tee', 2), line('tee', 2)], candidates: [warehouse('depot'), store('shop')] };
    expect(warehouseFirst.chooseLocations([group], stock)).toEqual([{ locationId: 'shop' }]);
  });

  it('given no candidate with everything, when a group is routed, then it says per variant what was asked and what the candidates hold together', () => {
    const stock = stockOf({ 'tee@a': 1, 'tee@b': 1, 'cap@a': 9 });
    const group = { lines: [line('tee', 2), line('cap', 1)], candidates: [store('a'), store('b')] };
    expect(warehouseFirst.chooseLocations([group], stock)).toEqual([
      {
        shortages: [
          { variantId: 'tee', sku: 'SKU-tee', requested: 2, available: 2 },
          { variantId: 'cap', sku: 'SKU-cap', requested: 1, available: 9 },
        ],
      },
    ]);
  });

  it('given several groups, when they are routed, then each gets its own choice, in order', () => {
    const stock = stockOf({ 'tee@depot': 5, 'cap@shop': 5 });
    const groups = [
      { lines: [line('cap', 1)], candidates: [warehouse('depot'), store('shop')] },
      { lines: [line('tee', 1)], candidates: [warehouse('depot'), store('shop')] },
    ];
    expect(warehouseFirst.chooseLocations(groups, stock)).toEqual([{ locationId: 'shop' }, { locationId: 'depot' }]);
  });
});
