import type { Selectable } from 'kysely';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { ChannelsTable } from '../../channels/tables.ts';
import type { IdempotencyClaim } from '../../../platform/http/idempotency.ts';
import type { TenderOutcome } from '../../payments/service.ts';
import type { CreateOrder, OrderView } from '../schema.ts';
import type { MadeDecision } from './route.ts';

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
  /** Its position in the order: the request's, or after the last for the second part of a line split by routing. */
  index: number;
  /** Its position in the request (its price is the quote's line there). */
  requestIndex: number;
  sku: string;
  variantId: string;
  productId: string;
  /** The product's tags, which routing rules may filter on. */
  tags: string[];
  title: string;
  quantity: number;
  /** What the whole request line is worth, tax included (minor units), for routing's minimum shipment value. */
  value: number;
}

/** A delivery group of the request checked: the location it names (or its pickup store's shelf), else undefined: routing chooses. */
export interface CheckedGroup {
  /** Its position in the request. */
  index: number;
  method: CreateOrder['deliveryGroups'][number]['method'];
  fulfilmentLocationId: string | undefined;
  pickupLocationId: string | null;
  address: CreateOrder['deliveryGroups'][number]['address'] | null;
  recipient: string;
  /** The date promised by delivery method, before routing (rules may filter on it). */
  promisedAt: Date | null;
  lines: ResolvedLine[];
}

/** A shipment of the order: a request's group with the location its goods come from, a part of a split group, or a group waiting. */
export interface ResolvedGroup {
  /** Its position in the order: the request's, or after the last for a split group's other shipments. */
  index: number;
  /** The request's group it comes from (its fees are the quote's there, on its first shipment). */
  requestIndex: number;
  method: CreateOrder['deliveryGroups'][number]['method'];
  /** Reserved where routing (or the request) placed it, or waiting: for incoming stock, or for a person in `queue`. */
  status: 'reserved' | 'backordered' | 'parked';
  queue: string | null;
  fulfilmentLocationId: string | null;
  pickupLocationId: string | null;
  /** A backorder: when the stock it waits for is expected. */
  availableAt: Date | null;
  address: CreateOrder['deliveryGroups'][number]['address'] | null;
  recipient: string;
  lines: ResolvedLine[];
  /** How routing decided it (stored with the order), on the first shipment of a routed group. */
  decision: MadeDecision | null;
}

/** What pricing hands a line. */
export interface LinePrice {
  unitListPrice: number;
  unitPrice: number;
  discountTotal: number;
  minimumPriceApplied: boolean;
  /** Staff's discount by hand, as applied (this part's share of it), and why; null without one. */
  manualDiscount: { amount: number; reason: string } | null;
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
  /** The channel's drop-ship vendors: a group shipped to an address from one gets a purchase request (rows.ts). */
  vendors: ReadonlySet<string>;
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
