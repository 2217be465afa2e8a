import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { voidOrRefundPayments } from '../src/modules/payments/service.ts';
import { TEST_PROVIDERS } from '../src/modules/payments/providers.ts';
import { runPickupDeadlines } from '../src/modules/orders/pickup/deadlines.ts';
import { routeWaiting } from '../src/modules/orders/waiting.ts';
import { EVENT_CATALOG, eventDefinition } from '../src/platform/events/catalog.ts';
import { startTestApi, type TestApi } from './support/api.ts';
import { createVariants, locationBody, receive, seedBasics, type Basics } from './support/fixtures.ts';
import { warehouseFirst } from './support/routing.ts';

const CARD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2099, cvc: '123' };
const PRICE = 1000;

let api: TestApi;
let basics: Basics;

beforeAll(async () => {
  api = await startTestApi();
  basics = await seedBasics(api);
  await createVariants(api, ['MUG', 'BOWL']);
  const prices = ['MUG', 'BOWL'].map((sku) => ({ sku, amount: PRICE }));
  expect((await api.call('PUT', `/v1/price-lists/${basics.priceList.id}/prices`, { body: { prices } })).status).toBe(200);
  for (const method of ['ship_to_address', 'pickup_in_store', 'ship_to_store']) {
    expect(
      (await api.call('PUT', '/v1/delivery-rates', { body: { method, pricing: 'flat', amount: 0, packingFee: 0, currency: 'EUR', taxClass: 'standard' } }))
        .status,
    ).toBe(200);
  }
  await receive(api, basics.warehouse.id, [{ sku: 'MUG', quantity: 50 }]);
  await receive(api, basics.storeA.id, [{ sku: 'MUG', quantity: 10 }]);
});
afterAll(() => api?.close());

const ADDRESS = { line1: '3 quai Saint-Antoine', postalCode: '69002', city: 'Lyon', country: 'FR' };

async function ok(method: string, path: string, body?: unknown) {
  const response = await api.call(method, path, body === undefined ? {} : { body });
  expect(response.status < 300, `${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`).toBe(true);
  return response.body;
}

const order = (groups: unknown[], payment: unknown, quantity = 2, sku = 'MUG') =>
  ok('POST', '/v1/orders', {
    channelId: basics.web.id,
    customer: { firstName: 'Ines', lastName: 'Moreau', email: 'ines@example.com' },
    lines: [{ sku, quantity }],
    deliveryGroups: groups,
    payments: [payment],
  });
const card = (quantity = 2) => ({ method: 'card_online', amount: PRICE * quantity, card: CARD });
const group = (placed: { id: string; deliveryGroups: { id: string }[] }, step: string, body?: unknown) =>
  ok('POST', `/v1/orders/${placed.id}/delivery-groups/${placed.deliveryGroups[0]!.id}/${step}`, body);

/**
 * A day of a shop that writes every type of event: stock received and a safety stock set, a transfer shipped,
 * received in two deliveries and another cancelled, orders shipped and delivered, collected at a store, brought to a
 * store by their own transfer, cancelled in part and whole, paid by card and at pickup, and a refund; a drop-ship
 * vendor asked to send an order and shipping it, and another order's request withdrawn; then, with routing rules that
 * backorder and park, a backorder told of a new date and allocated when its stock arrives, lines a store rejects parked
 * for a person, a pickup the store cannot serve (the customer is asked); and new routing rules.
 */
