import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import type { Trx } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import type { DomainError } from '../../platform/errors.ts';
import { createTestCardProvider, TEST_PROVIDERS, type PaymentProvider } from './providers.ts';
import type { Tender } from './schema.ts';
import { writeTogether } from '../../platform/db/statements.ts';
import { nextPaymentStatus } from './machine.ts';
import {
  capturePayments,
  newPayments,
  paymentsInsert,
  paymentsOf,
  paymentTimeline,
  requestAuthorizations,
  toPayment,
  voidOrRefundPayments,
  type Authorizations,
  type TenderOutcome,
} from './service.ts';

let database: TestDatabase;
const inTransaction = <T>(work: (trx: Trx) => Promise<T>) => database.db.transaction().execute(work);

/** The test provider, counting what it is asked to do. */
function countingProvider() {
  const inner = createTestCardProvider();
  const calls: string[] = [];
  const provider: PaymentProvider = {
    name: 'test',
    authorize: (request) => (calls.push(`authorize ${request.amount}`), inner.authorize(request)),
    capture: (id, amount) => (calls.push(`capture ${amount}`), inner.capture(id, amount)),
    void: (id) => (calls.push('void'), inner.void(id)),
    refund: (id, amount) => (calls.push(`refund ${amount}`), inner.refund(id, amount)),
  };
  return { calls, providers: new Map([['test', provider]]) };
}

const visa = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2099, cvc: '123' };
const cardOnline = (amount: number, number = visa.number): Tender => ({ method: 'card_online', amount, card: { ...visa, number } });

function approved(result: Authorizations): TenderOutcome[] {
  if (result.outcome !== 'approved') throw new Error(`expected approval, got ${result.outcome} ${result.code}`);
  return result.tenders;
}

/** Authorizes outside any transaction, then writes the payments' rows as the order path does (orders/place/rows.ts). */
async function placeWith(tenders: Tender[], amountDue: number) {
  const orderId = newId();
  const outcomes = approved(await requestAuthorizations(tenders, amountDue, 'EUR', `order ${orderId}`, { providers: TEST_PROVIDERS }));
  const written = newPayments(orderId, outcomes, 'user:clerk', new Date());
  await inTransaction((trx) => writeTogether(trx, paymentsInsert(written)));
  return { orderId, payments: written.map(({ row }) => toPayment(row)) };
}

