import { describe, expect, it } from 'vitest';
import { storedTrace } from './decisions.ts';
import { routeGroup, type GroupDecision } from './engine.ts';
import { levelsOf, supplyOf, type GroupToRoute, type IncomingSupply, type NetworkLocation, type RoutingFacts } from './network.ts';
import { rulesDocumentSchema } from './rules.ts';
import { ordinal, summarise, type DecisionToSummarise } from './summary.ts';

const place = (id: string, latitude: number, longitude: number, extra: Partial<NetworkLocation> = {}): NetworkLocation => ({
  id,
  code: id.toUpperCase(),
  type: 'store',
  latitude,
  longitude,
  groups: [],
  capabilities: ['ships_orders', 'click_and_collect', 'ship_from_store'],
  openToday: true,
  capacity: { today: { used: 0, limit: 0 }, window: null },
  ...extra,
});
const bellecour = place('bellecour', 45.7578, 4.832, { capacity: { today: { used: 40, limit: 40 }, window: null } });
const partDieu = place('partdieu', 45.7606, 4.8596);
const vaise = place('vaise', 45.775, 4.805);

function facts(stock: Record<string, number>, locations = [bellecour, partDieu, vaise], incoming: Record<string, IncomingSupply[]> = {}): RoutingFacts {
  return {
    now: new Date('2026-12-07T10:00:00Z'),
    locations: new Map(locations.map((location) => [location.id, location])),
    supply: supplyOf(levelsOf(new Map(Object.entries(stock)), '@'), new Map(Object.entries(incoming))),
    flags: new Map(),
  };
}
const group = (quantity: number, candidates = ['bellecour', 'partdieu', 'vaise']): GroupToRoute => ({
  index: 0,
  method: 'ship_to_address',
  pickupLocationId: null,
  destination: { latitude: 45.764, longitude: 4.8357 },
  promisedAt: null,
  lines: [{ index: 0, variantId: 'tee', productId: 'p', sku: 'TEE', quantity, value: 2000, tags: [] }],
  candidates,
  excluded: [],
});
const toSummarise = (decision: GroupDecision, version: number | null = 3): DecisionToSummarise => ({
  ruleSetVersion: version,
  outcome: decision.outcome,
  shipments:
    decision.outcome.kind === 'routed'
      ? decision.outcome.shipments.map((shipment) => ({
          locationId: shipment.locationId,
          lines: shipment.lines.map((line) => ({ sku: 'TEE', quantity: line.quantity })),
        }))
      : [],
  trace: decision.trace,
});

