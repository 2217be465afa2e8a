import { api, must } from '../../../../api/client.ts';
import type { components } from '../../../../api/schema.ts';
import type { PlaceOrderBody } from './sale.ts';

export type Order = components['schemas']['Order'];

/**
 * Records a sale: one request, with the sale's own Idempotency-Key (a retry after a lost answer records it once).
 * The one place the register sends a sale, so that cash sales can be routed through the offline queue.
 */
export function placeSale(body: PlaceOrderBody, idempotencyKey: string): Promise<Order> {
  return must(api.POST('/v1/orders', { body, headers: { 'Idempotency-Key': idempotencyKey } }));
}
