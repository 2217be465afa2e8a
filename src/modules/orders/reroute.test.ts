import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { createVariants, ledgerMismatches, locationBody, receive, seedBasics, type Basics } from '../../../test/support/fixtures.ts';
import { activateRules, channelFor, warehouseFirst } from '../../../test/support/routing.ts';

/**
 * A location rejects lines (issue 19, point 6): its stock is corrected by the reason's effect, and the lines are routed
 * again by the channel's rules, never to a location that rejected them; after maxRejections they wait for a person;
 * a pickup store's rejection sends the goods from elsewhere, or asks the customer.
 */

const CARD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2099, cvc: '123' };
const ADDRESS = { line1: '3 quai Saint-Antoine', postalCode: '69002', city: 'Lyon', country: 'FR' };
const PRICE = 1000;

let api: TestApi;
let basics: Basics;
let storeBKey: string;
/** A channel whose rule set parks after two rejections and asks the customer when a pickup store rejects. */
let strict: string;
let strictKey: string;

beforeAll(async () => {
  api = await startTestApi();
  basics = await seedBasics(api);
  await createVariants(api, ['MUG', 'TEE', 'CAP', 'BAG', 'HAT', 'KIT']);
  const prices = ['MUG', 'TEE', 'CAP', 'BAG', 'HAT', 'KIT'].map((sku) => ({ sku, amount: PRICE }));
  expect((await api.call('PUT', `/v1/price-lists/${basics.priceList.id}/prices`, { body: { prices } })).status).toBe(200);
  for (const method of ['ship_to_address', 'pickup_in_store', 'ship_to_store']) {
    const rate = { method, pricing: 'flat', amount: 0, packingFee: 0, currency: 'EUR', taxClass: 'standard' };
    expect((await api.call('PUT', '/v1/delivery-rates', { body: rate })).status).toBe(200);
  }
  await receive(
    api,
    basics.warehouse.id,
    ['MUG', 'TEE', 'CAP', 'BAG'].map((sku) => ({ sku, quantity: 10 })),
  );
  await receive(
    api,
    basics.storeA.id,
    ['MUG', 'TEE', 'CAP', 'BAG'].map((sku) => ({ sku, quantity: 5 })),
  );
  await receive(
    api,
    basics.storeB.id,
    ['MUG', 'TEE', 'HAT'].map((sku) => ({ sku, quantity: 3 })),
  );
  storeBKey = (await api.call('POST', '/v1/api-keys', { body: { name: 'Store B', role: 'store', locationId: basics.storeB.id } })).body.token;
  strict = await channelFor(api, 'strict', basics.priceList.id, [basics.warehouse.id, basics.storeA.id, basics.storeB.id]);
  strictKey = (await api.call('POST', '/v1/api-keys', { body: { name: 'Strict', role: 'channel', channelId: strict } })).body.token;
  await activateRules(api, strict, { rules: [warehouseFirst('reject')], options: { maxRejections: 2, pickupRejected: 'ask_customer' } });
});
afterAll(() => api?.close());

