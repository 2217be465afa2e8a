import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../../test/support/api.ts';
import { ledgerMismatches, receive, seedBasics, stockedSkus, type Basics } from '../../../../test/support/fixtures.ts';
import { TEST_PROVIDERS } from '../../payments/providers.ts';
import { runPickupDeadlines } from './deadlines.ts';

/**
 * Partial pickup: the customer takes some units; the rest is cancelled (stock released, its share voided or
 * refunded) or kept waiting at the counter (the same ready group, same code and window), then collected later.
 */
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2099, cvc: '123' };
const BAG = 3000;
const BELT = 2000;

let api: TestApi;
let basics: Basics;

beforeAll(async () => {
  api = await startTestApi();
  basics = await seedBasics(api);
  await stockedSkus(api, basics, [
    { sku: 'BAG', price: BAG, quantity: 10 },
    { sku: 'BELT', price: BELT, quantity: 10 },
  ]);
  await receive(api, basics.storeA.id, [
    { sku: 'BAG', quantity: 20 },
    { sku: 'BELT', quantity: 20 },
  ]);
  const rate = await api.call('PUT', '/v1/delivery-rates', {
    body: { method: 'pickup_in_store', pricing: 'flat', amount: 0, packingFee: 0, currency: 'EUR', taxClass: 'standard' },
  });
  expect(rate.status).toBe(200);
});
afterAll(async () => {
  expect(await ledgerMismatches(api)).toEqual([]);
  await api?.close();
});

const level = async (sku: string) => {
  const { onHand, reserved } = (await api.call('GET', `/v1/inventory/levels?sku=${sku}&locationId=${basics.storeA.id}`)).body.items[0];
  return { onHand, reserved };
};
const levels = async () => ({ BAG: await level('BAG'), BELT: await level('BELT') });

/** A ready pickup at store A of 3 bags and a belt (110.00). */
async function readyPickup(payment: 'pay_at_pickup' | 'card_online') {
  const total = 3 * BAG + BELT;
  const placed = await api.call('POST', '/v1/orders', {
    body: {
      channelId: basics.web.id,
      customer: { firstName: 'Zofia', lastName: 'Nowak', email: 'zofia@example.com' },
      lines: [
        { sku: 'BAG', quantity: 3 },
        { sku: 'BELT', quantity: 1 },
      ],
      deliveryGroups: [{ method: 'pickup_in_store', pickupLocationId: basics.storeA.id }],
      payments: [payment === 'card_online' ? { method: 'card_online', amount: total, card: CARD } : { method: 'pay_at_pickup', amount: total }],
    },
  });
  expect(placed.status, JSON.stringify(placed.body)).toBe(201);
  const ready = await api.call('POST', `/v1/orders/${placed.body.id}/delivery-groups/${placed.body.deliveryGroups[0].id}/ready-for-pickup`, {
    token: basics.storeAKey,
  });
  expect(ready.status).toBe(200);
  const group = ready.body.deliveryGroups[0];
  const [bag, belt] = ['BAG', 'BELT'].map((sku) => group.lines.find((line: { sku: string }) => line.sku === sku));
  return { order: ready.body, group, bag, belt, total };
}

const handOver = (orderId: string, groupId: string, body: unknown) =>
  api.call('POST', `/v1/orders/${orderId}/delivery-groups/${groupId}/hand-over`, { token: basics.storeAKey, body });

