import type { components } from '../../../../api/schema.ts';
import { type CashSaleResult, submitCashSale } from '../../offline/submit.ts';
import type { PlaceOrderBody } from './sale.ts';

export type Order = components['schemas']['Order'];

/**
 * Records a sale: one request, with the sale's own Idempotency-Key (a retry after a lost answer records it once).
 * A cash sale of shelf stock made while the server cannot be reached is kept in this browser and sent later
 * (offline/); any other sale then throws `ServerNeeded`.
 */
export function placeSale(body: PlaceOrderBody, idempotencyKey: string): Promise<CashSaleResult> {
  return submitCashSale(body, idempotencyKey);
}
