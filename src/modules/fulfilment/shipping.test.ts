import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { createVariants, ledgerMismatches, receive, seedBasics, type Basics } from '../../../test/support/fixtures.ts';
import { qrCodesIn } from '../../../test/support/mail.ts';
import { channelFor } from '../../../test/support/routing.ts';
import { createRuleSet } from '../../../test/support/rule-sets.ts';

/**
 * Shipping from a store (issue 20, items 1, 6 and 9): a shipment is packed into parcels and dispatched with a carrier
 * (the manual one): stock deducted, payment captured, tracking on the order, order.shipped; its label and packing slip
 * are PDFs. A delivery order routed to a store is in its queue; rejected from there, it lands in another's.
 */

const CARD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2099, cvc: '123' };
const ADDRESS = { line1: '8 place des Terreaux', postalCode: '69001', city: 'Lyon', country: 'FR' };
const PRICES = { LAMP: 4500, VASE: 2500 };

let api: TestApi;
let basics: Basics;
let storeBKey: string;

beforeAll(async () => {
  api = await startTestApi();
  basics = await seedBasics(api);
  await createVariants(api, Object.keys(PRICES));
  const prices = Object.entries(PRICES).map(([sku, amount]) => ({ sku, amount }));
  expect((await api.call('PUT', `/v1/price-lists/${basics.priceList.id}/prices`, { body: { prices } })).status).toBe(200);
  const rate = { method: 'ship_to_address', pricing: 'flat', amount: 590, packingFee: 0, currency: 'EUR', taxClass: 'standard' };
  expect((await api.call('PUT', '/v1/delivery-rates', { body: rate })).status).toBe(200);
  await receive(api, basics.storeA.id, [
    { sku: 'LAMP', quantity: 10 },
    { sku: 'VASE', quantity: 10 },
  ]);
  await receive(api, basics.storeB.id, [{ sku: 'VASE', quantity: 4 }]);
  storeBKey = (await api.call('POST', '/v1/api-keys', { body: { name: 'Store B', role: 'store', locationId: basics.storeB.id } })).body.token;
});
afterAll(async () => {
  expect(await ledgerMismatches(api)).toEqual([]);
  await api?.close();
});

