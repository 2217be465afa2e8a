import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { voidOrRefundPayments } from '../src/modules/payments/service.ts';
import { TEST_PROVIDERS } from '../src/modules/payments/providers.ts';
import { EVENT_CATALOG, eventDefinition } from '../src/platform/events/catalog.ts';
import { startTestApi, type TestApi } from './support/api.ts';
import { createVariants, locationBody, receive, seedBasics, type Basics } from './support/fixtures.ts';

const CARD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2099, cvc: '123' };
const PRICE = 1000;

let api: TestApi;
let basics: Basics;

beforeAll(async () => {
  api = await startTestApi();
  basics = await seedBasics(api);
  await createVariants(api, ['MUG']);
  expect((await api.call('PUT', `/v1/price-lists/${basics.priceList.id}/prices`, { body: { prices: [{ sku: 'MUG', amount: PRICE }] } })).status).toBe(200);
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

const order = (groups: unknown[], payment: unknown, quantity = 2) =>
  ok('POST', '/v1/orders', {
    channelId: basics.web.id,
    customer: { firstName: 'Ines', lastName: 'Moreau', email: 'ines@example.com' },
    lines: [{ sku: 'MUG', quantity }],
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
 * vendor asked to send an order and shipping it, and another order's request withdrawn; and new routing rules.
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
  await group(collected, 'hand-over');

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
