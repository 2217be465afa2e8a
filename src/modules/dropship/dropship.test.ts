import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { createVariants, ledgerMismatches, locationBody, receive, seedBasics, type Basics } from '../../../test/support/fixtures.ts';

/**
 * Drop ship: a delivery group sent by a drop-ship vendor gets a purchase request (a row, an event, a PDF) instead of a
 * pick; the vendor's shipment confirmation ships the group as any shipment. The vendor's stock rows (its feed) are
 * reserved by the order like any location's, and the shipment deducts them.
 */

const CARD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2099, cvc: '123' };
const PRICES = { LAMP: 8900, SHADE: 2500 };
const ADDRESS = { line1: '8 rue Mercière', postalCode: '69002', city: 'Lyon', country: 'FR' };

let api: TestApi;
let basics: Basics;
let vendor: { id: string; name: string };
let otherChannelKey: string;

beforeAll(async () => {
  api = await startTestApi();
  basics = await seedBasics(api);
  const created = await api.call('POST', '/v1/locations', { body: { ...locationBody('VENDOR-LUX', 'dropship_vendor'), name: 'Luminaires Durand' } });
  expect(created.status).toBe(201);
  vendor = created.body;
  // The web shop sells from the warehouse, both stores and now the vendor.
  const locations = [basics.warehouse.id, basics.storeA.id, basics.storeB.id, vendor.id].map((locationId) => ({ locationId, sells: true, fulfils: true }));
  expect((await api.call('PATCH', `/v1/channels/${basics.web.id}`, { body: { locations } })).status).toBe(200);
  const market = await api.call('POST', '/v1/channels', {
    body: { code: 'market', name: 'Marketplace', type: 'marketplace', currency: 'EUR', priceListId: basics.priceList.id },
  });
  otherChannelKey = (await api.call('POST', '/v1/api-keys', { body: { name: 'Market', role: 'channel', channelId: market.body.id } })).body.token;
  await createVariants(api, Object.keys(PRICES));
  const prices = Object.entries(PRICES).map(([sku, amount]) => ({ sku, amount }));
  expect((await api.call('PUT', `/v1/price-lists/${basics.priceList.id}/prices`, { body: { prices } })).status).toBe(200);
  const rate = { method: 'ship_to_address', pricing: 'flat', amount: 0, packingFee: 0, currency: 'EUR', taxClass: 'standard' };
  expect((await api.call('PUT', '/v1/delivery-rates', { body: rate })).status).toBe(200);
  // Only the vendor has lamps (its stock feed); shades are in the warehouse too.
  await receive(api, vendor.id, [
    { sku: 'LAMP', quantity: 5 },
    { sku: 'SHADE', quantity: 10 },
  ]);
  await receive(api, basics.warehouse.id, [{ sku: 'SHADE', quantity: 10 }]);
});
afterAll(async () => {
  expect(await ledgerMismatches(api)).toEqual([]);
  await api?.close();
});

const level = async (sku: string, locationId: string) => {
  const { onHand, reserved } = (await api.call('GET', `/v1/inventory/levels?sku=${sku}&locationId=${locationId}`)).body.items[0] ?? { onHand: 0, reserved: 0 };
  return { onHand, reserved };
};

async function placeOrder(lines: { sku: keyof typeof PRICES; quantity: number }[], group: Record<string, unknown> = {}) {
  const total = lines.reduce((sum, line) => sum + PRICES[line.sku] * line.quantity, 0);
  const order = await api.call('POST', '/v1/orders', {
    token: basics.webKey,
    body: {
      customer: { firstName: 'Léa', lastName: 'Garnier', email: 'lea.garnier@example.com' },
      lines,
      deliveryGroups: [{ method: 'ship_to_address', address: ADDRESS, recipient: 'Léa Garnier', ...group }],
      payments: [{ method: 'card_online', amount: total, card: CARD }],
    },
  });
  return order;
}

async function requestOf(orderId: string) {
  const list = await api.call('GET', `/v1/purchase-requests?vendorLocationId=${vendor.id}&limit=200`);
  expect(list.status).toBe(200);
  return list.body.items.find((item: { orderId: string }) => item.orderId === orderId);
}

const eventsOf = async (type: string) =>
  (await api.database.db.selectFrom('outbox_events').select(['subject', 'payload']).where('type', '=', type).execute()).map((row) => row.payload);

