import type { PaymentMethod } from '../payments/schema.ts';

/** What a payment says of money, as its view shows it (payments/schema.ts). */
export interface PaymentFacts {
  method: PaymentMethod;
  status: string;
  authorizedAmount: number;
  capturedAmount: number;
  refundedAmount: number;
}

/** Where the customer stands, as a document tells it. Amounts in minor units. */
export interface Balance {
  /** Money the customer has paid (or that is held on their card for the order), one row per method, oldest first. */
  paid: { method: PaymentMethod; amount: number }[];
  /** Money given back, one row per method. */
  refunded: { method: PaymentMethod; amount: number }[];
  /** Still to pay at the store's counter when collecting (pay at pickup not paid yet). */
  toPayAtPickup: number;
}

/** Taken or held: an authorised card counts as paid for the customer (the money is set aside). */
const HELD = new Set(['authorized', 'partially_captured']);
const TAKEN = new Set(['captured', 'partially_refunded', 'refunded']);

/**
 * The customer's balance from an order's payments. A payment that never went through or was called off (pending,
 * declined, failed, voided, cancelled) is not money paid and is left out; pay at pickup is money still to pay
 * until the counter takes it (then it is "paid at pickup"); refunds are shown as such, apart from what was paid.
 */
export function balanceOf(payments: readonly PaymentFacts[]): Balance {
  const paid = new Map<PaymentMethod, number>();
  const refunded = new Map<PaymentMethod, number>();
  const add = (into: Map<PaymentMethod, number>, method: PaymentMethod, amount: number) => {
    if (amount > 0) into.set(method, (into.get(method) ?? 0) + amount);
  };
  let toPayAtPickup = 0;
  for (const payment of payments) {
    if (payment.method === 'pay_at_pickup') {
      if (payment.status === 'awaiting_pickup' || payment.status === 'partially_captured') toPayAtPickup += payment.authorizedAmount - payment.capturedAmount;
      if (payment.status !== 'awaiting_pickup' && payment.status !== 'cancelled') add(paid, payment.method, payment.capturedAmount);
    } else if (HELD.has(payment.status)) add(paid, payment.method, payment.authorizedAmount);
    else if (TAKEN.has(payment.status)) add(paid, payment.method, payment.capturedAmount);
    if (TAKEN.has(payment.status)) add(refunded, payment.method, payment.refundedAmount);
  }
  const rows = (from: Map<PaymentMethod, number>) => [...from].map(([method, amount]) => ({ method, amount }));
  return { paid: rows(paid), refunded: rows(refunded), toPayAtPickup };
}
