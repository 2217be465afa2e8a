import type { components, paths } from '../../../../api/schema.ts';
import { deliveryOf, type Address, type Cart } from './cart.ts';

export type PlaceOrderBody = paths['/v1/orders']['post']['requestBody']['content']['application/json'];
export type QuoteBody = paths['/v1/quotes']['post']['requestBody']['content']['application/json'];
export type Tender = components['schemas']['Tender'];

/**
 * A sale without a customer profile still names a buyer (the order API requires one): the retailer's walk-in
 * customer, one profile matched by a phone number in the range ARCEP keeps for fiction (never a real subscriber),
 * so that no confirmation email is sent and no real customer collects walk-in sales.
 */
export const WALK_IN = { firstName: 'Client', lastName: 'de passage', phone: '+33 1 99 00 00 00' };

export interface Where {
  storeId: string;
  channelId: string;
  registerId: string;
}

/** The quote that prices the cart: shelf lines carried out of the store, delivered lines in one home-delivery group. */
export function quoteOf(cart: Cart, where: Where): QuoteBody {
  const delivery = deliveryOf(cart);
  const lines = cart.lines.map((line) => ({ sku: line.sku, quantity: line.quantity, ...(line.discount ? { discount: line.discount } : {}) }));
  const indexes = (mode: 'shelf' | 'deliver') => cart.lines.flatMap((line, index) => (line.mode === mode ? [index] : []));
  const deliveryGroups: QuoteBody['deliveryGroups'] = [];
  if (delivery !== 'all') deliveryGroups.push({ method: 'pickup_in_store', lineIndexes: indexes('shelf'), locationId: where.storeId });
  if (delivery !== 'none') deliveryGroups.push({ method: 'ship_to_address', lineIndexes: indexes('deliver') });
  return { channelId: where.channelId, ...(cart.customer ? { customerId: cart.customer.id } : {}), lines, deliveryGroups };
}

/** The order a paid cart becomes: one request (a shelf sale, or a home delivery), at this register. */
export function orderOf(cart: Cart, where: Where, payments: Tender[], address: Address | null): PlaceOrderBody {
  const customer: PlaceOrderBody['customer'] = cart.customer ? { id: cart.customer.id } : WALK_IN;
  const lines = cart.lines.map((line) => ({ sku: line.sku, quantity: line.quantity, deliveryGroup: 0, ...(line.discount ? { discount: line.discount } : {}) }));
  const delivered = deliveryOf(cart) === 'all';
  const group: PlaceOrderBody['deliveryGroups'][number] = delivered
    ? { method: 'ship_to_address', address: address!, recipient: cart.customer ? `${cart.customer.firstName} ${cart.customer.lastName}`.trim() : '' }
    : { method: 'pickup_in_store', pickupLocationId: where.storeId, fulfilmentLocationId: where.storeId };
  return { channelId: where.channelId, registerId: where.registerId, customer, lines, deliveryGroups: [group], payments };
}