async function aDayOfTheShop() {
  await ok('PUT', '/v1/inventory/safety-stock', { locationId: basics.storeB.id, quantity: 1 });

  const transfer = await ok('POST', '/v1/transfers', {
    fromLocationId: basics.warehouse.id,
    toLocationId: basics.storeB.id,
    lines: [{ sku: 'MUG', quantity: 4 }],
  });
  await ok('POST', `/v1/transfers/${transfer.id}/ship`);
  await ok('POST', `/v1/transfers/${transfer.id}/receive`, { lines: [{ sku: 'MUG', quantity: 1 }] });
  await ok('POST', `/v1/transfers/${transfer.id}/receive`, { lines: [{ sku: 'MUG', quantity: 3 }] });
  const dropped = await ok('POST', '/v1/transfers', {
    fromLocationId: basics.warehouse.id,
    toLocationId: basics.storeB.id,
    lines: [{ sku: 'MUG', quantity: 1 }],
  });
  await ok('POST', `/v1/transfers/${dropped.id}/cancel`);

  const shipped = await order([{ method: 'ship_to_address', address: ADDRESS }], card());
  await group(shipped, 'ship', { carrier: 'Colissimo', trackingNumber: '6A1' });
  await group(shipped, 'delivered');
  await api.database.db.transaction().execute((trx) => voidOrRefundPayments(trx, shipped.id, PRICE, 'test', { providers: TEST_PROVIDERS }));

  const collected = await order([{ method: 'pickup_in_store', pickupLocationId: basics.storeA.id }], card());
  await group(collected, 'ready-for-pickup');
  await group(collected, 'hand-over', { collectedBy: { name: 'Ines Moreau' } });

  // A pickup waits at the counter: the customer is reminded before its window ends, then it expires (pickup/deadlines.ts).
  const forgotten = await order([{ method: 'pickup_in_store', pickupLocationId: basics.storeA.id }], { method: 'pay_at_pickup', amount: PRICE }, 1);
  const pickupBy = new Date((await group(forgotten, 'ready-for-pickup')).deliveryGroups[0].pickupBy);
  await runPickupDeadlines(api.database.db, { now: new Date(pickupBy.getTime() - 3_600_000), providers: TEST_PROVIDERS, limit: 100 }); // order.pickup_reminder
  await runPickupDeadlines(api.database.db, { now: new Date(pickupBy.getTime() + 60_000), providers: TEST_PROVIDERS, limit: 100 }); // order.pickup_expired

  const toStore = await order([{ method: 'ship_to_store', pickupLocationId: basics.storeA.id }], card(1), 1);
  const own = toStore.deliveryGroups[0].transferId;
  await ok('POST', `/v1/transfers/${own}/ship`);
  await ok('POST', `/v1/transfers/${own}/receive`, { lines: [{ sku: 'MUG', quantity: 1 }] });

  const changed = await order([{ method: 'ship_to_address', address: ADDRESS }], card());
  await ok('POST', `/v1/orders/${changed.id}/cancel`, { lines: [{ lineId: changed.deliveryGroups[0].lines[0].id, quantity: 1 }], reason: 'one is enough' });
  await ok('POST', `/v1/orders/${changed.id}/cancel`, { reason: 'none after all' });

  const atPickup = await order([{ method: 'pickup_in_store', pickupLocationId: basics.storeA.id }], { method: 'pay_at_pickup', amount: PRICE * 2 });
  await ok('POST', `/v1/orders/${atPickup.id}/cancel`, { reason: 'never came' });

  const vendor = await ok('POST', '/v1/locations', locationBody('VENDOR', 'dropship_vendor'));
  const sellsFrom = [basics.warehouse.id, basics.storeA.id, basics.storeB.id, vendor.id].map((locationId) => ({ locationId, sells: true, fulfils: true }));
  await ok('PATCH', `/v1/channels/${basics.web.id}`, { locations: sellsFrom });
  await receive(api, vendor.id, [{ sku: 'MUG', quantity: 5 }]);
  const fromVendor = [{ method: 'ship_to_address', address: ADDRESS, fulfilmentLocationId: vendor.id }];
  const dropShipped = await order(fromVendor, card(1), 1);
  const withdrawn = await order(fromVendor, card(1), 1);
  const requests = (await ok('GET', `/v1/purchase-requests?vendorLocationId=${vendor.id}`)).items;
  const requestOf = (placed: { id: string }) => requests.find((request: { orderId: string }) => request.orderId === placed.id).id;
  await ok('POST', `/v1/purchase-requests/${requestOf(dropShipped)}/ship`, { carrier: 'DHL', trackingNumber: 'JD1' });
  await ok('POST', `/v1/orders/${withdrawn.id}/cancel`, { reason: 'found one in a shop' });

  // Routing after the order, by rules that backorder, park after one rejection and ask the customer when a pickup store rejects.
  const waiting = await ok('POST', '/v1/routing/rule-sets', {
    channelId: basics.web.id,
    name: 'Backorders',
    document: { rules: [warehouseFirst('backorder')], options: { maxRejections: 1, pickupRejected: 'ask_customer' } },
  });
  await ok('POST', `/v1/routing/rule-sets/${waiting.id}/activate`);
  const early = await ok('POST', '/v1/inventory/incoming', {
    locationId: basics.warehouse.id,
    lines: [{ sku: 'BOWL', quantity: 1 }],
    expectedAt: '2031-01-05T09:00:00Z',
    reference: 'PO-1',
  });
  const late = await ok('POST', '/v1/inventory/incoming', {
    locationId: basics.warehouse.id,
    lines: [{ sku: 'BOWL', quantity: 1 }],
    expectedAt: '2031-02-05T09:00:00Z',
    reference: 'PO-2',
  });
  await order([{ method: 'ship_to_address', address: ADDRESS }], card(1), 1, 'BOWL');
  await ok('POST', `/v1/inventory/incoming/${early.items[0].id}/cancel`);
  await routeWaiting(api.database.db, { now: new Date(), limit: 100 }); // promised later: order.backordered
  await ok('POST', `/v1/inventory/incoming/${late.items[0].id}/receive`, { quantity: 1 });
  await routeWaiting(api.database.db, { now: new Date(), limit: 100 }); // order.allocated

  const rejected = await order([{ method: 'ship_to_address', address: ADDRESS, fulfilmentLocationId: basics.storeA.id }], card(1), 1);
  await group(rejected, 'reject', { lines: [{ lineId: rejected.deliveryGroups[0].lines[0].id, reason: 'missing_unit' }] }); // order.parked
  const unavailable = await order([{ method: 'pickup_in_store', pickupLocationId: basics.storeA.id }], card(1), 1);
  await group(unavailable, 'reject', { lines: [{ lineId: unavailable.deliveryGroups[0].lines[0].id, reason: 'not_found' }] }); // order.pickup_unavailable

  // The register was offline: it sold a bowl in cash that store A does not have (stock.shortfall_recorded).
  const till = await ok('POST', `/v1/locations/${basics.storeA.id}/registers`, { name: 'Till 1' });
  await ok('POST', `/v1/registers/${till.id}/sessions`, { openingFloat: 0, currency: 'EUR' });
  await ok('POST', '/v1/orders', {
    channelId: basics.registerA.id,
    registerId: till.id,
    soldOfflineAt: new Date(Date.now() - 600_000).toISOString(),
    customer: { firstName: 'Ines', lastName: 'Moreau', email: 'ines@example.com' },
    lines: [{ sku: 'BOWL', quantity: 1 }],
    deliveryGroups: [{ method: 'pickup_in_store', pickupLocationId: basics.storeA.id }],
    payments: [{ method: 'cash', amount: PRICE, tendered: PRICE }],
  });

  // At closing time, the web shop's new routing rules are made active.
  const rules = await ok('POST', '/v1/routing/rule-sets', { channelId: basics.web.id, name: 'Tomorrow', document: { rules: [{ name: 'Nearest' }] } });
  await ok('POST', `/v1/routing/rule-sets/${rules.id}/activate`);
}

describe('the events written', () => {
  it('are each of a catalogued type, with the payload its schema describes, and every type is written', async () => {
    await aDayOfTheShop();
    const rows = await api.database.db.selectFrom('outbox_events').select(['type', 'subject', 'payload']).orderBy('id').execute();
    for (const row of rows) {
      const definition = eventDefinition(row.type);
      expect(definition, `${row.type} is not in the catalog`).toBeDefined();
      const parsed = definition!.payload.safeParse(row.payload);
      expect(parsed.error?.issues, `${row.type} ${JSON.stringify(row.payload)}`).toBeUndefined();
      expect(row.subject, row.type).toMatch(new RegExp(`^${definition!.subject.replace(/<\w+>/g, '[0-9a-f-]{36}')}$`));
    }
    expect(new Set(rows.map((row) => row.type))).toEqual(new Set(EVENT_CATALOG.map((event) => event.type)));
  });
});