async function order(sku: string, quantity: number, group: Record<string, unknown>, options: { channelId?: string; token?: string } = {}) {
  const response = await api.call('POST', '/v1/orders', {
    token: options.token,
    body: {
      ...(options.token ? {} : { channelId: options.channelId ?? basics.web.id }),
      customer: { firstName: 'Lea', lastName: 'Roux', email: 'lea@example.com' },
      lines: [{ sku, quantity }],
      deliveryGroups: [group],
      payments: [{ method: 'card_online', amount: PRICE * quantity, card: CARD }],
    },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

const shipFrom = (locationId: string) => ({ method: 'ship_to_address', address: ADDRESS, fulfilmentLocationId: locationId });
const reject = (placed: { id: string }, groupId: string, lines: unknown[], token?: string, headers?: Record<string, string>) =>
  api.call('POST', `/v1/orders/${placed.id}/delivery-groups/${groupId}/reject`, { body: { lines }, token, headers });

async function level(sku: string, locationId: string) {
  const response = await api.call('GET', `/v1/inventory/levels?sku=${sku}&locationId=${locationId}`);
  return response.body.items[0] as { onHand: number; reserved: number; damaged: number };
}
const events = async (type: string, orderId: string) =>
  (await api.database.db.selectFrom('outbox_events').select('payload').where('type', '=', type).execute())
    .map((row) => row.payload as Record<string, unknown>)
    .filter((payload) => payload.orderId === orderId);
const timeline = async (orderId: string) => (await api.call('GET', `/v1/orders/${orderId}/timeline`)).body.items.map((item: { type: string }) => item.type);
const decisions = (orderId: string) =>
  api.database.db.selectFrom('routing_decisions').select(['trigger', 'outcome', 'explanation']).where('order_id', '=', orderId).orderBy('id').execute();

describe('a location rejects a line', () => {
  it('given 2 mugs sent from store A, when A finds 1 missing, then A counts 1 less and that mug leaves from the warehouse', async () => {
    const placed = await order('MUG', 2, shipFrom(basics.storeA.id));
    const group = placed.deliveryGroups[0];
    const before = { a: await level('MUG', basics.storeA.id), wh: await level('MUG', basics.warehouse.id) };

    const response = await reject(placed, group.id, [{ lineId: group.lines[0].id, quantity: 1, reason: 'missing_unit' }], basics.storeAKey);

    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const groups = response.body.deliveryGroups;
    expect(groups.map((g: any) => [g.fulfilmentLocationId, g.status, g.lines.map((line: any) => [line.sku, line.quantity])])).toEqual([
      [basics.storeA.id, 'reserved', [['MUG', 1]]],
      [basics.warehouse.id, 'reserved', [['MUG', 1]]],
    ]);
    // The parts add up to what was charged.
    expect(groups.flatMap((g: any) => g.lines).reduce((sum: number, line: any) => sum + line.lineTotal, 0)).toBe(2 * PRICE);
    const after = { a: await level('MUG', basics.storeA.id), wh: await level('MUG', basics.warehouse.id) };
    expect([after.a.onHand, after.a.reserved]).toEqual([before.a.onHand - 1, before.a.reserved - 1]);
    expect(after.wh.reserved).toBe(before.wh.reserved + 1);
    const movements = (await api.call('GET', `/v1/inventory/movements?sku=MUG&locationId=${basics.storeA.id}`)).body.items;
    expect(movements[0]).toMatchObject({ kind: 'adjustment', onHandChange: -1 });
    expect(await timeline(placed.id)).toEqual(['order.placed', 'lines.rejected', 'stock.corrected', 'lines.rerouted']);
    const [decision] = (await decisions(placed.id)).filter((row) => row.trigger === 'reroute');
    expect(decision).toMatchObject({ outcome: 'routed', explanation: { excluded: [basics.storeA.id] } });
    // Read as every decision is: the group named its location, so the reroute is the order's only decision.
    const routing = await api.call('GET', `/v1/orders/${placed.id}/routing`);
    expect(routing.status, JSON.stringify(routing.body)).toBe(200);
    expect(routing.body.decisions).toEqual([
      expect.objectContaining({
        trigger: 'reroute',
        outcome: 'routed',
        shipments: [expect.objectContaining({ locationId: basics.warehouse.id, status: 'reserved' })],
      }),
    ]);
    const rejections = await api.database.db.selectFrom('routing_rejections').selectAll().where('order_id', '=', placed.id).execute();
    expect(rejections.map((row) => [row.location_id, row.quantity, row.reason])).toEqual([[basics.storeA.id, 1, 'missing_unit']]);
    expect(await ledgerMismatches(api)).toEqual([]);
  });

  it('given 2 tees sent from store B, when B says its whole count is wrong, then B has none on hand and the whole group leaves from the warehouse', async () => {
    const placed = await order('TEE', 2, shipFrom(basics.storeB.id));
    const group = placed.deliveryGroups[0];

    const response = await reject(placed, group.id, [{ lineId: group.lines[0].id, quantity: 1, reason: 'count_wrong' }], storeBKey);

    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.deliveryGroups).toHaveLength(1);
    expect(response.body.deliveryGroups[0]).toMatchObject({ id: group.id, status: 'reserved', fulfilmentLocationId: basics.warehouse.id });
    expect(response.body.deliveryGroups[0].lines[0]).toMatchObject({ id: group.lines[0].id, quantity: 2 });
    expect(await level('TEE', basics.storeB.id)).toMatchObject({ onHand: 0, reserved: 0 });
    const movements = (await api.call('GET', `/v1/inventory/movements?sku=TEE&locationId=${basics.storeB.id}`)).body.items;
    expect(movements[0]).toMatchObject({ kind: 'count', quantity: 0, onHandChange: -3 });
    expect(await ledgerMismatches(api)).toEqual([]);
  });

  it('given a damaged cap, then it leaves on hand as damaged; a customer_request changes no stock', async () => {
    const placed = await order('CAP', 2, shipFrom(basics.storeA.id));
    const [line] = placed.deliveryGroups[0].lines;
    const before = await level('CAP', basics.storeA.id);
    const response = await reject(placed, placed.deliveryGroups[0].id, [{ lineId: line.id, quantity: 1, reason: 'damaged' }]);
    expect(response.status).toBe(200);
    expect(await level('CAP', basics.storeA.id)).toMatchObject({ onHand: before.onHand - 1, damaged: before.damaged + 1 });

    const other = await order('BAG', 1, shipFrom(basics.storeA.id));
    const bag = await level('BAG', basics.storeA.id);
    expect((await reject(other, other.deliveryGroups[0].id, [{ lineId: other.deliveryGroups[0].lines[0].id, reason: 'customer_request' }])).status).toBe(200);
    expect(await level('BAG', basics.storeA.id)).toMatchObject({ onHand: bag.onHand, reserved: bag.reserved - 1 });
  });

  it('is refused to another store (404: it does not see the order), to a channel key (403), over the quantity left (422), for a line of another group (400)', async () => {
    const placed = await order('MUG', 1, shipFrom(basics.storeA.id));
    const group = placed.deliveryGroups[0];
    const lines = [{ lineId: group.lines[0].id, reason: 'other' }];
    expect((await reject(placed, group.id, lines, storeBKey)).status).toBe(404);
    expect((await reject(placed, group.id, lines, strictKey)).status).toBe(403);
    expect((await reject(placed, group.id, [{ ...lines[0], quantity: 2 }])).body).toMatchObject({ status: 422, code: 'over-reject' });
    expect((await reject(placed, group.id, [{ lineId: placed.id, reason: 'other' }])).body).toMatchObject({ status: 400 });
  });

  it('given an Idempotency-Key, when the rejection is sent twice, then it is done once and the same answer comes back', async () => {
    const placed = await order('MUG', 1, shipFrom(basics.storeA.id));
    const group = placed.deliveryGroups[0];
    const lines = [{ lineId: group.lines[0].id, reason: 'not_found' }];
    const headers = { 'idempotency-key': `reject-${placed.id}` };
    const first = await reject(placed, group.id, lines, basics.storeAKey, headers);
    const second = await reject(placed, group.id, lines, basics.storeAKey, headers);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await api.database.db.selectFrom('routing_rejections').select('id').where('order_id', '=', placed.id).execute()).toHaveLength(1);
  });
});

describe('after maxRejections locations have rejected the lines', () => {
  it('given a rule set allowing 2, when store A then the warehouse reject, then the group is parked in the rejected queue (order.parked)', async () => {
    const placed = await order('MUG', 1, shipFrom(basics.storeA.id), { token: strictKey });
    const first = await reject(placed, placed.deliveryGroups[0].id, [{ lineId: placed.deliveryGroups[0].lines[0].id, reason: 'not_found' }]);
    expect(first.body.deliveryGroups[0]).toMatchObject({ status: 'reserved', fulfilmentLocationId: basics.warehouse.id });

    const second = await reject(placed, placed.deliveryGroups[0].id, [{ lineId: placed.deliveryGroups[0].lines[0].id, reason: 'not_found' }]);

    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body.deliveryGroups[0]).toMatchObject({ status: 'parked', queue: 'rejected', fulfilmentLocationId: null });
    const line = await api.database.db.selectFrom('order_lines').select('reservation_id').where('order_id', '=', placed.id).executeTakeFirstOrThrow();
    expect(line.reservation_id).toBeNull();
    expect(await events('order.parked', placed.id)).toEqual([expect.objectContaining({ groupId: placed.deliveryGroups[0].id, queue: 'rejected' })]);
    const last = (await decisions(placed.id)).at(-1)!;
    expect(last).toMatchObject({ trigger: 'reroute', outcome: 'parked', explanation: { reason: 'rejected by 2 locations (maxRejections 2)' } });
    // Store B was never asked: two rejections were all the rules allow.
    const group = await api.database.db
      .selectFrom('delivery_groups')
      .select('routing_attempts')
      .where('id', '=', placed.deliveryGroups[0].id)
      .executeTakeFirstOrThrow();
    expect(group.routing_attempts).toBe(2);
  });

  it('given a rejection no other location can take (no stock anywhere else), then the lines are parked in the rejected queue at once', async () => {
    // HAT is at store B only; the default rules reject what no location has: a person decides.
    const placed = await order('HAT', 3, shipFrom(basics.storeB.id));
    const response = await reject(placed, placed.deliveryGroups[0].id, [{ lineId: placed.deliveryGroups[0].lines[0].id, reason: 'not_found' }], storeBKey);
    expect(response.body.deliveryGroups[0]).toMatchObject({ status: 'parked', queue: 'rejected' });
  });
});

