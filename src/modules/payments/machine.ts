import type { PaymentStatus } from '../../platform/db/schema.ts';
import { RuleViolation } from '../../platform/http/problem.ts';

export type { PaymentStatus };

/**
 * What may happen to a payment in each state, and the state it leads to. docs/payments.md draws it.
 *
 * Every payment starts `pending`. A card paid online is authorized (the money is held) and captured when the goods
 * leave; a card at the register and cash are paid there and then; pay at pickup holds nothing until the customer
 * pays at the counter. "Release" gives up part of what is still uncaptured (part of the order was cancelled): all of
 * it voids an authorization, cancels a pay-at-pickup, and closes a partly captured payment as captured.
 */
export type PaymentAction =
  | 'authorize' | 'decline' | 'fail' | 'pay_at_register' | 'await_pickup'
  | 'capture_some' | 'capture_rest' | 'release_some' | 'release_rest' | 'refund_some' | 'refund_rest';

const PAYMENT_FLOW: Record<PaymentStatus, Partial<Record<PaymentAction, PaymentStatus>>> = {
  pending: { authorize: 'authorized', decline: 'declined', fail: 'failed', pay_at_register: 'captured', await_pickup: 'awaiting_pickup' },
  authorized: { capture_some: 'partially_captured', capture_rest: 'captured', release_some: 'authorized', release_rest: 'voided' },
  awaiting_pickup: { capture_some: 'partially_captured', capture_rest: 'captured', release_some: 'awaiting_pickup', release_rest: 'cancelled' },
  partially_captured: { capture_some: 'partially_captured', capture_rest: 'captured', release_some: 'partially_captured', release_rest: 'captured' },
  captured: { refund_some: 'partially_refunded', refund_rest: 'refunded' },
  partially_refunded: { refund_some: 'partially_refunded', refund_rest: 'refunded' },
  refunded: {},
  voided: {},
  cancelled: {},
  declined: {},
  failed: {},
};

const DONE: Record<PaymentAction, string> = {
  authorize: 'authorized', decline: 'declined', fail: 'failed', pay_at_register: 'paid at the register', await_pickup: 'left to pay at pickup',
  capture_some: 'captured', capture_rest: 'captured', release_some: 'released', release_rest: 'voided or cancelled',
  refund_some: 'refunded', refund_rest: 'refunded',
};

/** The state a payment moves to, or a 422 naming the state it is in. */
export function nextPaymentStatus(current: PaymentStatus, action: PaymentAction): PaymentStatus {
  const next = PAYMENT_FLOW[current][action];
  if (next === undefined) {
    throw new RuleViolation('invalid-transition', `A payment that is ${current.replaceAll('_', ' ')} cannot be ${DONE[action]}.`, { state: current, action });
  }
  return next;
}

/** Money still to be collected (a card hold, a pay-at-pickup) can be captured or released only in these states. */
export const isCapturable = (status: PaymentStatus) => PAYMENT_FLOW[status].capture_rest !== undefined;
/** Captured money can be given back only in these states. */
export const isRefundable = (status: PaymentStatus) => PAYMENT_FLOW[status].refund_rest !== undefined;

/** Every transition, for the diagram test and the docs. */
export const paymentTransitions = (): { from: PaymentStatus; action: PaymentAction; to: PaymentStatus }[] =>
  Object.entries(PAYMENT_FLOW).flatMap(([from, actions]) =>
    Object.entries(actions).map(([action, to]) => ({ from: from as PaymentStatus, action: action as PaymentAction, to: to! })));