async function order(lines: { sku: keyof typeof PRICES; quantity: number }[], group: Record<string, unknown>, channelId = basics.web.id) {
  const response = await api.call('POST', '/v1/orders', {
    body: {
      channelId,
      customer: { firstName: 'Camille', lastName: 'Durand', email: 'camille@example.com' },
      lines,
      deliveryGroups: [group],
      payments: [{ method: 'card_online', amount: lines.reduce((sum, line) => sum + PRICES[line.sku] * line.quantity, 0) + 590, card: CARD }],
    },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { id: response.body.id as string, number: response.body.number as string, groupId: response.body.deliveryGroups[0].id as string, body: response.body };
}
const step = (placed: { id: string; groupId: string }, name: string, body?: unknown, token = basics.storeAKey) =>
  api.call('POST', `/v1/orders/${placed.id}/delivery-groups/${placed.groupId}/${name}`, { ...(body ? { body } : {}), token });
const level = async (sku: string, locationId: string) => {
  const { onHand, reserved } = (await api.call('GET', `/v1/inventory/levels?sku=${sku}&locationId=${locationId}`)).body.items[0];
  return { onHand, reserved };
};
const getPdf = async (path: string, token = basics.storeAKey) => {
  const response = await fetch(api.baseUrl + path, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  return Buffer.from(await response.arrayBuffer());
};
const pdfText = async (pdf: Buffer) => extractText(new Uint8Array(pdf), { mergePages: true });
const shippedEvents = async (orderId: string) =>
  (await api.database.db.selectFrom('outbox_events').select('payload').where('type', '=', 'order.shipped').execute()).filter(
    (row) => (row.payload as { orderId: string }).orderId === orderId,
  );

describe('packing and dispatching a shipment from a store', () => {
  it('packs into two parcels, dispatches with the manual carrier: stock deducted, card captured, tracking on the order, order.shipped', async () => {
    const placed = await order(
      [
        { sku: 'LAMP', quantity: 1 },
        { sku: 'VASE', quantity: 2 },
      ],
      { method: 'ship_to_address', address: ADDRESS, recipient: 'Camille D.', fulfilmentLocationId: basics.storeA.id },
    );
    const [lamp, vase] = placed.body.deliveryGroups[0].lines;
    const before = { lamp: await level('LAMP', basics.storeA.id), vase: await level('VASE', basics.storeA.id) };

    const packed = await step(placed, 'parcels', {
      parcels: [
        { box: 'L', weightGrams: 2400, lines: [{ lineId: lamp.id, quantity: 1 }] },
        { box: 'M', weightGrams: 900, lines: [{ lineId: vase.id, quantity: 2 }] },
      ],
    });
    expect(packed.status, JSON.stringify(packed.body)).toBe(200);
    expect(packed.body).toMatchObject({
      status: 'packed',
      trackingNumber: null,
      parcels: [
        { position: 1, box: 'L', weightGrams: 2400, lines: [{ lineId: lamp.id, quantity: 1 }] },
        { position: 2, box: 'M', weightGrams: 900 },
      ],
    });
    // Packed, not yet gone: nothing deducted, nothing captured; the label waits for a carrier.
    expect(await level('LAMP', basics.storeA.id)).toEqual(before.lamp);
    expect((await api.call('GET', `/v1/orders/${placed.id}`)).body.payments[0].status).toBe('authorized');
    expect((await api.call('GET', `/v1/orders/${placed.id}/delivery-groups/${placed.groupId}/label`, { token: basics.storeAKey })).body.code).toBe(
      'not-dispatched',
    );
    const queue = (await api.call('GET', `/v1/locations/${basics.storeA.id}/work?stage=to_ship`, { token: basics.storeAKey })).body;
    expect(queue.items.map((item: { groupId: string }) => item.groupId)).toEqual([placed.groupId]);

    const carriers = await api.call('GET', '/v1/carriers', { token: basics.storeAKey });
    expect(carriers.body.items).toEqual([expect.objectContaining({ name: 'manual', typedByStaff: true })]);
    const untyped = await step(placed, 'dispatch', { carrier: 'manual' });
    expect(untyped.status).toBe(400);
    expect(untyped.body.errors.map((error: { field: string }) => error.field)).toEqual(['body.carrierName', 'body.trackingNumber']);
    expect((await step(placed, 'dispatch', { carrier: 'pigeon', trackingNumber: 'P1' })).body.errors[0].field).toBe('body.carrier');

    const dispatched = await step(placed, 'dispatch', { carrier: 'manual', carrierName: 'Colissimo', trackingNumber: '6A98765432109' });
    expect(dispatched.status, JSON.stringify(dispatched.body)).toBe(200);
    expect(dispatched.body).toMatchObject({
      status: 'shipped',
      carrier: 'Colissimo',
      trackingNumber: '6A98765432109',
      trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A98765432109',
      parcels: [{ trackingNumber: '6A98765432109' }, { trackingNumber: '6A98765432109' }],
    });
    expect(await level('LAMP', basics.storeA.id)).toEqual({ onHand: before.lamp.onHand - 1, reserved: before.lamp.reserved - 1 });
    expect(await level('VASE', basics.storeA.id)).toEqual({ onHand: before.vase.onHand - 2, reserved: before.vase.reserved - 2 });
    const shipped = (await api.call('GET', `/v1/orders/${placed.id}`)).body;
    expect(shipped).toMatchObject({
      status: 'completed',
      // The order shows the tracking page too: the customer's shipped email links to it.
      deliveryGroups: [
        {
          status: 'shipped',
          carrier: 'Colissimo',
          trackingNumber: '6A98765432109',
          trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A98765432109',
        },
      ],
    });
    expect(shipped.payments.map((payment: { status: string }) => payment.status)).toEqual(['captured']);
    expect(await shippedEvents(placed.id)).toEqual([{ payload: { orderId: placed.id, groupId: placed.groupId, number: placed.number } }]);
    const timeline = (await api.call('GET', `/v1/orders/${placed.id}/timeline`)).body.items.map((event: { type: string }) => event.type);
    expect(timeline).toEqual(['order.placed', 'group.picking', 'group.packed', 'parcels.packed', 'group.shipped']);
    // Gone from the queue; dispatched once only.
    const after = (await api.call('GET', `/v1/locations/${basics.storeA.id}/work`, { token: basics.storeAKey })).body;
    expect(after.items.some((item: { groupId: string }) => item.groupId === placed.groupId)).toBe(false);
    expect((await step(placed, 'dispatch', { carrier: 'manual', carrierName: 'Colissimo', trackingNumber: 'AGAIN' })).body).toMatchObject({
      code: 'invalid-transition',
      state: 'shipped',
    });

    // The label: one page per parcel, both addresses, the order and tracking numbers, a QR code of the tracking number.
    const label = await getPdf(`/v1/orders/${placed.id}/delivery-groups/${placed.groupId}/label`);
    const { text, totalPages } = await pdfText(label);
    expect(totalPages).toBe(2);
    for (const expected of [
      'Colissimo',
      'Location STORE-A',
      '1 rue de la République',
      'Camille D.',
      '8 place des Terreaux',
      '69001 Lyon',
      placed.number,
      '6A98765432109',
      '1 of 2',
      '2 of 2',
    ])
      expect(text).toContain(expected);
    // The same picture on each page (pdfkit embeds it once).
    expect(new Set(await qrCodesIn(label))).toEqual(new Set(['6A98765432109']));

    // The packing slip: the order, the addresses, what is in the parcel; no prices.
    const slip = await pdfText(await getPdf(`/v1/orders/${placed.id}/delivery-groups/${placed.groupId}/packing-slip`));
    for (const expected of ['Packing slip', placed.number, 'Camille D.', '8 place des Terreaux', 'Location STORE-A', 'LAMP', 'VASE', '2 parcels'])
      expect(slip.text).toContain(expected);
    expect(slip.text).not.toMatch(/€|45[.,]00|25[.,]00|Total/);
    // Store B sees neither.
    expect((await api.call('GET', `/v1/orders/${placed.id}/delivery-groups/${placed.groupId}/label`, { token: storeBKey })).status).toBe(404);
  });

  it('the ship route still ships with a typed carrier, and the label is drawn from it', async () => {
    const placed = await order([{ sku: 'VASE', quantity: 1 }], { method: 'ship_to_address', address: ADDRESS, fulfilmentLocationId: basics.storeA.id });
    const shipped = await step(placed, 'ship', { carrier: 'DHL', trackingNumber: 'JD0001' });
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(200);
    const label = await getPdf(`/v1/orders/${placed.id}/delivery-groups/${placed.groupId}/label`);
    expect((await pdfText(label)).text).toContain('JD0001');
    expect(await qrCodesIn(label)).toEqual(['JD0001']);
    const shipment = await api.call('GET', `/v1/orders/${placed.id}/delivery-groups/${placed.groupId}/shipment`, { token: basics.storeAKey });
    expect(shipment.body).toMatchObject({
      status: 'shipped',
      carrier: 'DHL',
      trackingNumber: 'JD0001',
      trackingUrl: 'https://www.dhl.com/global-en/home/tracking.html?tracking-id=JD0001',
      parcels: [],
    });
  });

  it('refuses more units in parcels than the order has, and leaves the group as it was', async () => {
    const placed = await order([{ sku: 'VASE', quantity: 1 }], { method: 'ship_to_address', address: ADDRESS, fulfilmentLocationId: basics.storeA.id });
    const lineId = placed.body.deliveryGroups[0].lines[0].id;
    const tooMany = await step(placed, 'parcels', { parcels: [{ box: 'S', weightGrams: 100, lines: [{ lineId, quantity: 2 }] }] });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0].field).toBe('body.parcels.0.lines.0.quantity');
    expect((await api.call('GET', `/v1/orders/${placed.id}`)).body.deliveryGroups[0].status).toBe('reserved');
  });
});

describe('ship from store', () => {
  it("a delivery order routed to store A ships from A's queue; rejected there, it lands in store B's", async () => {
    const channel = await channelFor(api, 'stores-first', basics.priceList.id, [basics.warehouse.id, basics.storeA.id, basics.storeB.id]);
    await createRuleSet(api, {
      channelId: channel,
      rules: [{ name: 'Ship from stores, A first', locations: { types: ['store'] }, ranking: ['sequence'], sequence: [basics.storeA.id, basics.storeB.id] }],
    });
    const placed = await order([{ sku: 'VASE', quantity: 1 }], { method: 'ship_to_address', address: ADDRESS }, channel);
    expect(placed.body.deliveryGroups[0]).toMatchObject({ fulfilmentLocationId: basics.storeA.id, status: 'reserved' });
    const inQueue = async (locationId: string, token: string) =>
      (await api.call('GET', `/v1/locations/${locationId}/work?stage=to_pick`, { token })).body.items.filter(
        (item: { orderId: string }) => item.orderId === placed.id,
      );
    expect(await inQueue(basics.storeA.id, basics.storeAKey)).toEqual([expect.objectContaining({ groupId: placed.groupId, stage: 'to_pick' })]);
    expect(await inQueue(basics.storeB.id, storeBKey)).toEqual([]);

    // A scans the vase, then finds it broken and rejects the line.
    expect((await step(placed, 'scans', { code: 'VASE' })).body.complete).toBe(true);
    const lineId = placed.body.deliveryGroups[0].lines[0].id;
    const rejected = await step(placed, 'reject', { lines: [{ lineId, reason: 'not_found' }] });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    expect(rejected.body.deliveryGroups[0]).toMatchObject({ fulfilmentLocationId: basics.storeB.id, status: 'reserved' });
    expect(await inQueue(basics.storeA.id, basics.storeAKey)).toEqual([]);
    const atB = await inQueue(basics.storeB.id, storeBKey);
    // What A scanned does not count at B: B picks it from its own shelves.
    expect(atB).toEqual([expect.objectContaining({ orderNumber: placed.number, lines: [expect.objectContaining({ sku: 'VASE', quantity: 1, picked: 0 })] })]);
    expect(atB[0].lines[0].stock).toEqual({ ...(await level('VASE', basics.storeB.id)), available: expect.any(Number) });

    // Store B picks it by scanning and dispatches it from its own stock.
    const before = await level('VASE', basics.storeB.id);
    expect((await step(placed, 'scans', { code: 'VASE' }, storeBKey)).body.complete).toBe(true);
    const dispatched = await step(placed, 'dispatch', { carrier: 'manual', carrierName: 'Chronopost', trackingNumber: 'XY123' }, storeBKey);
    expect(dispatched.status, JSON.stringify(dispatched.body)).toBe(200);
    expect(dispatched.body).toMatchObject({ carrier: 'Chronopost', trackingUrl: 'https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT=XY123' });
    expect(await level('VASE', basics.storeB.id)).toEqual({ onHand: before.onHand - 1, reserved: before.reserved - 1 });
  });
});
