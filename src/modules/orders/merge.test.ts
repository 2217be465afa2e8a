import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { ledgerMismatches, receive, seedBasics, stockedSkus, type Basics } from '../../../test/support/fixtures.ts';
import { createRuleSet } from '../../../test/support/rule-sets.ts';
import { consumerWaitingSeconds } from '../../platform/outbox.ts';
import { DEFAULT_RULES } from '../routing/defaults.ts';
import { SHIPMENT_MERGES } from './merge-consumer.ts';

/**
 * Merged shipments: open delivery groups of one customer, to one address, from one location leave as one parcel,
 * merged by the location's staff (offered as candidates) or, when the channel's rule set says so, automatically
 * after the order is written.
 */

const CARD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2099, cvc: '123' };
const PRICE = 1500;
const HOME = { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon', country: 'FR' };
/** The same address as typed another day. */
const HOME_AGAIN = { line1: '3  Place BELLECOUR ', postalCode: '69002', city: 'LYON', country: 'FR' };
const OFFICE = { line1: '10 quai Perrache', postalCode: '69002', city: 'Lyon', country: 'FR' };

async function setUp(api: TestApi) {
  const basics = await seedBasics(api);
  await stockedSkus(api, basics, [{ sku: 'SOCKS', price: PRICE, quantity: 100 }]);
  await receive(api, basics.storeA.id, [{ sku: 'SOCKS', quantity: 20 }]);
  const rate = { method: 'ship_to_address', pricing: 'flat', amount: 0, packingFee: 0, currency: 'EUR', taxClass: 'standard' };
  expect((await api.call('PUT', '/v1/delivery-rates', { body: rate })).status).toBe(200);
  return basics;
}

async function customer(api: TestApi, name: string): Promise<string> {
  const created = await api.call('POST', '/v1/customers', { body: { firstName: name, lastName: 'Martin', emails: [`${name.toLowerCase()}@example.com`] } });
  expect(created.status).toBe(201);
  return created.body.id;
}

async function order(api: TestApi, channelId: string, customerId: string, address: typeof HOME, group: Record<string, unknown> = {}) {
  const placed = await api.call('POST', '/v1/orders', {
    body: {
      channelId,
      customer: { id: customerId },
      lines: [{ sku: 'SOCKS', quantity: 1 }],
      deliveryGroups: [{ method: 'ship_to_address', address, ...group }],
      payments: [{ method: 'card_online', amount: PRICE, card: CARD }],
    },
  });
  expect(placed.status, JSON.stringify(placed.body)).toBe(201);
  return { id: placed.body.id as string, number: placed.body.number as string, groupId: placed.body.deliveryGroups[0].id as string };
}

const groupOf = async (api: TestApi, placed: { id: string }) => (await api.call('GET', `/v1/orders/${placed.id}`)).body.deliveryGroups[0];
const timelineTypes = async (api: TestApi, placed: { id: string }) =>
  (await api.call('GET', `/v1/orders/${placed.id}/timeline`)).body.items.map((item: { type: string }) => item.type);

describe('merging shipments by hand', () => {
  let api: TestApi;
  let basics: Basics;
  let alice: string;
  let bruno: string;
  let first: Awaited<ReturnType<typeof order>>;
  let second: Awaited<ReturnType<typeof order>>;

  beforeAll(async () => {
    api = await startTestApi();
    basics = await setUp(api);
    alice = await customer(api, 'Alice');
    bruno = await customer(api, 'Bruno');
  });
  afterAll(async () => {
    expect(await ledgerMismatches(api)).toEqual([]);
    await api?.close();
  });

  it('given two orders of one customer to one address from the warehouse, then they are offered for merge, and nothing else is', async () => {
    first = await order(api, basics.web.id, alice, HOME);
    second = await order(api, basics.web.id, alice, HOME_AGAIN);
    await order(api, basics.web.id, alice, OFFICE);
    await order(api, basics.web.id, bruno, HOME);
    const candidates = await api.call('GET', `/v1/locations/${basics.warehouse.id}/merge-candidates`);
    expect(candidates.status).toBe(200);
    expect(candidates.body.items).toEqual([
      {
        customerId: alice,
        address: HOME,
        deliveryGroups: [
          { id: first.groupId, orderId: first.id, orderNumber: first.number, mergedShipmentId: null, createdAt: expect.any(String) },
          { id: second.groupId, orderId: second.id, orderNumber: second.number, mergedShipmentId: null, createdAt: expect.any(String) },
        ],
      },
    ]);
  });

  it("when a store's staff ask for the warehouse's candidates, then they are refused: it is not their store", async () => {
    expect((await api.call('GET', `/v1/locations/${basics.warehouse.id}/merge-candidates`, { token: basics.storeAKey })).status).toBe(403);
    expect((await api.call('GET', `/v1/locations/${basics.storeA.id}/merge-candidates`, { token: basics.storeAKey })).body.items).toEqual([]);
  });

  it('when groups that may not leave together are named, then the merge is refused and says why', async () => {
    const other = await order(api, basics.web.id, bruno, HOME);
    const differentCustomers = await api.call('POST', '/v1/shipments/merge', { body: { deliveryGroupIds: [first.groupId, other.groupId] } });
    expect(differentCustomers.status).toBe(422);
    expect(differentCustomers.body).toMatchObject({ code: 'not-mergeable', detail: 'The delivery groups are for different customers.' });
    const office = await order(api, basics.web.id, alice, OFFICE);
    expect((await api.call('POST', '/v1/shipments/merge', { body: { deliveryGroupIds: [first.groupId, office.groupId] } })).body).toMatchObject({
      code: 'not-mergeable',
      detail: 'The delivery groups go to different addresses.',
    });
    const fromStore = await order(api, basics.web.id, alice, HOME, { fulfilmentLocationId: basics.storeA.id });
    expect((await api.call('POST', '/v1/shipments/merge', { body: { deliveryGroupIds: [first.groupId, fromStore.groupId] } })).body).toMatchObject({
      code: 'not-mergeable',
      detail: 'The delivery groups leave from different locations.',
    });
    const picked = await order(api, basics.web.id, alice, HOME);
    expect((await api.call('POST', `/v1/orders/${picked.id}/delivery-groups/${picked.groupId}/start-picking`)).status).toBe(200);
    expect((await api.call('POST', '/v1/shipments/merge', { body: { deliveryGroupIds: [first.groupId, picked.groupId] } })).body).toMatchObject({
      code: 'not-mergeable',
      state: 'picking',
    });
    expect((await api.call('POST', '/v1/shipments/merge', { body: { deliveryGroupIds: [first.groupId] } })).status).toBe(400);
    // Store A's staff do not see the warehouse's groups.
    expect(
      (await api.call('POST', '/v1/shipments/merge', { token: basics.storeAKey, body: { deliveryGroupIds: [first.groupId, second.groupId] } })).status,
    ).toBe(404);
    expect((await groupOf(api, first)).mergedShipmentId).toBeNull();
  });

  it('when they are merged, then both groups carry the merge and both timelines say so', async () => {
    const merged = await api.call('POST', '/v1/shipments/merge', { body: { deliveryGroupIds: [first.groupId, second.groupId] } });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body).toEqual({
      id: expect.any(String),
      locationId: basics.warehouse.id,
      customerId: alice,
      address: HOME,
      deliveryGroups: [
        { id: first.groupId, orderId: first.id, orderNumber: first.number, status: 'reserved' },
        { id: second.groupId, orderId: second.id, orderNumber: second.number, status: 'reserved' },
      ],
    });
    expect((await groupOf(api, first)).mergedShipmentId).toBe(merged.body.id);
    expect((await groupOf(api, second)).mergedShipmentId).toBe(merged.body.id);
    for (const placed of [first, second]) expect(await timelineTypes(api, placed)).toContain('shipment.merged');
    const timeline = (await api.call('GET', `/v1/orders/${first.id}/timeline`)).body.items;
    expect(timeline.find((item: { type: string }) => item.type === 'shipment.merged').detail).toEqual({
      mergedShipmentId: merged.body.id,
      groupIds: [first.groupId],
      withOrders: [second.number],
      automatic: false,
    });
    // Merged: no longer offered.
    const left = (await api.call('GET', `/v1/locations/${basics.warehouse.id}/merge-candidates`)).body.items;
    expect(left.flatMap((set: { deliveryGroups: { id: string }[] }) => set.deliveryGroups.map((group) => group.id))).not.toContain(second.groupId);
  });

  it('when one group of the merge ships, then they all ship together: same parcel, stock deducted, each card captured', async () => {
    const before = (await api.call('GET', `/v1/inventory/levels?sku=SOCKS&locationId=${basics.warehouse.id}`)).body.items[0];
    const shipped = await api.call('POST', `/v1/orders/${first.id}/delivery-groups/${first.groupId}/ship`, {
      body: { carrier: 'Colissimo', trackingNumber: '6A999' },
    });
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(200);
    for (const placed of [first, second]) {
      const after = (await api.call('GET', `/v1/orders/${placed.id}`)).body;
      expect(after.deliveryGroups[0]).toMatchObject({ status: 'shipped', carrier: 'Colissimo', trackingNumber: '6A999' });
      expect(after.payments.map((payment: { status: string }) => payment.status)).toEqual(['captured']);
      expect(after.status).toBe('completed');
    }
    const after = (await api.call('GET', `/v1/inventory/levels?sku=SOCKS&locationId=${basics.warehouse.id}`)).body.items[0];
    expect(after.onHand).toBe(before.onHand - 2);
    expect(after.reserved).toBe(before.reserved - 2);
    const shippedEvents = await api.database.db.selectFrom('outbox_events').select('payload').where('type', '=', 'order.shipped').execute();
    expect(shippedEvents.map((row) => (row.payload as { orderId: string }).orderId)).toEqual(expect.arrayContaining([first.id, second.id]));
  });

  it('when a merged order changes its address, then its group leaves the merge', async () => {
    const one = await order(api, basics.web.id, bruno, OFFICE);
    const two = await order(api, basics.web.id, bruno, OFFICE);
    expect((await api.call('POST', '/v1/shipments/merge', { body: { deliveryGroupIds: [one.groupId, two.groupId] } })).status).toBe(200);
    expect((await api.call('POST', `/v1/orders/${two.id}/address`, { body: { address: HOME } })).status).toBe(200);
    expect((await groupOf(api, two)).mergedShipmentId).toBeNull();
    expect((await groupOf(api, one)).mergedShipmentId).not.toBeNull();
  });
});

