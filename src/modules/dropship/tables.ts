import type { Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp, UpdatedAt } from '../../platform/db/columns.ts';
import type { Address } from '../locations/tables.ts';
import type { PurchaseRequestStatus } from './machine.ts';

/** Kysely's view of the tables drop ship owns. The migrations (`platform/db/migrations/`) create them: keep in step. */

/** What a drop-ship vendor is asked to send to a customer: one per delivery group the vendor fulfils. */
export interface PurchaseRequestsTable {
  id: string;
  /** PR-<order number>-<the group's position + 1>. */
  number: string;
  vendor_location_id: string;
  order_id: string;
  order_number: string;
  delivery_group_id: string;
  /** The order's channel and customer: who may read the request, and whom it goes to. */
  channel_id: string;
  customer_id: string;
  status: PurchaseRequestStatus;
  /** Where the vendor sends the goods: the group's address (kept in step when the order's address changes). */
  ship_to: Json<Address>;
  recipient: Generated<string>;
  /** The vendor's own reference, given when it confirms. */
  vendor_reference: string | null;
  carrier: string | null;
  tracking_number: string | null;
  created_by: string;
  created_at: CreatedAt;
  confirmed_at: Timestamp | null;
  shipped_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  updated_at: UpdatedAt;
}

/** One SKU of a request (the order's lines of one SKU in the group, added up); quantity falls as lines are cancelled. */
export interface PurchaseRequestLinesTable {
  purchase_request_id: string;
  position: number;
  variant_id: string;
  sku: string;
  title: string;
  quantity: number;
}

export interface DropshipTables {
  purchase_requests: PurchaseRequestsTable;
  purchase_request_lines: PurchaseRequestLinesTable;
}
