import { sql } from 'kysely';
import type { Db, Executor, Trx } from '../platform/db/database.ts';
import { sha256, verifyPassword } from '../platform/auth/passwords.ts';
import { newId } from '../platform/ids.ts';
import { createApiKey, createStaffUser } from '../modules/access/service.ts';
import { createChannel } from '../modules/channels/service.ts';
import { createLocation } from '../modules/locations/service.ts';
import { changeStock, type StockChange } from '../modules/inventory/stock.ts';
import { createPromotion } from '../modules/pricing/promotions.ts';
import { putDeliveryRate } from '../modules/pricing/delivery-rates.ts';
import { createLocationBody } from '../modules/locations/schema.ts';
import { putPostcodes } from '../modules/routing/postcodes.ts';
import { activateRuleSet, createRuleSet } from '../modules/routing/rule-sets.ts';
import { rulesDocumentSchema } from '../modules/routing/rules.ts';
import { CATALOG, CUSTOMER_NAMES, POSTCODES, STORES, WAREHOUSE } from './data.ts';
import { placeDemoOrders } from './orders.ts';

export interface DemoLogin {
  adminEmail: string;
  adminPassword: string;
  adminApiKey: string;
}

const SEED_PRINCIPAL = { role: 'admin', locationId: null, channelId: null, userId: null, apiKeyId: null, actor: 'demo' } as const;

/** The demo web shop's rule set (docs/routing.md explains each part). */
const WEB_ROUTING = {
  rules: [
    {
      name: 'Pickup: the nearest store with stock',
      orders: { deliveryMethods: ['pickup_in_store'] },
      locations: { types: ['store'], maxDistanceKm: 30, openToday: true },
      ranking: ['distance'],
    },
    {
      name: 'Delivery: the warehouse first',
      orders: { deliveryMethods: ['ship_to_address', 'ship_to_store'] },
      locations: { types: ['warehouse'], underCapacity: true },
      ranking: ['distance', 'stock_after'],
    },
    {
      name: 'Delivery: a store ships when the warehouse lacks it',
      orders: { deliveryMethods: ['ship_to_address', 'ship_to_store'] },
      locations: { types: ['store'], capabilities: ['ship_from_store'], routingSafetyStock: 1, underCapacity: true },
      ranking: ['distance', 'remaining_capacity'],
      allocation: { split: true, maxShipments: 2 },
    },
    { name: 'Wait for stock on its way', whenNothingQualifies: 'backorder' },
  ],
};

/** Demo credentials: for a newcomer's first look only. `AISLE_DEMO=off` keeps a real installation free of them. */
export const DEMO_LOGIN: DemoLogin = {
  adminEmail: 'admin@demo.aisle.dev',
  adminPassword: 'aisle-demo-admin',
  adminApiKey: 'ak_demo_admin_key_change_me',
};

/**
 * The demo credentials that still open the shop (the admin's password unchanged, the key not revoked), so that a
 * restart can say where to log in again; null when neither does.
 */
export async function demoLoginStillValid(db: Executor): Promise<Partial<DemoLogin> | null> {
  const [admin, key] = await Promise.all([
    db.selectFrom('staff_users').select('password_hash').where('email', '=', DEMO_LOGIN.adminEmail).where('active', '=', true).executeTakeFirst(),
    db.selectFrom('api_keys').select('id').where('token_hash', '=', sha256(DEMO_LOGIN.adminApiKey)).where('revoked_at', 'is', null).executeTakeFirst(),
  ]);
  const login = admin && (await verifyPassword(DEMO_LOGIN.adminPassword, admin.password_hash));
  if (!login && !key) return null;
  return {
    ...(login ? { adminEmail: DEMO_LOGIN.adminEmail, adminPassword: DEMO_LOGIN.adminPassword } : {}),
    ...(key ? { adminApiKey: DEMO_LOGIN.adminApiKey } : {}),
  };
}

/** Deterministic pseudo-random numbers (mulberry32), so every demo shop is the same shop. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Loads the demo retailer: a warehouse and three stores in Lyon, a web shop, a marketplace and a register per store,
 * ~200 products with ~500 variants and prices, ~50 customers, staff and keys, and a few orders (demo/orders.ts). With `onlyIfEmpty` it does nothing
 * when the database already has locations (two servers starting together load it once: an advisory lock).
 */
