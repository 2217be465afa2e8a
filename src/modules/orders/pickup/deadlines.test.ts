import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../../test/support/api.ts';
import { ledgerMismatches, receive, seedBasics, stockedSkus, type Basics } from '../../../../test/support/fixtures.ts';
import { testPolicies } from '../../../../test/support/policies.ts';
import { startWorkers } from '../../../workers.ts';
import { TEST_PROVIDERS } from '../../payments/providers.ts';
import { runPickupDeadlines } from './deadlines.ts';

/**
 * The pickup window: a reminder once before it ends, and after it the pickup is cancelled, its stock back on sale and
 * its payment voided (card) or cancelled (pay at pickup). The clock is injected: `now` is whatever the test says.
 */
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2099, cvc: '123' };
const MUG = 1200;
const HOUR = 3_600_000;

let api: TestApi;
let basics: Basics;

beforeAll(async () => {
  api = await startTestApi();
  basics = await seedBasics(api);
  await stockedSkus(api, basics, [{ sku: 'MUG', price: MUG, quantity: 10 }]);
  await receive(api, basics.storeA.id, [{ sku: 'MUG', quantity: 30 }]);
  await receive(api, basics.storeB.id, [{ sku: 'MUG', quantity: 30 }]);
  const rate = await api.call('PUT', '/v1/delivery-rates', {
    body: { method: 'pickup_in_store', pricing: 'flat', amount: 0, packingFee: 0, currency: 'EUR', taxClass: 'standard' },
  });
  expect(rate.status).toBe(200);
  // Store A keeps pickups 3 days and reminds 24 hours before; store B never reminds.
  expect((await api.call('PATCH', `/v1/locations/${basics.storeA.id}`, { body: { pickupWindowDays: 3, pickupReminderHours: 24 } })).status).toBe(200);
  expect((await api.call('PATCH', `/v1/locations/${basics.storeB.id}`, { body: { pickupReminderHours: 0 } })).status).toBe(200);
});
afterAll(async () => {
  expect(await ledgerMismatches(api)).toEqual([]);
  await api?.close();
});

const level = async (locationId: string) => {
  const { onHand, reserved } = (await api.call('GET', `/v1/inventory/levels?sku=MUG&locationId=${locationId}`)).body.items[0];
  return { onHand, reserved };
};

async function readyPickup(storeId: string, payment: 'pay_at_pickup' | 'card_online', quantity = 1) {
  const placed = await api.call('POST', '/v1/orders', {
    body: {
      channelId: basics.web.id,
      customer: { firstName: 'Ines', lastName: 'Moreau', email: 'ines@example.com' },
      lines: [{ sku: 'MUG', quantity }],
      deliveryGroups: [{ method: 'pickup_in_store', pickupLocationId: storeId }],
      payments: [
        payment === 'card_online' ? { method: 'card_online', amount: MUG * quantity, card: CARD } : { method: 'pay_at_pickup', amount: MUG * quantity },
      ],
    },
  });
  expect(placed.status, JSON.stringify(placed.body)).toBe(201);
  const ready = await api.call('POST', `/v1/orders/${placed.body.id}/delivery-groups/${placed.body.deliveryGroups[0].id}/ready-for-pickup`);
  expect(ready.status).toBe(200);
  return { order: ready.body, group: ready.body.deliveryGroups[0], pickupBy: new Date(ready.body.deliveryGroups[0].pickupBy) };
}

const run = (now: Date) => runPickupDeadlines(api.database.db, { now, providers: TEST_PROVIDERS, limit: 100 });

const published = async (type: string, orderId: string) =>
  (
    await api.database.db
      .selectFrom('outbox_events')
      .select('payload')
      .where('type', '=', type)
      .where('subject', '=', `order:${orderId}`)
      .orderBy('id')
      .execute()
  ).map((row) => row.payload);

const order = async (id: string) => (await api.call('GET', `/v1/orders/${id}`)).body;
const timelineTypes = async (id: string) => (await api.call('GET', `/v1/orders/${id}/timeline`)).body.items.map((entry: { type: string }) => entry.type);

