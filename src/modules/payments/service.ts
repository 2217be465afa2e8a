// Over 300 lines: a payment's life (authorise, record, capture, void, refund), each as a function over a batch of payments.
import type { RawBuilder, Selectable } from 'kysely';
import type { Executor, Trx } from '../../platform/db/database.ts';
import type { PaymentsTable } from './tables.ts';
import { InvalidInput, RuleViolation, Unavailable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { eventsInsert, publish, type OutboxEvent } from '../../platform/outbox.ts';
import { insertRows } from '../../platform/db/statements.ts';
import { isCapturable, isRefundable, nextPaymentStatus, type PaymentAction, type PaymentStatus } from './machine.ts';
import { ask, type PaymentProvider, type PaymentProviders, type ProviderResult } from './providers.ts';
import type { PaymentEventName } from './events.ts';
import type { Payment, PaymentEvent } from './schema.ts';
import type { TenderOutcome } from './tenders.ts';

export { requestAuthorizations, voidApproved, PaymentDeclined, PaymentFailed, type Authorizations, type TenderOutcome } from './tenders.ts';
export { NO_PROVIDERS, type PaymentProviders } from './providers.ts';

/**
 * The payments of an order, written in the caller's transaction: the approved tenders when the order is placed, the
 * captures when goods leave (shipment or pickup), voids and refunds when the order or part of it is cancelled. Every
 * change writes the payment's timeline (payment_events) and an outbox event `payment.<what happened>`.
 *
 * Captures, voids and refunds call the provider inside the transaction. The test provider answers at once; a real
 * PSP should be called after the commit instead (an outbox consumer that captures, retries, and records the result),
 * so that a slow provider never holds the order's locks: see docs/payments.md.
 */

type PaymentRow = Selectable<PaymentsTable>;

export function toPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    orderId: row.order_id,
    method: row.method,
    provider: row.provider,
    status: row.status,
    currency: row.currency,
    amount: row.amount,
    authorizedAmount: row.authorized_amount,
    capturedAmount: row.captured_amount,
    refundedAmount: row.refunded_amount,
    cardBrand: row.card_brand,
    cardLast4: row.card_last4,
    providerReference: row.provider_reference,
    cashTendered: row.cash_tendered,
    changeGiven: row.change_given,
    registerId: row.register_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Money still to collect (hold or pay at pickup) and captured money not yet given back. */
export const uncaptured = (row: PaymentRow) => (isCapturable(row.status) ? row.authorized_amount - row.captured_amount : 0);
const refundable = (row: PaymentRow) => (isCapturable(row.status) || isRefundable(row.status) ? row.captured_amount - row.refunded_amount : 0);

const FIRST_STATUS: Record<TenderOutcome['status'], PaymentAction> = { authorized: 'authorize', captured: 'pay_at_register', awaiting_pickup: 'await_pickup' };
const EVENT_OF: Record<TenderOutcome['status'], PaymentEventName> = { authorized: 'authorized', captured: 'captured', awaiting_pickup: 'awaiting_pickup' };

/** An approved tender as the payment row it becomes when its order is written, and the first entry of its timeline. */
export interface NewPayment {
  row: PaymentRow;
  event: PaymentEventName;
  actor: string;
}

export function newPayments(orderId: string, outcomes: readonly TenderOutcome[], actor: string, now: Date, registerId: string | null = null): NewPayment[] {
  return outcomes.map((outcome) => ({
    event: EVENT_OF[outcome.status],
    actor,
    row: {
      id: newId(),
      order_id: orderId,
      method: outcome.method,
      provider: outcome.provider,
      status: nextPaymentStatus('pending', FIRST_STATUS[outcome.status]),
      currency: outcome.currency,
      amount: outcome.amount,
      authorized_amount: outcome.amount,
      captured_amount: outcome.status === 'captured' ? outcome.amount : 0,
      refunded_amount: 0,
      card_brand: outcome.cardBrand,
      card_last4: outcome.cardLast4,
      provider_reference: outcome.providerReference,
      decline_code: null,
      cash_tendered: outcome.cashTendered,
      change_given: outcome.changeGiven,
      register_id: registerId,
      created_at: now,
      updated_at: now,
    },
  }));
}

/** The writes of new payments, for any number of orders: payments, payment_events and outbox events, one statement each. */
export function paymentsInsert(payments: NewPayment[]): (RawBuilder<unknown> | null)[] {
  const rows = payments.map(({ row }) => ({ ...row, created_at: row.created_at.toISOString(), updated_at: row.updated_at.toISOString() }));
  return [
    insertRows(
      'payments',
      {
        id: 'uuid',
        order_id: 'uuid',
        method: 'text',
        provider: 'text',
        status: 'text',
        currency: 'text',
        amount: 'bigint',
        authorized_amount: 'bigint',
        captured_amount: 'bigint',
        refunded_amount: 'bigint',
        card_brand: 'text',
        card_last4: 'text',
        provider_reference: 'text',
        decline_code: 'text',
        cash_tendered: 'bigint',
        change_given: 'bigint',
        register_id: 'uuid',
        created_at: 'timestamptz',
        updated_at: 'timestamptz',
      },
      rows,
    ),
    insertRows(
      'payment_events',
      {
        payment_id: 'uuid',
        type: 'text',
        amount: 'bigint',
        from_status: 'text',
        to_status: 'text',
        provider_reference: 'text',
        actor: 'text',
        created_at: 'timestamptz',
      },
      payments.map(({ row, event, actor }) => ({
        payment_id: row.id,
        type: event,
        amount: row.amount,
        from_status: 'pending',
        to_status: row.status,
        provider_reference: row.provider_reference,
        actor,
        created_at: row.created_at.toISOString(),
      })),
    ),
    eventsInsert(payments.map(({ row, event }) => paymentEvent(row, event, row.amount, 'pending'))),
  ];
}

const paymentEvent = (row: PaymentRow, event: PaymentEventName, amount: number, from: PaymentStatus): OutboxEvent => ({
  type: `payment.${event}`,
  subject: `payment:${row.id}`,
  payload: { ...toPayment(row), event, eventAmount: amount, fromStatus: from },
});

export interface Change {
  row: PaymentRow;
  from: PaymentStatus;
  type: PaymentEventName;
  amount: number;
  providerReference: string | null;
}

export async function record(trx: Trx, changes: Change[], actor: string): Promise<void> {
  if (!changes.length) return;
  await trx
    .insertInto('payment_events')
    .values(
      changes.map((change) => ({
        payment_id: change.row.id,
        type: change.type,
        amount: change.amount,
        from_status: change.from,
        to_status: change.row.status,
        provider_reference: change.providerReference,
        actor,
      })),
    )
    .execute();
  await publish(
    trx,
    changes.map((change) => paymentEvent(change.row, change.type, change.amount, change.from)),
  );
}

/** The order's payments, oldest first, locked in id order so that two requests on one order never deadlock. */
export const lockPaymentsOf = (trx: Trx, orderId: string) =>
  trx.selectFrom('payments').selectAll().where('order_id', '=', orderId).orderBy('id').forUpdate().execute();

/** Only a card paid online has a provider to ask; the register's terminal and the till settle themselves. */
async function askProvider(
  row: PaymentRow,
  providers: PaymentProviders,
  call: (provider: PaymentProvider, reference: string) => Promise<ProviderResult>,
  doing: string,
) {
  if (row.method !== 'card_online') return null;
  const provider = providers.get(row.provider!);
  if (!provider)
    throw new Unavailable('payment-provider-missing', `Payment provider ${row.provider} is not configured; cannot ${doing} payment ${row.id}.`, {
      paymentId: row.id,
      provider: row.provider,
    });
  const result = await ask(() => call(provider, row.provider_reference!));
  // A void the provider refuses means there is no hold left to give back (it lapsed): the cancellation stands.
  if (result.outcome === 'declined' && doing === 'void') return null;
  if (result.outcome === 'declined') {
    throw new RuleViolation('payment-refused', `The provider refused to ${doing} payment ${row.id}: ${result.reason}`, {
      paymentId: row.id,
      declineCode: result.code,
      status: row.status,
    });
  }
  if (result.outcome === 'failed') {
    throw new Unavailable('payment-failed', `The provider could not ${doing} payment ${row.id}: ${result.reason} Nothing changed; try again.`, {
      paymentId: row.id,
      retryable: true,
    });
  }
  return result.providerReference;
}

function positive(amount: number | 'all', field = 'amount') {
  if (amount !== 'all' && (!Number.isSafeInteger(amount) || amount <= 0))
    throw new InvalidInput([{ field, message: 'must be a positive integer of minor units' }]);
}

async function update(trx: Trx, row: PaymentRow, set: Partial<Pick<PaymentRow, 'status' | 'authorized_amount' | 'captured_amount' | 'refunded_amount'>>) {
  return trx
    .updateTable('payments')
    .set({ ...set, updated_at: new Date() })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function capture(trx: Trx, row: PaymentRow, amount: number, providers: PaymentProviders): Promise<Change> {
  const rest = uncaptured(row);
  const next = nextPaymentStatus(row.status, amount >= rest ? 'capture_rest' : 'capture_some');
  if (amount > rest)
    throw new RuleViolation('exceeds-capturable', `Payment ${row.id} has ${rest} left to capture, not ${amount}.`, {
      paymentId: row.id,
      capturable: rest,
      status: row.status,
    });
  const reference = await askProvider(row, providers, (provider, authorization) => provider.capture(authorization, amount), 'capture');
  const updated = await update(trx, row, { status: next, captured_amount: row.captured_amount + amount });
  return { row: updated, from: row.status, type: 'captured', amount, providerReference: reference };
}

/** Gives up money not yet captured: the whole of it voids a card hold or cancels a pay-at-pickup. */
export async function release(trx: Trx, row: PaymentRow, amount: number, providers: PaymentProviders): Promise<Change> {
  const rest = uncaptured(row);
  const whole = amount >= rest;
  const next = nextPaymentStatus(row.status, whole ? 'release_rest' : 'release_some');
  if (amount > rest)
    throw new RuleViolation('exceeds-capturable', `Payment ${row.id} has ${rest} not yet captured, not ${amount}.`, {
      paymentId: row.id,
      capturable: rest,
      status: row.status,
    });
  // A hold partly captured, or only lowered, is settled at capture time: PSPs release what a capture leaves over.
  const reference =
    whole && row.captured_amount === 0 ? await askProvider(row, providers, (provider, authorization) => provider.void(authorization), 'void') : null;
  const updated = await update(trx, row, { status: next, authorized_amount: row.authorized_amount - amount });
  const type = next === 'voided' ? 'voided' : next === 'cancelled' ? 'cancelled' : 'released';
  return { row: updated, from: row.status, type, amount, providerReference: reference };
}

async function refund(trx: Trx, row: PaymentRow, amount: number, providers: PaymentProviders): Promise<Change> {
  const rest = row.captured_amount - row.refunded_amount;
  const next = nextPaymentStatus(row.status, amount >= rest ? 'refund_rest' : 'refund_some');
  if (amount > rest)
    throw new RuleViolation('exceeds-refundable', `Payment ${row.id} has ${rest} left to refund, not ${amount}.`, {
      paymentId: row.id,
      refundable: rest,
      status: row.status,
    });
  const reference = await askProvider(row, providers, (provider, authorization) => provider.refund(authorization, amount), 'refund');
  const updated = await update(trx, row, { status: next, refunded_amount: row.refunded_amount + amount });
  return { row: updated, from: row.status, type: 'refunded', amount, providerReference: reference };
}

export interface PaymentOptions {
  /** The shop's payment providers (the policies'), or `NO_PROVIDERS` where only cash and the register's terminal can be. */
  providers: PaymentProviders;
}

export interface CaptureOptions extends PaymentOptions {
  /** At a shipment the customer is not there: pay-at-pickup payments wait for the pickup. Default: shipment. */
  at?: 'shipment' | 'pickup';
}

/**
 * Goods have left (a shipment, or a pickup at the counter): captures `amount` of the order's payments, oldest tender
 * first, or all that is still to collect. Nothing to capture (the order was paid at the register) is not an error.
 */
export async function capturePayments(trx: Trx, orderId: string, amount: number | 'all', actor: string, options: CaptureOptions): Promise<Payment[]> {
  positive(amount);
  const rows = (await lockPaymentsOf(trx, orderId)).filter((row) => uncaptured(row) > 0 && (options.at === 'pickup' || row.method !== 'pay_at_pickup'));
  const available = rows.reduce((sum, row) => sum + uncaptured(row), 0);
  if (amount !== 'all' && amount > available) {
    throw new RuleViolation(
      'exceeds-capturable',
      `The order's payments have ${available} left to capture${options.at === 'pickup' ? '' : ' at a shipment'}, not ${amount}.`,
      { orderId, capturable: available },
    );
  }
  let left = amount === 'all' ? available : amount;
  const changes: Change[] = [];
  for (const row of rows) {
    if (left === 0) break;
    const part = Math.min(left, uncaptured(row));
    changes.push(await capture(trx, row, part, options.providers));
    left -= part;
  }
  await record(trx, changes, actor);
  return changes.map((change) => toPayment(change.row));
}

/**
 * The order, or part of it, is cancelled: `amount` (or everything) stops being owed. Newest tender first, money not
 * yet captured is released (a hold voided, a pay-at-pickup cancelled) and captured money is refunded to its tender.
 */
export async function voidOrRefundPayments(trx: Trx, orderId: string, amount: number | 'all', actor: string, options: PaymentOptions): Promise<Payment[]> {
  positive(amount);
  const providers = options.providers;
  // What is still awaited at pickup is no money anyone holds: it is given up first (so goods cancelled after part of
  // an order was paid at the counter lower what is left to pay, not the cash already in the till); then newest first.
  const all = (await lockPaymentsOf(trx, orderId)).reverse();
  const rows = [...all.filter((row) => row.method === 'pay_at_pickup'), ...all.filter((row) => row.method !== 'pay_at_pickup')];
  const available = rows.reduce((sum, row) => sum + uncaptured(row) + refundable(row), 0);
  if (amount !== 'all' && amount > available) {
    throw new RuleViolation('exceeds-paid', `The order's payments hold ${available} that can be voided or refunded, not ${amount}.`, { orderId, available });
  }
  let left = amount === 'all' ? available : amount;
  const changes: Change[] = [];
  for (let row of rows) {
    if (left === 0) break;
    // A partly captured payment gives up its uncaptured rest before any of its captured money is refunded.
    const hold = Math.min(left, uncaptured(row));
    if (hold > 0) {
      const change = await release(trx, row, hold, providers);
      changes.push(change);
      row = change.row;
      left -= hold;
    }
    const back = Math.min(left, refundable(row));
    if (back > 0) {
      const change = await refund(trx, row, back, providers);
      changes.push(change);
      left -= back;
    }
  }
  await record(trx, changes, actor);
  return changes.map((change) => toPayment(change.row));
}

/** The order's payments, in the order they were tendered. */
export async function paymentsOf(db: Executor, orderId: string): Promise<Payment[]> {
  return paymentsOfOrders(db, [orderId]);
}

/** The payments of several orders in one query (order lists). */
export async function paymentsOfOrders(db: Executor, orderIds: string[]): Promise<Payment[]> {
  if (!orderIds.length) return [];
  const rows = await db.selectFrom('payments').selectAll().where('order_id', 'in', orderIds).orderBy('id').execute();
  return rows.map(toPayment);
}

/** Every movement of the order's payments, oldest first: for the order timeline. */
export async function paymentTimeline(db: Executor, orderId: string): Promise<PaymentEvent[]> {
  const rows = await db
    .selectFrom('payment_events as e')
    .innerJoin('payments as p', 'p.id', 'e.payment_id')
    .selectAll('e')
    .where('p.order_id', '=', orderId)
    .orderBy('e.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    paymentId: row.payment_id,
    type: row.type,
    amount: row.amount,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    providerReference: row.provider_reference,
    actor: row.actor,
    createdAt: row.created_at.toISOString(),
  }));
}
