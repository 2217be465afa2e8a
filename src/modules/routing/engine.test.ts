import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routeGroup, routeOrder, type GroupDecision } from './engine.ts';
import { distanceKm, levelsOf, supplyOf, type GroupToRoute, type IncomingSupply, type NetworkLocation, type RoutingFacts } from './network.ts';
import { rulesDocumentSchema, type RulesDocument } from './rules.ts';

// Lyon and around: two stores, a warehouse near Paris, a store in Marseille.
const place = (id: string, type: NetworkLocation['type'], latitude: number, longitude: number, extra: Partial<NetworkLocation> = {}): NetworkLocation => ({
  id,
  code: id.toUpperCase(),
  type,
  latitude,
  longitude,
  groups: [],
  capabilities: ['ships_orders', 'click_and_collect', 'ship_from_store'],
  openToday: true,
  capacity: { today: { used: 0, limit: 0 }, window: null },
  ...extra,
});
const bellecour = place('bellecour', 'store', 45.7578, 4.832);
const partDieu = place('partdieu', 'store', 45.7606, 4.8596);
const depot = place('depot', 'warehouse', 48.7, 2.4);
const marseille = place('marseille', 'store', 43.2965, 5.3698);
const network = [bellecour, partDieu, depot, marseille];
const customerInLyon = { latitude: 45.764, longitude: 4.8357 };

function factsOf(stock: Record<string, number>, options: { locations?: NetworkLocation[]; incoming?: Record<string, IncomingSupply[]> } = {}): RoutingFacts {
  const locations = options.locations ?? network;
  return {
    now: new Date('2026-12-07T10:00:00Z'),
    locations: new Map(locations.map((location) => [location.id, location])),
    supply: supplyOf(levelsOf(new Map(Object.entries(stock)), '@'), new Map(Object.entries(options.incoming ?? {}))),
    flags: new Map(),
  };
}
const rules = (...list: unknown[]): RulesDocument => rulesDocumentSchema.parse({ rules: list });
const line = (index: number, variantId: string, quantity: number, extra: Partial<GroupToRoute['lines'][number]> = {}) => ({
  index,
  variantId,
  productId: `p-${variantId}`,
  sku: variantId.toUpperCase(),
  quantity,
  value: 1000 * quantity,
  tags: [],
  ...extra,
});
const group = (lines: GroupToRoute['lines'], extra: Partial<GroupToRoute> = {}): GroupToRoute => ({
  index: 0,
  method: 'ship_to_address',
  pickupLocationId: null,
  destination: customerInLyon,
  promisedAt: null,
  lines,
  candidates: network.map((location) => location.id),
  excluded: [],
  ...extra,
});
const order = { channelId: 'web', priority: 0 };
const route = (document: RulesDocument, toRoute: GroupToRoute, facts: RoutingFacts) => routeGroup(document, { ...order, groups: [toRoute] }, toRoute, facts);
const shipped = (decision: GroupDecision) => (decision.outcome.kind === 'routed' ? decision.outcome.shipments : decision.outcome);