describe('a pickup store rejects lines', () => {
  it('given the rule set says ask_customer, then order.pickup_unavailable names the lines and they wait in the customer queue', async () => {
    const placed = await order('BAG', 1, { method: 'pickup_in_store', pickupLocationId: basics.storeA.id }, { token: strictKey });
    const group = placed.deliveryGroups[0];
    const before = await level('BAG', basics.storeA.id);

    const response = await reject(placed, group.id, [{ lineId: group.lines[0].id, reason: 'not_found' }], basics.storeAKey);

    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.deliveryGroups[0]).toMatchObject({ id: group.id, status: 'parked', queue: 'customer', pickupLocationId: basics.storeA.id });
    expect(await events('order.pickup_unavailable', placed.id)).toEqual([
      { orderId: placed.id, groupId: group.id, number: placed.number, lineIds: [group.lines[0].id] },
    ]);
    expect(await level('BAG', basics.storeA.id)).toMatchObject({ onHand: before.onHand, reserved: before.reserved - 1 });
  });

  it('given the default (reroute), then the goods come from the warehouse to the store on a draft transfer, and are picked up there once it arrives', async () => {
    const placed = await order('CAP', 1, { method: 'pickup_in_store', pickupLocationId: basics.storeA.id });
    const group = placed.deliveryGroups[0];

    const response = await reject(placed, group.id, [{ lineId: group.lines[0].id, reason: 'not_found' }], basics.storeAKey);

    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const moved = response.body.deliveryGroups[0];
    expect(moved).toMatchObject({ id: group.id, method: 'ship_to_store', status: 'awaiting_transfer', fulfilmentLocationId: basics.warehouse.id });
    const transfer = (await api.call('GET', `/v1/transfers/${moved.transferId}`)).body;
    expect(transfer).toMatchObject({
      status: 'draft',
      fromLocationId: basics.warehouse.id,
      toLocationId: basics.storeA.id,
      lines: [{ sku: 'CAP', quantity: 1 }],
    });
    expect((await api.call('POST', `/v1/transfers/${transfer.id}/ship`)).status).toBe(200);
    expect((await api.call('POST', `/v1/transfers/${transfer.id}/receive`, { body: { lines: [{ sku: 'CAP', quantity: 1 }] } })).status).toBe(200);
    // Everything arrived: ready for pickup at once (orders/pickup/ready.ts).
    const arrived = (await api.call('GET', `/v1/orders/${placed.id}`)).body.deliveryGroups[0];
    expect(arrived.status).toBe('ready_for_pickup');
    expect(await ledgerMismatches(api)).toEqual([]);
  });
});

