import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { receive, seedBasics, stockedSkus, type Basics } from '../../../test/support/fixtures.ts';

/**
 * What an order goes through is published on the event feed (`GET /v1/events`), where integrations and Aisle's own
 * senders (the order emails) read it: each order event once, with the payload they rely on, in the order it happened.
 */
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2099, cvc: '123' };
const ADDRESS = { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon', country: 'FR' };
const CAP = 1500;

let api: TestApi;
let basics: Basics;
beforeAll(async () => {
  api = await startTestApi();
  basics = await seedBasics(api);
  await stockedSkus(api, basics, [
    { sku: 'CAP', price: CAP, quantity: 100 },
    { sku: 'SCARF', price: 2500, quantity: 100 },
  ]);
  await receive(api, basics.storeA.id, [{ sku: 'CAP', quantity: 10 }]);
  for (const method of ['ship_to_address', 'pickup_in_store', 'ship_to_store']) {
    expect(
      (await api.call('PUT', '/v1/delivery-rates', { body: { method, pricing: 'flat', amount: 0, packingFee: 0, currency: 'EUR', taxClass: 'standard' } }))
        .status,
    ).toBe(200);
  }
});
afterAll(() => api?.close());

type FeedEvent = { id: number; type: string; subject: string; payload: Record<string, unknown>; createdAt: string };

/** Every event of the feed about one order, read page by page with the cursor, as an integration reads it. */
async function eventsOf(orderId: string, token?: string): Promise<FeedEvent[]> {
  const found: FeedEvent[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await api.call('GET', `/v1/events?limit=1000${after ? `&after=${after}` : ''}`, token ? { token } : {});
    expect(page.status).toBe(200);
    found.push(...(page.body.items as FeedEvent[]).filter((event) => event.subject === `order:${orderId}`));
    if (!page.body.items.length) return found;
    after = page.body.nextCursor;
  }
}

async function placeOrder(body: Record<string, unknown>) {
  const placed = await api.call('POST', '/v1/orders', {
    body: { channelId: basics.web.id, customer: { firstName: 'Léa', lastName: 'Roux', email: 'lea@example.com' }, ...body },
  });
  expect(placed.status, JSON.stringify(placed.body)).toBe(201);
  return placed.body as { id: string; number: string; total: number; deliveryGroups: { id: string; lines: { id: string; sku: string }[] }[] };
}

const shipped = (lines: { sku: string; quantity: number }[], amount: number) =>
  placeOrder({
    lines,
    deliveryGroups: [{ method: 'ship_to_address', address: ADDRESS }],
    payments: [{ method: 'card_online', amount, card: CARD }],
  });

const groupStep = (order: { id: string; deliveryGroups: { id: string }[] }, step: string, body?: unknown) =>
  api.call('POST', `/v1/orders/${order.id}/delivery-groups/${order.deliveryGroups[0]!.id}/${step}`, body ? { body } : {});

describe('order events on the feed', () => {
  it('publishes order.placed once, with the order, its channel and its total, to admins and to the channel that sold it', async () => {
    const order = await shipped([{ sku: 'CAP', quantity: 2 }], 2 * CAP);
    const expected = {
      type: 'order.placed',
      subject: `order:${order.id}`,
      payload: { orderId: order.id, number: order.number, channelId: basics.web.id, total: 2 * CAP, currency: 'EUR' },
    };
    expect(await eventsOf(order.id)).toEqual([expect.objectContaining(expected)]);
    // The web shop's own key reads the events of its own orders.
    expect(await eventsOf(order.id, basics.webKey)).toEqual([expect.objectContaining(expected)]);
    // Filtered by type, the feed gives it too.
    const placed = (await api.call('GET', '/v1/events?type=order.placed&limit=1000')).body.items as FeedEvent[];
    expect(placed.filter((event) => event.subject === `order:${order.id}`)).toEqual([expect.objectContaining(expected)]);
  });

  it('publishes order.shipped then order.delivered for a shipment, after order.placed', async () => {
    const order = await shipped([{ sku: 'CAP', quantity: 1 }], CAP);
    const group = order.deliveryGroups[0]!.id;
    expect((await groupStep(order, 'ship', { carrier: 'Colissimo', trackingNumber: '6A123' })).status).toBe(200);
    expect((await groupStep(order, 'delivered')).status).toBe(200);
    expect((await eventsOf(order.id)).map(({ type, payload }) => ({ type, payload }))).toEqual([
      { type: 'order.placed', payload: expect.objectContaining({ orderId: order.id }) },
      { type: 'order.shipped', payload: { orderId: order.id, groupId: group, number: order.number } },
      { type: 'order.delivered', payload: { orderId: order.id, groupId: group, number: order.number } },
    ]);
  });

  it('publishes order.ready_for_pickup then order.collected for a pickup in store', async () => {
    const order = await placeOrder({
      lines: [{ sku: 'CAP', quantity: 1 }],
      deliveryGroups: [{ method: 'pickup_in_store', pickupLocationId: basics.storeA.id }],
      payments: [{ method: 'pay_at_pickup', amount: CAP }],
    });
    const group = order.deliveryGroups[0]!.id;
    expect((await groupStep(order, 'ready-for-pickup')).status).toBe(200);
    expect((await groupStep(order, 'hand-over', { collectedBy: { name: 'Ines Moreau' }, payments: [{ method: 'cash', amount: CAP }] })).status).toBe(200);
    expect((await eventsOf(order.id)).map(({ type, payload }) => ({ type, payload }))).toEqual([
      { type: 'order.placed', payload: expect.objectContaining({ orderId: order.id, total: CAP }) },
      {
        type: 'order.ready_for_pickup',
        payload: { orderId: order.id, groupId: group, number: order.number, pickupCode: expect.stringMatching(/^\d{6}$/), pickupBy: expect.any(String) },
      },
      { type: 'order.collected', payload: { orderId: order.id, groupId: group, number: order.number } },
    ]);
  });

  it('publishes order.lines_cancelled for a partial cancel and order.cancelled when nothing is left', async () => {
    const order = await shipped(
      [
        { sku: 'CAP', quantity: 1 },
        { sku: 'SCARF', quantity: 1 },
      ],
      CAP + 2500,
    );
    const [cap, scarf] = ['CAP', 'SCARF'].map((sku) => order.deliveryGroups[0]!.lines.find((line) => line.sku === sku));
    expect(
      (await api.call('POST', `/v1/orders/${order.id}/cancel`, { body: { reason: 'changed mind', lines: [{ lineId: cap!.id, quantity: 1 }] } })).status,
    ).toBe(200);
    expect(
      (await api.call('POST', `/v1/orders/${order.id}/cancel`, { body: { reason: 'changed mind again', lines: [{ lineId: scarf!.id, quantity: 1 }] } })).status,
    ).toBe(200);
    expect((await eventsOf(order.id)).map(({ type, payload }) => ({ type, payload }))).toEqual([
      { type: 'order.placed', payload: expect.objectContaining({ orderId: order.id }) },
      { type: 'order.lines_cancelled', payload: { orderId: order.id, number: order.number } },
      { type: 'order.cancelled', payload: { orderId: order.id, number: order.number } },
    ]);
  });

  it('publishes order.arrived_at_store when the transfer of a ship-to-store order is received', async () => {
    const order = await placeOrder({
      lines: [{ sku: 'SCARF', quantity: 1 }],
      deliveryGroups: [{ method: 'ship_to_store', pickupLocationId: basics.storeA.id }],
      payments: [{ method: 'card_online', amount: 2500, card: CARD }],
    });
    const group = order.deliveryGroups[0] as unknown as { id: string; transferId: string };
    expect((await api.call('POST', `/v1/transfers/${group.transferId}/ship`)).status).toBe(200);
    const received = await api.call('POST', `/v1/transfers/${group.transferId}/receive`, {
      body: { lines: [{ sku: 'SCARF', quantity: 1 }] },
      token: basics.storeAKey,
    });
    expect(received.status, JSON.stringify(received.body)).toBe(200);
    expect((await eventsOf(order.id)).map(({ type, payload }) => ({ type, payload }))).toEqual([
      { type: 'order.placed', payload: expect.objectContaining({ orderId: order.id }) },
      { type: 'order.arrived_at_store', payload: { orderId: order.id, groupId: group.id, number: order.number, locationId: basics.storeA.id } },
      {
        type: 'order.ready_for_pickup',
        payload: { orderId: order.id, groupId: group.id, number: order.number, pickupCode: expect.stringMatching(/^\d{6}$/), pickupBy: expect.any(String) },
      },
    ]);
  });
});
