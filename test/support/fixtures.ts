import type { TestApi } from './api.ts';

/** A small retailer: a warehouse and two stores, a EUR price list, a web shop and a register per store, keys for each. */
export interface Basics {
  warehouse: { id: string };
  storeA: { id: string };
  storeB: { id: string };
  priceList: { id: string };
  web: { id: string };
  registerA: { id: string };
  storeAKey: string;
  webKey: string;
}

export function locationBody(code: string, type: 'warehouse' | 'store' | 'dropship_vendor', latitude = 45.764, longitude = 4.8357) {
  return {
    code,
    name: `Location ${code}`,
    type,
    address: { line1: '1 rue de la République', postalCode: '69002', city: 'Lyon', country: 'FR' },
    latitude,
    longitude,
    timezone: 'Europe/Paris',
    openingHours: { mon: ['09:00-19:00'], sat: ['10:00-18:00'] },
    capabilities: type === 'store' ? ['register_sales', 'click_and_collect', 'ship_from_store', 'accepts_returns'] : ['ships_orders', 'receives_transfers'],
    dailyCapacity: 100,
  };
}

async function created<T>(api: TestApi, path: string, body: unknown): Promise<T> {
  const response = await api.call<T>('POST', path, { body });
  if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function seedBasics(api: TestApi): Promise<Basics> {
  const warehouse = await created<{ id: string }>(api, '/v1/locations', locationBody('WH', 'warehouse', 45.72, 4.9));
  const storeA = await created<{ id: string }>(api, '/v1/locations', locationBody('STORE-A', 'store', 45.764, 4.8357));
  const storeB = await created<{ id: string }>(api, '/v1/locations', locationBody('STORE-B', 'store', 45.77, 4.86));
  const priceList = await created<{ id: string }>(api, '/v1/price-lists', { code: 'eur', name: 'Euro prices', currency: 'EUR', pricesIncludeTax: true });
  const everywhere = [warehouse, storeA, storeB].map((location) => ({ locationId: location.id, sells: true, fulfils: true }));
  const web = await created<{ id: string }>(api, '/v1/channels', {
    code: 'web',
    name: 'Web shop',
    type: 'web',
    currency: 'EUR',
    priceListId: priceList.id,
    locations: everywhere,
  });
  const registerA = await created<{ id: string }>(api, '/v1/channels', {
    code: 'register-a',
    name: 'Register A',
    type: 'register',
    currency: 'EUR',
    priceListId: priceList.id,
    storeLocationId: storeA.id,
  });
  const storeAKey = (await created<{ token: string }>(api, '/v1/api-keys', { name: 'Store A', role: 'store', locationId: storeA.id })).token;
  const webKey = (await created<{ token: string }>(api, '/v1/api-keys', { name: 'Web shop', role: 'channel', channelId: web.id })).token;
  return { warehouse, storeA, storeB, priceList, web, registerA, storeAKey, webKey };
}

let productCounter = 0;

/** One product with a variant per SKU (creating the `standard` tax class the first time); returns SKU → variant id. */
export async function createVariants(api: TestApi, skus: string[]): Promise<Map<string, string>> {
  const taxClass = await api.call('POST', '/v1/tax-classes', { body: { code: 'standard', name: 'Standard VAT', rateBasisPoints: 2000 } });
  if (taxClass.status !== 201 && taxClass.status !== 409) throw new Error(`tax class: ${taxClass.status} ${JSON.stringify(taxClass.body)}`);
  const product = await created<{ variants: { id: string; sku: string }[] }>(api, '/v1/products', {
    title: `Test product ${++productCounter}`,
    taxClass: 'standard',
    variants: skus.map((sku) => ({ sku, title: sku })),
  });
  return new Map(product.variants.map((variant) => [variant.sku, variant.id]));
}

/** Puts units on hand through the API (a receipt), as a warehouse or store would. */
export async function receive(api: TestApi, locationId: string, lines: { sku: string; quantity: number }[]) {
  const response = await api.call('POST', '/v1/inventory/receipts', { body: { locationId, lines } });
  if (response.status !== 201) throw new Error(`receipt: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** SKUs ready to sell on the web channel: created, priced on its price list, and on hand in the warehouse. */
export async function stockedSkus(api: TestApi, basics: Basics, items: { sku: string; price: number; quantity: number }[]) {
  await createVariants(
    api,
    items.map((item) => item.sku),
  );
  const prices = await api.call('PUT', `/v1/price-lists/${basics.priceList.id}/prices`, {
    body: { prices: items.map(({ sku, price }) => ({ sku, amount: price })) },
  });
  if (prices.status !== 200) throw new Error(`prices: ${prices.status} ${JSON.stringify(prices.body)}`);
  await receive(
    api,
    basics.warehouse.id,
    items.map(({ sku, quantity }) => ({ sku, quantity })),
  );
}

/** The ledger must sum to the quantities for every SKU × location: returns the rows where it does not. */
export async function ledgerMismatches(api: TestApi) {
  const { sql } = await import('kysely');
  const { rows } = await sql<{ variant_id: string; location_id: string }>`
    select s.variant_id, s.location_id
    from stock_levels s
    full join (
      select variant_id, location_id, sum(on_hand_change)::int as on_hand, sum(reserved_change)::int as reserved,
             sum(damaged_change)::int as damaged, sum(incoming_change)::int as incoming
      from stock_movements group by variant_id, location_id
    ) m on m.variant_id = s.variant_id and m.location_id = s.location_id
    where coalesce(s.on_hand, 0) <> coalesce(m.on_hand, 0) or coalesce(s.reserved, 0) <> coalesce(m.reserved, 0)
       or coalesce(s.damaged, 0) <> coalesce(m.damaged, 0) or coalesce(s.incoming, 0) <> coalesce(m.incoming, 0)
       or s.on_hand < 0 or s.reserved < 0`.execute(api.database.db);
  return rows;
}
