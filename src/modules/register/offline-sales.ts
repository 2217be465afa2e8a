import { DomainError } from '../../platform/errors.ts';

/**
 * A sale the register made while offline (issue 21, item 7): kept in the browser with its own Idempotency-Key and sent
 * when the connection is back, with `soldOfflineAt`, the moment the register sold it. Only what a register can do
 * alone may be sold offline: cash, for goods from its own shelf handed over on the spot; a card needs the terminal's
 * answer, a delivery needs stock promised by Aisle. The stock it finds short is a shortfall for the store to resolve
 * (inventory/shortfalls.ts), never a refusal: the money was taken and the goods have left.
 */

/** How long a register may keep a sale before sending it. */
export const OFFLINE_SALE_MAX_AGE_MS = 7 * 24 * 3_600_000;
/** A register's clock may run a little ahead of the server's. */
const CLOCK_SKEW_MS = 5 * 60_000;

const FIELD = 'body.soldOfflineAt';
const refuse = (message: string) =>
  new DomainError('rule-violation', 'offline-sale-refused', `This sale cannot be recorded as sold offline: soldOfflineAt ${message}.`, { field: FIELD }, [
    { field: FIELD, message },
  ]);

/** The sale may be recorded as sold offline at `soldOfflineAt` (422 `offline-sale-refused` naming the field otherwise). */
export function assertMaySellOffline(
  sale: { soldOfflineAt: string; registerId?: string | undefined; payments: { method: string }[]; shelfSale: boolean },
  now: Date,
): Date {
  const soldAt = new Date(sale.soldOfflineAt);
  if (sale.registerId === undefined) throw refuse('is only for sales at a register (registerId)');
  if (!sale.payments.every((tender) => tender.method === 'cash')) throw refuse('only cash sales may be made offline (a card needs the terminal)');
  if (!sale.shelfSale) throw refuse("only goods from the register's own shelf, picked up on the spot, may be sold offline");
  if (soldAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw refuse('is in the future');
  if (soldAt.getTime() < now.getTime() - OFFLINE_SALE_MAX_AGE_MS) throw refuse('is more than 7 days ago: record the sale by hand');
  return soldAt;
}
