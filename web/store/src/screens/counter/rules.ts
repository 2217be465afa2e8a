import type { components } from '../../../../api/schema.ts';

/** The counter's arithmetic, as pure functions (test/web/counter-rules.test.ts). Amounts in minor units. */

type Order = components['schemas']['Order'];
type Payment = components['schemas']['Payment'];
export type Group = Order['deliveryGroups'][number];

/** What the associate typed or scanned, as the order search asks for it: a QR payload, a 6-digit pickup code, or an order number. */
export type OrderLookup = { qr: string } | { pickupCode: string } | { number: string };

export function lookupsFor(typed: string): OrderLookup[] {
  const text = typed.trim();
  if (!text) return [];
  // The invoice's and the ready email's QR code: AISLE-ORDER:<number>.
  if (text.includes(':')) return [{ qr: text }];
  // Six digits are the pickup code the customer reads out; an order number may look the same, so it is tried next.
  if (/^\d{6}$/.test(text)) return [{ pickupCode: text }, { number: text }];
  return [{ number: text }];
}

const CAPTURABLE: readonly Payment['status'][] = ['authorized', 'partially_captured'];

/** What the customer authorised online (card holds) and is not yet captured: taken first at the hand-over. */
export function openHolds(payments: readonly Payment[]): number {
  return payments
    .filter((payment) => payment.method !== 'pay_at_pickup' && CAPTURABLE.includes(payment.status))
    .reduce((sum, payment) => sum + payment.authorizedAmount - payment.capturedAmount, 0);
}

/** Units still to hand over on a line (neither cancelled nor collected: a collected group is not offered). */
export const openUnits = (line: Group['lines'][number]) => line.quantity - line.cancelledQuantity;

/**
 * What the counter takes now for the units handed over (the server's rule, payments/counter.ts): the goods taken
 * (with the group's fees unless the rest stays waiting) are paid first from the card holds, then from what is left to
 * pay at pickup; the order's last open goods settle everything left to pay.
 */
export function dueNow(
  order: Pick<Order, 'amountToPay' | 'payments' | 'deliveryGroups'>,
  group: Group,
  taken: ReadonlyMap<string, number>,
  rest: 'keep' | 'cancel' | null,
): number {
  const partial = group.lines.some((line) => (taken.get(line.id) ?? 0) < openUnits(line));
  const keep = partial && rest === 'keep';
  const otherOpen = order.deliveryGroups.some((other) => other.id !== group.id && !['collected', 'shipped', 'delivered', 'cancelled'].includes(other.status));
  if (!keep && !otherOpen && !partial) return order.amountToPay;
  let goods = keep ? 0 : group.shippingFee + group.packingFee;
  for (const line of group.lines) goods += Math.round((line.lineTotal * (taken.get(line.id) ?? 0)) / line.quantity);
  const fromHolds = Math.min(goods, openHolds(order.payments));
  return Math.max(0, Math.min(goods - fromHolds, order.amountToPay));
}

/** Change to give back for cash handed over; null when it does not cover what is due in cash. */
export function changeFor(dueInCash: number, tendered: number): number | null {
  return tendered >= dueInCash ? tendered - dueInCash : null;
}

const NOTES = [500, 1000, 2000, 5000, 10000, 20000];

/** The quick "amount given" buttons: the exact amount, the next round 5 or 10, and the notes above it (at most four). */
export function quickTenders(due: number): number[] {
  if (due <= 0) return [];
  const candidates = [due, Math.ceil(due / 500) * 500, Math.ceil(due / 1000) * 1000, ...NOTES.filter((note) => note > due)];
  return [...new Set(candidates)].sort((a, b) => a - b).slice(0, 4);
}

/** An amount typed in the staff member's way ("42,30", "42.3", "50") in minor units; null when it is not one. */
export function parseAmount(typed: string): number | null {
  const text = typed.replace(/\s|€/g, '').replace(',', '.');
  if (!/^\d+(\.\d{0,2})?$/.test(text)) return null;
  return Math.round(Number(text) * 100);
}

/** An amount in minor units as typed back into a field: 4230 → "42,30" (fr) or "42.30" (en). */
export function amountText(amount: number, decimalSeparator: string): string {
  return (amount / 100).toFixed(2).replace('.', decimalSeparator);
}