/** Clears the way: every ready pickup already there expires, so a test counts only its own. */
const expireEverything = () => run(new Date(Date.now() + 365 * 24 * HOUR));

describe('the pickup window', () => {
  it("reminds the customer once, the store's hours before the window ends, then cancels and restocks an uncollected pay-at-pickup", async () => {
    await expireEverything();
    const before = await level(basics.storeA.id);
    const { order: placed, group, pickupBy } = await readyPickup(basics.storeA.id, 'pay_at_pickup', 2);
    expect(pickupBy.getTime() - Date.parse(group.readyAt)).toBe(3 * 24 * HOUR);
    expect(await level(basics.storeA.id)).toEqual({ ...before, reserved: before.reserved + 2 });

    expect(await run(new Date(pickupBy.getTime() - 25 * HOUR))).toEqual({ reminded: 0, expired: 0, failed: 0 });
    expect(await run(new Date(pickupBy.getTime() - 23 * HOUR))).toEqual({ reminded: 1, expired: 0, failed: 0 });
    expect(await run(new Date(pickupBy.getTime() - 1 * HOUR))).toEqual({ reminded: 0, expired: 0, failed: 0 });
    expect(await published('order.pickup_reminder', placed.id)).toEqual([
      { orderId: placed.id, groupId: group.id, number: placed.number, pickupCode: group.pickupCode, pickupBy: group.pickupBy },
    ]);
    expect((await order(placed.id)).deliveryGroups[0].status).toBe('ready_for_pickup');

    expect(await run(pickupBy)).toEqual({ reminded: 0, expired: 1, failed: 0 });
    const expired = await order(placed.id);
    expect(expired).toMatchObject({ status: 'cancelled', amountToPay: 0, deliveryGroups: [{ status: 'cancelled' }] });
    expect(expired.payments).toEqual([expect.objectContaining({ method: 'pay_at_pickup', status: 'cancelled', authorizedAmount: 0 })]);
    expect(await level(basics.storeA.id)).toEqual(before);
    expect(await published('order.pickup_expired', placed.id)).toEqual([{ orderId: placed.id, groupId: group.id, number: placed.number }]);
    expect(await timelineTypes(placed.id)).toEqual(['order.placed', 'group.ready_for_pickup', 'pickup.reminded', 'order.cancelled', 'group.pickup_expired']);
    // Once is enough: a later run finds nothing, and the group can no longer be handed over.
    expect(await run(new Date(pickupBy.getTime() + 48 * HOUR))).toEqual({ reminded: 0, expired: 0, failed: 0 });
    const late = await api.call('POST', `/v1/orders/${placed.id}/delivery-groups/${group.id}/hand-over`, {
      body: { collectedBy: { name: 'Ines Moreau' }, payments: [{ method: 'cash', amount: 2 * MUG }] },
    });
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ code: 'invalid-transition', state: 'cancelled' });
  });

  it('voids the card hold of an uncollected order paid online; a store with no reminder hours reminds no one', async () => {
    await expireEverything();
    const before = await level(basics.storeB.id);
    const { order: placed, pickupBy } = await readyPickup(basics.storeB.id, 'card_online');
    expect(pickupBy.getTime() - Date.now()).toBeGreaterThan(6 * 24 * HOUR); // store B keeps the default 7 days
    expect(await run(new Date(pickupBy.getTime() - HOUR))).toEqual({ reminded: 0, expired: 0, failed: 0 });
    expect(await run(new Date(pickupBy.getTime() + HOUR))).toEqual({ reminded: 0, expired: 1, failed: 0 });
    const expired = await order(placed.id);
    expect(expired.status).toBe('cancelled');
    expect(expired.payments).toEqual([expect.objectContaining({ method: 'card_online', status: 'voided', capturedAmount: 0 })]);
    expect(await level(basics.storeB.id)).toEqual(before);
    expect(await published('order.pickup_reminder', placed.id)).toEqual([]);
  });

  it('two runs at once process each group once', async () => {
    await expireEverything();
    const before = await level(basics.storeA.id);
    const pickups = [];
    for (let index = 0; index < 6; index++) pickups.push(await readyPickup(basics.storeA.id, index % 2 ? 'card_online' : 'pay_at_pickup'));
    const late = new Date(Math.max(...pickups.map((pickup) => pickup.pickupBy.getTime())) + HOUR);
    const [one, two] = await Promise.all([run(late), run(late)]);
    expect(one.expired + two.expired).toBe(6);
    expect(one.failed + two.failed).toBe(0);
    for (const { order: placed } of pickups) {
      expect(await published('order.pickup_expired', placed.id)).toHaveLength(1);
      expect((await timelineTypes(placed.id)).filter((type: string) => type === 'group.pickup_expired')).toHaveLength(1);
    }
    expect(await level(basics.storeA.id)).toEqual(before);
  });

  it('only the uncollected group of an order is cancelled: the rest of the order goes on, and the refund is its share', async () => {
    await expireEverything();
    const placed = await api.call('POST', '/v1/orders', {
      body: {
        channelId: basics.web.id,
        customer: { firstName: 'Ines', lastName: 'Moreau', email: 'ines@example.com' },
        lines: [
          { sku: 'MUG', quantity: 1, deliveryGroup: 0 },
          { sku: 'MUG', quantity: 2, deliveryGroup: 1 },
        ],
        deliveryGroups: [
          { method: 'pickup_in_store', pickupLocationId: basics.storeA.id },
          { method: 'pickup_in_store', pickupLocationId: basics.storeB.id },
        ],
        payments: [{ method: 'card_online', amount: 3 * MUG, card: CARD }],
      },
    });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const [atA, atB] = placed.body.deliveryGroups;
    const ready = await api.call('POST', `/v1/orders/${placed.body.id}/delivery-groups/${atA.id}/ready-for-pickup`);
    const pickupBy = new Date(ready.body.deliveryGroups[0].pickupBy);
    expect(await run(new Date(pickupBy.getTime() + HOUR))).toMatchObject({ expired: 1 });
    const after = await order(placed.body.id);
    expect(after).toMatchObject({ status: 'in_progress', deliveryGroups: [{ status: 'cancelled' }, { status: 'reserved' }] });
    expect(after.payments).toEqual([expect.objectContaining({ status: 'authorized', authorizedAmount: 2 * MUG })]);
    const handed = await api.call('POST', `/v1/orders/${placed.body.id}/delivery-groups/${atB.id}/hand-over`, {
      body: { collectedBy: { name: 'Ines Moreau' } },
    });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    expect(handed.body).toMatchObject({ status: 'completed', payments: [{ status: 'captured', capturedAmount: 2 * MUG }] });
  });

  it('runs on a schedule in the processes switched on (AISLE_PICKUP_DEADLINES)', async () => {
    await expireEverything();
    const { order: placed, group } = await readyPickup(basics.storeA.id, 'pay_at_pickup');
    // The window has gone by (the worker reads the real clock): moved to a minute ago.
    await api.database.db
      .updateTable('delivery_groups')
      .set({ pickup_by: new Date(Date.now() - 60_000) })
      .where('id', '=', group.id)
      .execute();
    const stop = startWorkers(api.database, testPolicies(), { pickupDeadlineSeconds: 1 }, api.app.log);
    try {
      const deadline = Date.now() + 15_000;
      while ((await order(placed.id)).status !== 'cancelled') {
        if (Date.now() > deadline) throw new Error('the worker did not expire the pickup');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await stop();
    }
    expect(await published('order.pickup_expired', placed.id)).toHaveLength(1);
  });

  it('runs on demand for admins (POST /v1/pickups/deadline-runs)', async () => {
    const response = await api.call('POST', '/v1/pickups/deadline-runs');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ reminded: expect.any(Number), expired: expect.any(Number), failed: 0 });
  });
});
