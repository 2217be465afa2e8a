import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../../test/support/api.ts';
import { ledgerMismatches, receive, seedBasics, stockedSkus, type Basics } from '../../../../test/support/fixtures.ts';
import { qrCodesIn, startSmtpInbox, type Inbox } from '../../../../test/support/mail.ts';
import { runConsumer } from '../../../platform/outbox.ts';
import { createMailer } from '../../documents/mailer.ts';
import { orderEmails } from '../emails.ts';
import { freshPickupCode } from './code.ts';

/**
 * Click & Collect at the counter, end to end over HTTP on a real database, with the customer's emails received by a
 * real SMTP server: scenario 1 (ordered online, paid at pickup: cash with change, the card terminal, or both) and
 * scenario 2 (paid online: the card captured at the hand-over, nothing charged again), the pickup code, the register.
 */
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2099, cvc: '123' };
const RETAILER = { name: 'Maison Rhône', addressLines: ['45 rue de la République', '69002 Lyon'], locale: 'fr-FR' };
const CAP = 2115;

let api: TestApi;
let basics: Basics;
let inbox: Inbox;
let stopSender: () => Promise<void>;
let storeBKey: string;
/** The registers of store A and store B. */
const registers = { a: '', b: '' };

beforeAll(async () => {
  inbox = await startSmtpInbox();
  api = await startTestApi();
  basics = await seedBasics(api);
  await stockedSkus(api, basics, [{ sku: 'CAP', price: CAP, quantity: 100 }]);
  await receive(api, basics.storeA.id, [{ sku: 'CAP', quantity: 20 }]);
  const rate = await api.call('PUT', '/v1/delivery-rates', {
    body: { method: 'pickup_in_store', pricing: 'flat', amount: 0, packingFee: 0, currency: 'EUR', taxClass: 'standard' },
  });
  expect(rate.status).toBe(200);
  storeBKey = (await api.call('POST', '/v1/api-keys', { body: { name: 'Store B', role: 'store', locationId: basics.storeB.id } })).body.token;
  // A till in each store, its session open: money taken at a hand-over names it and counts in the session.
  for (const [store, location, token] of [
    ['a', basics.storeA.id, basics.storeAKey],
    ['b', basics.storeB.id, storeBKey],
  ] as const) {
    const till = await api.call('POST', `/v1/locations/${location}/registers`, { token, body: { name: 'Till 1' } });
    expect(till.status).toBe(201);
    registers[store] = till.body.id;
    const session = await api.call('POST', `/v1/registers/${till.body.id}/sessions`, { token, body: { openingFloat: 0, currency: 'EUR' } });
    expect(session.status).toBe(201);
  }
  const mailer = createMailer({ smtpUrl: inbox.url, from: 'Maison Rhône <orders@example.com>' });
  const stop = runConsumer(api.database.db, orderEmails(api.database.db, mailer, RETAILER), { owner: 'pickup-test', idleMs: 50, onFailure: () => {} });
  stopSender = async () => {
    await stop();
    mailer.close();
  };
});
afterAll(async () => {
  await stopSender?.();
  expect(await ledgerMismatches(api)).toEqual([]);
  await api?.close();
  await inbox?.close();
});

