import { z } from 'zod';
import type { Trx } from '../../platform/db/database.ts';
import { RuleViolation } from '../../platform/errors.ts';
import { isCapturable } from './machine.ts';
import type { PaymentProviders } from './providers.ts';
import { tenderSchema, type Payment } from './schema.ts';
import {
  capturePayments,
  lockPaymentsOf,
  newPayments,
  paymentsInsert,
  record,
  release,
  requestAuthorizations,
  toPayment,
  uncaptured,
  type Change,
} from './service.ts';

/**
 * Money at the pickup counter (Click & Collect hand-over). What is due for the goods handed over is first taken from
 * what the customer authorised online (a card hold, captured now), then from what was left to pay at pickup: that part
 * the customer pays at the counter, in cash (change given) or by card at the terminal, or both. The counter's tenders
 * become payment rows of their own, captured and naming the register, and the pay-at-pickup payment gives up the
 * amount they replace (`payment.released`, or `payment.cancelled` once nothing is left of it): the money is where it
 * was taken, so a later refund goes back to the tender that took it (cash in cash, the terminal's card to that card).
 */

/** What the counter accepts: cash (more than due gives change) and the card terminal. */
export const counterTenderSchema = z
  .array(z.discriminatedUnion('method', [tenderSchema.options[1], tenderSchema.options[2]]))
  .min(1)
  .max(10)
  .describe('Taken at the counter for what is left to pay: cash (tendered may exceed: change), the card terminal, or both.');
export type CounterTender = z.infer<typeof counterTenderSchema>[number];

export interface Collection {
  /** Taken from what the customer authorised online (captured now). */
  fromHolds: number;
  /** Paid at the counter (replaces as much of the pay-at-pickup payments). */
  atCounter: number;
}

const stillOpen = (payment: Pick<Payment, 'status' | 'authorizedAmount' | 'capturedAmount'>) =>
  isCapturable(payment.status) ? payment.authorizedAmount - payment.capturedAmount : 0;

/** What is left to pay at pickup on an order: the pay-at-pickup payments not yet settled ("to pay 42,30", or 0: "paid"). */
export const amountToPay = (payments: readonly Pick<Payment, 'method' | 'status' | 'authorizedAmount' | 'capturedAmount'>[]) =>
  payments.filter((payment) => payment.method === 'pay_at_pickup').reduce((sum, payment) => sum + stillOpen(payment), 0);

/**
 * How `due` (the goods handed over) is paid, given the order's payments: card holds first, then the pay-at-pickup
 * rest. `last`: the order's last open goods leave, so everything still open is settled (no rounding left behind).
 */
export function collectionOf(
  payments: readonly Pick<Payment, 'method' | 'status' | 'authorizedAmount' | 'capturedAmount'>[],
  due: number,
  last: boolean,
): Collection {
  const holds = payments.filter((payment) => payment.method !== 'pay_at_pickup').reduce((sum, payment) => sum + stillOpen(payment), 0);
  const awaiting = amountToPay(payments);
  if (last) return { fromHolds: holds, atCounter: awaiting };
  const fromHolds = Math.min(due, holds);
  return { fromHolds, atCounter: Math.min(due - fromHolds, awaiting) };
}

export interface CounterPayment {
  /** What the goods handed over cost (their lines' share and the group's fees). */
  due: number;
  /** No other goods of the order are left to hand over or ship. */
  last: boolean;
  tenders: readonly CounterTender[] | undefined;
  registerId: string | null;
  currency: string;
  /** The order number, the reference of the tenders. */
  reference: string;
  actor: string;
  providers: PaymentProviders;
  now: Date;
}

export interface CounterOutcome {
  capturedOnline: number;
  paidAtCounter: number;
  changeGiven: number;
  /** The payment rows the counter's tenders became. */
  taken: Payment[];
  /** The pay-at-pickup payments they replaced, as they are now. */
  replaced: Payment[];
}

/**
 * Settles the goods handed over: captures the card holds' share and takes the rest at the counter. Refused (422)
 * when tenders are given and nothing is left to pay (`nothing-to-pay`), or when something is left to pay and the
 * tenders do not cover it (`tenders-do-not-cover`; cash may exceed it: change).
 */
export async function settleAtCounter(trx: Trx, orderId: string, input: CounterPayment): Promise<CounterOutcome> {
  const rows = await lockPaymentsOf(trx, orderId);
  const { fromHolds, atCounter } = collectionOf(rows.map(toPayment), input.due, input.last);
  const tenders = input.tenders ?? [];
  if (atCounter === 0 && tenders.length)
    throw new RuleViolation('nothing-to-pay', 'Nothing is left to pay for these goods: they are paid already (online or at the register).', {
      field: 'body.payments',
      amountDue: 0,
    });
  if (atCounter > 0 && !tenders.length)
    throw new RuleViolation('tenders-do-not-cover', `${atCounter} is left to pay at pickup: take it in \`payments\` (cash, card terminal, or both).`, {
      field: 'body.payments',
      amountDue: atCounter,
      tendered: 0,
    });
  if (fromHolds > 0) await capturePayments(trx, orderId, fromHolds, input.actor, { at: 'shipment', providers: input.providers });
  if (atCounter === 0) return { capturedOnline: fromHolds, paidAtCounter: 0, changeGiven: 0, taken: [], replaced: [] };

  // Cash and the terminal settle themselves: no provider is asked, and too little is refused here.
  const authorizations = await requestAuthorizations(tenders, atCounter, input.currency, input.reference, {
    providers: input.providers,
    field: 'body.payments',
  });
  if (authorizations.outcome !== 'approved') throw authorizations.problem;

  let left = atCounter;
  const changes: Change[] = [];
  for (const row of rows.filter((candidate) => candidate.method === 'pay_at_pickup')) {
    const part = Math.min(left, uncaptured(row));
    if (part <= 0) continue;
    changes.push(await release(trx, row, part, input.providers));
    left -= part;
  }
  await record(trx, changes, input.actor);
  const fresh = newPayments(orderId, authorizations.tenders, input.actor, input.now, input.registerId);
  for (const statement of paymentsInsert(fresh)) if (statement) await statement.execute(trx);
  return {
    capturedOnline: fromHolds,
    paidAtCounter: atCounter,
    changeGiven: authorizations.changeGiven,
    taken: fresh.map(({ row }) => toPayment(row)),
    replaced: changes.map((change) => toPayment(change.row)),
  };
}