async function rejection(work: () => Promise<unknown>) {
  try {
    await work();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a rejection');
}

beforeAll(async () => {
  database = await createTestDatabase();
  // These tests exercise payments alone, with orders that exist only as ids; the orders migration ties them later.
  await sql`alter table payments drop constraint if exists payments_order`.execute(database.db);
});
afterAll(() => database?.close());

describe('taking payment for an order', () => {
  it('authorizes a card online and records it with its timeline and an outbox event', async () => {
    const { orderId, payments } = await placeWith([cardOnline(4990)], 4990);
    expect(payments).toEqual([
      expect.objectContaining({
        orderId,
        method: 'card_online',
        provider: 'test',
        status: 'authorized',
        currency: 'EUR',
        amount: 4990,
        authorizedAmount: 4990,
        capturedAmount: 0,
        refundedAmount: 0,
        cardBrand: 'visa',
        cardLast4: '4242',
        providerReference: expect.stringMatching(/^test_auth_/),
      }),
    ]);
    expect(await paymentTimeline(database.db, orderId)).toEqual([
      expect.objectContaining({ type: 'authorized', amount: 4990, fromStatus: 'pending', toStatus: 'authorized', actor: 'user:clerk' }),
    ]);
    const events = await database.db.selectFrom('outbox_events').select(['type', 'payload']).where('subject', '=', `payment:${payments[0]!.id}`).execute();
    expect(events).toEqual([{ type: 'payment.authorized', payload: expect.objectContaining({ orderId, status: 'authorized', amount: 4990 }) }]);
  });

  it.each([
    ['4000 0000 0000 0002', 'declined', 'card_declined', 'rule-violation'],
    ['4000 0000 0000 9995', 'declined', 'insufficient_funds', 'rule-violation'],
    ['4000 0000 0000 0119', 'failed', 'processing_error', 'unavailable'],
  ])('refuses the order when card %s is %s (%s)', async (number, outcome, code, kind) => {
    const result = await requestAuthorizations([cardOnline(1000, number)], 1000, 'EUR', 'order x', { providers: TEST_PROVIDERS });
    expect(result).toMatchObject({ outcome, tender: 0, method: 'card_online', code });
    if (result.outcome === 'approved') return;
    expect(result.problem).toMatchObject({ kind, details: expect.objectContaining({ tender: 0, field: 'body.payments.0' }) });
  });

  it('declines an expired card', async () => {
    const result = await requestAuthorizations(
      [{ method: 'card_online', amount: 1000, card: { ...visa, expYear: 2020, expMonth: 1 } }],
      1000,
      'EUR',
      'order x',
      { providers: TEST_PROVIDERS },
    );
    expect(result).toMatchObject({ outcome: 'declined', code: 'expired_card', problem: { kind: 'rule-violation', code: 'payment-declined' } });
  });

  it('splits 100.00 between a card (70.00) and cash (30.00)', async () => {
    const { orderId, payments } = await placeWith([cardOnline(7000), { method: 'cash', amount: 3000 }], 10000);
    expect(payments.map((p) => [p.method, p.status, p.amount, p.capturedAmount])).toEqual([
      ['card_online', 'authorized', 7000, 0],
      ['cash', 'captured', 3000, 3000],
    ]);
    expect((await paymentsOf(database.db, orderId)).map((p) => p.id)).toEqual(payments.map((p) => p.id));
  });

  it('gives change when the cash handed over exceeds what is due', async () => {
    const overpaid = approved(
      await requestAuthorizations([cardOnline(2000), { method: 'cash', amount: 5000 }], 6230, 'EUR', 'order x', { providers: TEST_PROVIDERS }),
    );
    expect(overpaid[1]).toMatchObject({ method: 'cash', amount: 4230, cashTendered: 5000, changeGiven: 770 });
    const { payments } = await placeWith([{ method: 'cash', amount: 4230, tendered: 5000 }], 4230);
    expect(payments[0]).toMatchObject({ status: 'captured', amount: 4230, cashTendered: 5000, changeGiven: 770 });
  });

  it('takes a card at the register with the reference the terminal gave', async () => {
    const { payments } = await placeWith(
      [{ method: 'card_register', amount: 1500, reference: 'TPE-000123', cardBrand: 'mastercard', cardLast4: '4444' }],
      1500,
    );
    expect(payments[0]).toMatchObject({ status: 'captured', capturedAmount: 1500, providerReference: 'TPE-000123', provider: null, cardLast4: '4444' });
  });

  it('refuses tenders that do not cover the amount due, or overpay it with anything but cash, before asking any provider', async () => {
    const { calls, providers } = countingProvider();
    const short = await rejection(() => requestAuthorizations([cardOnline(7000), { method: 'cash', amount: 2000 }], 10000, 'EUR', 'x', { providers }));
    expect(short).toMatchObject({ kind: 'rule-violation', code: 'tenders-do-not-cover', details: { amountDue: 10000, tendered: 9000 } });
    const over = await rejection(() => requestAuthorizations([cardOnline(12000)], 10000, 'EUR', 'x', { providers }));
    expect(over).toMatchObject({ kind: 'rule-violation', code: 'tenders-do-not-cover' });
    const changeTooBig = await rejection(() => requestAuthorizations([cardOnline(10000), { method: 'cash', amount: 500 }], 10000, 'EUR', 'x', { providers }));
    expect(changeTooBig).toMatchObject({ kind: 'rule-violation', code: 'tenders-do-not-cover' });
    expect(calls).toEqual([]);
  });

  it('answers malformed tenders with a 400 naming the field', async () => {
    const bad = await rejection(() =>
      requestAuthorizations(
        [
          { method: 'cash', amount: 10.5 },
          { method: 'card_online', amount: 100 },
        ] as Tender[],
        10,
        'EUR',
        'x',
        { field: 'body.tenders', providers: TEST_PROVIDERS },
      ),
    );
    expect(bad.kind).toBe('invalid-input');
    expect(bad.errors?.map((error) => error.field)).toEqual(['body.tenders.0.amount', 'body.tenders.1.card']);
    const provider = await rejection(() =>
      requestAuthorizations([{ method: 'card_online', amount: 100, provider: 'nope', card: visa }], 100, 'EUR', 'x', { providers: TEST_PROVIDERS }),
    );
    expect(provider).toMatchObject({ kind: 'invalid-input', errors: [{ field: 'body.payments.0.provider' }] });
  });

  it('refuses gift cards, points and store credit until the loyalty issue brings them', async () => {
    for (const method of ['gift_card', 'loyalty_points', 'store_credit'] as const) {
      const refused = await rejection(() => requestAuthorizations([{ method, amount: 100 }], 100, 'EUR', 'x', { providers: TEST_PROVIDERS }));
      expect(refused).toMatchObject({ kind: 'rule-violation', code: 'method-not-available', details: { method, field: 'body.payments.0.method' } });
    }
  });

  it('voids the card already approved when a later card is declined, and names the declined tender', async () => {
    const { calls, providers } = countingProvider();
    const result = await requestAuthorizations([cardOnline(5000), cardOnline(5000, '4000 0000 0000 0002')], 10000, 'EUR', 'x', { providers });
    expect(result).toMatchObject({ outcome: 'declined', tender: 1, code: 'card_declined', unvoided: [] });
    expect(calls).toEqual(['authorize 5000', 'authorize 5000', 'void']);
  });

  it('never stores a full card number: only the brand and the last four digits', async () => {
    const { orderId } = await placeWith([cardOnline(1234, '5555 5555 5555 4444')], 1234);
    const rows = await database.db.selectFrom('payments').selectAll().where('order_id', '=', orderId).execute();
    expect(rows[0]).toMatchObject({ card_brand: 'mastercard', card_last4: '4444' });
    const everything = JSON.stringify([
      await database.db.selectFrom('payments').selectAll().execute(),
      await database.db.selectFrom('payment_events').selectAll().execute(),
      await database.db.selectFrom('outbox_events').selectAll().execute(),
    ]);
    for (const number of ['5555555555554444', '4242424242424242', '5555 5555 5555 4444', '4242 4242 4242 4242']) expect(everything).not.toContain(number);
  });
});

describe('when goods leave and when orders are cancelled', () => {
  it('captures at shipment, then refunds part and the rest', async () => {
    const { orderId, payments } = await placeWith([cardOnline(8000)], 8000);
    const [captured] = await inTransaction((trx) => capturePayments(trx, orderId, 'all', 'user:packer', { providers: TEST_PROVIDERS }));
    expect(captured).toMatchObject({ status: 'captured', capturedAmount: 8000 });
    const [partly] = await inTransaction((trx) => voidOrRefundPayments(trx, orderId, 2500, 'user:service', { providers: TEST_PROVIDERS }));
    expect(partly).toMatchObject({ id: payments[0]?.id, status: 'partially_refunded', refundedAmount: 2500 });
    const [all] = await inTransaction((trx) => voidOrRefundPayments(trx, orderId, 'all', 'user:service', { providers: TEST_PROVIDERS }));
    expect(all).toMatchObject({ id: payments[0]?.id, status: 'refunded', refundedAmount: 8000 });
    expect((await paymentTimeline(database.db, orderId)).map((e) => [e.type, e.amount, e.toStatus])).toEqual([
      ['authorized', 8000, 'authorized'],
      ['captured', 8000, 'captured'],
      ['refunded', 2500, 'partially_refunded'],
      ['refunded', 5500, 'refunded'],
    ]);
    const over = await rejection(() => inTransaction((trx) => voidOrRefundPayments(trx, orderId, 1, 'user:service', { providers: TEST_PROVIDERS })));
    expect(over).toMatchObject({ kind: 'rule-violation', code: 'exceeds-paid', details: { available: 0 } });
  });

  it('captures shipment by shipment, and closes the payment at what was captured when the rest is cancelled', async () => {
    const { orderId } = await placeWith([cardOnline(9000)], 9000);
    const [first] = await inTransaction((trx) => capturePayments(trx, orderId, 4000, 'user:packer', { providers: TEST_PROVIDERS }));
    expect(first).toMatchObject({ status: 'partially_captured', capturedAmount: 4000 });
    const tooMuch = await rejection(() => inTransaction((trx) => capturePayments(trx, orderId, 6000, 'user:packer', { providers: TEST_PROVIDERS })));
    expect(tooMuch).toMatchObject({ kind: 'rule-violation', code: 'exceeds-capturable', details: { capturable: 5000 } });
    const [closed] = await inTransaction((trx) => voidOrRefundPayments(trx, orderId, 5000, 'user:service', { providers: TEST_PROVIDERS }));
    expect(closed).toMatchObject({ status: 'captured', authorizedAmount: 4000, capturedAmount: 4000 });
  });

  it('voids an authorization when the order is cancelled before anything leaves', async () => {
    const { calls, providers } = countingProvider();
    const { orderId } = await placeWith([cardOnline(3000)], 3000);
    const [voided] = await inTransaction((trx) => voidOrRefundPayments(trx, orderId, 'all', 'user:service', { providers }));
    expect(voided).toMatchObject({ status: 'voided', authorizedAmount: 0, capturedAmount: 0 });
    expect(calls).toEqual(['void']);
    const events = await database.db.selectFrom('outbox_events').select('type').where('subject', '=', `payment:${voided!.id}`).execute();
    expect(events.map((e) => e.type)).toEqual(['payment.authorized', 'payment.voided']);
  });

  it('still cancels when the provider has no hold left to void, and treats a provider that throws as a retryable failure', async () => {
    const inner = createTestCardProvider();
    const lapsed: PaymentProvider = { ...inner, void: async () => ({ outcome: 'declined', code: 'authorization_expired', reason: 'Expired.' }) };
    const { orderId } = await placeWith([cardOnline(3000)], 3000);
    const [voided] = await inTransaction((trx) => voidOrRefundPayments(trx, orderId, 'all', 'system', { providers: new Map([['test', lapsed]]) }));
    expect(voided).toMatchObject({ status: 'voided' });

    const down: PaymentProvider = {
      ...inner,
      authorize: async () => {
        throw new Error('connect ECONNREFUSED');
      },
    };
    const result = await requestAuthorizations([cardOnline(1000)], 1000, 'EUR', 'x', { providers: new Map([['test', down]]) });
    expect(result).toMatchObject({
      outcome: 'failed',
      code: 'processing_error',
      problem: { kind: 'unavailable', code: 'payment-failed', details: { retryable: true } },
    });
  });

  it('gives back newest tender first: cash refunded, then part of the card hold released', async () => {
    const { orderId } = await placeWith([cardOnline(7000), { method: 'cash', amount: 3000 }], 10000);
    const changed = await inTransaction((trx) => voidOrRefundPayments(trx, orderId, 4000, 'user:service', { providers: TEST_PROVIDERS }));
    expect(changed.map((p) => [p.method, p.status])).toEqual([
      ['cash', 'refunded'],
      ['card_online', 'authorized'],
    ]);
    const [card] = await paymentsOf(database.db, orderId);
    expect(card).toMatchObject({ authorizedAmount: 6000 });
    const [captured] = await inTransaction((trx) => capturePayments(trx, orderId, 'all', 'user:packer', { providers: TEST_PROVIDERS }));
    expect(captured).toMatchObject({ status: 'captured', capturedAmount: 6000 });
    const tooMuch = await rejection(() => inTransaction((trx) => voidOrRefundPayments(trx, orderId, 6001, 'user:service', { providers: TEST_PROVIDERS })));
    expect(tooMuch).toMatchObject({ kind: 'rule-violation', code: 'exceeds-paid', details: { available: 6000 } });
  });

  it('answers an invalid transition with a 422 naming the state the payment is in', async () => {
    // Cash is captured at the till: there is no hold left to void.
    const { payments } = await placeWith([{ method: 'cash', amount: 700 }], 700);
    expect(payments[0]).toMatchObject({ status: 'captured' });
    const refused = await rejection(async () => nextPaymentStatus('captured', 'release_rest'));
    expect(refused).toMatchObject({ kind: 'rule-violation', code: 'invalid-transition', details: { state: 'captured' } });
    expect(refused.message).toContain('captured');
  });

  it('leaves pay at pickup alone at a shipment and captures it when the customer pays at the counter', async () => {
    const { orderId, payments } = await placeWith([{ method: 'pay_at_pickup', amount: 2500 }], 2500);
    expect(payments[0]).toMatchObject({ status: 'awaiting_pickup', provider: null, capturedAmount: 0 });
    expect(await inTransaction((trx) => capturePayments(trx, orderId, 'all', 'user:packer', { providers: TEST_PROVIDERS }))).toEqual([]);
    const [paid] = await inTransaction((trx) => capturePayments(trx, orderId, 'all', 'user:counter', { at: 'pickup', providers: TEST_PROVIDERS }));
    expect(paid).toMatchObject({ status: 'captured', capturedAmount: 2500 });
  });

  it('cancels a pay at pickup that is never collected', async () => {
    const { orderId } = await placeWith([{ method: 'pay_at_pickup', amount: 2500 }], 2500);
    const [cancelled] = await inTransaction((trx) => voidOrRefundPayments(trx, orderId, 'all', 'system', { providers: TEST_PROVIDERS }));
    expect(cancelled).toMatchObject({ status: 'cancelled', capturedAmount: 0 });
  });

  it('keeps what the database holds consistent: captured never above authorized, refunded never above captured', async () => {
    const { payments } = await placeWith([cardOnline(1000)], 1000);
    const broken = await rejection(() => database.db.updateTable('payments').set({ refunded_amount: 1 }).where('id', '=', payments[0]!.id).execute());
    expect((broken as unknown as { code: string }).code).toBe('23514');
  });
});