async function until<T>(read: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`still not done after ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The emails received for `to`, parsed, once there are `count` of them. */
async function mailsTo(to: string, count: number) {
  const raw = await until(
    () => inbox.messages.filter((message) => message.to.includes(to)),
    (found) => found.length >= count,
  );
  return Promise.all(raw.map((message) => simpleParser(message.raw)));
}

const level = async (sku: string, locationId: string) => {
  const { onHand, reserved } = (await api.call('GET', `/v1/inventory/levels?sku=${sku}&locationId=${locationId}`)).body.items[0];
  return { onHand, reserved };
};

async function pickupOrder(email: string, quantity: number, payment: 'pay_at_pickup' | 'card_online') {
  const placed = await api.call('POST', '/v1/orders', {
    body: {
      channelId: basics.web.id,
      customer: { firstName: 'Hugo', lastName: 'Petit', email },
      lines: [{ sku: 'CAP', quantity }],
      deliveryGroups: [{ method: 'pickup_in_store', pickupLocationId: basics.storeA.id }],
      payments: [
        payment === 'card_online' ? { method: 'card_online', amount: CAP * quantity, card: CARD } : { method: 'pay_at_pickup', amount: CAP * quantity },
      ],
    },
  });
  expect(placed.status, JSON.stringify(placed.body)).toBe(201);
  return placed.body as { id: string; number: string; qrPayload: string; deliveryGroups: { id: string }[]; payments: unknown[] };
}

const step = (order: { id: string; deliveryGroups: { id: string }[] }, name: string, body?: unknown, token = basics.storeAKey) =>
  api.call('POST', `/v1/orders/${order.id}/delivery-groups/${order.deliveryGroups[0]!.id}/${name}`, { token, ...(body ? { body } : {}) });

const timeline = async (orderId: string) =>
  (await api.call('GET', `/v1/orders/${orderId}/timeline`)).body.items as { type: string; detail: Record<string, any>; actor: string }[];

const paymentEvents = (orderId: string) =>
  api.database.db
    .selectFrom('payment_events as e')
    .innerJoin('payments as p', 'p.id', 'e.payment_id')
    .select(['p.method', 'e.type', 'e.amount', 'e.from_status', 'e.to_status'])
    .where('p.order_id', '=', orderId)
    .orderBy('e.id')
    .execute();

describe('scenario 1: ordered online, paid at pickup', () => {
  it('from the emailed invoice QR to a cash hand-over with change, at the register, stock deducted at hand-over', async () => {
    const email = 'scenario1@example.com';
    const storeBefore = await level('CAP', basics.storeA.id);
    const order = await pickupOrder(email, 2, 'pay_at_pickup');
    const due = 2 * CAP;
    expect(await level('CAP', basics.storeA.id)).toEqual({ ...storeBefore, reserved: storeBefore.reserved + 2 });

    // The confirmation carries the invoice; its QR code recalls the order at the store's register.
    const [confirmation] = await mailsTo(email, 1);
    const pdf = confirmation!.attachments.find((attachment) => attachment.contentType === 'application/pdf')!;
    const [qr] = await qrCodesIn(pdf.content);
    expect(qr).toBe(order.qrPayload);
    const found = await api.call('GET', `/v1/orders?qr=${encodeURIComponent(qr!)}`, { token: basics.storeAKey });
    expect(found.body.items.map((item: { id: string }) => item.id)).toEqual([order.id]);
    expect(found.body.items[0]).toMatchObject({ amountToPay: due, status: 'placed' });
    // Typed at the counter, the number finds it too; another store does not see it.
    expect((await api.call('GET', `/v1/orders?number=${order.number}`, { token: basics.storeAKey })).body.items).toHaveLength(1);
    expect((await api.call('GET', `/v1/orders?qr=${encodeURIComponent(qr!)}`, { token: storeBKey })).body.items).toEqual([]);

    // Prepared and marked ready: a pickup code, the store's window (7 days), and the ready email.
    const ready = await step(order, 'ready-for-pickup');
    expect(ready.status, JSON.stringify(ready.body)).toBe(200);
    const group = ready.body.deliveryGroups[0];
    expect(group).toMatchObject({ status: 'ready_for_pickup', pickupCode: expect.stringMatching(/^\d{6}$/), collectedBy: null });
    expect(Date.parse(group.pickupBy) - Date.parse(group.readyAt)).toBe(7 * 86_400_000);
    const [, notice] = await mailsTo(email, 2);
    expect(notice!.subject).toBe(`Votre commande ${order.number} est prête à être retirée`);
    // The ready email gives the customer the pickup code, in French for this Lyon retailer's customer.
    expect(notice!.text).toContain(group.pickupCode);
    const published = await api.database.db
      .selectFrom('outbox_events')
      .select('payload')
      .where('type', '=', 'order.ready_for_pickup')
      .where('subject', '=', `order:${order.id}`)
      .execute();
    expect(published.map((row) => row.payload)).toEqual([
      { orderId: order.id, groupId: group.id, number: order.number, pickupCode: group.pickupCode, pickupBy: group.pickupBy },
    ]);

    // The code the customer gives finds the order at this counter only.
    const byCode = await api.call('GET', `/v1/orders?pickupCode=${group.pickupCode}`, { token: basics.storeAKey });
    expect(byCode.body.items.map((item: { id: string }) => item.id)).toEqual([order.id]);
    expect((await api.call('GET', `/v1/orders?pickupCode=${group.pickupCode}`, { token: storeBKey })).body.items).toEqual([]);

    // Cash: a 50 note for 42.30, 7.70 given back, at store A's register.
    const handed = await step(order, 'hand-over', {
      payments: [{ method: 'cash', amount: due, tendered: 5000 }],
      registerId: registers.a,
      collectedBy: { name: 'Hugo Petit', relation: 'customer', idChecked: true, pickupCode: group.pickupCode },
    });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    expect(handed.body).toMatchObject({
      status: 'completed',
      amountToPay: 0,
      deliveryGroups: [{ status: 'collected', collectedBy: { name: 'Hugo Petit', relation: 'customer', idChecked: true, codeGiven: true } }],
    });
    expect(handed.body.payments).toEqual([
      expect.objectContaining({ method: 'pay_at_pickup', status: 'cancelled', amount: due, authorizedAmount: 0, capturedAmount: 0, registerId: null }),
      expect.objectContaining({
        method: 'cash',
        status: 'captured',
        amount: due,
        capturedAmount: due,
        cashTendered: 5000,
        changeGiven: 5000 - due,
        registerId: registers.a,
      }),
    ]);
    // The pay-at-pickup gives up what the cash replaced; nothing was "captured" out of thin air.
    expect(await paymentEvents(order.id)).toEqual([
      { method: 'pay_at_pickup', type: 'awaiting_pickup', amount: due, from_status: 'pending', to_status: 'awaiting_pickup' },
      { method: 'pay_at_pickup', type: 'cancelled', amount: due, from_status: 'awaiting_pickup', to_status: 'cancelled' },
      { method: 'cash', type: 'captured', amount: due, from_status: 'pending', to_status: 'captured' },
    ]);
    // Stock leaves at the hand-over, not before.
    expect(await level('CAP', basics.storeA.id)).toEqual({ onHand: storeBefore.onHand - 2, reserved: storeBefore.reserved });
    const steps = await timeline(order.id);
    expect(steps.map((entry) => [entry.type, entry.detail.kind ?? null])).toEqual([
      ['order.placed', null],
      ['email.sent', 'confirmation'],
      ['group.ready_for_pickup', null],
      ['email.sent', 'ready_for_pickup'],
      ['group.collected', null],
    ]);
    expect(steps.at(-1)!.detail).toMatchObject({
      groupId: group.id,
      collectedBy: { name: 'Hugo Petit', codeGiven: true },
      due,
      paidAtCounter: due,
      capturedOnline: 0,
      changeGiven: 5000 - due,
      registerId: registers.a,
    });
  });

  it('takes a split tender: part on the card terminal, the rest in cash with change', async () => {
    const order = await pickupOrder('split@example.com', 2, 'pay_at_pickup');
    expect((await step(order, 'ready-for-pickup')).status).toBe(200);
    const handed = await step(order, 'hand-over', {
      payments: [
        { method: 'card_register', amount: 3000, reference: 'TPE-7781', cardBrand: 'visa', cardLast4: '4242' },
        { method: 'cash', amount: 2 * CAP - 3000, tendered: 2000 },
      ],
      registerId: registers.a,
      collectedBy: { name: 'Léa Petit', relation: 'family' },
    });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    expect(handed.body.payments.slice(1)).toEqual([
      expect.objectContaining({ method: 'card_register', status: 'captured', amount: 3000, providerReference: 'TPE-7781', registerId: registers.a }),
      expect.objectContaining({ method: 'cash', status: 'captured', amount: 2 * CAP - 3000, cashTendered: 2000, changeGiven: 2000 - (2 * CAP - 3000) }),
    ]);
    expect(handed.body.deliveryGroups[0].collectedBy).toEqual({ name: 'Léa Petit', relation: 'family', idChecked: false, codeGiven: false });
  });

  it('refuses a wrong pickup code, short tenders, a card paid over, another store’s register, a register not open, and no payment at all: nothing changes', async () => {
    const order = await pickupOrder('refused@example.com', 1, 'pay_at_pickup');
    const ready = (await step(order, 'ready-for-pickup')).body;
    const code = ready.deliveryGroups[0].pickupCode as string;
    const before = await level('CAP', basics.storeA.id);
    const wrongCode = code === '000000' ? '000001' : '000000';
    const closedTill = await api.call('POST', `/v1/locations/${basics.storeA.id}/registers`, { token: basics.storeAKey, body: { name: 'Till 2' } });
    expect(closedTill.status).toBe(201);
    const attempts: [unknown, number, string][] = [
      [{ collectedBy: { name: 'Someone', pickupCode: wrongCode }, payments: [{ method: 'cash', amount: CAP }] }, 422, 'wrong-pickup-code'],
      [{ collectedBy: { name: 'Hugo' }, payments: [{ method: 'cash', amount: CAP - 1 }] }, 422, 'tenders-do-not-cover'],
      [{ collectedBy: { name: 'Hugo' }, payments: [{ method: 'card_register', amount: CAP + 100, reference: 'TPE-1' }] }, 422, 'tenders-do-not-cover'],
      [{ collectedBy: { name: 'Hugo' } }, 422, 'tenders-do-not-cover'],
      [{ collectedBy: { name: 'Hugo' }, registerId: registers.b, payments: [{ method: 'cash', amount: CAP }] }, 422, 'register-not-at-store'],
      [{ collectedBy: { name: 'Hugo' }, registerId: closedTill.body.id, payments: [{ method: 'cash', amount: CAP }] }, 422, 'register-closed'],
      [{ collectedBy: { name: 'Hugo' }, payments: [{ method: 'pay_at_pickup', amount: CAP }] }, 400, 'invalid-input'],
      [{ payments: [{ method: 'cash', amount: CAP }] }, 400, 'invalid-input'],
    ];
    for (const [body, status, problem] of attempts) {
      const refused = await step(order, 'hand-over', body);
      expect(refused.status, JSON.stringify(refused.body)).toBe(status);
      expect(refused.body.code, JSON.stringify(refused.body)).toBe(problem);
    }
    const after = (await api.call('GET', `/v1/orders/${order.id}`)).body;
    expect(after).toMatchObject({ status: 'in_progress', amountToPay: CAP, deliveryGroups: [{ status: 'ready_for_pickup', pickupCode: code }] });
    expect(after.payments).toEqual([expect.objectContaining({ method: 'pay_at_pickup', status: 'awaiting_pickup', authorizedAmount: CAP })]);
    expect(await level('CAP', basics.storeA.id)).toEqual(before);
    // Another store may not hand it over (it cannot even see it); a channel may not at all.
    expect((await step(order, 'hand-over', { collectedBy: { name: 'Hugo' }, payments: [{ method: 'cash', amount: CAP }] }, storeBKey)).status).toBe(404);
    expect((await step(order, 'hand-over', { collectedBy: { name: 'Hugo' }, payments: [{ method: 'cash', amount: CAP }] }, basics.webKey)).status).toBe(403);
  });
});

describe('the counter, once', () => {
  it('a hand-over sent twice with one Idempotency-Key takes the money once', async () => {
    const order = await pickupOrder('twice@example.com', 1, 'pay_at_pickup');
    expect((await step(order, 'ready-for-pickup')).status).toBe(200);
    const send = () =>
      api.call('POST', `/v1/orders/${order.id}/delivery-groups/${order.deliveryGroups[0]!.id}/hand-over`, {
        token: basics.storeAKey,
        headers: { 'idempotency-key': `hand-over-${order.id}` },
        body: { collectedBy: { name: 'Hugo Petit' }, payments: [{ method: 'cash', amount: CAP, tendered: 5000 }], registerId: registers.a },
      });
    const first = await send();
    const again = await send();
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const cash = await api.database.db
      .selectFrom('payments')
      .select(['amount', 'change_given'])
      .where('order_id', '=', order.id)
      .where('method', '=', 'cash')
      .execute();
    expect(cash).toEqual([{ amount: CAP, change_given: 5000 - CAP }]);
  });

  it('draws a pickup code no other group waiting at the store has', async () => {
    const waiting = await pickupOrder('code@example.com', 1, 'pay_at_pickup');
    const taken = (await step(waiting, 'ready-for-pickup')).body.deliveryGroups[0].pickupCode as string;
    const free = taken === '123456' ? '654321' : '123456';
    const draws = [taken, taken, free];
    expect(await freshPickupCode(api.database.db, basics.storeA.id, () => draws.shift()!)).toBe(free);
    // Another store's counter may use the same code.
    expect(await freshPickupCode(api.database.db, basics.storeB.id, () => taken)).toBe(taken);
  });
});

describe('scenario 2: paid online, collected in store', () => {
  it('captures the card authorised online at the hand-over, refuses counter payments, charges nothing again', async () => {
    const email = 'scenario2@example.com';
    const before = await level('CAP', basics.storeA.id);
    const order = await pickupOrder(email, 1, 'card_online');
    expect(order.payments).toEqual([expect.objectContaining({ method: 'card_online', status: 'authorized', capturedAmount: 0 })]);
    const ready = await step(order, 'ready-for-pickup');
    expect(ready.body).toMatchObject({ amountToPay: 0, deliveryGroups: [{ status: 'ready_for_pickup' }] });
    await mailsTo(email, 2);

    const paidAgain = await step(order, 'hand-over', { collectedBy: { name: 'Hugo Petit' }, payments: [{ method: 'cash', amount: CAP }] });
    expect(paidAgain.status).toBe(422);
    expect(paidAgain.body.code).toBe('nothing-to-pay');

    const handed = await step(order, 'hand-over', { collectedBy: { name: 'Hugo Petit', idChecked: true } });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    expect(handed.body).toMatchObject({ status: 'completed', amountToPay: 0 });
    expect(handed.body.payments).toEqual([expect.objectContaining({ method: 'card_online', status: 'captured', capturedAmount: CAP })]);
    expect(await paymentEvents(order.id)).toEqual([
      { method: 'card_online', type: 'authorized', amount: CAP, from_status: 'pending', to_status: 'authorized' },
      { method: 'card_online', type: 'captured', amount: CAP, from_status: 'authorized', to_status: 'captured' },
    ]);
    expect(await level('CAP', basics.storeA.id)).toEqual({ onHand: before.onHand - 1, reserved: before.reserved });
    expect((await timeline(order.id)).at(-1)).toMatchObject({ type: 'group.collected', detail: { capturedOnline: CAP, paidAtCounter: 0 } });
  });
});

describe('the ready email again', () => {
  it('is sent again with the same code and window, only for a ready pickup and by its store', async () => {
    const email = 'resend@example.com';
    const order = await pickupOrder(email, 1, 'pay_at_pickup');
    const notYet = await step(order, 'resend-ready-email');
    expect(notYet.status).toBe(422);
    expect(notYet.body.code).toBe('not-ready');
    const group = (await step(order, 'ready-for-pickup')).body.deliveryGroups[0];
    await mailsTo(email, 2);
    expect((await step(order, 'resend-ready-email', undefined, storeBKey)).status).toBe(404);
    const resent = await step(order, 'resend-ready-email');
    expect(resent.status, JSON.stringify(resent.body)).toBe(200);
    const mails = await mailsTo(email, 3);
    expect(mails.map((mail) => mail.subject)).toEqual([
      `Votre commande ${order.number} est confirmée`,
      `Votre commande ${order.number} est prête à être retirée`,
      `Votre commande ${order.number} est prête à être retirée`,
    ]);
    const published = await api.database.db
      .selectFrom('outbox_events')
      .select('payload')
      .where('type', '=', 'order.ready_for_pickup')
      .where('subject', '=', `order:${order.id}`)
      .orderBy('id')
      .execute();
    const payload = { orderId: order.id, groupId: group.id, number: order.number, pickupCode: group.pickupCode, pickupBy: group.pickupBy };
    expect(published.map((row) => row.payload)).toEqual([payload, { ...payload, resent: true }]);
    expect((await timeline(order.id)).map((entry) => entry.type)).toContain('pickup.ready_email_resent');
  });
});
