import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startTestApi, type ApiResponse, type TestApi } from './support/api.ts';
import { newId } from '../src/platform/ids.ts';
import { createVariants, locationBody, receive } from './support/fixtures.ts';

/**
 * The access model (docs/architecture.md, "Access model") as a table: every operation of /openapi.json, called with
 * five credentials on objects that belong to channel A and store S1, and the status each must get. 403: the role (or
 * the location or channel named in the request) is refused; 404: the object exists but the caller may not see it.
 * A new operation without a row fails the first test: whoever adds a route decides who may call it, here.
 */

type Who = 'admin' | 'channelA' | 'channelB' | 'storeS1' | 'storeS2';
const WHO: Who[] = ['admin', 'channelA', 'channelB', 'storeS1', 'storeS2'];
/** Expected statuses, in the order of WHO: admin, channel A, channel B, store S1, store S2. */
type Expected = [number, number, number, number, number];

interface Request {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}
interface Row {
  expect: Expected;
  /** The request for one credential; rows that change their object make a fresh one first (so no row breaks another). */
  request: (who: Who) => Request | Promise<Request>;
  /** For lists: who finds channel A's object among the items (the others get a 200 without it). */
  finds?: { who: Who[]; found: (body: any) => boolean };
  /** Waits, before the row, until its objects can be seen at all. */
  ready?: () => Promise<void>;
}

