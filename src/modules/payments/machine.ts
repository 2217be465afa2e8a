import { can, defineMachine, next, type ActionOf, type Move } from '../../platform/state-machine.ts';

/**
 * What may happen to a payment in each state, the state it leads to and the event it writes, as data
 * (platform/state-machine.ts). docs/payments.md draws it.
 *
 * Every payment starts `pending`. A card paid online is authorized (the money is held) and captured when the goods
 * leave; a card at the register and cash are paid there and then; pay at pickup holds nothing until the customer
 * pays at the counter. "Release" gives up part of what is still uncaptured (part of the order was cancelled): all of
 * it voids an authorization, cancels a pay-at-pickup, and closes a partly captured payment as captured.
 */
export const PAYMENT_STATUSES = [
  'pending',
  'authorized',
  'partially_captured',
  'captured',
  'partially_refunded',
  'refunded',
  'voided',
  'declined',
  'failed',
  'awaiting_pickup',
  'cancelled',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

const DONE = {
  authorize: 'authorized',
  decline: 'declined',
  fail: 'failed',
  pay_at_register: 'paid at the register',
  await_pickup: 'left to pay at pickup',
  capture_some: 'captured',
  capture_rest: 'captured',
  release_some: 'released',
  release_rest: 'voided or cancelled',
  refund_some: 'refunded',
  refund_rest: 'refunded',
} as const;

export const PAYMENT_MACHINE = defineMachine({
  subject: 'a payment',
  states: PAYMENT_STATUSES,
  actions: Object.keys(DONE) as (keyof typeof DONE)[],
  transitions: [
    { from: 'pending', on: 'authorize', to: 'authorized', emits: 'payment.authorized' },
    // Refused before a payment row exists: the order is not placed, nothing is written.
    { from: 'pending', on: 'decline', to: 'declined' },
    { from: 'pending', on: 'fail', to: 'failed' },
    { from: 'pending', on: 'pay_at_register', to: 'captured', emits: 'payment.captured' },
    { from: 'pending', on: 'await_pickup', to: 'awaiting_pickup', emits: 'payment.awaiting_pickup' },
    { from: ['authorized', 'awaiting_pickup', 'partially_captured'], on: 'capture_some', to: 'partially_captured', emits: 'payment.captured' },
    { from: ['authorized', 'awaiting_pickup', 'partially_captured'], on: 'capture_rest', to: 'captured', emits: 'payment.captured' },
    { from: 'authorized', on: 'release_some', to: 'authorized', emits: 'payment.released' },
    { from: 'awaiting_pickup', on: 'release_some', to: 'awaiting_pickup', emits: 'payment.released' },
    { from: 'partially_captured', on: 'release_some', to: 'partially_captured', emits: 'payment.released' },
    { from: 'authorized', on: 'release_rest', to: 'voided', emits: 'payment.voided' },
    { from: 'awaiting_pickup', on: 'release_rest', to: 'cancelled', emits: 'payment.cancelled' },
    { from: 'partially_captured', on: 'release_rest', to: 'captured', emits: 'payment.released' },
    { from: ['captured', 'partially_refunded'], on: 'refund_some', to: 'partially_refunded', emits: 'payment.refunded' },
    { from: ['captured', 'partially_refunded'], on: 'refund_rest', to: 'refunded', emits: 'payment.refunded' },
  ],
  refusal: (state, action) => `A payment that is ${state.replaceAll('_', ' ')} cannot be ${DONE[action]}.`,
});

export type PaymentAction = ActionOf<typeof PAYMENT_MACHINE>;

/** The state a payment moves to, or a 422 naming the state it is in and the actions allowed there. */
export const nextPaymentStatus = (current: PaymentStatus, action: PaymentAction): PaymentStatus => next(PAYMENT_MACHINE, current, action);

/** Money still to be collected (a card hold, a pay-at-pickup) can be captured or released only in these states. */
export const isCapturable = (status: PaymentStatus) => can(PAYMENT_MACHINE, status, 'capture_rest');
/** Captured money can be given back only in these states. */
export const isRefundable = (status: PaymentStatus) => can(PAYMENT_MACHINE, status, 'refund_rest');

/** Every transition, for the diagram test and the docs. */
export const paymentTransitions = (): { from: PaymentStatus; action: PaymentAction; to: PaymentStatus }[] =>
  PAYMENT_MACHINE.moves.map((move: Move<PaymentStatus, PaymentAction>) => ({ from: move.from, action: move.on, to: move.to }));
