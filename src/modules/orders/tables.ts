import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { CreatedAt, UpdatedAt } from '../../platform/db/columns.ts';
import type { Address } from '../locations/tables.ts';
import type { DeliveryMethod } from '../pricing/terms.ts';
import type { DeliveryStatus, OrderStatus } from './lifecycle.ts';

/** Kysely's view of the tables orders owns. The migrations (`platform/db/migrations/`) create them: keep in step. */

export interface OrdersTable {
  id: string;
  number: string;
  channel_id: string;
  customer_id: string;
  status: OrderStatus;
  currency: string;
  subtotal: number;
  discount_total: number;
  shipping_total: number;
  packing_total: number;
  tax_total: number;
  total: number;
  promotion_code: string | null;
  email: string | null;
  phone: string | null;
  placed_by: string;
  /** 0 normal … 9 most urgent: routing rules may filter on it. */
  priority: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface DeliveryGroupsTable {
  id: string;
  order_id: string;
  position: number;
  method: DeliveryMethod;
  status: DeliveryStatus;
  /** Null while the group waits for a location (parked, or backordered against a preorder). */
  fulfilment_location_id: string | null;
  /** The queue a parked group waits in. */
  queue: Generated<string | null>;
  /** How many times a location rejected the group's lines. */
  routing_attempts: Generated<number>;
  pickup_location_id: string | null;
  address: JSONColumnType<Address | null, string | null, string | null>;
  recipient: Generated<string>;
  shipping_fee: Generated<number>;
  packing_fee: Generated<number>;
  promised_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  carrier: string | null;
  tracking_number: string | null;
  /** The carrier's tracking page for the tracking number, when it has one. */
  tracking_url: Generated<string | null>;
  /** Ship to store: the transfer bringing the goods to the pickup store. */
  transfer_id: string | null;
  /** Groups merged into one shipment share this id (orders/merge.ts): shipping one ships them all. */
  merged_shipment_id: Generated<string | null>;
  /** Click & Collect (pickup/): the code the customer gives at the counter, set when the group becomes ready. */
  pickup_code: Generated<string | null>;
  /** When the pickup window ends: the group is cancelled and restocked after it (pickup/deadlines.ts). */
  pickup_by: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** When the customer was reminded that the window ends soon (once). */
  reminded_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Who collected the goods at the counter. */
  collected_by: JSONColumnType<CollectedBy | null, string | null | undefined, string | null>;
  /** When the group became ready at the counter. */
  ready_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** Who took a pickup at the counter, as the associate recorded it. */
export interface CollectedBy {
  name: string;
  relation: 'customer' | 'family' | 'friend' | 'colleague' | 'courier' | 'other' | null;
  idChecked: boolean;
  /** Whether the person gave the group's pickup code (checked). */
  codeGiven: boolean;
}

export interface OrderLinesTable {
  id: string;
  order_id: string;
  delivery_group_id: string;
  position: number;
  variant_id: string;
  sku: string;
  title: string;
  quantity: number;
  cancelled_quantity: Generated<number>;
  unit_list_price: number;
  unit_price: number;
  discount_total: number;
  minimum_price_applied: Generated<boolean>;
  /** Staff's discount by hand on the line (part of discount_total), and its reason (null: none given). */
  manual_discount: Generated<number>;
  discount_reason: Generated<string | null>;
  tax_rate_basis_points: number;
  tax_amount: number;
  line_total: number;
  reservation_id: string | null;
}

export interface OrderEventsTable {
  id: Generated<number>;
  order_id: string;
  type: string;
  detail: JSONColumnType<Record<string, unknown>, string, string>;
  actor: string;
  channel_id: string | null;
  created_at: CreatedAt;
}

export interface OrdersTables {
  orders: OrdersTable;
  delivery_groups: DeliveryGroupsTable;
  order_lines: OrderLinesTable;
  order_events: OrderEventsTable;
}
