import { sql } from 'kysely';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { createVariants, ledgerMismatches, receive, seedBasics, type Basics } from '../../../test/support/fixtures.ts';
import { startSmtpInbox } from '../../../test/support/mail.ts';
import { testPolicies } from '../../../test/support/policies.ts';
import { runConsumer } from '../../platform/outbox.ts';
import { createMailer } from '../documents/mailer.ts';
import { orderEmails } from './emails.ts';
import { activateRules, channelFor, warehouseFirst } from '../../../test/support/routing.ts';
import { startWorkers } from '../../workers.ts';
import { routeWaiting } from './waiting.ts';

/**
 * Backorders and preorders (issue 19, point 3), and the batch that routes waiting groups (point 2): a group accepted
 * against incoming stock is allocated, first come first served, once the stock is there; one still waiting keeps
 * waiting, told of a new date if its date moves; a parked group is routed when a person asks; two batches running at
 * once never allocate a group twice. The clock is given to the batch (`now`).
 */

const CARD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2099, cvc: '123' };
const ADDRESS = { line1: '3 quai Saint-Antoine', postalCode: '69002', city: 'Lyon', country: 'FR' };
const PRICE = 1000;
const HOUR = 3_600_000;
const SKUS = ['BOOK', 'LAMP', 'GAME', 'PEN', 'VASE', 'SOFA', 'POT', 'CUP'];

let api: TestApi;
let basics: Basics;
/** A channel whose rules backorder what no location has, against incoming stock or a preorder allowance. */
let backorders: string;

beforeAll(async () => {
  api = await startTestApi();
  basics = await seedBasics(api);
  await createVariants(api, SKUS);
  const prices = SKUS.map((sku) => ({ sku, amount: PRICE }));
  expect((await api.call('PUT', `/v1/price-lists/${basics.priceList.id}/prices`, { body: { prices } })).status).toBe(200);
  for (const method of ['ship_to_address', 'pickup_in_store', 'ship_to_store']) {
    const rate = { method, pricing: 'flat', amount: 0, packingFee: 0, currency: 'EUR', taxClass: 'standard' };
    expect((await api.call('PUT', '/v1/delivery-rates', { body: rate })).status).toBe(200);
  }
  backorders = await channelFor(api, 'backorders', basics.priceList.id, [basics.warehouse.id, basics.storeA.id, basics.storeB.id]);
  await activateRules(api, backorders, { rules: [warehouseFirst('backorder')], options: { maxRejections: 1 } });
});
afterAll(() => api?.close());

