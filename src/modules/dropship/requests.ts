import type { RawBuilder, Selectable } from 'kysely';
import { insertRows } from '../../platform/db/statements.ts';
import { newId } from '../../platform/ids.ts';
import type { OutboxEvent } from '../../platform/outbox.ts';
import type { Address } from '../locations/tables.ts';
import type { PurchaseRequestLinesTable, PurchaseRequestsTable } from './tables.ts';

/**
 * A purchase request made for an order's delivery group that a drop-ship vendor sends (orders/place/rows.ts), built in
 * memory and written by the order with its own rows: in the same statement or transaction
 * (`purchaseRequestsWrites`), with its `dropship.purchase_requested` event. As inventory's draft transfers for ship to
 * store: the module that owns the rows makes them, the order decides when. The same SKU on several lines is one line.
 */
export function purchaseRequest(input: {
  /** The order's number and the group's position in it: the request is PR-<order>-<position + 1>. */
  orderNumber: string;
  groupPosition: number;
  orderId: string;
  deliveryGroupId: string;
  vendorLocationId: string;
  channelId: string;
  customerId: string;
  shipTo: Address;
  recipient: string;
  createdBy: string;
  createdAt: Date;
  lines: { variantId: string; sku: string; title: string; quantity: number }[];
}) {
  const id = newId();
  const bySku = new Map<string, { variantId: string; sku: string; title: string; quantity: number }>();
  for (const line of input.lines) {
    const seen = bySku.get(line.variantId);
    bySku.set(line.variantId, seen ? { ...seen, quantity: seen.quantity + line.quantity } : { ...line });
  }
  const number = `PR-${input.orderNumber}-${input.groupPosition + 1}`;
  const row: Selectable<PurchaseRequestsTable> = {
    id,
    number,
    vendor_location_id: input.vendorLocationId,
    order_id: input.orderId,
    order_number: input.orderNumber,
    delivery_group_id: input.deliveryGroupId,
    channel_id: input.channelId,
    customer_id: input.customerId,
    status: 'requested',
    ship_to: input.shipTo,
    recipient: input.recipient,
    vendor_reference: null,
    carrier: null,
    tracking_number: null,
    created_by: input.createdBy,
    created_at: input.createdAt,
    confirmed_at: null,
    shipped_at: null,
    cancelled_at: null,
    updated_at: input.createdAt,
  };
  const lines: Selectable<PurchaseRequestLinesTable>[] = [...bySku.values()].map((line, position) => ({
    purchase_request_id: id,
    position,
    variant_id: line.variantId,
    sku: line.sku,
    title: line.title,
    quantity: line.quantity,
  }));
  const event = {
    type: 'dropship.purchase_requested',
    subject: `purchase-request:${id}`,
    payload: { requestId: id, number, orderId: input.orderId, groupId: input.deliveryGroupId, vendorLocationId: input.vendorLocationId },
  } as const satisfies OutboxEvent;
  return { row, lines, event };
}
export type NewPurchaseRequest = ReturnType<typeof purchaseRequest>;

const REQUEST_COLUMNS = {
  id: 'uuid',
  number: 'text',
  vendor_location_id: 'uuid',
  order_id: 'uuid',
  order_number: 'text',
  delivery_group_id: 'uuid',
  channel_id: 'uuid',
  customer_id: 'uuid',
  status: 'text',
  ship_to: 'jsonb',
  recipient: 'text',
  created_by: 'text',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};

/** The inserts of new purchase requests, to send with the caller's own writes (their events go with the caller's). */
export function purchaseRequestsWrites(requests: NewPurchaseRequest[]): (RawBuilder<unknown> | null)[] {
  return [
    insertRows(
      'purchase_requests',
      REQUEST_COLUMNS,
      requests.map((request) => request.row),
    ),
    insertRows(
      'purchase_request_lines',
      { purchase_request_id: 'uuid', position: 'int', variant_id: 'uuid', sku: 'text', title: 'text', quantity: 'int' },
      requests.flatMap((request) => request.lines),
    ),
  ];
}
