import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { receive, seedBasics, stockedSkus, type Basics } from '../../../test/support/fixtures.ts';
import { createRuleSet } from '../../../test/support/rule-sets.ts';

const CARD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2099, cvc: '123' };
// Place Bellecour: STORE-A is 0.7 km away, STORE-B 2.6 km, the warehouse (WH) 6.7 km.
const ADDRESS = { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon', country: 'FR' };
const TEE_PRICE = 2000;
const SHIPPING = 490;

let api: TestApi;
let basics: Basics;
/** The web shop's active rule set (nearest store under its capacity) and a draft (the warehouse). */
const sets = {} as { active: string; draft: string };

beforeAll(async () => {
  api = await startTestApi();
  basics = await seedBasics(api);
  await stockedSkus(api, basics, [{ sku: 'TEE', price: TEE_PRICE, quantity: 100 }]);
  await receive(api, basics.storeA.id, [{ sku: 'TEE', quantity: 10 }]);
  await receive(api, basics.storeB.id, [{ sku: 'TEE', quantity: 10 }]);
  for (const method of ['ship_to_address', 'pickup_in_store']) {
    const rate = await api.call('PUT', '/v1/delivery-rates', {
      body: { method, pricing: 'flat', amount: method === 'ship_to_address' ? SHIPPING : 0, currency: 'EUR', taxClass: 'standard' },
    });
    expect(rate.status).toBe(200);
  }
  // STORE-A sends one order a day.
  expect((await api.call('PATCH', `/v1/locations/${basics.storeA.id}`, { body: { dailyCapacity: 1 } })).status).toBe(200);
  // Distances to an address come from its postcode's centroid.
  expect(
    (await api.call('PUT', '/v1/routing/postcodes', { body: { rows: [{ country: 'FR', postalCode: '69002', latitude: 45.7578, longitude: 4.832 }] } })).status,
  ).toBe(200);
  sets.active = await createRuleSet(api, {
    channelId: basics.web.id,
    name: 'Stores near the customer',
    status: 'active',
    rules: [{ name: 'Nearest store', locations: { types: ['store'], underCapacity: true }, ranking: ['distance'] }],
  });
  sets.draft = await createRuleSet(api, {
    channelId: basics.web.id,
    name: 'Warehouse first',
    status: 'draft',
    rules: [{ name: 'Warehouse', locations: { types: ['warehouse'] }, ranking: ['distance'] }],
  });
});
afterAll(() => api?.close());

/** A web shop order of one TEE shipped to the address: routed by the active rule set. */
async function placeOrder(): Promise<{ id: string; number: string; deliveryGroups: { fulfilmentLocationId: string }[] }> {
  const response = await api.call('POST', '/v1/orders', {
    token: basics.webKey,
    body: {
      customer: { firstName: 'Ana', lastName: 'Lopez', email: 'ana@example.com' },
      lines: [{ sku: 'TEE', quantity: 1 }],
      deliveryGroups: [{ method: 'ship_to_address', address: ADDRESS }],
      payments: [{ method: 'card_online', amount: TEE_PRICE + SHIPPING, card: CARD }],
    },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

/** The number of rows of every table of the schema the test runs in. */
async function rowCounts(): Promise<Record<string, number>> {
  const db = api.database.db;
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const counts: Record<string, number> = {};
  for (const { name } of tables) counts[name] = (await sql<{ rows: number }>`select count(*)::int as rows from ${sql.table(name)}`.execute(db)).rows[0]!.rows;
  return counts;
}

const sample = {
  lines: [
    { sku: 'TEE', quantity: 2, deliveryGroup: 0 },
    { sku: 'TEE', quantity: 1, deliveryGroup: 1 },
  ],
  deliveryGroups: [
    { method: 'ship_to_address', address: ADDRESS },
    { method: 'pickup_in_store', pickupLocationId: '' },
  ],
};

let first: Awaited<ReturnType<typeof placeOrder>>;
let second: Awaited<ReturnType<typeof placeOrder>>;

describe('why an order went where it went', () => {
  it('given the nearest store at its daily capacity, when an order is placed, then its routing says the store was removed with its capacity and which one was chosen', async () => {
    first = await placeOrder();
    second = await placeOrder();
    expect(first.deliveryGroups[0]!.fulfilmentLocationId).toBe(basics.storeA.id);
    expect(second.deliveryGroups[0]!.fulfilmentLocationId).toBe(basics.storeB.id);

    const response = await api.call('GET', `/v1/orders/${second.id}/routing`, { token: basics.webKey });

    expect(response.status).toBe(200);
    const [decision] = response.body.decisions;
    expect(response.body.decisions).toHaveLength(1);
    expect(decision).toMatchObject({
      trigger: 'order_placed',
      ruleSet: { id: sets.active, version: 1 },
      deliveryGroup: 0,
      outcome: 'routed',
      rule: { index: 0, name: 'Nearest store' },
      shipments: [{ locationId: basics.storeB.id, locationCode: 'STORE-B', lines: [{ sku: 'TEE', quantity: 1 }] }],
    });
    expect(decision.trace[0].candidates.find((candidate: any) => candidate.code === 'STORE-A').removedBy).toEqual({
      filter: 'capacity',
      detail: 'capacity 1/1 today',
    });
    expect(decision.summary).toEqual([
      'Rule 1 "Nearest store" (version 1): STORE-A removed — capacity 1/1 today; WH removed — warehouse not in store; ' +
        'STORE-B ranked 1st (distance 2.6 km); chose STORE-B.',
      'Outcome: sent from STORE-B.',
    ]);
  });

  it('given an order, when someone who may not read it asks for its routing, then it is not found', async () => {
    // Store A neither sends nor hands over the second order.
    expect((await api.call('GET', `/v1/orders/${second.id}/routing`, { token: basics.storeAKey })).status).toBe(404);
    expect((await api.call('GET', `/v1/orders/${first.id}/routing`, { token: basics.storeAKey })).status).toBe(200);
  });
});

describe('dry run', () => {
  it('given a draft that sends from the warehouse, when a sample order is dry run against it and against the active rules, then the locations differ and nothing is written', async () => {
    const body = { order: { ...sample, deliveryGroups: [sample.deliveryGroups[0], { ...sample.deliveryGroups[1], pickupLocationId: basics.storeB.id }] } };
    const before = await rowCounts();

    const draft = await api.call('POST', `/v1/routing/rule-sets/${sets.draft}/dry-run`, { body, token: basics.webKey });
    const active = await api.call('POST', `/v1/routing/rule-sets/${sets.active}/dry-run`, { body });

    expect(await rowCounts()).toEqual(before);
    expect(Object.keys(before).length).toBeGreaterThan(40);
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect(active.status).toBe(200);
    expect(draft.body).toMatchObject({
      ruleSet: { id: sets.draft, channelId: basics.web.id, version: 2, name: 'Warehouse first', status: 'draft' },
      orderId: null,
      decisions: [{ deliveryGroup: 0, outcome: 'routed', shipments: [{ locationCode: 'WH', lines: [{ sku: 'TEE', quantity: 2 }] }] }],
      // Picked up from the shelf of the store it names: the order path does not route it either.
      notRouted: [{ deliveryGroup: 1, locationId: basics.storeB.id }],
    });
    expect(draft.body.decisions[0].summary).toEqual([
      'Rule 1 "Warehouse" (version 2): STORE-A removed — store not in warehouse; STORE-B removed — store not in warehouse; ' +
        'WH ranked 1st (distance 6.7 km); chose WH.',
      'Outcome: sent from WH.',
    ]);
    // The active rules skip STORE-A, at its capacity since the first order.
    expect(active.body.decisions[0].shipments).toMatchObject([{ locationCode: 'STORE-B' }]);
    expect(active.body.decisions[0].summary[0]).toContain('STORE-A removed — capacity 1/1 today');
  });

  it('given a placed order, when dry run against the draft, then it is routed again as placed, its own units counting as free', async () => {
    const response = await api.call('POST', `/v1/routing/rule-sets/${sets.draft}/dry-run`, { body: { orderId: second.id } });

    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({
      orderId: second.id,
      decisions: [{ deliveryGroup: 0, outcome: 'routed', shipments: [{ locationCode: 'WH', lines: [{ sku: 'TEE', quantity: 1 }] }] }],
      notRouted: [],
    });
    expect(response.body.note).toContain('the units the order holds itself');
  });

  it('given a sample line of an unknown SKU, when dry run, then the problem names the field under body.order', async () => {
    const response = await api.call('POST', `/v1/routing/rule-sets/${sets.draft}/dry-run`, {
      body: { order: { lines: [{ sku: 'NOPE', quantity: 1 }], deliveryGroups: [sample.deliveryGroups[0]] } },
    });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'body.order.lines.0.sku', message: 'SKU NOPE does not exist' }]);
  });

  it('given store staff, when they dry run a rule set, then they are refused', async () => {
    const response = await api.call('POST', `/v1/routing/rule-sets/${sets.draft}/dry-run`, { body: { orderId: second.id }, token: basics.storeAKey });
    expect(response.status).toBe(403);
  });
});

describe('replay', () => {
  it('given orders sent from stores, when replayed against the warehouse draft, then each differs and the report compares locations, distance and splits, writing nothing', async () => {
    const third = await placeOrder();
    expect(third.deliveryGroups[0]!.fulfilmentLocationId).toBe(basics.storeB.id);
    const before = await rowCounts();

    const response = await api.call('POST', `/v1/routing/rule-sets/${sets.draft}/replay`, { body: { days: 1 }, token: basics.webKey });

    expect(await rowCounts()).toEqual(before);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const report = response.body;
    expect(report.orders).toEqual({ read: 3, compared: 3, differing: 3 });
    expect(report.before).toMatchObject({
      locationsUsed: { 'STORE-A': 1, 'STORE-B': 2 },
      splitRatePercent: 0,
      ordersUnfillable: 0,
      groups: { routed: 3, split: 0, backordered: 0, parked: 0, rejected: 0 },
      decidedBy: [{ ruleSetId: sets.active, version: 1, groups: 3 }],
    });
    expect(report.after).toMatchObject({ locationsUsed: { WH: 3 }, splitRatePercent: 0, ordersUnfillable: 0 });
    expect(report.before.averageDistanceKm).toBeLessThan(report.after.averageDistanceKm);
    expect(report.after.averageDistanceKm).toBe(6.7);
    expect(report.examples).toEqual(
      expect.arrayContaining([
        { orderId: first.id, number: first.number, before: ['STORE-A'], after: ['WH'] },
        { orderId: second.id, number: second.number, before: ['STORE-B'], after: ['WH'] },
      ]),
    );
    expect(report.note).toMatch(/approximation/);
  });

  it('given a replay over more than 90 days, when asked, then the request is refused', async () => {
    const response = await api.call('POST', `/v1/routing/rule-sets/${sets.draft}/replay`, { body: { days: 91 } });
    expect(response.status).toBe(400);
  });
});