describe('merging shipments automatically', () => {
  let api: TestApi;
  let basics: Basics;
  let phone: string;
  let carla: string;

  /** Until the merges' consumer has handled every order placed so far. */
  const settled = async () => {
    const until = performance.now() + 15_000;
    while ((await consumerWaitingSeconds(api.database.db, SHIPMENT_MERGES)) > 0 && performance.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await consumerWaitingSeconds(api.database.db, SHIPMENT_MERGES)).toBe(0);
  };

  beforeAll(async () => {
    api = await startTestApi({ workers: { shipmentMerges: true } });
    basics = await setUp(api);
    carla = await customer(api, 'Carla');
    const at = [basics.warehouse.id, basics.storeA.id].map((locationId) => ({ locationId, sells: true, fulfils: true }));
    phone = (
      await api.call('POST', '/v1/channels', {
        body: { code: 'phone', name: 'Phone orders', type: 'phone', currency: 'EUR', priceListId: basics.priceList.id, locations: at },
      })
    ).body.id;
    await createRuleSet(api, {
      channelId: basics.web.id,
      name: 'Web: merge shipments',
      status: 'active',
      rules: DEFAULT_RULES.rules,
      options: { mergeShipments: true },
    });
  });
  afterAll(async () => {
    expect(await ledgerMismatches(api)).toEqual([]);
    await api?.close();
  });

  it('given a channel whose rule set does not merge, when the customer orders twice to one address, then the shipments stay apart', async () => {
    const one = await order(api, phone, carla, HOME);
    const two = await order(api, phone, carla, HOME);
    await settled();
    expect((await groupOf(api, one)).mergedShipmentId).toBeNull();
    expect((await groupOf(api, two)).mergedShipmentId).toBeNull();
  });

  it('given the web shop’s rule set merges, when the customer orders again to that address, then the new group joins the open ones after the order is written', async () => {
    const placed = await order(api, basics.web.id, carla, HOME_AGAIN);
    // The order itself is answered before any merge: it is done from the outbox.
    await settled();
    const merged = (await groupOf(api, placed)).mergedShipmentId;
    expect(merged).toEqual(expect.any(String));
    const candidates = (await api.call('GET', `/v1/locations/${basics.warehouse.id}/merge-candidates`)).body.items;
    expect(candidates).toEqual([]);
    const timeline = (await api.call('GET', `/v1/orders/${placed.id}/timeline`)).body.items;
    expect(timeline.find((item: { type: string }) => item.type === 'shipment.merged')).toMatchObject({
      actor: 'system',
      detail: { mergedShipmentId: merged, automatic: true, withOrders: expect.any(Array) },
    });
    expect(timeline.find((item: { type: string }) => item.type === 'shipment.merged').detail.withOrders).toHaveLength(2);
  });

  it('when the customer orders to another address, or from a store, then that shipment is not merged', async () => {
    const office = await order(api, basics.web.id, carla, OFFICE);
    const fromStore = await order(api, basics.web.id, carla, HOME, { fulfilmentLocationId: basics.storeA.id });
    await settled();
    expect((await groupOf(api, office)).mergedShipmentId).toBeNull();
    expect((await groupOf(api, fromStore)).mergedShipmentId).toBeNull();
  });

  it('when one of the open groups was picked meanwhile, then the new one merges with the others only', async () => {
    const dave = await customer(api, 'Dave');
    const picked = await order(api, basics.web.id, dave, OFFICE);
    expect((await api.call('POST', `/v1/orders/${picked.id}/delivery-groups/${picked.groupId}/start-picking`)).status).toBe(200);
    const open = await order(api, basics.web.id, dave, OFFICE);
    await settled();
    expect((await groupOf(api, open)).mergedShipmentId).toBeNull();
    const next = await order(api, basics.web.id, dave, OFFICE);
    await settled();
    expect((await groupOf(api, next)).mergedShipmentId).toEqual(expect.any(String));
    expect((await groupOf(api, open)).mergedShipmentId).toBe((await groupOf(api, next)).mergedShipmentId);
    expect((await groupOf(api, picked)).mergedShipmentId).toBeNull();
  });
});