describe('an order for goods only a vendor has', () => {
  let order: any;
  let request: any;

  it('given lamps only the vendor stocks, when the web shop orders two, then routing sends the group to the vendor and reserves its stock', async () => {
    const placed = await placeOrder([{ sku: 'LAMP', quantity: 2 }]);
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    order = placed.body;
    expect(order.deliveryGroups[0]).toMatchObject({ fulfilmentLocationId: vendor.id, status: 'reserved' });
    expect(await level('LAMP', vendor.id)).toEqual({ onHand: 5, reserved: 2 });
  });

  it('then the vendor has a purchase request, written with the order, with its event and a timeline entry', async () => {
    request = await requestOf(order.id);
    expect(request).toMatchObject({
      number: `PR-${order.number}-1`,
      status: 'requested',
      vendorLocationId: vendor.id,
      orderNumber: order.number,
      deliveryGroupId: order.deliveryGroups[0].id,
      channelId: basics.web.id,
      shipTo: ADDRESS,
      recipient: 'Léa Garnier',
      lines: [{ sku: 'LAMP', title: expect.any(String), quantity: 2 }],
      carrier: null,
    });
    expect(await eventsOf('dropship.purchase_requested')).toContainEqual({
      requestId: request.id,
      number: request.number,
      orderId: order.id,
      groupId: order.deliveryGroups[0].id,
      vendorLocationId: vendor.id,
    });
    const timeline = (await api.call('GET', `/v1/orders/${order.id}/timeline`)).body.items;
    expect(timeline.map((item: { type: string }) => item.type)).toContain('purchase_request.created');
    expect((await api.call('GET', `/v1/purchase-requests/${request.id}`)).body).toEqual(request);
  });

  it('then its PDF names the vendor, the customer and address, the lines and the order', async () => {
    const document = await api.call('GET', `/v1/purchase-requests/${request.id}/document`, { token: basics.webKey });
    expect(document.status).toBe(200);
    expect(document.headers.get('content-type')).toBe('application/pdf');
    const pdf = await fetch(`${api.baseUrl}/v1/purchase-requests/${request.id}/document`, { headers: { authorization: `Bearer ${basics.webKey}` } });
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const { text } = await extractText(bytes, { mergePages: true });
    const plain = text.replace(/\s+/g, ' ');
    for (const expected of [request.number, order.number, 'Luminaires Durand', 'VENDOR-LUX', 'Léa Garnier', '8 rue Mercière', '69002 Lyon', 'LAMP'])
      expect(plain).toContain(expected);
    expect(plain).toMatch(/LAMP .* 2/);
  });

  it('then the order’s channel reads it, another channel does not see it, and store keys may not read requests', async () => {
    expect((await api.call('GET', `/v1/purchase-requests/${request.id}`, { token: basics.webKey })).status).toBe(200);
    expect((await api.call('GET', `/v1/purchase-requests/${request.id}`, { token: otherChannelKey })).status).toBe(404);
    expect((await api.call('GET', `/v1/purchase-requests/${request.id}/document`, { token: otherChannelKey })).status).toBe(404);
    expect((await api.call('GET', '/v1/purchase-requests', { token: otherChannelKey })).body.items).toEqual([]);
    expect((await api.call('GET', `/v1/purchase-requests/${request.id}`, { token: basics.storeAKey })).status).toBe(403);
    // The channel's event feed carries its own requests' events (on PostgreSQL once older transactions have ended).
    const feed = async () =>
      (await api.call('GET', '/v1/events?type=dropship.purchase_requested&limit=1000', { token: basics.webKey })).body.items.map(
        (item: { payload: { requestId: string } }) => item.payload.requestId,
      );
    const until = performance.now() + 10_000;
    while (!(await feed()).includes(request.id) && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await feed()).toContain(request.id);
    const others = (await api.call('GET', '/v1/events?type=dropship.purchase_requested&limit=1000', { token: otherChannelKey })).body.items;
    expect(others).toEqual([]);
  });

  it('when the vendor confirms, then the request is confirmed with its reference', async () => {
    const confirmed = await api.call('POST', `/v1/purchase-requests/${request.id}/confirm`, { body: { vendorReference: 'SO-55012' } });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', vendorReference: 'SO-55012', confirmedAt: expect.any(String) });
  });

  it('when the vendor ships, then the group ships: the vendor’s stock is deducted, the card captured, order.shipped published', async () => {
    const shipped = await api.call('POST', `/v1/purchase-requests/${request.id}/ship`, { body: { carrier: 'DHL', trackingNumber: 'JD0146' } });
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(200);
    expect(shipped.body).toMatchObject({ status: 'shipped', carrier: 'DHL', trackingNumber: 'JD0146', shippedAt: expect.any(String) });
    const after = (await api.call('GET', `/v1/orders/${order.id}`)).body;
    expect(after.status).toBe('completed');
    expect(after.deliveryGroups[0]).toMatchObject({ status: 'shipped', carrier: 'DHL', trackingNumber: 'JD0146' });
    expect(after.payments.map((payment: { status: string }) => payment.status)).toEqual(['captured']);
    expect(await level('LAMP', vendor.id)).toEqual({ onHand: 3, reserved: 0 });
    expect(await eventsOf('order.shipped')).toContainEqual({ orderId: order.id, groupId: order.deliveryGroups[0].id, number: order.number });
  });

  it('when the vendor’s confirmation comes twice, then the second is refused: the request is shipped', async () => {
    const again = await api.call('POST', `/v1/purchase-requests/${request.id}/ship`, { body: { carrier: 'DHL', trackingNumber: 'JD0146' } });
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ code: 'invalid-transition', state: 'shipped', action: 'ship' });
  });
});