describe('routing decision in sentences', () => {
  it('given a store at its capacity and one out of stock, when the nearest other one is chosen, then the rule says each with its values', () => {
    const rules = rulesDocumentSchema.parse({ rules: [{ name: 'Nearest store', locations: { underCapacity: true }, ranking: ['distance'] }] });
    const toRoute = group(2);
    const decision = routeGroup(rules, { channelId: 'web', priority: 0, groups: [toRoute] }, toRoute, facts({ 'tee@partdieu': 5, 'tee@vaise': 1 }));

    expect(summarise(toSummarise(decision))).toEqual([
      'Rule 1 "Nearest store" (version 3): BELLECOUR removed — capacity 40/40 today; VAISE removed — TEE: 1 available < 2 ordered; ' +
        'PARTDIEU ranked 1st (distance 1.9 km); chose PARTDIEU.',
      'Outcome: sent from PARTDIEU.',
    ]);
  });

  it('given stores short of stock, when the group is backordered where stock is coming, then each is ranked with what it lacks, and the outcome says where and when', () => {
    const rules = rulesDocumentSchema.parse({ rules: [{ name: 'Nearest', ranking: ['distance'], whenNothingQualifies: 'backorder' }] });
    const toRoute = group(2, ['partdieu', 'vaise']);
    const incoming = { tee: [{ locationId: 'vaise', quantity: 5, expectedAt: new Date('2027-01-04T00:00:00Z') }] };
    const decision = routeGroup(rules, { channelId: 'web', priority: 0, groups: [toRoute] }, toRoute, facts({ 'tee@partdieu': 1 }, undefined, incoming));

    expect(summarise(toSummarise(decision, null))).toEqual([
      'Rule 1 "Nearest" (default rules): PARTDIEU ranked 1st (distance 1.9 km), removed by stock — TEE: 1 available < 2 ordered; ' +
        'VAISE 2nd (distance 2.7 km), removed by stock — TEE: 0 available < 2 ordered; ' +
        'no location has the stock: backordered (incoming at VAISE, expected 2027-01-04T00:00:00.000Z).',
      'Outcome: backordered at VAISE, stock expected 2027-01-04.',
    ]);
  });

  it('given a rule not for the order and one that finds nothing, when the group is rejected, then each rule and the rejection are told', () => {
    const rules = rulesDocumentSchema.parse({
      rules: [
        { name: 'Pickup only', orders: { deliveryMethods: ['pickup_in_store'] } },
        { name: 'Close by', locations: { maxDistanceKm: 1 }, whenNothingQualifies: 'reject' },
      ],
    });
    const toRoute = group(1, ['partdieu']);
    const decision = routeGroup(rules, { channelId: 'web', priority: 0, groups: [toRoute] }, toRoute, facts({ 'tee@partdieu': 5 }));

    expect(summarise(toSummarise(decision))).toEqual([
      'Rule 1 "Pickup only" (version 3) is not for this order: order filter delivery method ship_to_address not met.',
      'Rule 2 "Close by" (version 3): PARTDIEU removed — 1.9 km > 1 km; every location was filtered out: rejected.',
      'Outcome: rejected — every location was filtered out.',
    ]);
  });

  it('given a split group, when summarised, then the outcome says what each location sends', () => {
    const rules = rulesDocumentSchema.parse({ rules: [{ name: 'Split', ranking: ['distance'], allocation: { split: true, maxShipments: 2 } }] });
    const toRoute = group(5, ['partdieu', 'vaise']);
    const decision = routeGroup(rules, { channelId: 'web', priority: 0, groups: [toRoute] }, toRoute, facts({ 'tee@partdieu': 3, 'tee@vaise': 2 }));

    expect(summarise(toSummarise(decision)).at(-1)).toBe('Outcome: split into 2 shipments — PARTDIEU sends 3 × TEE; VAISE sends 2 × TEE.');
  });

  it('given a trace compacted when stored (over 30 candidates), when summarised, then the removed ones left out are counted per filter', () => {
    const many = Array.from({ length: 40 }, (_, index) => place(`s${index}`, 45 + index / 100, 4.8, { type: index < 35 ? 'store' : 'warehouse' }));
    const rules = rulesDocumentSchema.parse({ rules: [{ name: 'Warehouses', locations: { types: ['warehouse'] }, ranking: ['distance'] }] });
    const toRoute = group(
      1,
      many.map((location) => location.id),
    );
    const stock = Object.fromEntries(many.map((location) => [`tee@${location.id}`, 5]));
    const decision = routeGroup(rules, { channelId: 'web', priority: 0, groups: [toRoute] }, toRoute, facts(stock, many));
    const sentence = summarise({ ...toSummarise(decision), trace: storedTrace(decision) })[0]!;

    expect(sentence).toContain('S0 removed — store not in warehouse');
    expect(sentence).toContain('and 32 more removed by type');
    expect(sentence).toMatch(/S39 ranked 1st \(distance [\d.]+ km\); S38 2nd .*S35 5th/);
  });

  it('given a backorder and a parked group, when summarised, then the outcome says where and until when, or which queue', () => {
    const base = { ruleSetVersion: 1, shipments: [], trace: [] };
    expect(summarise({ ...base, outcome: { kind: 'backordered', locationId: null, availableAt: '2027-01-04T00:00:00.000Z' } })).toEqual([
      'Outcome: backordered as a preorder, stock expected 2027-01-04.',
    ]);
    expect(summarise({ ...base, outcome: { kind: 'parked', queue: 'big-orders' } })).toEqual(['Outcome: parked in queue "big-orders" for a person.']);
  });

  it('given numbers, when written as ranks, then they read 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 112th', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 112].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '112th']);
  });
});
