import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { createVariants, ledgerMismatches, locationBody, receive } from '../../../test/support/fixtures.ts';
import { createRuleSet } from '../../../test/support/rule-sets.ts';
import { newId } from '../../platform/ids.ts';

/**
 * Routing at order time, through the API: a network around Lyon (two stores in Lyon, one in Marseille, a warehouse near
 * Paris), the web channel fulfilling from all of them, and rule sets activated one after the other.
 */

const CARD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2099, cvc: '123' };
const PRICE = 1000;
const LYON = { line1: '20 place Bellecour', postalCode: '69002', city: 'Lyon', country: 'FR' };

let api: TestApi;
let places: Record<'bellecour' | 'partDieu' | 'marseille' | 'paris', { id: string }>;
let web: { id: string };

const created = async (path: string, body: unknown) => {
  const response = await api.call('POST', path, { body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
};

beforeAll(async () => {
  api = await startTestApi();
  places = {
    bellecour: await created('/v1/locations', {
      ...locationBody('BELLECOUR', 'store', 45.7578, 4.832),
      capabilities: ['click_and_collect', 'ship_from_store'],
    }),
    partDieu: await created('/v1/locations', {
      ...locationBody('PART-DIEU', 'store', 45.7606, 4.8596),
      capabilities: ['click_and_collect', 'ship_from_store'],
    }),
    marseille: await created('/v1/locations', {
      ...locationBody('MARSEILLE', 'store', 43.2965, 5.3698),
      capabilities: ['click_and_collect', 'ship_from_store'],
    }),
    paris: await created('/v1/locations', locationBody('WH-PARIS', 'warehouse', 48.7, 2.4)),
  };
  const priceList = await created('/v1/price-lists', { code: 'eur', name: 'Euro prices', currency: 'EUR', pricesIncludeTax: true });
  web = await created('/v1/channels', {
    code: 'web',
    name: 'Web shop',
    type: 'web',
    currency: 'EUR',
    priceListId: priceList.id,
    locations: Object.values(places).map((place) => ({ locationId: place.id, sells: true, fulfils: true })),
  });
  await createVariants(api, ['TEE', 'CAP', 'SOCKS', 'SCARF', 'GLOVES']);
  expect(
    (
      await api.call('PUT', `/v1/price-lists/${priceList.id}/prices`, {
        body: { prices: ['TEE', 'CAP', 'SOCKS', 'SCARF', 'GLOVES'].map((sku) => ({ sku, amount: PRICE })) },
      })
    ).status,
  ).toBe(200);
  for (const method of ['ship_to_address', 'pickup_in_store', 'ship_to_store']) {
    expect(
      (await api.call('PUT', '/v1/delivery-rates', { body: { method, pricing: 'flat', amount: 0, packingFee: 0, currency: 'EUR', taxClass: 'standard' } }))
        .status,
    ).toBe(200);
  }
  // The postcode of the customers in Lyon.
  const postcodes = await api.call('PUT', '/v1/routing/postcodes', {
    body: { rows: [{ country: 'FR', postalCode: '69002', latitude: 45.7578, longitude: 4.8286 }] },
  });
  expect(postcodes.status).toBe(200);
});
afterAll(async () => {
  expect(await ledgerMismatches(api)).toEqual([]);
  await api?.close();
});

let version = 0;
/** Makes `rules` the web channel's active rule set, through the API (the version before it archived). */
async function activate(rules: unknown[]) {
  version++;
  return createRuleSet(api, { channelId: web.id, name: `version ${version}`, rules });
}

const order = (lines: { sku: string; quantity: number }[], group: Record<string, unknown> = { method: 'ship_to_address', address: LYON }) =>
  api.call('POST', '/v1/orders', {
    body: {
      channelId: web.id,
      customer: { firstName: 'Camille', lastName: 'Martin', email: `camille.${newId()}@example.com` },
      lines,
      deliveryGroups: [{ recipient: 'Camille Martin', ...group }],
      payments: [{ method: 'card_online', amount: lines.reduce((sum, line) => sum + line.quantity * PRICE, 0), card: CARD }],
    },
  });

interface Decision {
  trigger: string;
  outcome: string;
  ruleSet: { id: string; version: number } | null;
  summary: string[];
  trace: { candidates?: { code: string; rank?: number; removedBy?: { filter: string; detail: string } }[] }[];
}
/** The order's routing decisions, as GET /v1/orders/{id}/routing answers them. */
const decisionsOf = async (orderId: string): Promise<Decision[]> => {
  const response = await api.call('GET', `/v1/orders/${orderId}/routing`);
  expect(response.status).toBe(200);
  return response.body.decisions;
};
const candidate = (decision: Decision | undefined, code: string) => decision?.trace[0]?.candidates?.find((entry) => entry.code === code);

const shipments = (body: { deliveryGroups: { fulfilmentLocationId: string; status: string; lines: { sku: string; quantity: number }[] }[] }) =>
  body.deliveryGroups.map((group) => ({ from: group.fulfilmentLocationId, status: group.status, lines: group.lines.map((line) => [line.sku, line.quantity]) }));

describe('routing at order time', () => {
  it('given stock in both Lyon stores and Marseille, when ranked by distance, then the nearest store sends it and the decision is kept', async () => {
    await receive(api, places.bellecour.id, [{ sku: 'TEE', quantity: 3 }]);
    await receive(api, places.partDieu.id, [{ sku: 'TEE', quantity: 3 }]);
    await receive(api, places.marseille.id, [{ sku: 'TEE', quantity: 30 }]);
    const setId = await activate([{ name: 'Nearest store', locations: { types: ['store'] }, ranking: ['distance'] }]);
    const placed = await order([{ sku: 'TEE', quantity: 1 }]);
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(shipments(placed.body)).toEqual([{ from: places.bellecour.id, status: 'reserved', lines: [['TEE', 1]] }]);
    const [decision] = await decisionsOf(placed.body.id);
    expect(decision).toMatchObject({ trigger: 'order_placed', ruleSet: { id: setId, version }, outcome: 'routed' });
    expect(candidate(decision, 'BELLECOUR')?.rank).toBe(1);
    expect(candidate(decision, 'WH-PARIS')?.removedBy?.filter).toBe('type');
  });

  it('given the nearest store at its capacity, when routed under capacity, then the next store sends it and the explanation says why', async () => {
    const patched = await api.call('PATCH', `/v1/locations/${places.bellecour.id}`, { body: { dailyCapacity: 1 } });
    expect(patched.status).toBe(200);
    await activate([{ name: 'Nearest store with room', locations: { types: ['store'], underCapacity: true }, ranking: ['distance'] }]);
    // Bellecour took one order today already (the test before).
    const placed = await order([{ sku: 'TEE', quantity: 1 }]);
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(shipments(placed.body)[0]?.from).toBe(places.partDieu.id);
    const [decision] = await decisionsOf(placed.body.id);
    expect(candidate(decision, 'BELLECOUR')?.removedBy).toEqual({ filter: 'capacity', detail: 'capacity 1/1 today' });
    expect(decision?.summary.join(' ')).toContain('BELLECOUR removed — capacity 1/1 today');
    await api.call('PATCH', `/v1/locations/${places.bellecour.id}`, { body: { dailyCapacity: 0 } });
  });

  it('given no split, when no near store has every line, then the one location with everything sends it even if farther', async () => {
    await receive(api, places.bellecour.id, [{ sku: 'CAP', quantity: 5 }]);
    await receive(api, places.marseille.id, [{ sku: 'CAP', quantity: 5 }]);
    await activate([{ name: 'Nearest store', locations: { types: ['store'] }, ranking: ['distance'] }]);
    const placed = await order([
      { sku: 'TEE', quantity: 4 },
      { sku: 'CAP', quantity: 1 },
    ]);
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(shipments(placed.body)).toEqual([
      {
        from: places.marseille.id,
        status: 'reserved',
        lines: [
          ['TEE', 4],
          ['CAP', 1],
        ],
      },
    ]);
  });

  it('given 25 units asked and 29 in the network but not at one place, when split is allowed, then the fewest shipments send them', async () => {
    await receive(api, places.bellecour.id, [{ sku: 'SOCKS', quantity: 4 }]);
    await receive(api, places.partDieu.id, [{ sku: 'SOCKS', quantity: 5 }]);
    await receive(api, places.paris.id, [{ sku: 'SOCKS', quantity: 20 }]);
    // Without a split, the order is refused as before.
    await activate([{ name: 'One place', ranking: ['distance'] }]);
    const refused = await order([{ sku: 'SOCKS', quantity: 25 }]);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('insufficient-stock');
    await activate([{ name: 'Split', ranking: ['distance'], allocation: { split: true, maxShipments: 3 } }]);
    const placed = await order([{ sku: 'SOCKS', quantity: 25 }]);
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(shipments(placed.body)).toEqual([
      { from: places.paris.id, status: 'reserved', lines: [['SOCKS', 20]] },
      { from: places.partDieu.id, status: 'reserved', lines: [['SOCKS', 5]] },
    ]);
    // The parts add up to the line: quantities, amounts and reservations.
    const lines = placed.body.deliveryGroups.flatMap((group: { lines: { lineTotal: number }[] }) => group.lines);
    expect(lines.reduce((sum: number, line: { lineTotal: number }) => sum + line.lineTotal, 0)).toBe(25 * PRICE);
    expect(placed.body.totals.total).toBe(25 * PRICE);
    const reserved = await api.database.db
      .selectFrom('reservations')
      .select(['location_id', 'quantity'])
      .where('reference_id', '=', placed.body.id)
      .where('status', '=', 'active')
      .execute();
    expect(new Map(reserved.map((row) => [row.location_id, row.quantity]))).toEqual(
      new Map([
        [places.paris.id, 20],
        [places.partDieu.id, 5],
      ]),
    );
    const [decision] = await decisionsOf(placed.body.id);
    expect(decision?.outcome).toBe('split');
  });

  it('given a pickup without a store and an address in Lyon, when routed to the nearest store, then that store hands it over', async () => {
    await receive(api, places.partDieu.id, [{ sku: 'SCARF', quantity: 2 }]);
    await receive(api, places.marseille.id, [{ sku: 'SCARF', quantity: 2 }]);
    await activate([{ name: 'Pickup nearby', orders: { deliveryMethods: ['pickup_in_store'] }, locations: { maxDistanceKm: 30 }, ranking: ['distance'] }]);
    const placed = await order([{ sku: 'SCARF', quantity: 1 }], { method: 'pickup_in_store', address: LYON });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(placed.body.deliveryGroups[0]).toMatchObject({ fulfilmentLocationId: places.partDieu.id, pickupLocationId: places.partDieu.id, status: 'reserved' });
  });

  it('given a rule that parks what it cannot place, when nothing has the stock, then the group waits in the queue and reserves nothing', async () => {
    await activate([{ name: 'Ask the buyers', locations: { types: ['warehouse'] }, whenNothingQualifies: 'park', queue: 'buyers' }]);
    const placed = await order([{ sku: 'GLOVES', quantity: 1 }]);
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(placed.body.deliveryGroups[0]).toMatchObject({ status: 'parked', queue: 'buyers', fulfilmentLocationId: null, promisedAt: null });
    const reservations = await api.database.db.selectFrom('reservations').select('id').where('reference_id', '=', placed.body.id).execute();
    expect(reservations).toEqual([]);
  });

  it('given a rule set replaced and rolled back, when the next order comes, then it is routed by the version active then', async () => {
    await receive(api, places.paris.id, [{ sku: 'TEE', quantity: 10 }]);
    const warehouseFirst = await activate([{ name: 'Warehouse', locations: { types: ['warehouse'] } }]);
    expect(shipments((await order([{ sku: 'TEE', quantity: 1 }])).body)[0]?.from).toBe(places.paris.id);
    await activate([{ name: 'Nearest store', locations: { types: ['store'] }, ranking: ['distance'] }]);
    expect(shipments((await order([{ sku: 'TEE', quantity: 1 }])).body)[0]?.from).not.toBe(places.paris.id);
    // Rollback: the older version active again.
    expect((await api.call('POST', `/v1/routing/rule-sets/${warehouseFirst}/activate`)).status).toBe(200);
    const placed = await order([{ sku: 'TEE', quantity: 1 }]);
    expect(shipments(placed.body)[0]?.from).toBe(places.paris.id);
    expect((await decisionsOf(placed.body.id))[0]?.ruleSet?.id).toBe(warehouseFirst);
  });
});
