import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { createVariants, ledgerMismatches, receive, seedBasics, type Basics } from '../../../test/support/fixtures.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { placeOrders, prepareBatch, writeBatch, type BatchWrite, type OrderRequest, type PreparedOrder } from './place/index.ts';
import { TEST_PROVIDERS } from '../payments/providers.ts';
import { sellingSetupCache } from './selling-setup.ts';

/**
 * Orders placed together (one batch) each succeed or fail on their own: in one statement when the whole batch fits,
 * else in a transaction that decides order by order.
 */

const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2099, cvc: '123' };
const ADDRESS = { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon', country: 'FR' };
const ADMIN: Principal = { role: 'admin', locationId: null, channelId: null, userId: null, apiKeyId: null, actor: 'admin-key' };

let api: TestApi;
let basics: Basics;

beforeAll(async () => {
  api = await startTestApi();
  basics = await seedBasics(api);
  await createVariants(api, ['SOCK', 'RARE', 'LAST']);
  const prices = await api.call('PUT', `/v1/price-lists/${basics.priceList.id}/prices`, {
    body: {
      prices: [
        { sku: 'SOCK', amount: 500 },
        { sku: 'RARE', amount: 9000 },
        { sku: 'LAST', amount: 700 },
      ],
    },
  });
  expect(prices.status).toBe(200);
  const rate = await api.call('PUT', '/v1/delivery-rates', {
    body: { method: 'ship_to_address', pricing: 'flat', amount: 0, packingFee: 0, currency: 'EUR', taxClass: 'standard' },
  });
  expect(rate.status).toBe(200);
  await receive(api, basics.warehouse.id, [
    { sku: 'SOCK', quantity: 1000 },
    { sku: 'RARE', quantity: 2 },
    { sku: 'LAST', quantity: 1 },
  ]);
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
    const outcomes = await placeOrders(
      api.database.db,
      [
        order('RARE', 1, 'first@example.com', 9000),
        order('SOCK', 2, 'socks@example.com', 1000),
        order('RARE', 2, 'greedy@example.com', 18000),
        order('RARE', 1, 'second@example.com', 9000),
        order('SOCK', 1, 'wrong-amount@example.com', 1),
      ],
      TEST_PROVIDERS,
    );
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
    const [refused] = await placeOrders(api.database.db, [order('RARE', 5, 'nobody@example.com', 45000)], TEST_PROVIDERS);
    expect(refused).toMatchObject({ error: { code: 'insufficient-stock' } });
    const profile = await api.database.db.selectFrom('customer_emails').select('customer_id').where('email', '=', 'nobody@example.com').executeTakeFirst();
    expect(profile).toBeUndefined();
  });

  it('lets a refused order be sent again with the same Idempotency-Key', async () => {
    // The warehouse is named, so the shortage is found in the transaction, after the key was claimed.
    const body = {
      ...order('RARE', 3, 'patient@example.com', 27000).input,
      deliveryGroups: [{ method: 'ship_to_address' as const, address: ADDRESS, fulfilmentLocationId: basics.warehouse.id }],
    };
    const headers = { 'idempotency-key': 'short-then-restocked' };
    expect((await api.call('POST', '/v1/orders', { body, headers })).status).toBe(409);
    await receive(api, basics.warehouse.id, [{ sku: 'RARE', quantity: 3 }]);
    const retried = await api.call('POST', '/v1/orders', { body, headers });
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
  });

  it('gives new guests who share an email one profile', async () => {
    const outcomes = await placeOrders(
      api.database.db,
      [order('SOCK', 1, 'twins@example.com', 500), order('SOCK', 1, 'TWINS@example.com', 500)],
      TEST_PROVIDERS,
    );
    const customers = outcomes.map((outcome) => ('order' in outcome ? outcome.order.customerId : 'refused'));
    expect(customers[0]).toBe(customers[1]);
    const profile = await api.call('GET', `/v1/customers/${customers[0]}`);
    expect(profile.body.emails).toEqual(['twins@example.com']);
  });

  it('answers concurrent copies of one Idempotency-Key with one order', async () => {
    const body = { ...order('SOCK', 1, 'retry@example.com', 500).input };
    const copies = await Promise.all(
      Array.from({ length: 5 }, () => api.call('POST', '/v1/orders', { body, headers: { 'idempotency-key': 'checkout-race' } })),
    );
    expect(copies.map((copy) => copy.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(copies.map((copy) => copy.body.id)).size).toBe(1);
    expect(copies.filter((copy) => copy.headers.get('idempotent-replayed') === 'true')).toHaveLength(4);
    expect((await api.call('GET', '/v1/orders?email=retry@example.com')).body.items).toHaveLength(1);
  });

  /** Prepares the orders (read, priced, authorised), then writes them, saying how. */
  async function placeSaying(requests: OrderRequest[], between?: () => Promise<void>) {
    const prepared = (await prepareBatch(api.database.db, requests, TEST_PROVIDERS, new Date(), sellingSetupCache(api.database.db))).filter(
      (step): step is PreparedOrder => 'tenders' in step,
    );
    await between?.();
    const how: BatchWrite[] = [];
    const outcomes = await writeBatch(api.database.db, prepared, TEST_PROVIDERS, new Date(), (written) => how.push(written));
    return { outcomes, how };
  }

  it('writes a batch that fits in one statement, with the rows, ledger, events and stored answers a transaction writes', async () => {
    const before = (await api.call('GET', `/v1/inventory/levels?sku=SOCK&locationId=${basics.warehouse.id}`)).body.items[0];
    const keyed = { ...order('SOCK', 2, 'one.statement@example.com', 1000), idempotency: { scope: 'admin-key', key: 'one-statement', requestHash: 'h1' } };
    const { outcomes, how } = await placeSaying([keyed, order('SOCK', 3, 'new.guest@example.com', 1500)]);
    expect(how).toEqual(['one_statement']);
    const placed = outcomes.map((outcome) => ('order' in outcome ? outcome.order : outcome.error));
    for (const placedOrder of placed) expect((await api.call('GET', `/v1/orders/${(placedOrder as { id: string }).id}`)).body).toEqual(placedOrder);
    const after = (await api.call('GET', `/v1/inventory/levels?sku=SOCK&locationId=${basics.warehouse.id}`)).body.items[0];
    expect(after).toMatchObject({ onHand: before.onHand, reserved: before.reserved + 5, available: before.available - 5 });
    expect(await ledgerMismatches(api)).toEqual([]);
    // The stock.changed event says what stockChange's would: the new quantities and the availability before.
    const events = (await api.call('GET', '/v1/events?type=stock.changed&limit=1000')).body.items;
    expect(events.at(-1).payload).toEqual({
      variantId: after.variantId,
      locationId: basics.warehouse.id,
      onHand: after.onHand,
      reserved: after.reserved,
      damaged: after.damaged,
      incoming: after.incoming,
      safetyStock: after.safetyStock,
      available: after.available,
      availableBefore: before.available,
    });
    // The new guest has a profile, and the key its answer: a retry is answered with the same order.
    expect((await api.call('GET', `/v1/customers/${(placed[1] as { customerId: string }).customerId}`)).body.emails).toEqual(['new.guest@example.com']);
    expect(await placeOrders(api.database.db, [keyed], TEST_PROVIDERS)).toEqual([{ order: placed[0], replayed: true }]);
  });

  it('decides under lock when the stock went to another order between reading and writing', async () => {
    const { outcomes, how } = await placeSaying([order('LAST', 1, 'too.late@example.com', 700), order('SOCK', 1, 'in.time@example.com', 500)], async () => {
      const [first] = await placeOrders(api.database.db, [order('LAST', 1, 'first.there@example.com', 700)], TEST_PROVIDERS);
      expect(first).toMatchObject({ order: { status: 'placed' } });
    });
    expect(how).toEqual(['transaction']);
    expect(outcomes.map((outcome) => ('error' in outcome ? (outcome.error as { code: string }).code : outcome.order.status))).toEqual([
      'insufficient-stock',
      'placed',
    ]);
    expect(await ledgerMismatches(api)).toEqual([]);
  });

  it('answers an order whose statement committed but whose answer was lost as placed, not replayed, its card still authorised', async () => {
    const keyed = { ...order('SOCK', 1, 'lost.answer@example.com', 500), idempotency: { scope: 'admin-key', key: 'lost-answer', requestHash: 'h2' } };
    const prepared = (await prepareBatch(api.database.db, [keyed], TEST_PROVIDERS, new Date(), sellingSetupCache(api.database.db))).filter(
      (step): step is PreparedOrder => 'tenders' in step,
    );
    const how: BatchWrite[] = [];
    const [outcome] = await writeBatch(api.database.db.withPlugin(new LosesOneAnswer('require_condition')), prepared, TEST_PROVIDERS, new Date(), (written) =>
      how.push(written),
    );
    // Asked on another connection, the order is there: it is this request's own, neither a 503 nor a replay.
    expect(how).toEqual(['one_statement']);
    expect(outcome).toMatchObject({ replayed: false, order: { status: 'placed' } });
    const stored = (await api.call('GET', `/v1/orders/${(outcome as { order: { id: string } }).order.id}`)).body;
    expect(stored.payments.map((payment: { status: string }) => payment.status)).toEqual(['authorized']);
    expect((await api.call('GET', '/v1/orders?email=lost.answer@example.com')).body.items).toHaveLength(1);
  });
});

/** Lets the database run the first statement whose text has `marker`, then throws its answer away, as a dropped connection would. */
class LosesOneAnswer implements KyselyPlugin {
  #target: unknown;
  #done = false;
  readonly marker: string;
  constructor(marker: string) {
    this.marker = marker;
  }
  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    if (!this.#done && this.#target === undefined && JSON.stringify(node).includes(this.marker)) this.#target = queryId;
    return node;
  }
  async transformResult({ queryId, result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (queryId !== this.#target) return result;
    this.#done = true;
    this.#target = undefined;
    throw new Error('Connection terminated unexpectedly');
  }
}