async function order(
  sku: string,
  quantity: number,
  email: string,
  group: Record<string, unknown> = { method: 'ship_to_address', address: ADDRESS },
  channelId = backorders,
) {
  const response = await api.call('POST', '/v1/orders', {
    body: {
      channelId,
      customer: { firstName: 'Customer', lastName: email, email },
      lines: [{ sku, quantity }],
      deliveryGroups: [group],
      payments: [{ method: 'card_online', amount: PRICE * quantity, card: CARD }],
    },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

async function expectPurchase(sku: string, quantity: number, expectedAt: string, locationId = basics.warehouse.id): Promise<string> {
  const response = await api.call('POST', '/v1/inventory/incoming', {
    body: { locationId, lines: [{ sku, quantity }], expectedAt, reference: `PO-${sku}-${expectedAt}` },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.items[0].id;
}

const activeReservations = (orderId: string) =>
  api.database.db.selectFrom('reservations').select('id').where('reference_id', '=', orderId).where('status', '=', 'active').execute();
const groupOf = async (orderId: string) => (await api.call('GET', `/v1/orders/${orderId}`)).body.deliveryGroups[0];
const events = async (type: string, orderId: string) =>
  (await api.database.db.selectFrom('outbox_events').select('payload').where('type', '=', type).execute())
    .map((row) => row.payload as Record<string, unknown>)
    .filter((payload) => payload.orderId === orderId);

describe('backorders filled when stock arrives', () => {
  it('given two customers backordered for 3 books each against 7 expected, when 4 arrive, then the first placed gets 3 and the second still waits, before a third', async () => {
    const expected = '2031-03-02T09:00:00.000Z';
    const purchase = await expectPurchase('BOOK', 7, expected);
    const first = await order('BOOK', 3, 'first@example.com');
    const second = await order('BOOK', 3, 'second@example.com');
    // Placed last, for 1: the book left on the shelf after the first is the second's, who came before.
    const third = await order('BOOK', 1, 'third@example.com');
    for (const placed of [first, second, third]) {
      expect(placed.deliveryGroups[0]).toMatchObject({ status: 'backordered', fulfilmentLocationId: basics.warehouse.id });
      expect(placed.deliveryGroups[0].promisedAt).toBe(new Date(Date.parse(expected) + 48 * HOUR).toISOString());
      expect(await activeReservations(placed.id)).toEqual([]);
    }

    expect((await api.call('POST', `/v1/inventory/incoming/${purchase}/receive`, { body: { quantity: 4 } })).status).toBe(200);
    const now = new Date('2031-03-01T12:00:00.000Z');
    const counts = await routeWaiting(api.database.db, { now, limit: 100 });

    expect(counts).toEqual({ allocated: 1, stillWaiting: 2, parked: 0, failed: 0 });
    expect(await groupOf(first.id)).toMatchObject({
      status: 'reserved',
      fulfilmentLocationId: basics.warehouse.id,
      promisedAt: new Date(now.getTime() + 48 * HOUR).toISOString(),
    });
    expect(await groupOf(second.id)).toMatchObject({ status: 'backordered', promisedAt: second.deliveryGroups[0].promisedAt });
    expect(await events('order.allocated', first.id)).toEqual([{ orderId: first.id, groupId: first.deliveryGroups[0].id, number: first.number }]);
    expect(await events('order.allocated', second.id)).toEqual([]);
    expect(await groupOf(third.id)).toMatchObject({ status: 'backordered', promisedAt: third.deliveryGroups[0].promisedAt });
    // 1 on the shelf and 2 still expected cover the second order's date: it is not told anything new.
    expect(await events('order.backordered', second.id)).toEqual([]);
    const routing = await api.call('GET', `/v1/orders/${first.id}/routing`);
    expect(routing.status, JSON.stringify(routing.body)).toBe(200);
    expect(routing.body.decisions.map((decision: { trigger: string; outcome: string }) => [decision.trigger, decision.outcome])).toEqual([
      ['order_placed', 'backordered'],
      ['batch', 'routed'],
    ]);

    expect((await api.call('POST', `/v1/inventory/incoming/${purchase}/receive`, { body: { quantity: 3 } })).status).toBe(200);
    expect(await routeWaiting(api.database.db, { now, limit: 100 })).toMatchObject({ allocated: 2 });
    expect(await groupOf(second.id)).toMatchObject({ status: 'reserved' });
    expect(await groupOf(third.id)).toMatchObject({ status: 'reserved' });
    expect(await ledgerMismatches(api)).toEqual([]);
  });

  it('given the receipt a backorder counted on is cancelled, when the batch runs, then a later one is promised and the customer is told (order.backordered)', async () => {
    const early = await expectPurchase('LAMP', 3, '2031-04-01T09:00:00.000Z');
    await expectPurchase('LAMP', 3, '2031-05-01T09:00:00.000Z');
    const placed = await order('LAMP', 2, 'lamp@example.com');
    expect(placed.deliveryGroups[0].promisedAt).toBe('2031-04-03T09:00:00.000Z');

    expect((await api.call('POST', `/v1/inventory/incoming/${early}/cancel`)).status).toBe(200);
    const counts = await routeWaiting(api.database.db, { now: new Date('2031-03-20T00:00:00Z'), limit: 100 });

    expect(counts.allocated).toBe(0);
    expect(await groupOf(placed.id)).toMatchObject({ status: 'backordered', promisedAt: '2031-05-03T09:00:00.000Z' });
    expect(await events('order.backordered', placed.id)).toEqual([
      { orderId: placed.id, groupId: placed.deliveryGroups[0].id, number: placed.number, promisedAt: '2031-05-03T09:00:00.000Z' },
    ]);
    // Run again, nothing new: no second message.
    await routeWaiting(api.database.db, { now: new Date('2031-03-20T00:01:00Z'), limit: 100 });
    expect(await events('order.backordered', placed.id)).toHaveLength(1);
  });

  it('emails the customer the new date (from the outbox, as the confirmations)', async () => {
    const inbox = await startSmtpInbox();
    const mailer = createMailer({ smtpUrl: inbox.url, from: 'Maison Rhône <orders@example.com>' });
    const retailer = { name: 'Maison Rhône', addressLines: ['45 rue de la République', '69002 Lyon'], locale: 'fr-FR' };
    const stop = runConsumer(api.database.db, orderEmails(api.database.db, mailer, retailer), { owner: 'waiting-test', idleMs: 50, onFailure: () => {} });
    try {
      const deadline = Date.now() + 20_000;
      let found: Awaited<ReturnType<typeof simpleParser>> | undefined;
      while (!found && Date.now() < deadline) {
        for (const message of inbox.messages.filter((candidate) => candidate.to.includes('lamp@example.com'))) {
          const parsed = await simpleParser(message.raw);
          // In the retailer's language (fr-FR): neither the customer nor the channel has one of their own.
          if (parsed.subject?.endsWith('\u00a0: une nouvelle date')) found = parsed;
        }
        if (!found) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(found?.text).toContain('3 mai 2031');
      expect(found?.text).toContain('LAMP (LAMP)');
    } finally {
      await stop();
      mailer.close();
      await inbox.close();
    }
  });

  it('given a preorder allowance, then an order is accepted with its date, and allocated once stock is received', async () => {
    const allowance = await api.call('PUT', '/v1/routing/preorders', { body: { sku: 'GAME', quantity: 100, availableAt: '2031-06-10T08:00:00Z' } });
    expect(allowance.status, JSON.stringify(allowance.body)).toBe(200);
    const placed = await order('GAME', 2, 'game@example.com');
    expect(placed.deliveryGroups[0]).toMatchObject({ status: 'backordered', fulfilmentLocationId: null, promisedAt: '2031-06-12T08:00:00.000Z' });

    await receive(api, basics.storeB.id, [{ sku: 'GAME', quantity: 5 }]);
    await routeWaiting(api.database.db, { now: new Date('2031-06-10T09:00:00Z'), limit: 100 });

    expect(await groupOf(placed.id)).toMatchObject({ status: 'reserved', fulfilmentLocationId: basics.storeB.id });
  });
});

describe('a pickup waiting for stock', () => {
  it('is collected at its store when the store has it, and otherwise sent there from the warehouse (ship to store)', async () => {
    const purchase = await expectPurchase('POT', 2, '2031-09-01T09:00:00.000Z', basics.storeB.id);
    // The customer picks up near an address: routing chooses the store, here the one the pots are coming to.
    const pickup = { method: 'pickup_in_store', address: ADDRESS };
    const first = await order('POT', 1, 'pot1@example.com', pickup);
    const second = await order('POT', 1, 'pot2@example.com', pickup);
    for (const placed of [first, second]) {
      expect(placed.deliveryGroups[0]).toMatchObject({ status: 'backordered', fulfilmentLocationId: basics.storeB.id, pickupLocationId: basics.storeB.id });
    }
    await api.call('POST', `/v1/inventory/incoming/${purchase}/receive`, { body: { quantity: 1 } });
    await receive(api, basics.warehouse.id, [{ sku: 'POT', quantity: 5 }]);

    await routeWaiting(api.database.db, { now: new Date('2031-08-20T10:00:00Z'), limit: 100 });

    // The first: the store's own shelf, though the rules put warehouses first.
    expect(await groupOf(first.id)).toMatchObject({ method: 'pickup_in_store', status: 'reserved', fulfilmentLocationId: basics.storeB.id });
    // The second: the store has no more; the warehouse sends it on a draft transfer, collected once it arrives.
    const sent = await groupOf(second.id);
    expect(sent).toMatchObject({
      method: 'ship_to_store',
      status: 'awaiting_transfer',
      fulfilmentLocationId: basics.warehouse.id,
      pickupLocationId: basics.storeB.id,
    });
    const transfer = (await api.call('GET', `/v1/transfers/${sent.transferId}`)).body;
    expect(transfer).toMatchObject({
      status: 'draft',
      fromLocationId: basics.warehouse.id,
      toLocationId: basics.storeB.id,
      lines: [{ sku: 'POT', quantity: 1 }],
    });
    expect(await events('order.allocated', second.id)).toHaveLength(1);
    expect(await ledgerMismatches(api)).toEqual([]);
  });
});

describe('a group the batch cannot route', () => {
  it('is passed over and reported, and the younger groups behind it are routed', async () => {
    const fragile = await channelFor(api, 'fragile', basics.priceList.id, [basics.warehouse.id]);
    await activateRules(api, fragile, { rules: [warehouseFirst('backorder')] });
    await expectPurchase('CUP', 2, '2031-10-01T09:00:00.000Z');
    const older = await order('CUP', 1, 'cup1@example.com', undefined, fragile);
    const younger = await order('CUP', 1, 'cup2@example.com');
    // A rule set broken behind the API's back: routing the older group throws.
    await sql`update routing_rule_sets set document = '{"rules": null}' where channel_id = ${fragile}`.execute(api.database.db);
    await receive(api, basics.warehouse.id, [{ sku: 'CUP', quantity: 2 }]);

    const failures: string[] = [];
    const counts = await routeWaiting(api.database.db, { now: new Date(), limit: 100, onError: (_error, groupId) => failures.push(groupId) });

    expect(counts).toMatchObject({ failed: 1 });
    expect(failures).toEqual([older.deliveryGroups[0].id]);
    expect((await groupOf(older.id)).status).toBe('backordered');
    expect((await groupOf(younger.id)).status).toBe('reserved');
    // Out of the way of the next tests' runs.
    expect((await api.call('POST', `/v1/orders/${older.id}/cancel`, { body: { reason: 'test over' } })).status).toBe(200);
  });
});

describe('the batch run twice at once', () => {
  it('allocates each group once', async () => {
    const purchase = await expectPurchase('PEN', 12, '2031-07-01T09:00:00.000Z');
    const placed = [];
    for (let i = 0; i < 6; i++) placed.push(await order('PEN', 2, `pen${i}@example.com`));
    expect((await api.call('POST', `/v1/inventory/incoming/${purchase}/receive`, { body: { quantity: 12 } })).status).toBe(200);

    const now = new Date('2031-06-30T10:00:00Z');
    const runs = await Promise.all([routeWaiting(api.database.db, { now, limit: 100 }), routeWaiting(api.database.db, { now, limit: 100 })]);

    expect(runs[0].allocated + runs[1].allocated).toBe(6);
    for (const one of placed) {
      expect((await groupOf(one.id)).status).toBe('reserved');
      expect(await events('order.allocated', one.id)).toHaveLength(1);
      expect(await activeReservations(one.id)).toHaveLength(1);
      const decided = await api.database.db
        .selectFrom('routing_decisions')
        .select('id')
        .where('order_id', '=', one.id)
        .where('trigger', '=', 'batch')
        .execute();
      expect(decided).toHaveLength(1);
    }
    const level = (await api.call('GET', `/v1/inventory/levels?sku=PEN&locationId=${basics.warehouse.id}`)).body.items[0];
    expect(level).toMatchObject({ onHand: 12, reserved: 12 });
    expect(await ledgerMismatches(api)).toEqual([]);
  });
});

describe('a person routes a waiting group now', () => {
  it('given lines parked after a rejection, when stock is found elsewhere and an admin routes the group, then it is allocated there', async () => {
    await receive(api, basics.storeA.id, [{ sku: 'VASE', quantity: 1 }]);
    const placed = await order('VASE', 1, 'vase@example.com');
    const group = placed.deliveryGroups[0];
    expect(group).toMatchObject({ status: 'reserved', fulfilmentLocationId: basics.storeA.id });
    // maxRejections 1: store A's rejection parks the lines.
    const rejected = await api.call('POST', `/v1/orders/${placed.id}/delivery-groups/${group.id}/reject`, {
      body: { lines: [{ lineId: group.lines[0].id, reason: 'not_found' }] },
      token: basics.storeAKey,
    });
    expect(rejected.body.deliveryGroups[0]).toMatchObject({ status: 'parked', queue: 'rejected' });
    // The batch leaves parked groups to people.
    await routeWaiting(api.database.db, { now: new Date(), limit: 100 });
    expect((await groupOf(placed.id)).status).toBe('parked');

    // Asked before there is stock anywhere else: it still waits, and the explanation says why.
    const early = await api.call('POST', `/v1/orders/${placed.id}/delivery-groups/${group.id}/route`);
    expect(early.body.deliveryGroups[0]).toMatchObject({ status: 'parked', queue: 'rejected' });
    const unplaced = await api.database.db
      .selectFrom('routing_decisions')
      .select(['outcome', 'explanation'])
      .where('order_id', '=', placed.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(unplaced).toMatchObject({ outcome: 'rejected', explanation: { excluded: [basics.storeA.id], reason: 'nothing found: the group keeps waiting' } });
    const explained = (await api.call('GET', `/v1/orders/${placed.id}/routing`)).body.decisions;
    expect(explained.map((decision: { trigger: string; outcome: string }) => [decision.trigger, decision.outcome])).toEqual([
      ['order_placed', 'routed'],
      ['reroute', 'parked'],
      ['batch', 'rejected'],
    ]);

    await receive(api, basics.storeB.id, [{ sku: 'VASE', quantity: 1 }]);
    const response = await api.call('POST', `/v1/orders/${placed.id}/delivery-groups/${group.id}/route`);

    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.deliveryGroups[0]).toMatchObject({ status: 'reserved', fulfilmentLocationId: basics.storeB.id, queue: null });
    expect(await events('order.allocated', placed.id)).toHaveLength(1);
    // A group that is not waiting cannot be routed so.
    const again = await api.call('POST', `/v1/orders/${placed.id}/delivery-groups/${group.id}/route`);
    expect(again.body).toMatchObject({ status: 422, code: 'invalid-transition', state: 'reserved' });
  });

  it('runs the batch on demand (POST /v1/routing/runs) and on a schedule (the worker)', async () => {
    const purchase = await expectPurchase('SOFA', 2, '2031-08-01T09:00:00.000Z');
    const first = await order('SOFA', 1, 'sofa1@example.com');
    const second = await order('SOFA', 1, 'sofa2@example.com');
    await api.call('POST', `/v1/inventory/incoming/${purchase}/receive`, { body: { quantity: 1 } });

    const run = await api.call('POST', '/v1/routing/runs');
    expect(run.status).toBe(200);
    expect(run.body).toEqual({ allocated: 1, stillWaiting: expect.any(Number), parked: 0, failed: 0 });
    expect((await groupOf(first.id)).status).toBe('reserved');

    await api.call('POST', `/v1/inventory/incoming/${purchase}/receive`, { body: { quantity: 1 } });
    const stop = startWorkers(api.database, testPolicies(), { routingBatchSeconds: 1 }, api.app.log);
    try {
      const deadline = Date.now() + 10_000;
      while ((await groupOf(second.id)).status !== 'reserved' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await stop();
    }
    expect((await groupOf(second.id)).status).toBe('reserved');
  });
});
