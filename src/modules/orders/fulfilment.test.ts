import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { createVariants, ledgerMismatches, receive, seedBasics, type Basics } from '../../../test/support/fixtures.ts';

const CARD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2099, cvc: '123' };
const PRICES = { BAG: 3000, BELT: 2000 };

let api: TestApi;
let basics: Basics;

beforeAll(async () => {
  api = await startTestApi();
  basics = await seedBasics(api);
  await createVariants(api, ['BAG', 'BELT']);
  expect(
    (
      await api.call('PUT', `/v1/price-lists/${basics.priceList.id}/prices`, {
        body: { prices: Object.entries(PRICES).map(([sku, amount]) => ({ sku, amount })) },
      })
    ).status,
  ).toBe(200);
  for (const method of ['ship_to_store', 'ship_to_address']) {
    expect(
      (await api.call('PUT', '/v1/delivery-rates', { body: { method, pricing: 'flat', amount: 0, packingFee: 0, currency: 'EUR', taxClass: 'standard' } }))
        .status,
    ).toBe(200);
  }
  // The goods are at the warehouse only: a pickup at store A needs a transfer.
  await receive(api, basics.warehouse.id, [
    { sku: 'BAG', quantity: 10 },
    { sku: 'BELT', quantity: 10 },
  ]);
});
afterAll(async () => {
  expect(await ledgerMismatches(api)).toEqual([]);
  await api?.close();
});

const level = async (sku: string, locationId: string) => {
  const { onHand, reserved, incoming } = (await api.call('GET', `/v1/inventory/levels?sku=${sku}&locationId=${locationId}`)).body.items[0] ?? {
    onHand: 0,
    reserved: 0,
    incoming: 0,
  };
  return { onHand, reserved, incoming };
};

async function shipToStoreA(lines: { sku: keyof typeof PRICES; quantity: number }[]) {
  const order = await api.call('POST', '/v1/orders', {
    body: {
      channelId: basics.web.id,
      customer: { firstName: 'Zofia', lastName: 'Nowak', email: 'zofia@example.com' },
      lines,
      deliveryGroups: [{ method: 'ship_to_store', pickupLocationId: basics.storeA.id }],
      payments: [{ method: 'card_online', amount: lines.reduce((sum, line) => sum + PRICES[line.sku] * line.quantity, 0), card: CARD }],
    },
  });
  expect(order.status, JSON.stringify(order.body)).toBe(201);
  const group = order.body.deliveryGroups[0];
  return { order: order.body, group, transferId: group.transferId as string };
}

const transferAction = (id: string, action: 'ship' | 'receive' | 'cancel', body?: unknown, token?: string) =>
  api.call('POST', `/v1/transfers/${id}/${action}`, { ...(body ? { body } : {}), ...(token ? { token } : {}) });