const CARD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2099, cvc: '123' };
const ADDRESS = { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon', country: 'FR' };
const TEE = 'MX-TEE';
const MUG = 'MX-MUG';
const MUG_PRICE = 1200;

let api: TestApi;
const tokens = {} as Record<Who, string>;
/** Channel A's and store S1's objects, made in beforeAll. */
const f = {} as {
  warehouse: string;
  s1: string;
  s2: string;
  priceList: string;
  channelA: string;
  channelB: string;
  product: string;
  variant: string;
  staffUser: string;
  promotion: string;
  /** A customer known only to channel A (it created them and ordered for them). */
  customer: string;
  address: string;
  /** Channel A's pickup order at S1, and its ship-to-address order sent from S1. */
  pickupOrder: { id: string; number: string; groupId: string };
  shipOrder: { id: string; groupId: string };
  reservation: string;
  transfer: string;
  incoming: string;
  feedId: string;
  /** A draft of channel A's routing rules. */
  ruleSet: string;
  /** A channel no order uses, whose rule sets the rows activate (so no row changes how the others' orders are routed). */
  rulesChannel: string;
  /** A drop-ship vendor channel A fulfils from, and the purchase request of channel A's order it sends. */
  vendor: string;
  purchaseRequest: string;
};
let serial = 0;
const unique = (prefix: string) => `${prefix}-${++serial}`;

/** An admin call that must work: the fixtures of a row, not what the row tests. */
async function must<T = any>(method: string, path: string, body?: unknown, token = ADMIN_KEY): Promise<T> {
  const response = await api.call<T>(method, path, { body, token });
  if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

const fresh = {
  /** A hold of channel A at store S1. */
  reservation: async () =>
    (await must('POST', '/v1/reservations', { channelId: f.channelA, kind: 'hold', lines: [{ sku: TEE, locationId: f.s1, quantity: 1 }] })).reservations[0]
      .id as string,
  /** Channel A's order collected at S1, paid at pickup. */
  pickupOrder: async () => {
    const order = await must(
      'POST',
      '/v1/orders',
      {
        customer: { id: f.customer },
        lines: [{ sku: MUG, quantity: 1 }],
        deliveryGroups: [{ method: 'pickup_in_store', pickupLocationId: f.s1 }],
        payments: [{ method: 'pay_at_pickup', amount: MUG_PRICE }],
      },
      tokens.channelA,
    );
    return { id: order.id as string, number: order.number as string, groupId: order.deliveryGroups[0].id as string };
  },
  /** Channel A's order shipped to an address from S1. */
  shipOrder: async () => {
    const order = await must(
      'POST',
      '/v1/orders',
      {
        customer: { id: f.customer },
        lines: [{ sku: MUG, quantity: 1 }],
        deliveryGroups: [{ method: 'ship_to_address', fulfilmentLocationId: f.s1, address: ADDRESS }],
        payments: [{ method: 'card_online', amount: MUG_PRICE + 490, card: CARD }],
      },
      tokens.channelA,
    );
    return { id: order.id as string, groupId: order.deliveryGroups[0].id as string };
  },
  /** A draft transfer leaving S1 for the warehouse. */
  transferFromS1: async () =>
    (await must('POST', '/v1/transfers', { fromLocationId: f.s1, toLocationId: f.warehouse, lines: [{ sku: TEE, quantity: 1 }] })).id as string,
  /** A transfer from the warehouse to S1, shipped. */
  shippedToS1: async () => {
    const id = (await must('POST', '/v1/transfers', { fromLocationId: f.warehouse, toLocationId: f.s1, lines: [{ sku: TEE, quantity: 1 }] })).id as string;
    await must('POST', `/v1/transfers/${id}/ship`);
    return id;
  },
  /** A purchase delivery expected at S1. */
  incomingAtS1: async () =>
    (
      await must('POST', '/v1/inventory/incoming', {
        locationId: f.s1,
        lines: [{ sku: TEE, quantity: 5 }],
        expectedAt: '2031-01-01T00:00:00Z',
        reference: unique('PO'),
      })
    ).items[0].id as string,
  /** A draft rule set of the channel no order uses. */
  ruleSet: async () =>
    (await must('POST', '/v1/routing/rule-sets', { channelId: f.rulesChannel, name: 'Spare', document: { rules: [{ name: 'Any' }] } })).id as string,
  /** Channel A's order sent by the vendor: its purchase request. */
  purchaseRequest: async () => {
    const order = await must(
      'POST',
      '/v1/orders',
      {
        customer: { id: f.customer },
        lines: [{ sku: MUG, quantity: 1 }],
        deliveryGroups: [{ method: 'ship_to_address', fulfilmentLocationId: f.vendor, address: ADDRESS }],
        payments: [{ method: 'card_online', amount: MUG_PRICE + 490, card: CARD }],
      },
      tokens.channelA,
    );
    const requests = await must('GET', `/v1/purchase-requests?vendorLocationId=${f.vendor}&limit=200`);
    return requests.items.find((item: { orderId: string }) => item.orderId === order.id).id as string;
  },
  /** An open stock shortfall at S1 (what an offline register sale leaves when the stock did not cover it). */
  shortfallAtS1: async () => {
    const id = newId();
    await api.database.db
      .insertInto('stock_shortfalls')
      .values({
        id,
        location_id: f.s1,
        variant_id: f.variant,
        quantity: 1,
        order_id: f.pickupOrder.id,
        order_number: f.pickupOrder.number,
        sold_at: new Date(),
        resolved_at: null,
        resolved_by: null,
        resolution: null,
      })
      .execute();
    return id;
  },
  /** Two of channel A's orders shipped from S1 to the same customer and address: they may be merged. */
  mergeable: async () => [(await fresh.shipOrder()).groupId, (await fresh.shipOrder()).groupId],
  address: async () =>
    (await must('POST', `/v1/customers/${f.customer}/addresses`, { name: 'Alex', line1: '1 quai', postalCode: '69001', city: 'Lyon', country: 'FR' }))
      .id as string,
};

const group = (order: { id: string; groupId: string }, step: string) => `/v1/orders/${order.id}/delivery-groups/${order.groupId}/${step}`;

const ALL_200: Expected = [200, 200, 200, 200, 200];
const ADMIN_ONLY = (status: number): Expected => [status, 403, 403, 403, 403];
/** Staff routes on S1's objects: channels refused by role, S2 does not see them. */
const S1_STAFF = (status: number): Expected => [status, 403, 403, status, 404];
/** Staff acting for S1 named in the request: S2 may not act for S1. */
const FOR_S1 = (status: number): Expected => [status, 403, 403, status, 403];
/** Channel A's objects: channel B does not see them; store S1 does (its store), S2 does not. */
const A_AT_S1 = (status: number): Expected => [status, status, 404, status, 404];
/** Order steps at S1 are the staff's: channels refused by role, S2 does not see the order. */
const S1_STEP: Expected = [200, 403, 403, 200, 404];
/** Channel A's purchase requests: channel B does not see them; store keys may not read requests at all. */
const A_REQUEST = (status: number): Expected => [status, status, 404, 403, 403];
/** Channel A's customer: channel B does not see them; every store serves them. */
const A_CUSTOMER = (status: number): Expected => [status, status, 404, status, status];

/** The register (issue 20): a till at S1, and a session open at it, made once for the rows that read or add to them. */
let tillAtS1: Promise<{ register: string; session: string }> | undefined;
const registerAtS1 = () =>
  (tillAtS1 ??= (async () => {
    const register = (await must('POST', `/v1/locations/${f.s1}/registers`, { name: unique('Till') })).id as string;
    const session = (await must('POST', `/v1/registers/${register}/sessions`, { openingFloat: 10000, currency: 'EUR' })).id as string;
    return { register, session };
  })());
const freshSessionAtS1 = async () => {
  const register = (await must('POST', `/v1/locations/${f.s1}/registers`, { name: unique('Till') })).id as string;
  return (await must('POST', `/v1/registers/${register}/sessions`, { openingFloat: 0, currency: 'EUR' })).id as string;
};

const table: Record<string, Row> = {
  // Access
  'POST /v1/auth/login': {
    expect: ALL_200,
    request: () => ({ path: '/v1/auth/login', body: { email: 'matrix@example.com', password: 'correct horse battery' } }),
  },
  'POST /v1/auth/logout': { expect: [204, 204, 204, 204, 204], request: () => ({ path: '/v1/auth/logout' }) },
  'GET /v1/auth/me': { expect: ALL_200, request: () => ({ path: '/v1/auth/me' }) },
  'POST /v1/staff-users': {
    expect: ADMIN_ONLY(201),
    request: () => ({
      path: '/v1/staff-users',
      body: { email: `${unique('clerk')}@example.com`, name: 'Clerk', password: 'long enough pw', role: 'store', locationId: f.s1 },
    }),
  },
  'GET /v1/staff-users': { expect: ADMIN_ONLY(200), request: () => ({ path: '/v1/staff-users' }) },
  'PATCH /v1/staff-users/{id}': { expect: ADMIN_ONLY(200), request: () => ({ path: `/v1/staff-users/${f.staffUser}`, body: { name: 'Renamed' } }) },
  'POST /v1/api-keys': { expect: ADMIN_ONLY(201), request: () => ({ path: '/v1/api-keys', body: { name: 'ERP', role: 'store', locationId: f.s1 } }) },
  'GET /v1/api-keys': { expect: ADMIN_ONLY(200), request: () => ({ path: '/v1/api-keys' }) },
  'POST /v1/api-keys/{id}/revoke': {
    expect: ADMIN_ONLY(200),
    request: async () => ({ path: `/v1/api-keys/${(await must('POST', '/v1/api-keys', { name: 'Spare', role: 'admin' })).id}/revoke` }),
  },

  // Catalog: read by every role, written by admins.
  'POST /v1/tax-classes': {
    expect: ADMIN_ONLY(201),
    request: () => ({ path: '/v1/tax-classes', body: { code: unique('reduced'), name: 'Reduced', rateBasisPoints: 550 } }),
  },
  'GET /v1/tax-classes': { expect: ALL_200, request: () => ({ path: '/v1/tax-classes' }) },
  'POST /v1/price-lists': {
    expect: ADMIN_ONLY(201),
    request: () => ({ path: '/v1/price-lists', body: { code: unique('pl'), name: 'Prices', currency: 'EUR', pricesIncludeTax: true } }),
  },
  'GET /v1/price-lists': { expect: ALL_200, request: () => ({ path: '/v1/price-lists' }) },
  'GET /v1/price-lists/{id}': { expect: ALL_200, request: () => ({ path: `/v1/price-lists/${f.priceList}` }) },
  'PUT /v1/price-lists/{id}/prices': {
    expect: ADMIN_ONLY(200),
    request: () => ({ path: `/v1/price-lists/${f.priceList}/prices`, body: { prices: [{ sku: MUG, amount: MUG_PRICE }] } }),
  },
  'GET /v1/price-lists/{id}/prices': { expect: ALL_200, request: () => ({ path: `/v1/price-lists/${f.priceList}/prices` }) },
  'POST /v1/products': {
    expect: ADMIN_ONLY(201),
    request: () => ({ path: '/v1/products', body: { title: 'Cap', taxClass: 'standard', variants: [{ sku: unique('MX-CAP'), title: 'Cap' }] } }),
  },
  'GET /v1/products': { expect: ALL_200, request: () => ({ path: '/v1/products' }) },
  'GET /v1/products/{id}': { expect: ALL_200, request: () => ({ path: `/v1/products/${f.product}` }) },
  'PATCH /v1/products/{id}': { expect: ADMIN_ONLY(200), request: () => ({ path: `/v1/products/${f.product}`, body: { description: 'Cotton' } }) },
  'POST /v1/products/{id}/variants': {
    expect: ADMIN_ONLY(201),
    request: () => ({ path: `/v1/products/${f.product}/variants`, body: { sku: unique('MX-TEE-L'), title: 'L' } }),
  },
  'GET /v1/variants': { expect: ALL_200, request: () => ({ path: '/v1/variants' }) },
  'GET /v1/variants/{id}': { expect: ALL_200, request: () => ({ path: `/v1/variants/${f.variant}` }) },
  'PATCH /v1/variants/{id}': { expect: ADMIN_ONLY(200), request: () => ({ path: `/v1/variants/${f.variant}`, body: { title: 'Tee' } }) },
  'PUT /v1/variants/{id}/minimum-prices': {
    expect: ADMIN_ONLY(200),
    request: () => ({ path: `/v1/variants/${f.variant}/minimum-prices`, body: { minimumPrices: [] } }),
  },

  // Locations: every role reads them; store staff change their own store's hours and capacity.
  'POST /v1/locations': { expect: ADMIN_ONLY(201), request: () => ({ path: '/v1/locations', body: locationBody(unique('MX-WH'), 'warehouse') }) },
  'GET /v1/locations': { expect: ALL_200, request: () => ({ path: '/v1/locations' }) },
  'GET /v1/locations/{id}': { expect: ALL_200, request: () => ({ path: `/v1/locations/${f.s1}` }) },
  'PATCH /v1/locations/{id}': { expect: [200, 403, 403, 200, 403], request: () => ({ path: `/v1/locations/${f.s1}`, body: { dailyCapacity: 90 } }) },

  // Channels: a channel key sees its own; store staff their registers.
  'POST /v1/channels': {
    expect: ADMIN_ONLY(201),
    request: () => ({ path: '/v1/channels', body: { code: unique('social'), name: 'Social', type: 'social', currency: 'EUR', priceListId: f.priceList } }),
  },
  'GET /v1/channels': {
    expect: ALL_200,
    request: () => ({ path: '/v1/channels?limit=200' }),
    finds: { who: ['admin', 'channelA'], found: (body) => body.items.some((item: { id: string }) => item.id === f.channelA) },
  },
  'GET /v1/channels/{id}': { expect: [200, 200, 404, 404, 404], request: () => ({ path: `/v1/channels/${f.channelA}` }) },
  'PATCH /v1/channels/{id}': { expect: ADMIN_ONLY(200), request: () => ({ path: `/v1/channels/${f.channelA}`, body: { name: 'Web shop A' } }) },

  // Customers
  'POST /v1/customer-groups': { expect: ADMIN_ONLY(201), request: () => ({ path: '/v1/customer-groups', body: { code: unique('vip'), name: 'VIP' } }) },
  'GET /v1/customer-groups': { expect: ALL_200, request: () => ({ path: '/v1/customer-groups' }) },
  'POST /v1/customers': {
    expect: [201, 201, 201, 201, 201],
    request: () => ({ path: '/v1/customers', body: { firstName: 'New', lastName: 'Buyer', emails: [`${unique('buyer')}@example.com`] } }),
  },
  // Browsing by name: admins and the counter; a channel key only looks up an exact email or phone.
  'GET /v1/customers': {
    expect: [200, 403, 403, 200, 200],
    request: () => ({ path: '/v1/customers?q=Onlya' }),
    finds: { who: ['admin', 'storeS1', 'storeS2'], found: (body) => body.items.some((item: { id: string }) => item.id === f.customer) },
  },
  'GET /v1/customers/{id}': { expect: A_CUSTOMER(200), request: () => ({ path: `/v1/customers/${f.customer}` }) },
  'PATCH /v1/customers/{id}': { expect: A_CUSTOMER(200), request: () => ({ path: `/v1/customers/${f.customer}`, body: { note: 'Prefers email' } }) },
  'POST /v1/customers/{id}/addresses': {
    expect: A_CUSTOMER(201),
    request: () => ({
      path: `/v1/customers/${f.customer}/addresses`,
      body: { name: 'Alex', line1: '2 quai', postalCode: '69001', city: 'Lyon', country: 'FR' },
    }),
  },
  'PATCH /v1/customers/{id}/addresses/{addressId}': {
    expect: A_CUSTOMER(200),
    request: () => ({ path: `/v1/customers/${f.customer}/addresses/${f.address}`, body: { label: 'Home' } }),
  },
  'DELETE /v1/customers/{id}/addresses/{addressId}': {
    expect: A_CUSTOMER(204),
    request: async () => ({ path: `/v1/customers/${f.customer}/addresses/${await fresh.address()}` }),
  },
  'GET /v1/customers/{id}/orders': { expect: A_CUSTOMER(200), request: () => ({ path: `/v1/customers/${f.customer}/orders` }) },

  // Stock: shared for selling (channel B does not sell from S1); a store's ledger and its stock operations are its own.
  'GET /v1/inventory/levels': { expect: [200, 200, 403, 200, 200], request: () => ({ path: `/v1/inventory/levels?sku=${TEE}&locationId=${f.s1}` }) },
  'GET /v1/inventory/movements': { expect: FOR_S1(200), request: () => ({ path: `/v1/inventory/movements?sku=${TEE}&locationId=${f.s1}` }) },
  'POST /v1/inventory/receipts': {
    expect: FOR_S1(201),
    request: () => ({ path: '/v1/inventory/receipts', body: { locationId: f.s1, lines: [{ sku: TEE, quantity: 1 }] } }),
  },
  'POST /v1/inventory/sales': {
    expect: FOR_S1(201),
    request: () => ({ path: '/v1/inventory/sales', body: { locationId: f.s1, lines: [{ sku: TEE, quantity: 1 }] } }),
  },
  'POST /v1/inventory/adjustments': {
    expect: FOR_S1(201),
    request: () => ({ path: '/v1/inventory/adjustments', body: { locationId: f.s1, sku: TEE, quantity: 1, reason: 'found' } }),
  },
  'POST /v1/inventory/counts': {
    expect: FOR_S1(201),
    request: () => ({ path: '/v1/inventory/counts', body: { locationId: f.s1, lines: [{ sku: TEE, counted: 500 }] } }),
  },
  'POST /v1/inventory/damages': {
    expect: FOR_S1(201),
    request: () => ({ path: '/v1/inventory/damages', body: { locationId: f.s1, sku: TEE, quantity: 1, reason: 'torn' } }),
  },
  'PUT /v1/inventory/safety-stock': {
    expect: ADMIN_ONLY(200),
    request: () => ({ path: '/v1/inventory/safety-stock', body: { locationId: f.s1, quantity: 0 } }),
  },
  'POST /v1/availability': { expect: ALL_200, request: () => ({ path: '/v1/availability', body: { skus: [TEE] } }) },
  'POST /v1/availability/pickup-stores': {
    expect: ALL_200,
    request: () => ({
      path: '/v1/availability/pickup-stores',
      body: { latitude: 45.764, longitude: 4.8357, channelId: f.channelA, lines: [{ sku: TEE, quantity: 1 }] },
    }),
  },

  // Reservations: a channel's own; at a store, that store's.
  'POST /v1/reservations': {
    expect: [201, 201, 403, 201, 403],
    request: (who) => ({
      path: '/v1/reservations',
      body: { ...(who === 'admin' ? { channelId: f.channelA } : {}), kind: 'hold', lines: [{ sku: TEE, locationId: f.s1, quantity: 1 }] },
    }),
  },
  'GET /v1/reservations/{id}': { expect: A_AT_S1(200), request: () => ({ path: `/v1/reservations/${f.reservation}` }) },
  'POST /v1/reservations/{id}/release': { expect: A_AT_S1(200), request: async () => ({ path: `/v1/reservations/${await fresh.reservation()}/release` }) },
  'POST /v1/reservations/{id}/deduct': { expect: A_AT_S1(200), request: async () => ({ path: `/v1/reservations/${await fresh.reservation()}/deduct` }) },
  'POST /v1/reservations/{id}/confirm': { expect: A_AT_S1(200), request: async () => ({ path: `/v1/reservations/${await fresh.reservation()}/confirm` }) },

  // Stock feeds: staff for their own store; a feed's result is its sender's.
  'POST /v1/stock-feeds': {
    expect: FOR_S1(201),
    request: () => ({ path: '/v1/stock-feeds', body: { feedId: unique('feed'), mode: 'delta', location: 'MX-S1', rows: [{ sku: TEE, quantity: 1 }] } }),
  },
  'GET /v1/stock-feeds/{feedId}': { expect: S1_STAFF(200), request: () => ({ path: `/v1/stock-feeds/${f.feedId}` }) },

  // Transfers and expected purchases: staff, at either end (S1's are not there for S2).
  'POST /v1/transfers': {
    expect: FOR_S1(201),
    request: () => ({ path: '/v1/transfers', body: { fromLocationId: f.s1, toLocationId: f.warehouse, lines: [{ sku: TEE, quantity: 1 }] } }),
  },
  'GET /v1/transfers': {
    expect: [200, 403, 403, 200, 200],
    request: () => ({ path: '/v1/transfers?limit=200' }),
    finds: { who: ['admin', 'storeS1'], found: (body) => body.items.some((item: { id: string }) => item.id === f.transfer) },
  },
  'GET /v1/transfers/{id}': { expect: S1_STAFF(200), request: () => ({ path: `/v1/transfers/${f.transfer}` }) },
  'POST /v1/transfers/{id}/ship': { expect: S1_STAFF(200), request: async () => ({ path: `/v1/transfers/${await fresh.transferFromS1()}/ship` }) },
  'POST /v1/transfers/{id}/receive': {
    expect: S1_STAFF(200),
    request: async () => ({ path: `/v1/transfers/${await fresh.shippedToS1()}/receive`, body: { lines: [{ sku: TEE, quantity: 1 }] } }),
  },
  'POST /v1/transfers/{id}/cancel': { expect: S1_STAFF(200), request: async () => ({ path: `/v1/transfers/${await fresh.transferFromS1()}/cancel` }) },
  'POST /v1/inventory/incoming': {
    expect: FOR_S1(201),
    request: () => ({
      path: '/v1/inventory/incoming',
      body: { locationId: f.s1, lines: [{ sku: TEE, quantity: 1 }], expectedAt: '2031-01-01T00:00:00Z', reference: unique('PO') },
    }),
  },
  'GET /v1/inventory/incoming': {
    expect: [200, 403, 403, 200, 200],
    request: () => ({ path: '/v1/inventory/incoming?limit=200' }),
    finds: { who: ['admin', 'storeS1'], found: (body) => body.items.some((item: { id: string }) => item.id === f.incoming) },
  },
  'POST /v1/inventory/incoming/{id}/receive': {
    expect: S1_STAFF(200),
    request: async () => ({ path: `/v1/inventory/incoming/${await fresh.incomingAtS1()}/receive`, body: { quantity: 1 } }),
  },
  'POST /v1/inventory/incoming/{id}/cancel': {
    expect: S1_STAFF(200),
    request: async () => ({ path: `/v1/inventory/incoming/${await fresh.incomingAtS1()}/cancel` }),
  },

  // Pricing: a channel key quotes for its own channel only; promotions and rates are the admins'.
  'POST /v1/quotes': {
    expect: [200, 200, 403, 200, 200],
    request: () => ({
      path: '/v1/quotes',
      body: { channelId: f.channelA, lines: [{ sku: MUG, quantity: 1 }], deliveryGroups: [{ method: 'ship_to_address', lineIndexes: [0] }] },
    }),
  },
  'POST /v1/promotions': {
    expect: ADMIN_ONLY(201),
    request: () => ({ path: '/v1/promotions', body: { code: unique('SPRING').toUpperCase(), kind: 'percentage', value: 1000 } }),
  },
  'GET /v1/promotions': { expect: ADMIN_ONLY(200), request: () => ({ path: '/v1/promotions' }) },
  'GET /v1/promotions/{id}': { expect: ADMIN_ONLY(200), request: () => ({ path: `/v1/promotions/${f.promotion}` }) },
  'PATCH /v1/promotions/{id}': { expect: ADMIN_ONLY(200), request: () => ({ path: `/v1/promotions/${f.promotion}`, body: { name: 'Spring' } }) },
  'PUT /v1/delivery-rates': {
    expect: ADMIN_ONLY(200),
    request: () => ({ path: '/v1/delivery-rates', body: { method: 'ship_to_store', pricing: 'flat', amount: 0, currency: 'EUR', taxClass: 'standard' } }),
  },
  'GET /v1/delivery-rates': { expect: ALL_200, request: () => ({ path: '/v1/delivery-rates' }) },
  'DELETE /v1/delivery-rates/{id}': {
    expect: ADMIN_ONLY(204),
    request: async () => ({
      path: `/v1/delivery-rates/${(await must('PUT', '/v1/delivery-rates', { channelId: f.channelB, method: 'ship_to_store', pricing: 'flat', amount: 100, currency: 'EUR', taxClass: 'standard' })).id}`,
    }),
  },

  // Routing: admins write the rules and the facts they filter on; a channel key reads its own channel's rules.
  'POST /v1/routing/rule-sets': {
    expect: ADMIN_ONLY(201),
    request: () => ({ path: '/v1/routing/rule-sets', body: { channelId: f.channelA, name: 'Rules', document: { rules: [{ name: 'Any' }] } } }),
  },
  'GET /v1/routing/rule-sets': {
    expect: [200, 200, 200, 403, 403],
    request: () => ({ path: '/v1/routing/rule-sets?limit=200' }),
    finds: { who: ['admin', 'channelA'], found: (body) => body.items.some((item: { id: string }) => item.id === f.ruleSet) },
  },
  'GET /v1/routing/rule-sets/{id}': { expect: [200, 200, 404, 403, 403], request: () => ({ path: `/v1/routing/rule-sets/${f.ruleSet}` }) },
  'PUT /v1/routing/rule-sets/{id}': {
    expect: ADMIN_ONLY(200),
    request: () => ({ path: `/v1/routing/rule-sets/${f.ruleSet}`, body: { name: 'Renamed', document: { rules: [{ name: 'Any' }] } } }),
  },
  'POST /v1/routing/rule-sets/{id}/activate': {
    expect: ADMIN_ONLY(200),
    request: async () => ({ path: `/v1/routing/rule-sets/${await fresh.ruleSet()}/activate` }),
  },
  'POST /v1/routing/rule-sets/{id}/archive': {
    expect: ADMIN_ONLY(200),
    request: async () => ({ path: `/v1/routing/rule-sets/${await fresh.ruleSet()}/archive` }),
  },
  'PUT /v1/routing/product-locations': {
    expect: ADMIN_ONLY(200),
    request: () => ({ path: '/v1/routing/product-locations', body: { productId: f.product, locationId: f.s1, mayRoute: true, mayPickup: true } }),
  },
  'GET /v1/routing/product-locations': { expect: FOR_S1(200), request: () => ({ path: `/v1/routing/product-locations?locationId=${f.s1}` }) },
  'PUT /v1/routing/postcodes': {
    expect: ADMIN_ONLY(200),
    request: () => ({ path: '/v1/routing/postcodes', body: { rows: [{ country: 'FR', postalCode: '69001', latitude: 45.7676, longitude: 4.8345 }] } }),
  },
  'GET /v1/routing/postcodes/{country}/{postalCode}': { expect: ALL_200, request: () => ({ path: '/v1/routing/postcodes/FR/69002' }) },
  'PUT /v1/routing/preorders': {
    expect: ADMIN_ONLY(200),
    request: () => ({ path: '/v1/routing/preorders', body: { sku: TEE, quantity: 5, availableAt: '2031-01-01T00:00:00Z' } }),
  },
  'GET /v1/routing/preorders': { expect: ADMIN_ONLY(200), request: () => ({ path: `/v1/routing/preorders?sku=${TEE}` }) },

  // Orders: a channel's own; a store's those it fulfils, hands over or sold at its registers.
  'POST /v1/orders': {
    // Channel B orders through its own channel, which does not sell from store S1: refused as a rule, not for access.
    expect: [201, 201, 422, 201, 201],
    request: (who) => ({
      path: '/v1/orders',
      body: {
        ...(who === 'admin' || who.startsWith('store') ? { channelId: f.channelA } : {}),
        customer: { firstName: 'Guest', lastName: 'Buyer', email: `${unique('guest')}@example.com` },
        lines: [{ sku: MUG, quantity: 1 }],
        deliveryGroups: [{ method: 'pickup_in_store', pickupLocationId: f.s1 }],
        payments: [{ method: 'pay_at_pickup', amount: MUG_PRICE }],
      },
    }),
  },
  'GET /v1/orders': {
    expect: ALL_200,
    request: () => ({ path: `/v1/orders?number=${f.pickupOrder.number}` }),
    finds: { who: ['admin', 'channelA', 'storeS1'], found: (body) => body.items.some((item: { id: string }) => item.id === f.pickupOrder.id) },
  },
  'GET /v1/orders/{id}': { expect: A_AT_S1(200), request: () => ({ path: `/v1/orders/${f.pickupOrder.id}` }) },
  'GET /v1/orders/{id}/timeline': { expect: A_AT_S1(200), request: () => ({ path: `/v1/orders/${f.pickupOrder.id}/timeline` }) },
  // Issue 20 (language & customer documents): the invoice is read as its order is.
  'GET /v1/orders/{id}/invoice': { expect: A_AT_S1(200), request: () => ({ path: `/v1/orders/${f.pickupOrder.id}/invoice?language=en` }) },
  'POST /v1/orders/{id}/cancel': {
    expect: A_AT_S1(200),
    request: async () => ({ path: `/v1/orders/${(await fresh.pickupOrder()).id}/cancel`, body: { reason: 'changed mind' } }),
  },
  'POST /v1/orders/{id}/address': {
    expect: A_AT_S1(200),
    request: () => ({ path: `/v1/orders/${f.shipOrder.id}/address`, body: { address: { ...ADDRESS, line1: '5 place Bellecour' } } }),
  },
  'POST /v1/orders/{id}/notes': { expect: A_AT_S1(201), request: () => ({ path: `/v1/orders/${f.pickupOrder.id}/notes`, body: { text: 'Gift wrap' } }) },
  // Routing: an order's decisions are read as the order is; rule sets are tried by the retailer and by their channel.
  'GET /v1/orders/{id}/routing': { expect: A_AT_S1(200), request: () => ({ path: `/v1/orders/${f.pickupOrder.id}/routing` }) },
  'POST /v1/routing/rule-sets/{id}/dry-run': {
    expect: [200, 200, 404, 403, 403],
    request: () => ({
      path: `/v1/routing/rule-sets/${f.ruleSet}/dry-run`,
      body: { order: { lines: [{ sku: MUG, quantity: 1 }], deliveryGroups: [{ method: 'ship_to_address', address: ADDRESS }] } },
    }),
  },
  'POST /v1/routing/rule-sets/{id}/replay': {
    expect: [200, 200, 404, 403, 403],
    request: () => ({ path: `/v1/routing/rule-sets/${f.ruleSet}/replay`, body: { days: 1 } }),
  },
  // Register (issue 20): a store sets up and runs its own registers; staff look up any location's stock.
  'POST /v1/locations/{id}/registers': { expect: FOR_S1(201), request: () => ({ path: `/v1/locations/${f.s1}/registers`, body: { name: unique('Till') } }) },
  'GET /v1/locations/{id}/registers': { expect: FOR_S1(200), request: () => ({ path: `/v1/locations/${f.s1}/registers` }) },
  'POST /v1/registers/{id}/sessions': {
    expect: FOR_S1(201),
    request: async () => ({
      path: `/v1/registers/${(await must('POST', `/v1/locations/${f.s1}/registers`, { name: unique('Till') })).id}/sessions`,
      body: { openingFloat: 5000, currency: 'EUR' },
    }),
  },
  'GET /v1/registers/{id}/sessions': { expect: FOR_S1(200), request: async () => ({ path: `/v1/registers/${(await registerAtS1()).register}/sessions` }) },
  'POST /v1/register-sessions/{id}/cash-movements': {
    expect: FOR_S1(201),
    request: async () => ({
      path: `/v1/register-sessions/${(await registerAtS1()).session}/cash-movements`,
      body: { kind: 'paid_in', amount: 100, reason: 'Change' },
    }),
  },
  'POST /v1/register-sessions/{id}/close': {
    expect: FOR_S1(200),
    request: async () => ({ path: `/v1/register-sessions/${await freshSessionAtS1()}/close`, body: { countedCash: 0 } }),
  },
  'GET /v1/register-sessions/{id}/report': {
    expect: FOR_S1(200),
    request: async () => ({ path: `/v1/register-sessions/${(await registerAtS1()).session}/report` }),
  },
  'GET /v1/register-sessions/{id}/report/document': {
    expect: FOR_S1(200),
    request: async () => ({ path: `/v1/register-sessions/${(await registerAtS1()).session}/report/document` }),
  },
  'GET /v1/orders/{id}/receipt': { expect: A_AT_S1(200), request: () => ({ path: `/v1/orders/${f.pickupOrder.id}/receipt?format=text` }) },
  'GET /v1/locations/{id}/stock-shortfalls': { expect: FOR_S1(200), request: () => ({ path: `/v1/locations/${f.s1}/stock-shortfalls` }) },
  'POST /v1/stock-shortfalls/{id}/resolve': {
    expect: S1_STAFF(200),
    request: async () => ({ path: `/v1/stock-shortfalls/${await fresh.shortfallAtS1()}/resolve`, body: { resolution: 'written_off', note: 'Lost' } }),
  },
  'GET /v1/stock/{sku}/nearby': { expect: [200, 403, 403, 200, 200], request: () => ({ path: `/v1/stock/${TEE}/nearby?from=${f.s1}` }) },

  'POST /v1/orders/{id}/delivery-groups/{groupId}/ship': {
    expect: S1_STEP,
    request: async () => ({ path: group(await fresh.shipOrder(), 'ship'), body: { carrier: 'Colissimo', trackingNumber: 'TRK1' } }),
  },
  'POST /v1/orders/{id}/delivery-groups/{groupId}/start-picking': {
    expect: S1_STEP,
    request: async () => ({ path: group(await fresh.shipOrder(), 'start-picking') }),
  },
  'POST /v1/orders/{id}/delivery-groups/{groupId}/pack': {
    expect: S1_STEP,
    request: async () => {
      const order = await fresh.shipOrder();
      await must('POST', group(order, 'start-picking'));
      return { path: group(order, 'pack') };
    },
  },
  'POST /v1/orders/{id}/delivery-groups/{groupId}/ready-for-pickup': {
    expect: S1_STEP,
    request: async () => ({ path: group(await fresh.pickupOrder(), 'ready-for-pickup') }),
  },
  'POST /v1/orders/{id}/delivery-groups/{groupId}/delivered': {
    expect: S1_STEP,
    request: async () => {
      const order = await fresh.shipOrder();
      await must('POST', group(order, 'ship'), { carrier: 'Colissimo', trackingNumber: 'TRK2' });
      return { path: group(order, 'delivered') };
    },
  },
  'POST /v1/orders/{id}/delivery-groups/{groupId}/hand-over': {
    expect: S1_STEP,
    request: async () => {
      const order = await fresh.pickupOrder();
      await must('POST', group(order, 'ready-for-pickup'));
      return { path: group(order, 'hand-over'), body: { collectedBy: { name: 'Access Matrix' }, payments: [{ method: 'cash', amount: MUG_PRICE }] } };
    },
  },
  // Click & Collect (issue 20): the ready email again at the pickup store; admins run the pickup deadlines.
  'POST /v1/orders/{id}/delivery-groups/{groupId}/resend-ready-email': {
    expect: S1_STEP,
    request: async () => {
      const order = await fresh.pickupOrder();
      await must('POST', group(order, 'ready-for-pickup'));
      return { path: group(order, 'resend-ready-email') };
    },
  },
  'POST /v1/pickups/deadline-runs': { expect: ADMIN_ONLY(200), request: () => ({ path: '/v1/pickups/deadline-runs' }) },
  // Routing after the order: the location holding the goods rejects lines; a person routes a waiting group; admins run the batch.
  'POST /v1/orders/{id}/delivery-groups/{groupId}/reject': {
    expect: S1_STEP,
    request: async () => {
      const order = await fresh.shipOrder();
      const lineId = (await must('GET', `/v1/orders/${order.id}`)).deliveryGroups[0].lines[0].id;
      return { path: group(order, 'reject'), body: { lines: [{ lineId, reason: 'customer_request' }] } };
    },
  },
  'POST /v1/orders/{id}/delivery-groups/{groupId}/route': {
    expect: ADMIN_ONLY(200),
    request: async (who) => {
      if (who !== 'admin') return { path: group(f.shipOrder, 'route') };
      // Rejected by S1, the warehouse and the vendor: channel A has nowhere else, so the group waits for a person.
      const order = await fresh.shipOrder();
      const lineId = (await must('GET', `/v1/orders/${order.id}`)).deliveryGroups[0].lines[0].id;
      for (let i = 0; i < 3; i++) await must('POST', group(order, 'reject'), { lines: [{ lineId, reason: 'other' }] });
      return { path: group(order, 'route') };
    },
  },
  'POST /v1/routing/runs': { expect: ADMIN_ONLY(200), request: () => ({ path: '/v1/routing/runs' }) },

  // Merged shipments: the staff of the location the groups leave from.
  'GET /v1/locations/{id}/merge-candidates': { expect: FOR_S1(200), request: () => ({ path: `/v1/locations/${f.s1}/merge-candidates` }) },
  'POST /v1/shipments/merge': {
    expect: S1_STAFF(200),
    request: async () => ({ path: '/v1/shipments/merge', body: { deliveryGroupIds: await fresh.mergeable() } }),
  },

  // The store's work (fulfilment): staff of the location that sends or hands over the goods; S2 does not see S1's.
  'GET /v1/locations/{id}/work': { expect: FOR_S1(200), request: () => ({ path: `/v1/locations/${f.s1}/work` }) },
  'POST /v1/locations/{id}/pick-lists': {
    expect: FOR_S1(201),
    request: async () => ({ path: `/v1/locations/${f.s1}/pick-lists`, body: { groupIds: [(await fresh.shipOrder()).groupId] } }),
  },
  'GET /v1/pick-lists/{id}': {
    expect: S1_STAFF(200),
    request: async () => ({
      path: `/v1/pick-lists/${(await must('POST', `/v1/locations/${f.s1}/pick-lists`, { groupIds: [(await fresh.shipOrder()).groupId] })).id}`,
    }),
  },
  'GET /v1/pick-lists/{id}/document': {
    expect: S1_STAFF(200),
    request: async () => ({
      path: `/v1/pick-lists/${(await must('POST', `/v1/locations/${f.s1}/pick-lists`, { groupIds: [(await fresh.shipOrder()).groupId] })).id}/document`,
    }),
  },
  'POST /v1/orders/{id}/delivery-groups/{groupId}/scans': {
    expect: [201, 403, 403, 201, 404],
    request: async () => ({ path: group(await fresh.shipOrder(), 'scans'), body: { code: MUG } }),
  },
  'GET /v1/orders/{id}/delivery-groups/{groupId}/scans': { expect: S1_STEP, request: () => ({ path: group(f.shipOrder, 'scans') }) },
  'POST /v1/orders/{id}/delivery-groups/{groupId}/parcels': {
    expect: S1_STEP,
    request: async () => ({ path: group(await fresh.shipOrder(), 'parcels'), body: { parcels: [{ box: 'S', weightGrams: 500 }] } }),
  },
  'GET /v1/orders/{id}/delivery-groups/{groupId}/shipment': { expect: S1_STEP, request: () => ({ path: group(f.shipOrder, 'shipment') }) },
  'POST /v1/orders/{id}/delivery-groups/{groupId}/dispatch': {
    expect: S1_STEP,
    request: async () => ({
      path: group(await fresh.shipOrder(), 'dispatch'),
      body: { carrier: 'manual', carrierName: 'Colissimo', trackingNumber: 'TRK3' },
    }),
  },
  'GET /v1/orders/{id}/delivery-groups/{groupId}/packing-slip': { expect: S1_STEP, request: () => ({ path: group(f.shipOrder, 'packing-slip') }) },
  'GET /v1/orders/{id}/delivery-groups/{groupId}/label': {
    expect: S1_STEP,
    request: async () => {
      const order = await fresh.shipOrder();
      await must('POST', group(order, 'dispatch'), { carrier: 'manual', carrierName: 'Colissimo', trackingNumber: 'TRK4' });
      return { path: group(order, 'label') };
    },
  },
  'GET /v1/carriers': { expect: [200, 403, 403, 200, 200], request: () => ({ path: '/v1/carriers' }) },

  // Drop ship: admins, and a channel key for its own orders' requests; vendors have no keys, store keys may not.
  'GET /v1/purchase-requests': {
    expect: [200, 200, 200, 403, 403],
    request: () => ({ path: '/v1/purchase-requests?limit=200' }),
    finds: { who: ['admin', 'channelA'], found: (body) => body.items.some((item: { id: string }) => item.id === f.purchaseRequest) },
  },
  'GET /v1/purchase-requests/{id}': { expect: A_REQUEST(200), request: () => ({ path: `/v1/purchase-requests/${f.purchaseRequest}` }) },
  'GET /v1/purchase-requests/{id}/document': {
    expect: A_REQUEST(200),
    request: () => ({ path: `/v1/purchase-requests/${f.purchaseRequest}/document` }),
  },
  'POST /v1/purchase-requests/{id}/confirm': {
    expect: ADMIN_ONLY(200),
    request: async () => ({ path: `/v1/purchase-requests/${await fresh.purchaseRequest()}/confirm`, body: { vendorReference: 'SO-1' } }),
  },
  'POST /v1/purchase-requests/{id}/ship': {
    expect: ADMIN_ONLY(200),
    request: async () => ({ path: `/v1/purchase-requests/${await fresh.purchaseRequest()}/ship`, body: { carrier: 'DHL', trackingNumber: 'JD1' } }),
  },

  // Events: integrations poll them; a channel key reads its own orders' events and the stock it sells, store staff
  // their store's orders and stock.
  'GET /v1/events': {
    expect: [200, 200, 200, 200, 200],
    request: () => ({ path: '/v1/events?type=order.placed&limit=1000' }),
    finds: {
      who: ['admin', 'channelA', 'storeS1'],
      found: (body) => body.items.some((item: { payload: { orderId: string } }) => item.payload.orderId === f.pickupOrder.id),
    },
    ready: () => pickupOrderEventShown(),
  },
  // The same events, live; `live=false` ends the stream once it has sent what was committed.
  'GET /v1/events/stream': {
    expect: [200, 200, 200, 200, 200],
    request: () => ({ path: '/v1/events/stream?from=start&types=order.placed&live=false' }),
    finds: { who: ['admin', 'channelA', 'storeS1'], found: (body: string) => body.includes(`"orderId":"${f.pickupOrder.id}"`) },
    ready: () => pickupOrderEventShown(),
  },
};

/**
 * On PostgreSQL the feed shows an event once every older transaction of the server has ended (other test files'
 * included): until the admin sees the order's event, no one would.
 */
async function pickupOrderEventShown() {
  const until = performance.now() + 10_000;
  const seen = async () =>
    (await must('GET', '/v1/events?type=order.placed&limit=1000')).items.some(
      (item: { payload: { orderId: string } }) => item.payload.orderId === f.pickupOrder.id,
    );
  while (!(await seen()) && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
}

beforeAll(async () => {
  api = await startTestApi();
  f.warehouse = (await must('POST', '/v1/locations', locationBody('MX-WH', 'warehouse', 45.72, 4.9))).id;
  f.s1 = (await must('POST', '/v1/locations', locationBody('MX-S1', 'store', 45.764, 4.8357))).id;
  f.s2 = (await must('POST', '/v1/locations', locationBody('MX-S2', 'store', 45.77, 4.86))).id;
  f.vendor = (await must('POST', '/v1/locations', locationBody('MX-VENDOR', 'dropship_vendor'))).id;
  f.priceList = (await must('POST', '/v1/price-lists', { code: 'mx-eur', name: 'Euro prices', currency: 'EUR', pricesIncludeTax: true })).id;
  const at = (...locations: string[]) => locations.map((locationId) => ({ locationId, sells: true, fulfils: true }));
  // Channel A sells from the warehouse, store S1 and the vendor; channel B from the warehouse and store S2.
  f.channelA = (
    await must('POST', '/v1/channels', {
      code: 'mx-web',
      name: 'Web shop',
      type: 'web',
      currency: 'EUR',
      priceListId: f.priceList,
      locations: at(f.warehouse, f.s1, f.vendor),
    })
  ).id;
  f.channelB = (
    await must('POST', '/v1/channels', {
      code: 'mx-market',
      name: 'Marketplace',
      type: 'marketplace',
      currency: 'EUR',
      priceListId: f.priceList,
      locations: at(f.warehouse, f.s2),
    })
  ).id;
  f.rulesChannel = (await must('POST', '/v1/channels', { code: 'mx-rules', name: 'Rules only', type: 'social', currency: 'EUR', priceListId: f.priceList })).id;
  tokens.admin = ADMIN_KEY;
  tokens.channelA = (await must('POST', '/v1/api-keys', { name: 'A', role: 'channel', channelId: f.channelA })).token;
  tokens.channelB = (await must('POST', '/v1/api-keys', { name: 'B', role: 'channel', channelId: f.channelB })).token;
  tokens.storeS1 = (await must('POST', '/v1/api-keys', { name: 'S1', role: 'store', locationId: f.s1 })).token;
  tokens.storeS2 = (await must('POST', '/v1/api-keys', { name: 'S2', role: 'store', locationId: f.s2 })).token;

  const variants = await createVariants(api, [TEE, MUG]);
  f.variant = variants.get(TEE)!;
  f.product = (await must('GET', `/v1/variants/${f.variant}`)).productId;
  await must('PUT', `/v1/price-lists/${f.priceList}/prices`, {
    prices: [
      { sku: TEE, amount: 2000 },
      { sku: MUG, amount: MUG_PRICE },
    ],
  });
  for (const method of ['ship_to_address', 'pickup_in_store']) {
    await must('PUT', '/v1/delivery-rates', { method, pricing: 'flat', amount: method === 'ship_to_address' ? 490 : 0, currency: 'EUR', taxClass: 'standard' });
  }
  for (const location of [f.warehouse, f.s1, f.s2, f.vendor])
    await receive(api, location, [
      { sku: TEE, quantity: 1000 },
      { sku: MUG, quantity: 1000 },
    ]);

  f.staffUser = (await must('POST', '/v1/staff-users', { email: 'matrix@example.com', name: 'Matrix', password: 'correct horse battery', role: 'admin' })).id;
  f.promotion = (await must('POST', '/v1/promotions', { code: 'MATRIX', kind: 'percentage', value: 500 })).id;
  f.customer = (await must('POST', '/v1/customers', { firstName: 'Onlya', lastName: 'Webb', emails: ['onlya@example.com'] }, tokens.channelA)).id;
  f.address = await fresh.address();
  f.pickupOrder = await fresh.pickupOrder();
  f.shipOrder = await fresh.shipOrder();
  f.reservation = await fresh.reservation();
  f.transfer = await fresh.transferFromS1();
  f.incoming = await fresh.incomingAtS1();
  f.ruleSet = (await must('POST', '/v1/routing/rule-sets', { channelId: f.channelA, name: 'Nearest', document: { rules: [{ name: 'Nearest store' }] } })).id;
  await must('PUT', '/v1/routing/postcodes', { rows: [{ country: 'FR', postalCode: '69002', latitude: 45.7531, longitude: 4.8283 }] });
  f.purchaseRequest = await fresh.purchaseRequest();
  f.feedId = 'matrix-s1-feed';
  await must('POST', '/v1/stock-feeds', { feedId: f.feedId, mode: 'delta', location: 'MX-S1', rows: [{ sku: TEE, quantity: 1 }] }, tokens.storeS1);
}, 60_000);
afterAll(() => api?.close());

/** Operations as /openapi.json lists them: `METHOD /path`. */
async function operations(): Promise<string[]> {
  const spec = (await (await fetch(`${api.baseUrl}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
}

const methodOf = (key: string) => key.split(' ')[0]!;

/** The status each credential gets, written `404 (not problem+json)` when a refusal is not a problem document. */
function outcome(response: ApiResponse): number | string {
  if (response.status >= 400 && !response.headers.get('content-type')?.includes('application/problem+json')) return `${response.status} (not problem+json)`;
  return response.status;
}

describe('access matrix', () => {
  it('has a row for every operation of /openapi.json, and none for an operation it lacks', async () => {
    const listed = await operations();
    expect(listed.length).toBeGreaterThan(80);
    expect(
      listed.filter((key) => !(key in table)),
      'operations without a row in the access matrix',
    ).toEqual([]);
    expect(
      Object.keys(table).filter((key) => !listed.includes(key)),
      'rows for operations /openapi.json does not list',
    ).toEqual([]);
  });

  for (const [key, row] of Object.entries(table)) {
    it(key, async () => {
      const got: Record<string, number | string> = {};
      const wanted: Record<string, number | string> = {};
      const missed: string[] = [];
      await row.ready?.();
      for (const [index, who] of WHO.entries()) {
        const request = await row.request(who);
        const response = await api.call(methodOf(key), request.path, { token: tokens[who], body: request.body, headers: request.headers });
        got[who] = outcome(response);
        wanted[who] = row.expect[index]!;
        if (row.finds && response.status === 200 && row.finds.found(response.body) !== row.finds.who.includes(who)) {
          missed.push(`${who} ${row.finds.who.includes(who) ? 'does not find' : 'finds'} the object`);
        }
      }
      expect(got).toEqual(wanted);
      expect(missed).toEqual([]);
    });
  }
});