describe('a vendor named by the order', () => {
  it('given shades the warehouse has too, when the order names the vendor, then the vendor gets the request and reserves', async () => {
    const placed = await placeOrder([{ sku: 'SHADE', quantity: 1 }], { fulfilmentLocationId: vendor.id });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect((await requestOf(placed.body.id))?.status).toBe('requested');
    expect((await level('SHADE', vendor.id)).reserved).toBe(1);
    expect((await level('SHADE', basics.warehouse.id)).reserved).toBe(0);
  });

  it('given a vendor with no stock row for a SKU, when an order names it, then it is refused as short of stock: Aisle promises what the vendor’s feed says', async () => {
    await createVariants(api, ['CHAIR']);
    await api.call('PUT', `/v1/price-lists/${basics.priceList.id}/prices`, { body: { prices: [{ sku: 'CHAIR', amount: 100 }] } });
    const refused = await api.call('POST', '/v1/orders', {
      token: basics.webKey,
      body: {
        customer: { firstName: 'Léa', lastName: 'Garnier', email: 'lea.garnier@example.com' },
        lines: [{ sku: 'CHAIR', quantity: 1 }],
        deliveryGroups: [{ method: 'ship_to_address', address: ADDRESS, fulfilmentLocationId: vendor.id }],
        payments: [{ method: 'card_online', amount: 100, card: CARD }],
      },
    });
    expect(refused.status).toBe(409);
  });

  it('when the customer’s address changes, then the request ships to the new address', async () => {
    const placed = (await placeOrder([{ sku: 'LAMP', quantity: 1 }])).body;
    const moved = { line1: '2 place Sathonay', postalCode: '69001', city: 'Lyon', country: 'FR' };
    expect((await api.call('POST', `/v1/orders/${placed.id}/address`, { body: { address: moved, recipient: 'L. Garnier' } })).status).toBe(200);
    expect(await requestOf(placed.id)).toMatchObject({ shipTo: moved, recipient: 'L. Garnier' });
  });

  it('when lines are cancelled, then the request asks for fewer; with none left it is cancelled and the vendor is told', async () => {
    const placed = (await placeOrder([{ sku: 'LAMP', quantity: 2 }])).body;
    const line = placed.deliveryGroups[0].lines[0];
    expect(
      (await api.call('POST', `/v1/orders/${placed.id}/cancel`, { body: { lines: [{ lineId: line.id, quantity: 1 }], reason: 'one is enough' } })).status,
    ).toBe(200);
    const fewer = await requestOf(placed.id);
    expect(fewer).toMatchObject({ status: 'requested', lines: [{ sku: 'LAMP', quantity: 1 }] });
    expect((await api.call('POST', `/v1/orders/${placed.id}/cancel`, { body: { reason: 'none after all' } })).status).toBe(200);
    expect(await requestOf(placed.id)).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String), lines: [{ sku: 'LAMP', quantity: 0 }] });
    expect(await eventsOf('dropship.purchase_request_cancelled')).toContainEqual(expect.objectContaining({ requestId: fewer.id, orderId: placed.id }));
    const ship = await api.call('POST', `/v1/purchase-requests/${fewer.id}/ship`, { body: { carrier: 'DHL', trackingNumber: 'X' } });
    expect(ship.status).toBe(422);
  });

  it('when the order’s own ship route ships a vendor’s group, then its request is shipped too', async () => {
    const placed = (await placeOrder([{ sku: 'LAMP', quantity: 1 }])).body;
    const group = placed.deliveryGroups[0];
    const shipped = await api.call('POST', `/v1/orders/${placed.id}/delivery-groups/${group.id}/ship`, { body: { carrier: 'UPS', trackingNumber: '1Z' } });
    expect(shipped.status).toBe(200);
    expect(await requestOf(placed.id)).toMatchObject({ status: 'shipped', carrier: 'UPS', trackingNumber: '1Z' });
  });

  it('lists by status', async () => {
    const shipped = (await api.call('GET', `/v1/purchase-requests?vendorLocationId=${vendor.id}&status=shipped`)).body.items;
    expect(shipped.length).toBe(2);
    expect(shipped.every((item: { status: string }) => item.status === 'shipped')).toBe(true);
  });
});