describe('ship to store', () => {
  it('reserves at the warehouse, creates the transfer, and hands over at the store once it has arrived', async () => {
    const warehouseBefore = await level('BAG', basics.warehouse.id);
    const storeBefore = await level('BAG', basics.storeA.id);
    const { order, group, transferId } = await shipToStoreA([
      { sku: 'BAG', quantity: 2 },
      { sku: 'BELT', quantity: 1 },
    ]);
    expect(group).toMatchObject({
      method: 'ship_to_store',
      status: 'awaiting_transfer',
      fulfilmentLocationId: basics.warehouse.id,
      pickupLocationId: basics.storeA.id,
    });
    expect(await level('BAG', basics.warehouse.id)).toEqual({ ...warehouseBefore, reserved: warehouseBefore.reserved + 2 });

    // The warehouse sees a draft transfer for the order, with the order's lines.
    const transfer = (await api.call('GET', `/v1/transfers/${transferId}`)).body;
    expect(transfer).toMatchObject({ number: `TR-${order.number}-1`, status: 'draft', fromLocationId: basics.warehouse.id, toLocationId: basics.storeA.id });
    expect(transfer.lines.map((line: { sku: string; quantity: number }) => [line.sku, line.quantity])).toEqual([
      ['BAG', 2],
      ['BELT', 1],
    ]);

    // Nothing to hand over yet, and the transfer cannot be dropped while the order waits for it.
    const early = await api.call('POST', `/v1/orders/${order.id}/delivery-groups/${group.id}/hand-over`, {
      token: basics.storeAKey,
      body: { collectedBy: { name: 'Zofia Nowak' } },
    });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'invalid-transition', state: 'awaiting_transfer' });
    const dropped = await transferAction(transferId, 'cancel');
    expect(dropped.status).toBe(422);
    expect(dropped.body.code).toBe('transfer-for-order');

    // Shipped: the reserved units leave the warehouse with the transfer.
    expect((await transferAction(transferId, 'ship')).status).toBe(200);
    expect(await level('BAG', basics.warehouse.id)).toEqual({ ...warehouseBefore, onHand: warehouseBefore.onHand - 2 });
    expect(await level('BAG', basics.storeA.id)).toEqual({ ...storeBefore, incoming: storeBefore.incoming + 2 });

    // Received at the store: on its shelf, reserved for the order, and the group is ready to hand over.
    const received = await transferAction(
      transferId,
      'receive',
      {
        lines: [
          { sku: 'BAG', quantity: 2 },
          { sku: 'BELT', quantity: 1 },
        ],
      },
      basics.storeAKey,
    );
    expect(received.status, JSON.stringify(received.body)).toBe(200);
    expect(await level('BAG', basics.storeA.id)).toEqual({
      onHand: storeBefore.onHand + 2,
      reserved: storeBefore.reserved + 2,
      incoming: storeBefore.incoming,
    });
    // Everything arrived: ready for pickup at once, with a code and a window.
    const arrived = (await api.call('GET', `/v1/orders/${order.id}`)).body;
    expect(arrived.status).toBe('in_progress');
    expect(arrived.deliveryGroups[0]).toMatchObject({ status: 'ready_for_pickup', pickupCode: expect.stringMatching(/^\d{6}$/) });
    const timeline = (await api.call('GET', `/v1/orders/${order.id}/timeline`)).body.items.map((event: { type: string }) => event.type);
    expect(timeline).toEqual(expect.arrayContaining(['order.placed', 'transfer.shipped', 'group.arrived_at_store', 'group.ready_for_pickup']));

    const handed = await api.call('POST', `/v1/orders/${order.id}/delivery-groups/${group.id}/hand-over`, {
      token: basics.storeAKey,
      body: { collectedBy: { name: 'Zofia Nowak', pickupCode: arrived.deliveryGroups[0].pickupCode } },
    });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    expect(handed.body).toMatchObject({ status: 'completed', deliveryGroups: [{ status: 'collected' }] });
    expect(handed.body.payments[0].status).toBe('captured');
    expect(await level('BAG', basics.storeA.id)).toEqual(storeBefore);
  });

  it('a transfer not yet shipped carries fewer units when lines are cancelled, and is cancelled with the last of them', async () => {
    const warehouseBefore = await level('BAG', basics.warehouse.id);
    const { order, transferId } = await shipToStoreA([
      { sku: 'BAG', quantity: 3 },
      { sku: 'BELT', quantity: 1 },
    ]);
    const [bag, belt] = order.deliveryGroups[0].lines;

    const some = await api.call('POST', `/v1/orders/${order.id}/cancel`, { body: { reason: 'changed mind', lines: [{ lineId: bag.id, quantity: 1 }] } });
    expect(some.status, JSON.stringify(some.body)).toBe(200);
    expect(
      (await api.call('GET', `/v1/transfers/${transferId}`)).body.lines.map((line: { sku: string; quantity: number }) => [line.sku, line.quantity]),
    ).toEqual([
      ['BAG', 2],
      ['BELT', 1],
    ]);
    expect(await level('BAG', basics.warehouse.id)).toEqual({ ...warehouseBefore, reserved: warehouseBefore.reserved + 2 });

    const rest = await api.call('POST', `/v1/orders/${order.id}/cancel`, {
      body: {
        reason: 'changed mind',
        lines: [
          { lineId: bag.id, quantity: 2 },
          { lineId: belt.id, quantity: 1 },
        ],
      },
    });
    expect(rest.status, JSON.stringify(rest.body)).toBe(200);
    expect(rest.body).toMatchObject({ status: 'cancelled', deliveryGroups: [{ status: 'cancelled' }] });
    expect((await api.call('GET', `/v1/transfers/${transferId}`)).body.status).toBe('cancelled');
    expect(await level('BAG', basics.warehouse.id)).toEqual(warehouseBefore);
  });

  it('units that arrive in part are reserved for the order at once; the group waits for the rest, then is ready', async () => {
    const storeBefore = await level('BELT', basics.storeA.id);
    const { order, transferId } = await shipToStoreA([{ sku: 'BELT', quantity: 3 }]);
    expect((await transferAction(transferId, 'ship')).status).toBe(200);

    expect((await transferAction(transferId, 'receive', { lines: [{ sku: 'BELT', quantity: 2 }] }, basics.storeAKey)).status).toBe(200);
    expect(await level('BELT', basics.storeA.id)).toEqual({
      onHand: storeBefore.onHand + 2,
      reserved: storeBefore.reserved + 2,
      incoming: storeBefore.incoming + 1,
    });
    expect((await api.call('GET', `/v1/orders/${order.id}`)).body.deliveryGroups[0].status).toBe('awaiting_transfer');

    expect((await transferAction(transferId, 'receive', { lines: [{ sku: 'BELT', quantity: 1 }] }, basics.storeAKey)).status).toBe(200);
    expect(await level('BELT', basics.storeA.id)).toEqual({
      onHand: storeBefore.onHand + 3,
      reserved: storeBefore.reserved + 3,
      incoming: storeBefore.incoming,
    });
    // All there: ready for pickup at once.
    expect((await api.call('GET', `/v1/orders/${order.id}`)).body.deliveryGroups[0].status).toBe('ready_for_pickup');
  });

  it("goods of a cancelled order that are already on their way arrive as the store's own stock", async () => {
    const storeBefore = await level('BAG', basics.storeA.id);
    const { order, transferId } = await shipToStoreA([{ sku: 'BAG', quantity: 1 }]);
    expect((await transferAction(transferId, 'ship')).status).toBe(200);
    expect((await api.call('POST', `/v1/orders/${order.id}/cancel`, { body: { reason: 'customer called' } })).status).toBe(200);
    expect((await transferAction(transferId, 'receive', { lines: [{ sku: 'BAG', quantity: 1 }] }, basics.storeAKey)).status).toBe(200);
    expect(await level('BAG', basics.storeA.id)).toEqual({ ...storeBefore, onHand: storeBefore.onHand + 1 });
  });

  it('refuses a ship-to-store group sent from the pickup store itself', async () => {
    const refused = await api.call('POST', '/v1/orders', {
      body: {
        channelId: basics.web.id,
        customer: { firstName: 'Zofia', lastName: 'Nowak', email: 'zofia@example.com' },
        lines: [{ sku: 'BAG', quantity: 1 }],
        deliveryGroups: [{ method: 'ship_to_store', pickupLocationId: basics.storeA.id, fulfilmentLocationId: basics.storeA.id }],
        payments: [{ method: 'card_online', amount: PRICES.BAG, card: CARD }],
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'body.deliveryGroups.0.fulfilmentLocationId' })]);
  });
});

