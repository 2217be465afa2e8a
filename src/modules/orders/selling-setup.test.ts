import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startTestApi, type TestApi } from '../../../test/support/api.ts';
import { postgresUrl } from '../../../test/support/database.ts';
import { seedBasics, stockedSkus, type Basics } from '../../../test/support/fixtures.ts';
import { startServerProcess, type ServerProcess } from '../../../test/support/processes.ts';

/**
 * The order desk keeps channels, price lists, delivery rates, fulfilling locations, variants and their prices in
 * memory (selling-setup.ts). A change must apply to the very next order, through the process that made it and
 * through any other.
 */
const CARD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2099, cvc: '123' };
const ADDRESS = { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon', country: 'FR' };

let api: TestApi;
let basics: Basics;

beforeAll(async () => {
  api = await startTestApi();
  basics = await seedBasics(api);
  await stockedSkus(api, basics, [{ sku: 'SCARF', price: 4000, quantity: 100 }]);
});
afterAll(async () => api?.close());

const setShipping = async (amount: number) =>
  expect(
    (
      await api.call('PUT', '/v1/delivery-rates', {
        body: { method: 'ship_to_address', pricing: 'flat', amount, packingFee: 0, currency: 'EUR', taxClass: 'standard' },
      })
    ).status,
  ).toBe(200);

type Caller = (method: string, route: string, body: unknown) => Promise<{ status: number; body: any }>;
const throughApi: Caller = (method, route, body) => api.call(method, route, { body });

/** Quotes, then orders paying exactly the quote: an order priced from an old set-up would not match its payment. */
async function orderAsQuoted(order: Caller, channelId = basics.web.id, sku = 'SCARF') {
  const lines = [{ sku, quantity: 1 }];
  const quote = await api.call('POST', '/v1/quotes', { body: { channelId, lines, deliveryGroups: [{ method: 'ship_to_address', lineIndexes: [0] }] } });
  expect(quote.status, JSON.stringify(quote.body)).toBe(200);
  return order('POST', '/v1/orders', {
    channelId,
    customer: { firstName: 'Inès', lastName: 'Moreau', email: 'ines@example.com' },
    lines,
    deliveryGroups: [{ method: 'ship_to_address', address: ADDRESS }],
    payments: [{ method: 'card_online', amount: quote.body.totals.total, card: CARD }],
  });
}

describe('the set-up an order desk keeps', () => {
  it('uses a changed delivery rate, a disabled channel and a new channel from the next order on', async () => {
    await setShipping(490);
    const before = await orderAsQuoted(throughApi);
    expect(before.status, JSON.stringify(before.body)).toBe(201);
    expect(before.body.totals.shipping).toBe(490);

    await setShipping(700);
    const after = await orderAsQuoted(throughApi);
    expect(after.status, JSON.stringify(after.body)).toBe(201);
    expect(after.body.totals.shipping).toBe(700);

    const marketplace = await api.call('POST', '/v1/channels', {
      body: {
        code: 'marketplace',
        name: 'Marketplace',
        type: 'marketplace',
        currency: 'EUR',
        priceListId: basics.priceList.id,
        locations: [{ locationId: basics.warehouse.id, sells: true, fulfils: true }],
      },
    });
    expect(marketplace.status).toBe(201);
    expect((await orderAsQuoted(throughApi, marketplace.body.id)).status).toBe(201);
    expect((await api.call('PATCH', `/v1/channels/${marketplace.body.id}`, { body: { enabled: false } })).status).toBe(200);
    const refused = await throughApi('POST', '/v1/orders', {
      channelId: marketplace.body.id,
      customer: { firstName: 'Inès', lastName: 'Moreau', email: 'ines@example.com' },
      lines: [{ sku: 'SCARF', quantity: 1 }],
      deliveryGroups: [{ method: 'ship_to_address', address: ADDRESS }],
      payments: [{ method: 'card_online', amount: 4700, card: CARD }],
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
  });

  it('uses a changed list price, and a variant that did not exist, from the next order on', async () => {
    const setPrice = async (amount: number) =>
      expect((await api.call('PUT', `/v1/price-lists/${basics.priceList.id}/prices`, { body: { prices: [{ sku: 'SCARF', amount }] } })).status).toBe(200);
    await setPrice(4000);
    const before = await orderAsQuoted(throughApi);
    expect(before.status, JSON.stringify(before.body)).toBe(201);
    expect(before.body.deliveryGroups[0].lines[0].unitListPrice).toBe(4000);
    await setPrice(4500);
    const after = await orderAsQuoted(throughApi);
    expect(after.status, JSON.stringify(after.body)).toBe(201);
    expect(after.body.deliveryGroups[0].lines[0].unitListPrice).toBe(4500);

    // A SKU the desk found missing is looked up again once the catalog changes.
    const unknown = await throughApi('POST', '/v1/orders', {
      channelId: basics.web.id,
      customer: { firstName: 'Inès', lastName: 'Moreau', email: 'ines@example.com' },
      lines: [{ sku: 'BERET', quantity: 1 }],
      deliveryGroups: [{ method: 'ship_to_address', address: ADDRESS }],
      payments: [{ method: 'card_online', amount: 4700, card: CARD }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('body.lines.0.sku');
    await stockedSkus(api, basics, [{ sku: 'BERET', price: 2500, quantity: 10 }]);
    const beret = await orderAsQuoted(throughApi, basics.web.id, 'BERET');
    expect(beret.status, JSON.stringify(beret.body)).toBe(201);
    expect(beret.body.deliveryGroups[0].lines[0].unitListPrice).toBe(2500);
  });

  describe.skipIf(!postgresUrl)('across server processes (PostgreSQL)', () => {
    let servers: ServerProcess[] = [];
    beforeAll(async () => {
      servers = await Promise.all([startServerProcess(api.database), startServerProcess(api.database)]);
    });
    afterAll(async () => Promise.all(servers.map((server) => server.stop())));

    const through =
      (server: ServerProcess): Caller =>
      async (method, route, body) => {
        const response = await fetch(server.url + route, {
          method,
          headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        return { status: response.status, body: await response.json() };
      };

    it('a rate changed through one process prices the next order of the other', async () => {
      const [first, second] = servers as [ServerProcess, ServerProcess];
      expect((await orderAsQuoted(through(second))).status).toBe(201);
      const changed = await through(first)('PUT', '/v1/delivery-rates', {
        method: 'ship_to_address',
        pricing: 'flat',
        amount: 990,
        packingFee: 0,
        currency: 'EUR',
        taxClass: 'standard',
      });
      expect(changed.status).toBe(200);
      const next = await orderAsQuoted(through(second));
      expect(next.status, JSON.stringify(next.body)).toBe(201);
      expect(next.body.totals.shipping).toBe(990);
    });

    it('a price changed through one process prices the next order of the other', async () => {
      const [first, second] = servers as [ServerProcess, ServerProcess];
      expect((await orderAsQuoted(through(second))).status).toBe(201);
      const changed = await through(first)('PUT', `/v1/price-lists/${basics.priceList.id}/prices`, { prices: [{ sku: 'SCARF', amount: 5200 }] });
      expect(changed.status).toBe(200);
      const next = await orderAsQuoted(through(second));
      expect(next.status, JSON.stringify(next.body)).toBe(201);
      expect(next.body.deliveryGroups[0].lines[0].unitListPrice).toBe(5200);
    });
  });
});