describe('routing engine', () => {
  it('given stores with stock, when ranked by distance, then the nearest store sends it', () => {
    const decision = route(rules({ name: 'nearest' }), group([line(0, 'tee', 1)]), factsOf({ 'tee@bellecour': 2, 'tee@partdieu': 2, 'tee@marseille': 9 }));
    expect(shipped(decision)).toEqual([{ locationId: 'bellecour', lines: [{ index: 0, quantity: 1 }] }]);
    expect(decision.trace[0]?.candidates?.find((c) => c.locationId === 'bellecour')).toMatchObject({
      rank: 1,
      keys: { distance: distanceKm(customerInLyon, bellecour) },
    });
  });

  it('given the nearest store at its capacity, when routed under capacity, then the next one sends it and the explanation says why', () => {
    const full = { ...bellecour, capacity: { today: { used: 40, limit: 40 }, window: null } };
    const facts = factsOf({ 'tee@bellecour': 2, 'tee@partdieu': 2 }, { locations: [full, partDieu, depot, marseille] });
    const decision = route(rules({ name: 'nearest', locations: { underCapacity: true } }), group([line(0, 'tee', 1)]), facts);
    expect(shipped(decision)).toEqual([{ locationId: 'partdieu', lines: [{ index: 0, quantity: 1 }] }]);
    expect(decision.trace[0]?.candidates?.find((c) => c.locationId === 'bellecour')?.removedBy).toEqual({
      filter: 'capacity',
      detail: 'capacity 40/40 today',
    });
  });

  it('given no split, when no near store has every line, then one farther location with everything sends it', () => {
    const facts = factsOf({ 'tee@bellecour': 5, 'cap@partdieu': 5, 'tee@marseille': 5, 'cap@marseille': 5 });
    const decision = route(rules({ name: 'whole' }), group([line(0, 'tee', 1), line(1, 'cap', 1)]), facts);
    expect(shipped(decision)).toEqual([
      {
        locationId: 'marseille',
        lines: [
          { index: 0, quantity: 1 },
          { index: 1, quantity: 1 },
        ],
      },
    ]);
    expect(decision.trace[0]?.candidates?.find((c) => c.locationId === 'bellecour')?.removedBy).toEqual({
      filter: 'stock',
      detail: 'CAP: 0 available < 1 ordered',
    });
  });

  it('given 25 units asked and 29 in the network but not at one place, when split is allowed, then the fewest shipments send them', () => {
    const facts = factsOf({ 'tee@bellecour': 4, 'tee@partdieu': 5, 'tee@depot': 20 });
    const decision = route(rules({ name: 'split', allocation: { split: true, maxShipments: 3 } }), group([line(0, 'tee', 25)]), facts);
    expect(shipped(decision)).toEqual([
      { locationId: 'depot', lines: [{ index: 0, quantity: 20 }] },
      { locationId: 'partdieu', lines: [{ index: 0, quantity: 5 }] },
    ]);
    expect(decision.trace[0]?.result).toBe('split into 2 shipments: DEPOT, PARTDIEU');
  });

  it('given kit lines, when split, then the kit leaves whole from one location', () => {
    const facts = factsOf({ 'board@bellecour': 1, 'bindings@partdieu': 1, 'board@depot': 1, 'bindings@depot': 1, 'wax@bellecour': 3 });
    const lines = [line(0, 'board', 1, { kit: 'snowboard' }), line(1, 'bindings', 1, { kit: 'snowboard' }), line(2, 'wax', 3)];
    const decision = route(rules({ name: 'split', allocation: { split: true, maxShipments: 2 } }), group(lines), facts);
    // Bellecour sends the most units (3 wax); the snowboard and its bindings leave together from the depot.
    expect(shipped(decision)).toEqual([
      { locationId: 'bellecour', lines: [{ index: 2, quantity: 3 }] },
      {
        locationId: 'depot',
        lines: [
          { index: 0, quantity: 1 },
          { index: 1, quantity: 1 },
        ],
      },
    ]);
  });

  it('given a routing safety stock, when a store would keep too little, then it is skipped with its values', () => {
    const facts = factsOf({ 'tee@bellecour': 4, 'tee@partdieu': 9 });
    const decision = route(rules({ name: 'keep some', locations: { routingSafetyStock: 5 } }), group([line(0, 'tee', 1)]), facts);
    expect(shipped(decision)).toEqual([{ locationId: 'partdieu', lines: [{ index: 0, quantity: 1 }] }]);
    expect(decision.trace[0]?.candidates?.[0]?.removedBy).toEqual({ filter: 'safety stock', detail: 'TEE: would keep 3 < 5' });
  });

  it('given a distance limit, when stores are too far, then they are removed with the distance', () => {
    const facts = factsOf({ 'tee@marseille': 9, 'tee@depot': 9 });
    const decision = route(rules({ name: 'near', locations: { maxDistanceKm: 200 }, whenNothingQualifies: 'reject' }), group([line(0, 'tee', 1)]), facts);
    expect(decision.outcome).toEqual({ kind: 'rejected', reason: 'no location has the stock' });
    expect(decision.trace[0]?.candidates?.find((c) => c.locationId === 'marseille')?.removedBy?.detail).toMatch(/^2\d\d\.\d km > 200 km$/);
  });

  it('given rules for other orders, when routed, then they are skipped and the next rule decides', () => {
    const facts = factsOf({ 'tee@bellecour': 9, 'tee@depot': 9 });
    const document = rules(
      { name: 'pickup', orders: { deliveryMethods: ['pickup_in_store'] }, locations: { types: ['store'] } },
      { name: 'warehouse', locations: { types: ['warehouse'] } },
    );
    const decision = route(document, group([line(0, 'tee', 1)]), facts);
    expect(decision.rule).toEqual({ index: 1, name: 'warehouse' });
    expect(decision.trace[0]?.skipped).toBe('order filter delivery method ship_to_address not met');
  });

  it('given no stock but a receipt expected, when the rule backorders, then the group is promised for its date', () => {
    const incoming = { tee: [{ locationId: 'depot', quantity: 10, expectedAt: new Date('2026-12-10T08:00:00Z') }] };
    const document = rules({ name: 'wait', locations: { types: ['warehouse'] }, whenNothingQualifies: 'backorder' });
    const facts = factsOf({}, { incoming });
    const first = route(document, group([line(0, 'tee', 6)]), facts);
    expect(first.outcome).toEqual({ kind: 'backordered', locationId: 'depot', availableAt: '2026-12-10T08:00:00.000Z', lines: [{ index: 0, quantity: 6 }] });
    // The next customer finds only 4 incoming units left.
    expect(route(document, group([line(0, 'tee', 6)]), facts).outcome).toEqual({ kind: 'rejected', reason: 'no rule found a location' });
  });

  it('given nothing anywhere, when the rule parks, then the group waits in its queue', () => {
    const decision = route(rules({ name: 'ask', whenNothingQualifies: 'park', queue: 'buyers' }), group([line(0, 'tee', 1)]), factsOf({}));
    expect(decision.outcome).toEqual({ kind: 'parked', queue: 'buyers' });
  });

  it('given a location that rejected the lines, when rerouted, then it is never chosen again', () => {
    const facts = factsOf({ 'tee@bellecour': 9, 'tee@partdieu': 9 });
    const decision = route(rules({ name: 'nearest' }), group([line(0, 'tee', 1)], { excluded: ['bellecour'] }), facts);
    expect(shipped(decision)).toEqual([{ locationId: 'partdieu', lines: [{ index: 0, quantity: 1 }] }]);
  });

  it('never promises more than is available, and every routed unit is allocated exactly once', () => {
    const variants = ['a', 'b', 'c'];
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...variants.flatMap((variant) => network.map((location) => `${variant}@${location.id}`))),
          fc.integer({ min: 0, max: 10 }),
        ),
        fc.array(fc.array(fc.tuple(fc.constantFrom(...variants), fc.integer({ min: 1, max: 8 })), { minLength: 1, maxLength: 3 }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.boolean(),
        (stock, groups, splitAllowed) => {
          const facts = factsOf(stock);
          const document = rules({ name: 'any', allocation: { split: splitAllowed, maxShipments: 4 }, ranking: ['stock_after', 'distance'] });
          const toRoute = groups.map((lines, index) =>
            group(
              lines.map(([variant, quantity], i) => line(i, variant, quantity)),
              { index },
            ),
          );
          const taken = new Map<string, number>();
          for (const [decision, routed] of routeOrder(document, { ...order, groups: toRoute }, facts).map((d, i) => [d, toRoute[i]!] as const)) {
            if (decision.outcome.kind !== 'routed') continue;
            const perLine = new Map<number, number>();
            for (const shipment of decision.outcome.shipments) {
              for (const { index, quantity } of shipment.lines) {
                perLine.set(index, (perLine.get(index) ?? 0) + quantity);
                const key = `${routed.lines[index]!.variantId}@${shipment.locationId}`;
                taken.set(key, (taken.get(key) ?? 0) + quantity);
              }
            }
            for (const routedLine of routed.lines) expect(perLine.get(routedLine.index)).toBe(routedLine.quantity);
          }
          for (const [key, quantity] of taken) expect(quantity).toBeLessThanOrEqual(stock[key] ?? 0);
        },
      ),
    );
  });
});