export async function seedDemo(db: Db, options: { onlyIfEmpty: boolean }): Promise<DemoLogin | null> {
  const login = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7406411)`.execute(trx);
    const existing = await trx.selectFrom('locations').select('id').limit(1).executeTakeFirst();
    if (existing && options.onlyIfEmpty) return null;
    if (existing) throw new Error('The database already holds a shop; the demo loads only into an empty database.');
    await seed(trx);
    return DEMO_LOGIN;
  });
  if (login) await placeDemoOrders(db);
  return login;
}

async function seed(trx: Trx) {
  const next = random(20261123);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

  const warehouse = await createLocation(trx, createLocationBody.parse(WAREHOUSE));
  const stores = [];
  for (const store of STORES) stores.push(await createLocation(trx, createLocationBody.parse(store)));
  await putPostcodes(trx, POSTCODES);

  await trx
    .insertInto('tax_classes')
    .values([
      { code: 'standard', name: 'TVA 20 %', rate_basis_points: 2000 },
      { code: 'reduced', name: 'TVA 5,5 %', rate_basis_points: 550 },
    ])
    .execute();
  const retail = { id: newId(), code: 'retail-eur', name: 'Retail (EUR, VAT included)', currency: 'EUR', prices_include_tax: true };
  const marketplace = { id: newId(), code: 'marketplace-eur', name: 'Marketplace (EUR, VAT included)', currency: 'EUR', prices_include_tax: true };
  await trx.insertInto('price_lists').values([retail, marketplace]).execute();

  const products = [];
  const variants = [];
  const prices = [];
  const floors = [];
  let skuNumber = 1000;
  for (const [index, template] of CATALOG.entries()) {
    const product = {
      id: newId(),
      title: template.title,
      description: template.description,
      tax_class: template.taxClass,
      image_urls: [`https://images.demo.aisle.dev/${template.slug}.jpg`],
    };
    products.push(product);
    for (const options of template.variants) {
      const barcode = ean13(`3${String(760000000 + index * 10 + variants.length).padStart(11, '0')}`);
      const variant = {
        id: newId(),
        product_id: product.id,
        sku: `${template.skuPrefix}-${skuNumber++}`,
        barcode,
        title: Object.values(options).join(' / ') || template.title,
        options: JSON.stringify(options),
        weight_grams: template.weightGrams,
      };
      variants.push(variant);
      const price = template.price + (Object.values(options).includes('XL') ? 200 : 0);
      prices.push({ price_list_id: retail.id, variant_id: variant.id, amount: price });
      prices.push({ price_list_id: marketplace.id, variant_id: variant.id, amount: Math.round((price * 1.05) / 10) * 10 });
      // Never sell under 60 % of the shelf price, whatever the discount.
      floors.push({ variant_id: variant.id, currency: 'EUR', amount: Math.round(price * 0.6) });
    }
  }
  for (let start = 0; start < variants.length; start += 500) {
    await trx
      .insertInto('products')
      .values(products.slice(start, start + 500))
      .execute();
    await trx
      .insertInto('variants')
      .values(variants.slice(start, start + 500))
      .execute();
    await trx
      .insertInto('variant_minimum_prices')
      .values(floors.slice(start, start + 500))
      .execute();
  }
  for (let start = 0; start < prices.length; start += 1000)
    await trx
      .insertInto('prices')
      .values(prices.slice(start, start + 1000))
      .execute();

  const everywhere = [warehouse, ...stores].map((location) => ({ locationId: location.id, sells: true, fulfils: true }));
  const web = await createChannel(trx, {
    code: 'web',
    name: 'Web shop',
    type: 'web',
    currency: 'EUR',
    priceListId: retail.id,
    enabled: true,
    language: 'fr',
    locations: everywhere,
  });
  // The web shop's routing: pickup at the nearest store with stock, delivery from the warehouse, else from a store.
  const rules = await createRuleSet(trx, SEED_PRINCIPAL, {
    channelId: web.id,
    name: 'Lyon: stores for pickup, warehouse first for delivery',
    document: rulesDocumentSchema.parse(WEB_ROUTING),
  });
  await activateRuleSet(trx, rules.id);
  await createChannel(trx, {
    code: 'marketplace',
    name: 'Marketplace',
    type: 'marketplace',
    currency: 'EUR',
    priceListId: marketplace.id,
    enabled: true,
    language: 'fr',
    locations: [{ locationId: warehouse.id, sells: true, fulfils: true }],
  });
  await createChannel(trx, {
    code: 'phone',
    name: 'Phone orders',
    type: 'phone',
    currency: 'EUR',
    priceListId: retail.id,
    enabled: true,
    language: 'fr',
    locations: everywhere,
  });
  // One till per store: the money it takes names it (payments.register_id).
  await trx
    .insertInto('registers')
    .values(stores.map((store) => ({ id: newId(), location_id: store.id, name: 'Caisse 1' })))
    .execute();
  for (const store of stores) {
    await createChannel(trx, {
      code: `register-${store.code.toLowerCase()}`,
      name: `Register ${store.name}`,
      type: 'register',
      currency: 'EUR',
      priceListId: retail.id,
      storeLocationId: store.id,
      enabled: true,
      language: 'fr',
      locations: everywhere,
    });
  }

  const [regular, vip] = [
    { id: newId(), code: 'regular', name: 'Regular', discount_basis_points: 0 },
    { id: newId(), code: 'vip', name: 'VIP', discount_basis_points: 1000 },
  ];
  await trx.insertInto('customer_groups').values([regular!, vip!]).execute();
  const customers = [];
  const emails = [];
  const phones = [];
  const addresses = [];
  for (let index = 0; index < 50; index++) {
    const [firstName, lastName] = [pick(CUSTOMER_NAMES.first), pick(CUSTOMER_NAMES.last)];
    const id = newId();
    customers.push({
      id,
      first_name: firstName,
      last_name: lastName,
      customer_group_id: index % 7 === 0 ? vip!.id : regular!.id,
      // The demo shop's customers are in Lyon: their emails and invoices are in French.
      language: 'fr',
      consent: JSON.stringify({ marketingEmail: index % 2 === 0, marketingSms: index % 3 === 0 }),
    });
    emails.push({ email: `${ascii(firstName)}.${ascii(lastName)}.${index}@example.com`, customer_id: id });
    phones.push({ phone: `+336${String(10000000 + index * 7919).slice(0, 8)}`, customer_id: id });
    addresses.push({
      id: newId(),
      customer_id: id,
      name: `${firstName} ${lastName}`,
      line1: `${1 + (index % 90)} ${pick(STREETS)}`,
      postal_code: `6900${1 + (index % 9)}`,
      city: 'Lyon',
      country: 'FR',
      is_default: true,
    });
  }
  await trx.insertInto('customers').values(customers).execute();
  await trx.insertInto('customer_emails').values(emails).execute();
  await trx.insertInto('customer_phones').values(phones).execute();
  await trx.insertInto('customer_addresses').values(addresses).execute();

  await createStaffUser(trx, { email: DEMO_LOGIN.adminEmail, name: 'Demo Admin', password: DEMO_LOGIN.adminPassword, role: 'admin' });
  for (const store of stores) {
    await createStaffUser(trx, {
      email: `${store.code.toLowerCase()}@demo.aisle.dev`,
      name: `${store.name} team`,
      password: DEMO_LOGIN.adminPassword,
      role: 'store',
      locationId: store.id,
    });
  }
  await createApiKey(trx, { name: 'Demo admin key', role: 'admin', token: DEMO_LOGIN.adminApiKey });
  await createApiKey(trx, { name: 'Demo web shop', role: 'channel', channelId: web.id, token: 'ak_demo_web_shop_key_change_me' });

  // Delivery: shipping is free from 60 € of goods, pickup is free; one code for the newcomer to try.
  const rate = { channelId: null, currency: 'EUR', taxClass: 'standard', freeAboveAmount: null, weightBands: null };
  await putDeliveryRate(trx, { ...rate, method: 'ship_to_address', pricing: 'free_above', amount: 590, freeAboveAmount: 6000, packingFee: 150 });
  await putDeliveryRate(trx, { ...rate, method: 'pickup_in_store', pricing: 'flat', amount: 0, packingFee: 0 });
  await putDeliveryRate(trx, { ...rate, method: 'ship_to_store', pricing: 'flat', amount: 0, packingFee: 0 });
  await createPromotion(trx, {
    code: 'BIENVENUE10',
    kind: 'percentage',
    name: 'Welcome: 10 % off',
    value: 1000,
    currency: null,
    minimumSubtotal: 0,
    startsAt: null,
    endsAt: null,
    usageLimit: 1000,
    channelIds: null,
    active: true,
  });

  // Stock everywhere: deep in the warehouse, thinner in stores, and some SKUs missing from some stores, so that
  // Endless Aisle and ship-to-store have something to do. Received through the ledger like any delivery.
  const receipts: StockChange[] = [];
  for (const [index, variant] of variants.entries()) {
    receipts.push({
      variantId: variant.id,
      locationId: warehouse.id,
      kind: 'receipt',
      quantity: 20 + (index % 40),
      onHand: 20 + (index % 40),
      reason: 'demo opening stock',
    });
    for (const [storeIndex, store] of stores.entries()) {
      const quantity = (index + storeIndex * 3) % 7 === 0 ? 0 : 1 + ((index * 7 + storeIndex * 5) % 9);
      if (quantity > 0)
        receipts.push({ variantId: variant.id, locationId: store.id, kind: 'receipt', quantity, onHand: quantity, reason: 'demo opening stock' });
    }
  }
  for (let start = 0; start < receipts.length; start += 1000) await changeStock(trx, receipts.slice(start, start + 1000), 'demo');
  await trx.updateTable('locations').set({ safety_stock: 1 }).where('type', '=', 'store').execute();
}

const STREETS = ['rue de la République', 'rue Victor Hugo', 'cours Lafayette', 'rue Garibaldi', 'avenue Jean Jaurès', 'quai Saint-Antoine'];

const ascii = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

/** Appends the EAN-13 check digit to 12 digits. */
function ean13(twelve: string): string {
  const digits = twelve.slice(0, 12);
  const sum = [...digits].reduce((total, digit, index) => total + Number(digit) * (index % 2 ? 3 : 1), 0);
  return digits + ((10 - (sum % 10)) % 10);
}
