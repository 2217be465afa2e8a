import type { Selectable } from 'kysely';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { ChannelsTable } from '../../channels/tables.ts';
import type { IdempotencyClaim } from '../../../platform/http/idempotency.ts';
import type { TenderOutcome } from '../../payments/service.ts';
import type { CreateOrder, OrderView } from '../schema.ts';

/** The records an order is carried in on its way through the order path (place/index.ts). */

export interface OrderRequest {
  principal: Principal;
  input: CreateOrder;
  /** The request's Idempotency-Key, if it sent one: a retry is answered with the order placed the first time. */
  idempotency?: IdempotencyClaim | undefined;
}

/** The order placed (or, for a retried request, placed the first time), or the problem that refused it. */
export type OrderOutcome = { order: OrderView; replayed: boolean } | { error: unknown };

export type Channel = Selectable<ChannelsTable>;

/** An order line as the order path knows it once its SKU is found. */
export interface ResolvedLine {
  /** Its position in the request. */
  index: number;
  sku: string;
  variantId: string;
  title: string;
  quantity: number;
}

/** A delivery group checked, with the location its goods come from. */
export interface ResolvedGroup {
  /** Its position in the request. */
  index: number;
  method: CreateOrder['deliveryGroups'][number]['method'];
  fulfilmentLocationId: string;
  pickupLocationId: string | null;
  address: CreateOrder['deliveryGroups'][number]['address'] | null;
  recipient: string;
  lines: ResolvedLine[];
}

/** What pricing hands a line. */
export interface LinePrice {
  unitListPrice: number;
  unitPrice: number;
  discountTotal: number;
  minimumPriceApplied: boolean;
  taxRateBasisPoints: number;
  taxAmount: number;
  lineTotal: number;
}

/** A group priced: its fees and promised date, and each line with its price. */
export interface PreparedGroup extends Omit<ResolvedGroup, 'lines'> {
  shippingFee: number;
  packingFee: number;
  promisedAt: Date | null;
  lines: (ResolvedLine & { price: LinePrice })[];
}

/** What pricing hands the order as a whole (the lines' and groups' parts are on them). */
export interface PricedOrder {
  currency: string;
  promotion: { id: string; code: string } | null;
  totals: { subtotal: number; discounts: number; shipping: number; packing: number; tax: number; total: number };
}

/** An order ready to be written: checked, priced and paid for (authorised). */
export interface PreparedOrder {
  request: OrderRequest;
  channel: Channel;
  groups: PreparedGroup[];
  /** The profile the order belongs to when known before the transaction (by id, or guest details that matched). */
  customerId: string | undefined;
  contact: { email: string | null; phone: string | null };
  priced: PricedOrder;
  shelfSale: boolean;
  tenders: TenderOutcome[];
  /** Taken from the sequence before the transaction: an order refused later leaves a gap, as a rollback would. */
  number: string;
}

/**
 * How a batch of orders was written: in one statement (`placedAtOnce`), or in a transaction that decided under lock,
 * because the batch needed it or a condition of the statement no longer held, or after the statement failed otherwise
 * (`transaction_after_error`: worth a look if it grows).
 */
export type BatchWrite = 'one_statement' | 'transaction' | 'transaction_after_error';

/** A prepared order with what became of it. */
export interface Written {
  prepared: PreparedOrder;
  outcome: OrderOutcome;
}