describe('partial pickup', () => {
  it('the rest cancelled: its stock released, its share of the pay-at-pickup given up, the rest paid in cash', async () => {
    const before = await levels();
    const { order, group, bag } = await readyPickup('pay_at_pickup');
    expect(await levels()).toEqual({ BAG: { ...before.BAG, reserved: before.BAG.reserved + 3 }, BELT: { ...before.BELT, reserved: before.BELT.reserved + 1 } });

    const noRest = await handOver(order.id, group.id, { collectedBy: { name: 'Zofia Nowak' }, lines: [{ lineId: bag.id, quantity: 2 }] });
    expect(noRest.status).toBe(400);
    expect(noRest.body.errors).toEqual([expect.objectContaining({ field: 'body.rest' })]);
    const tooMany = await handOver(order.id, group.id, { collectedBy: { name: 'Zofia Nowak' }, lines: [{ lineId: bag.id, quantity: 4 }], rest: 'cancel' });
    expect(tooMany.body.code).toBe('over-collect');
    // What is due is what is taken: 2 bags. Paying for the whole order is refused (only cash may exceed, as change).
    const overpaid = await handOver(order.id, group.id, {
      collectedBy: { name: 'Zofia Nowak' },
      lines: [{ lineId: bag.id, quantity: 2 }],
      rest: 'cancel',
      payments: [{ method: 'card_register', amount: 3 * BAG + BELT, reference: 'TPE-9' }],
    });
    expect(overpaid.body.code).toBe('tenders-do-not-cover');

    const handed = await handOver(order.id, group.id, {
      collectedBy: { name: 'Zofia Nowak' },
      lines: [{ lineId: bag.id, quantity: 2 }],
      rest: 'cancel',
      payments: [{ method: 'cash', amount: 2 * BAG, tendered: 10_000 }],
    });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    expect(handed.body).toMatchObject({ status: 'completed', amountToPay: 0, deliveryGroups: [{ status: 'collected' }] });
    expect(handed.body.deliveryGroups[0].lines.map((line: { sku: string; cancelledQuantity: number }) => [line.sku, line.cancelledQuantity])).toEqual([
      ['BAG', 1],
      ['BELT', 1],
    ]);
    expect(handed.body.payments).toEqual([
      expect.objectContaining({ method: 'pay_at_pickup', status: 'cancelled', authorizedAmount: 0 }),
      expect.objectContaining({ method: 'cash', status: 'captured', amount: 2 * BAG, changeGiven: 10_000 - 2 * BAG }),
    ]);
    // Two bags left the store; the third bag and the belt are back on sale.
    expect(await levels()).toEqual({ BAG: { onHand: before.BAG.onHand - 2, reserved: before.BAG.reserved }, BELT: before.BELT });
    const types = (await api.call('GET', `/v1/orders/${order.id}/timeline`)).body.items.map((entry: { type: string }) => entry.type);
    expect(types).toEqual(['order.placed', 'group.ready_for_pickup', 'lines.cancelled', 'group.collected']);
  });

  it('the rest cancelled on an order paid online: the card hold is lowered by the rest and the part taken is captured', async () => {
    const { order, group, bag, total } = await readyPickup('card_online');
    const handed = await handOver(order.id, group.id, { collectedBy: { name: 'Zofia Nowak' }, lines: [{ lineId: bag.id, quantity: 3 }], rest: 'cancel' });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    expect(handed.body.payments).toEqual([
      expect.objectContaining({ method: 'card_online', status: 'captured', amount: total, authorizedAmount: 3 * BAG, capturedAmount: 3 * BAG }),
    ]);
  });

  it('the rest kept at the counter: the same ready group waits with it, its code and window, until it is collected too', async () => {
    const before = await levels();
    const { order, group, bag, total } = await readyPickup('pay_at_pickup');
    const first = await handOver(order.id, group.id, {
      collectedBy: { name: 'Zofia Nowak', pickupCode: group.pickupCode },
      lines: [{ lineId: bag.id, quantity: 1 }],
      rest: 'keep',
      payments: [{ method: 'cash', amount: BAG }],
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ status: 'in_progress', amountToPay: total - BAG });
    const [waiting, taken] = first.body.deliveryGroups;
    expect(waiting).toMatchObject({ id: group.id, status: 'ready_for_pickup', pickupCode: group.pickupCode, pickupBy: group.pickupBy, collectedBy: null });
    expect(waiting.lines.map((line: { sku: string; quantity: number }) => [line.sku, line.quantity])).toEqual([
      ['BAG', 2],
      ['BELT', 1],
    ]);
    expect(taken).toMatchObject({ status: 'collected', pickupLocationId: basics.storeA.id, collectedBy: { name: 'Zofia Nowak', codeGiven: true } });
    expect(taken.lines.map((line: { sku: string; quantity: number; lineTotal: number }) => [line.sku, line.quantity, line.lineTotal])).toEqual([
      ['BAG', 1, BAG],
    ]);
    expect(await levels()).toEqual({
      BAG: { onHand: before.BAG.onHand - 1, reserved: before.BAG.reserved + 2 },
      BELT: { onHand: before.BELT.onHand, reserved: before.BELT.reserved + 1 },
    });
    // The code still finds the order waiting at the counter.
    const byCode = await api.call('GET', `/v1/orders?pickupCode=${group.pickupCode}`, { token: basics.storeAKey });
    expect(byCode.body.items.map((item: { id: string }) => item.id)).toEqual([order.id]);

    const rest = await handOver(order.id, group.id, {
      collectedBy: { name: 'Jan Nowak', relation: 'family', idChecked: true },
      payments: [{ method: 'cash', amount: total - BAG }],
    });
    expect(rest.status, JSON.stringify(rest.body)).toBe(200);
    expect(rest.body).toMatchObject({ status: 'completed', amountToPay: 0, deliveryGroups: [{ status: 'collected' }, { status: 'collected' }] });
    expect(rest.body.payments.map((payment: { method: string; status: string; amount: number }) => [payment.method, payment.status, payment.amount])).toEqual([
      ['pay_at_pickup', 'cancelled', total],
      ['cash', 'captured', BAG],
      ['cash', 'captured', total - BAG],
    ]);
    expect(await levels()).toEqual({
      BAG: { onHand: before.BAG.onHand - 3, reserved: before.BAG.reserved },
      BELT: { onHand: before.BELT.onHand - 1, reserved: before.BELT.reserved },
    });
  });

  it('the rest kept, then cancelled by the customer service: the order completes with what was taken', async () => {
    const { order, group, bag, belt } = await readyPickup('card_online');
    const first = await handOver(order.id, group.id, { collectedBy: { name: 'Zofia Nowak' }, lines: [{ lineId: bag.id, quantity: 3 }], rest: 'keep' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.status).toBe('in_progress');
    const cancelled = await api.call('POST', `/v1/orders/${order.id}/cancel`, { body: { lines: [{ lineId: belt.id, quantity: 1 }], reason: 'not wanted' } });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'completed', deliveryGroups: [{ status: 'cancelled' }, { status: 'collected' }] });
    expect(cancelled.body.payments).toEqual([expect.objectContaining({ status: 'captured', capturedAmount: 3 * BAG, authorizedAmount: 3 * BAG })]);
  });

  it('the rest kept and never collected: it expires with its window, is restocked, and the order completes with what was taken', async () => {
    const before = await levels();
    const { order, group, bag, total } = await readyPickup('pay_at_pickup');
    const first = await handOver(order.id, group.id, {
      collectedBy: { name: 'Zofia Nowak' },
      lines: [{ lineId: bag.id, quantity: 2 }],
      rest: 'keep',
      payments: [{ method: 'cash', amount: 2 * BAG }],
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const counts = await runPickupDeadlines(api.database.db, { now: new Date(Date.parse(group.pickupBy) + 1000), providers: TEST_PROVIDERS, limit: 10 });
    expect(counts).toMatchObject({ expired: 1, failed: 0 });
    const after = (await api.call('GET', `/v1/orders/${order.id}`)).body;
    expect(after).toMatchObject({ status: 'completed', amountToPay: 0, deliveryGroups: [{ status: 'cancelled' }, { status: 'collected' }] });
    expect(
      after.payments.map((payment: { method: string; status: string; authorizedAmount: number }) => [payment.method, payment.status, payment.authorizedAmount]),
    ).toEqual([
      ['pay_at_pickup', 'cancelled', 0],
      ['cash', 'captured', 2 * BAG],
    ]);
    expect(total - 2 * BAG).toBe(BAG + BELT);
    expect(await levels()).toEqual({ BAG: { onHand: before.BAG.onHand - 2, reserved: before.BAG.reserved }, BELT: before.BELT });
  });
});
