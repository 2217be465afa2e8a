import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { createVariants, ledgerMismatches, receive, seedBasics, type Basics } from '../../../test/support/fixtures.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { placeOrders, type OrderRequest } from './place.ts';

/** Orders placed together (one batch, one transaction) each succeed or fail on their own. */

const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2099, cvc: '123' };
const ADDRESS = { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon', country: 'FR' };
const ADMIN: Principal = { role: 'admin', locationId: null, channelId: null, userId: null, apiKeyId: null, actor: 'admin-key' };

let api: TestApi;
let basics: Basics;

beforeAll(async () => {
  api = await startTestApi();
  basics = await seedBasics(api);
  await createVariants(api, ['SOCK', 'RARE']);
  const prices = await api.call('PUT', `/v1/price-lists/${basics.priceList.id}/prices`, { body: { prices: [{ sku: 'SOCK', amount: 500 }, { sku: 'RARE', amount: 9000 }] } });
  expect(prices.status).toBe(200);
  const rate = await api.call('PUT', '/v1/delivery-rates', { body: { method: 'ship_to_address', pricing: 'flat', amount: 0, packingFee: 0, currency: 'EUR', taxClass: 'standard' } });
  expect(rate.status).toBe(200);
  await receive(api, basics.warehouse.id, [{ sku: 'SOCK', quantity: 1000 }, { sku: 'RARE', quantity: 2 }]);
});
afterAll(async () => {
  await api?.close();
});

const order = (sku: string, quantity: number, email: string, amount: number): OrderRequest => ({
  principal: ADMIN,
  input: {
    channelId: basics.web.id,
    customer: { firstName: 'Batch', lastName: 'Buyer', email },
    lines: [{ sku, quantity, deliveryGroup: 0 }],
    deliveryGroups: [{ method: 'ship_to_address', address: ADDRESS }],
    payments: [{ method: 'card_online', amount, card: CARD }],
  },
});

describe('a batch of orders', () => {
  it('places the orders it can fill and refuses, alone, the ones it cannot, in arrival order', async () => {
    // Two RARE in stock: the first takes one, the greedy one wants two of the one left, the fourth takes it.
    const outcomes = await placeOrders(api.database.db, [
      order('RARE', 1, 'first@example.com', 9000),
      order('SOCK', 2, 'socks@example.com', 1000),
      order('RARE', 2, 'greedy@example.com', 18000),
      order('RARE', 1, 'second@example.com', 9000),
      order('SOCK', 1, 'wrong-amount@example.com', 1),
    ]);
    const summary = outcomes.map((outcome) => ('error' in outcome ? (outcome.error as { code: string }).code : outcome.order.status));
    expect(summary).toEqual(['placed', 'placed', 'insufficient-stock', 'placed', 'tenders-do-not-cover']);
    const refused = outcomes[2] as { error: { shortages: unknown[] } };
    expect(refused.error.shortages).toEqual([expect.objectContaining({ sku: 'RARE', requested: 2, available: 1 })]);
    const rare = (await api.call('GET', `/v1/inventory/levels?sku=RARE&locationId=${basics.warehouse.id}`)).body.items[0];
    expect(rare).toMatchObject({ onHand: 2, reserved: 2 });
    expect(await ledgerMismatches(api)).toEqual([]);
    // Every order of the batch has its own number, and reads back as it was answered.
    const placed = outcomes.flatMap((outcome) => ('order' in outcome ? [outcome.order] : []));
    expect(new Set(placed.map((placedOrder) => placedOrder.number)).size).toBe(3);
    for (const placedOrder of placed) expect((await api.call('GET', `/v1/orders/${placedOrder.id}`)).body).toEqual(placedOrder);
  });

  it('leaves nothing behind for a refused order, not even the profile of a new guest', async () => {
    const [refused] = await placeOrders(api.database.db, [order('RARE', 5, 'nobody@example.com', 45000)]);
    expect(refused).toMatchObject({ error: { code: 'insufficient-stock' } });
    const profile = await api.database.db.selectFrom('customer_emails').select('customer_id').where('email', '=', 'nobody@example.com').executeTakeFirst();
    expect(profile).toBeUndefined();
  });

  it('lets a refused order be sent again with the same Idempotency-Key', async () => {
    // The warehouse is named, so the shortage is found in the transaction, after the key was claimed.
    const body = { ...order('RARE', 3, 'patient@example.com', 27000).input, deliveryGroups: [{ method: 'ship_to_address' as const, address: ADDRESS, fulfilmentLocationId: basics.warehouse.id }] };
    const headers = { 'idempotency-key': 'short-then-restocked' };
    expect((await api.call('POST', '/v1/orders', { body, headers })).status).toBe(409);
    await receive(api, basics.warehouse.id, [{ sku: 'RARE', quantity: 3 }]);
    const retried = await api.call('POST', '/v1/orders', { body, headers });
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
  });

  it('gives new guests who share an email one profile', async () => {
    const outcomes = await placeOrders(api.database.db, [
      order('SOCK', 1, 'twins@example.com', 500),
      order('SOCK', 1, 'TWINS@example.com', 500),
    ]);
    const customers = outcomes.map((outcome) => ('order' in outcome ? outcome.order.customerId : 'refused'));
    expect(customers[0]).toBe(customers[1]);
    const profile = await api.call('GET', `/v1/customers/${customers[0]}`);
    expect(profile.body.emails).toEqual(['twins@example.com']);
  });

  it('answers concurrent copies of one Idempotency-Key with one order', async () => {
    const body = { ...order('SOCK', 1, 'retry@example.com', 500).input };
    const copies = await Promise.all(Array.from({ length: 5 }, () => api.call('POST', '/v1/orders', { body, headers: { 'idempotency-key': 'checkout-race' } })));
    expect(copies.map((copy) => copy.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(copies.map((copy) => copy.body.id)).size).toBe(1);
    expect(copies.filter((copy) => copy.headers.get('idempotent-replayed') === 'true')).toHaveLength(4);
    expect((await api.call('GET', '/v1/orders?email=retry@example.com')).body.items).toHaveLength(1);
  });
});
