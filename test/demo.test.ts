import { sql } from 'kysely';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGIN, demoLoginStillValid, seedDemo } from '../src/demo/seed.ts';
import { sha256 } from '../src/platform/auth/passwords.ts';
import { startTestApi, type TestApi } from './support/api.ts';
import { ledgerMismatches } from './support/fixtures.ts';

class Rollback extends Error {}

/** The demo shop a newcomer sees after `npm start`: alive enough to sell, collect and route at once. */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  expect(await seedDemo(api.database.db, { onlyIfEmpty: true })).toEqual(DEMO_LOGIN);
});
afterAll(() => api?.close());

const count = async (table: string) => (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(api.database.db)).rows[0]!.n;

describe('the demo shop', () => {
  it('loads once: a second start finds the shop and leaves it alone', async () => {
    expect(await seedDemo(api.database.db, { onlyIfEmpty: true })).toBeNull();
    expect(await count('locations')).toBe(4);
  });

  it('tells a restart the demo credentials that still open the shop, and only those', async () => {
    expect(await demoLoginStillValid(api.database.db)).toEqual(DEMO_LOGIN);
    // In a transaction rolled back at the end: the other tests use the demo key.
    const undone = api.database.db.transaction().execute(async (trx) => {
      await trx.updateTable('api_keys').set({ revoked_at: new Date() }).where('token_hash', '=', sha256(DEMO_LOGIN.adminApiKey)).execute();
      expect(await demoLoginStillValid(trx)).toEqual({ adminEmail: DEMO_LOGIN.adminEmail, adminPassword: DEMO_LOGIN.adminPassword });
      await trx.updateTable('staff_users').set({ active: false }).where('email', '=', DEMO_LOGIN.adminEmail).execute();
      expect(await demoLoginStillValid(trx)).toBeNull();
      throw new Rollback();
    });
    await expect(undone).rejects.toBeInstanceOf(Rollback);
    expect(await demoLoginStillValid(api.database.db)).toEqual(DEMO_LOGIN);
  });

  it('has a warehouse, three stores in Lyon, the channels, ~200 products / ~500 variants with prices, and 50 customers', async () => {
    const locations = (await api.call('GET', '/v1/locations', { token: DEMO_LOGIN.adminApiKey })).body.items;
    expect(locations.map((location: { type: string }) => location.type).sort()).toEqual(['store', 'store', 'store', 'warehouse']);
    expect(locations.filter((location: { address: { city: string } }) => location.address.city === 'Lyon')).toHaveLength(3);
    expect(await count('products')).toBe(200);
    expect(await count('variants')).toBe(500);
    expect(await count('customers')).toBe(50);
    const channels = (await api.call('GET', '/v1/channels', { token: DEMO_LOGIN.adminApiKey })).body.items.map((channel: { type: string }) => channel.type);
    expect(channels.sort()).toEqual(['marketplace', 'phone', 'register', 'register', 'register', 'web']);
  });

  it('knows where the postcodes of Lyon, Villeurbanne and other French cities lie, for distances to addresses', async () => {
    expect(await count('postcode_centroids')).toBeGreaterThanOrEqual(40);
    const villeurbanne = (await api.call('GET', '/v1/routing/postcodes/FR/69100', { token: DEMO_LOGIN.adminApiKey })).body;
    expect(villeurbanne).toMatchObject({ country: 'FR', postalCode: '69100' });
    expect(villeurbanne.latitude).toBeCloseTo(45.77, 1);
    expect(villeurbanne.longitude).toBeCloseTo(4.89, 1);
  });

  it('has stock in every location, with some SKUs out of stock in some stores, and a ledger that agrees', async () => {
    const { rows } = await sql<{ location_id: string; stocked: number; empty: number }>`
      select l.id as location_id,
             count(s.variant_id) filter (where s.on_hand > 0)::int as stocked,
             (select count(*)::int from variants) - count(s.variant_id) filter (where s.on_hand > 0)::int as empty
      from locations l left join stock_levels s on s.location_id = l.id group by l.id`.execute(api.database.db);
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row.stocked).toBeGreaterThan(300);
    expect(rows.filter((row) => row.empty > 0).length).toBeGreaterThanOrEqual(3);
    expect(await ledgerMismatches(api)).toEqual([]);
  });

  it('has an order of each kind to follow: shipped, ready for pickup, on its way to a store, sold at a register, paid at pickup', async () => {
    const orders = (await api.call('GET', '/v1/orders?limit=20', { token: DEMO_LOGIN.adminApiKey })).body.items;
    const kinds = orders.map(
      (order: { status: string; deliveryGroups: { method: string; status: string }[] }) =>
        `${order.deliveryGroups[0]!.method} ${order.deliveryGroups[0]!.status} ${order.status}`,
    );
    expect(kinds.sort()).toEqual([
      'pickup_in_store collected completed',
      'pickup_in_store ready_for_pickup in_progress',
      'pickup_in_store reserved placed',
      'ship_to_address shipped completed',
      'ship_to_store awaiting_transfer placed',
    ]);
    const toStore = orders.find((order: { deliveryGroups: { method: string }[] }) => order.deliveryGroups[0]!.method === 'ship_to_store');
    const transfer = await api.call('GET', `/v1/transfers/${toStore.deliveryGroups[0].transferId}`, { token: DEMO_LOGIN.adminApiKey });
    expect(transfer.body).toMatchObject({ status: 'draft', number: `TR-${toStore.number}-1` });
    expect(await ledgerMismatches(api)).toEqual([]);
  });

  it("speaks French to its customers in Lyon: customers and channels say fr, and an order's invoice is in French with the legal mentions", async () => {
    const admin = { token: DEMO_LOGIN.adminApiKey };
    const channels = (await api.call('GET', '/v1/channels?limit=50', admin)).body.items;
    expect(new Set(channels.map((channel: { language: string }) => channel.language))).toEqual(new Set(['fr']));
    const customers = (await api.call('GET', '/v1/customers?limit=50', admin)).body.items;
    expect(new Set(customers.map((customer: { language: string }) => customer.language))).toEqual(new Set(['fr']));
    const [order] = (await api.call('GET', '/v1/orders?limit=1', admin)).body.items;
    const invoice = await fetch(`${api.baseUrl}/v1/orders/${order.id}/invoice`, { headers: { authorization: `Bearer ${DEMO_LOGIN.adminApiKey}` } });
    expect(invoice.headers.get('content-type')).toBe('application/pdf');
    const { text } = await extractText(new Uint8Array(await invoice.arrayBuffer()), { mergePages: true });
    const printed = text.replace(/\s+/g, ' ');
    for (const words of [/SIRET : \d/, /N° TVA intracommunautaire : FR/, /Facture N° de facture INV-/]) expect(printed).toMatch(words);
  });

  it('routes the web shop by its rule set: a pickup near an address goes to the nearest store with stock, a delivery to the warehouse', async () => {
    const active = await api.call('GET', '/v1/routing/rule-sets?status=active', { token: 'ak_demo_web_shop_key_change_me' });
    expect(active.body.items.map((set: { name: string }) => set.name)).toEqual(['Lyon: stores for pickup, warehouse first for delivery']);
    const admin = { token: DEMO_LOGIN.adminApiKey };
    const [warehouse] = (await api.call('GET', '/v1/locations?type=warehouse', admin)).body.items;
    const stores = (await api.call('GET', '/v1/locations?type=store', admin)).body.items;
    const sku = (await api.call('GET', '/v1/variants?limit=1', admin)).body.items[0].sku;
    const near = { line1: '1 quai Saint-Antoine', postalCode: '69002', city: 'Lyon', country: 'FR' };
    const sample = (method: string) => ({ order: { lines: [{ sku, quantity: 1 }], deliveryGroups: [{ method, address: near }] } });
    const pickup = await api.call('POST', `/v1/routing/rule-sets/${active.body.items[0].id}/dry-run`, { ...admin, body: sample('pickup_in_store') });
    expect(pickup.status, JSON.stringify(pickup.body)).toBe(200);
    const chosen = pickup.body.decisions[0].shipments[0].locationId;
    expect(stores.map((store: { id: string }) => store.id)).toContain(chosen);
    const delivery = await api.call('POST', `/v1/routing/rule-sets/${active.body.items[0].id}/dry-run`, { ...admin, body: sample('ship_to_address') });
    expect(delivery.body.decisions[0].shipments[0].locationId).toBe(warehouse.id);
  });

  it('takes a web order with the demo code and the demo web shop key', async () => {
    const stores = (await api.call('GET', '/v1/locations?type=store', { token: DEMO_LOGIN.adminApiKey })).body.items;
    const sku = (await api.call('GET', '/v1/variants?limit=1', { token: DEMO_LOGIN.adminApiKey })).body.items[0].sku;
    const quote = await api.call('POST', '/v1/quotes', {
      token: 'ak_demo_web_shop_key_change_me',
      body: {
        lines: [{ sku, quantity: 1 }],
        deliveryGroups: [{ method: 'pickup_in_store', lineIndexes: [0], locationId: stores[0].id }],
        promotionCode: 'BIENVENUE10',
      },
    });
    expect(quote.status).toBe(200);
    expect(quote.body.promotion).toMatchObject({ code: 'BIENVENUE10', applied: true });
    const order = await api.call('POST', '/v1/orders', {
      token: 'ak_demo_web_shop_key_change_me',
      body: {
        customer: { firstName: 'New', lastName: 'Customer', email: 'new.customer@example.com' },
        lines: [{ sku, quantity: 1 }],
        deliveryGroups: [{ method: 'ship_to_address', address: { line1: '1 quai Saint-Antoine', postalCode: '69002', city: 'Lyon', country: 'FR' } }],
        promotionCode: 'BIENVENUE10',
        payments: [
          {
            method: 'card_online',
            amount: (
              await api.call('POST', '/v1/quotes', {
                token: 'ak_demo_web_shop_key_change_me',
                body: { lines: [{ sku, quantity: 1 }], deliveryGroups: [{ method: 'ship_to_address', lineIndexes: [0] }], promotionCode: 'BIENVENUE10' },
              })
            ).body.totals.total,
            card: { number: '4242424242424242', expMonth: 1, expYear: 2099, cvc: '123' },
          },
        ],
      },
    });
    expect(order.status).toBe(201);
    expect(order.body.promotionCode).toBe('BIENVENUE10');
  });
});