describe('the steps of a delivery group', () => {
  it('a shipment is picked, packed, shipped and delivered, each step on the timeline; steps out of order are refused with the state', async () => {
    const placed = await api.call('POST', '/v1/orders', {
      body: {
        channelId: basics.web.id,
        customer: { firstName: 'Zofia', lastName: 'Nowak', email: 'zofia@example.com' },
        lines: [{ sku: 'BELT', quantity: 1 }],
        deliveryGroups: [{ method: 'ship_to_address', address: { line1: 'ul. Długa 5', postalCode: '00-238', city: 'Warszawa', country: 'PL' } }],
        payments: [{ method: 'card_online', amount: PRICES.BELT, card: CARD }],
      },
    });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const step = (name: string, body?: unknown) =>
      api.call('POST', `/v1/orders/${placed.body.id}/delivery-groups/${placed.body.deliveryGroups[0].id}/${name}`, body ? { body } : {});

    expect((await step('ready-for-pickup')).body.code).toBe('not-a-pickup');
    const early = await step('delivered');
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'invalid-transition', state: 'reserved' });
    expect((await step('start-picking')).body).toMatchObject({ status: 'in_progress', deliveryGroups: [{ status: 'picking' }] });
    expect((await step('pack')).body.deliveryGroups[0].status).toBe('packed');
    expect((await step('ship', { carrier: 'InPost', trackingNumber: 'IP-123' })).body).toMatchObject({
      status: 'completed',
      deliveryGroups: [{ status: 'shipped' }],
    });
    expect((await step('delivered')).body.deliveryGroups[0].status).toBe('delivered');
    const timeline = (await api.call('GET', `/v1/orders/${placed.body.id}/timeline`)).body.items.map((event: { type: string }) => event.type);
    expect(timeline).toEqual(expect.arrayContaining(['group.picking', 'group.packed', 'group.shipped', 'group.delivered']));
  });
});