describe('a drop-ship vendor rejects lines', () => {
  it('given a vendor asked to send a kit, when it cannot, then its request is cancelled and another vendor gets a request of its own', async () => {
    const vendors = await Promise.all(
      ['VENDOR-1', 'VENDOR-2'].map(async (code) => (await api.call('POST', '/v1/locations', { body: locationBody(code, 'dropship_vendor') })).body.id),
    );
    for (const vendor of vendors) await receive(api, vendor, [{ sku: 'KIT', quantity: 5 }]);
    const channelId = await channelFor(api, 'vendors', basics.priceList.id, [basics.warehouse.id, ...vendors]);
    const placed = await order('KIT', 1, { method: 'ship_to_address', address: ADDRESS, fulfilmentLocationId: vendors[0] }, { channelId });
    const group = placed.deliveryGroups[0];
    const requestsOf = async (vendor: string) => (await api.call('GET', `/v1/purchase-requests?vendorLocationId=${vendor}`)).body.items;
    expect(await requestsOf(vendors[0])).toEqual([expect.objectContaining({ deliveryGroupId: group.id, status: 'requested' })]);

    // Vendors have no credentials: the retailer's integration (an admin key) says so.
    const response = await reject(placed, group.id, [{ lineId: group.lines[0].id, reason: 'not_found' }]);

    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(await requestsOf(vendors[0])).toEqual([expect.objectContaining({ deliveryGroupId: group.id, status: 'cancelled' })]);
    const [before, after] = response.body.deliveryGroups;
    // A group has one purchase request at most: a new group takes the kit (and the fees), the first is closed.
    expect(before).toMatchObject({ id: group.id, status: 'cancelled', shippingFee: 0, lines: [] });
    expect(after).toMatchObject({
      status: 'reserved',
      fulfilmentLocationId: vendors[1],
      shippingFee: group.shippingFee,
      lines: [{ id: group.lines[0].id, quantity: 1 }],
    });
    expect(await requestsOf(vendors[1])).toEqual([expect.objectContaining({ deliveryGroupId: after.id, status: 'requested' })]);
    expect(await timeline(placed.id)).toEqual(expect.arrayContaining(['lines.rejected', 'purchase_request.created', 'group.replaced']));
    expect(await ledgerMismatches(api)).toEqual([]);
  });
});
