import type { Selectable } from 'kysely';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { NotFound } from '../../platform/errors.ts';
import { decodeCursor, toPage, type Page } from '../../platform/http/pagination.ts';
import { publish } from '../../platform/outbox.ts';
import { move } from '../../platform/state-machine.ts';
import type { Address } from '../locations/tables.ts';
import { isOutstanding, nextPurchaseRequestStatus, PURCHASE_REQUEST_MACHINE, type PurchaseRequestStatus } from './machine.ts';
import type { PurchaseRequest } from './schema.ts';
import type { PurchaseRequestLinesTable, PurchaseRequestsTable } from './tables.ts';

/**
 * Drop ship: a delivery group sent by a drop-ship vendor is not picked in Aisle; the vendor gets a purchase request
 * (made with the order: requests.ts), reads it (its PDF: document.ts), and says when the parcel left. Vendors have no
 * credentials of their own: an admin (or the retailer's integration with the vendor, holding an admin key) confirms
 * and ships requests; a channel key reads the requests of its own orders.
 *
 * The vendor's shipment is the group's shipment: drop ship hands it to the orders module (`VendorShipments`, passed
 * in by the app as inventory's TransferFollower is), which ships the group as any other (stock deducted, payments
 * captured, order.shipped) and tells drop ship back (`groupShipped`), in the same transaction.
 */

type RequestRow = Selectable<PurchaseRequestsTable>;
type LineRow = Selectable<PurchaseRequestLinesTable>;

/** What drop ship calls in the orders module, which the app passes in (orders/dropship.ts). */
export interface VendorShipments {
  /** The vendor sent the request's goods: its delivery group ships (and `groupShipped` records it on the request). */
  shipped(trx: Trx, principal: Principal, request: RequestRow, shipment: { carrier: string; trackingNumber: string }): Promise<void>;
}

const toView = (row: RequestRow, lines: LineRow[]): PurchaseRequest => ({
  id: row.id,
  number: row.number,
  status: row.status,
  vendorLocationId: row.vendor_location_id,
  orderId: row.order_id,
  orderNumber: row.order_number,
  deliveryGroupId: row.delivery_group_id,
  channelId: row.channel_id,
  shipTo: row.ship_to,
  recipient: row.recipient,
  lines: lines.map((line) => ({ sku: line.sku, title: line.title, quantity: line.quantity })),
  vendorReference: row.vendor_reference,
  carrier: row.carrier,
  trackingNumber: row.tracking_number,
  createdAt: row.created_at.toISOString(),
  confirmedAt: row.confirmed_at?.toISOString() ?? null,
  shippedAt: row.shipped_at?.toISOString() ?? null,
  cancelledAt: row.cancelled_at?.toISOString() ?? null,
});

async function linesOf(db: Executor, ids: string[]): Promise<Map<string, LineRow[]>> {
  const byRequest = new Map<string, LineRow[]>(ids.map((id) => [id, []]));
  if (!ids.length) return byRequest;
  const rows = await db.selectFrom('purchase_request_lines').selectAll().where('purchase_request_id', 'in', ids).orderBy('position').execute();
  for (const row of rows) byRequest.get(row.purchase_request_id)?.push(row);
  return byRequest;
}

/** Admins see every request; a channel key the requests of its own orders (any other: 404, as one that does not exist). */
function assertMaySee(principal: Principal, row: RequestRow | undefined, id: string): asserts row is RequestRow {
  if (!row || (principal.role !== 'admin' && !(principal.role === 'channel' && principal.channelId === row.channel_id))) {
    throw new NotFound('Purchase request', id);
  }
}

/** A request with its lines, as the caller may see it; `lock` for a change. */
export async function readPurchaseRequest(db: Executor, principal: Principal, id: string, lock = false): Promise<{ row: RequestRow; lines: LineRow[] }> {
  const row = await db
    .selectFrom('purchase_requests')
    .selectAll()
    .where('id', '=', id)
    .$if(lock, (q) => q.forUpdate())
    .executeTakeFirst();
  assertMaySee(principal, row, id);
  return { row, lines: (await linesOf(db, [id])).get(id) ?? [] };
}

export async function getPurchaseRequest(db: Executor, principal: Principal, id: string): Promise<PurchaseRequest> {
  const { row, lines } = await readPurchaseRequest(db, principal, id);
  return toView(row, lines);
}

export interface PurchaseRequestFilter {
  limit: number;
  cursor?: string | undefined;
  vendorLocationId?: string | undefined;
  status?: PurchaseRequestStatus | undefined;
}

/** Requests newest first, by vendor and status; a channel key's are those of its own orders. */
export async function listPurchaseRequests(db: Executor, principal: Principal, filter: PurchaseRequestFilter): Promise<Page<PurchaseRequest>> {
  const before = decodeCursor(filter.cursor);
  const rows = await db
    .selectFrom('purchase_requests')
    .selectAll()
    .$if(principal.role === 'channel', (q) => q.where('channel_id', '=', principal.channelId!))
    .$if(filter.vendorLocationId !== undefined, (q) => q.where('vendor_location_id', '=', filter.vendorLocationId!))
    .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status!))
    .$if(before !== undefined, (q) => q.where('id', '<', before!))
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const page = toPage(
    rows,
    filter.limit,
    (row) => row.id,
    (row) => row,
  );
  const lines = await linesOf(
    db,
    page.items.map((row) => row.id),
  );
  return { items: page.items.map((row) => toView(row, lines.get(row.id) ?? [])), nextCursor: page.nextCursor };
}

/** The vendor has acknowledged the request (optionally with its own reference). */
export async function confirmPurchaseRequest(trx: Trx, principal: Principal, id: string, input: { vendorReference?: string | undefined }) {
  const { row } = await readPurchaseRequest(trx, principal, id, true);
  const status = nextPurchaseRequestStatus(row.status, 'confirm');
  const now = new Date();
  await trx
    .updateTable('purchase_requests')
    .set({ status, vendor_reference: input.vendorReference ?? null, confirmed_at: now, updated_at: now })
    .where('id', '=', id)
    .execute();
  return getPurchaseRequest(trx, principal, id);
}

/**
 * The vendor sent the parcel: the request's delivery group ships as any shipment (orders), which records the carrier
 * and tracking number here too (`groupShipped`). The request is not locked first: the order is (by the orders
 * module, before anything of its groups or requests changes), so a cancellation and a shipment take turns.
 */
export async function shipPurchaseRequest(
  trx: Trx,
  principal: Principal,
  id: string,
  shipment: { carrier: string; trackingNumber: string },
  orders: VendorShipments,
): Promise<PurchaseRequest> {
  const { row } = await readPurchaseRequest(trx, principal, id);
  nextPurchaseRequestStatus(row.status, 'ship');
  await orders.shipped(trx, principal, row, shipment);
  return getPurchaseRequest(trx, principal, id);
}

/**
 * The orders module tells: a delivery group shipped (by its vendor's confirmation or the order's own ship route).
 * Its request, if it has one still outstanding, is shipped with the same carrier and tracking number.
 */
export async function groupShipped(trx: Trx, groupId: string, shipment: { carrier: string; trackingNumber: string } | undefined): Promise<void> {
  const row = await trx.selectFrom('purchase_requests').selectAll().where('delivery_group_id', '=', groupId).forUpdate().executeTakeFirst();
  if (!row || !isOutstanding(row.status)) return;
  const now = new Date();
  await trx
    .updateTable('purchase_requests')
    .set({
      status: nextPurchaseRequestStatus(row.status, 'ship'),
      carrier: shipment?.carrier ?? null,
      tracking_number: shipment?.trackingNumber ?? null,
      shipped_at: now,
      updated_at: now,
    })
    .where('id', '=', row.id)
    .execute();
}

/** Whether a delivery group has a purchase request, whatever its state (a group has one at most: migration 0017). */
export async function hasPurchaseRequest(db: Executor, groupId: string): Promise<boolean> {
  return (await db.selectFrom('purchase_requests').select('id').where('delivery_group_id', '=', groupId).executeTakeFirst()) !== undefined;
}

/**
 * The orders module tells: units of a group's lines were cancelled. Its outstanding request asks for fewer; with
 * nothing left it is cancelled, and `dropship.purchase_request_cancelled` tells the vendor not to send it.
 */
export async function groupLinesCancelled(trx: Trx, groupId: string, unwanted: { variantId: string; quantity: number }[]): Promise<void> {
  const row = await trx.selectFrom('purchase_requests').selectAll().where('delivery_group_id', '=', groupId).forUpdate().executeTakeFirst();
  if (!row || !isOutstanding(row.status)) return;
  const less = new Map<string, number>();
  for (const line of unwanted) less.set(line.variantId, (less.get(line.variantId) ?? 0) + line.quantity);
  let left = 0;
  for (const line of (await linesOf(trx, [row.id])).get(row.id) ?? []) {
    const quantity = Math.max(0, line.quantity - (less.get(line.variant_id) ?? 0));
    left += quantity;
    if (quantity !== line.quantity)
      await trx
        .updateTable('purchase_request_lines')
        .set({ quantity })
        .where('purchase_request_id', '=', row.id)
        .where('position', '=', line.position)
        .execute();
  }
  if (left > 0) return;
  const { to, emits } = move(PURCHASE_REQUEST_MACHINE, row.status, 'cancel');
  const now = new Date();
  await trx.updateTable('purchase_requests').set({ status: to, cancelled_at: now, updated_at: now }).where('id', '=', row.id).execute();
  if (emits)
    await publish(trx, [
      {
        type: emits,
        subject: `purchase-request:${row.id}`,
        payload: { requestId: row.id, number: row.number, orderId: row.order_id, groupId, vendorLocationId: row.vendor_location_id },
      },
    ]);
}

/** The orders module tells: the groups' address changed. Their outstanding requests ship there now. */
export async function groupsReaddressed(trx: Trx, groupIds: string[], address: Address, recipient: string | undefined): Promise<void> {
  if (!groupIds.length) return;
  await trx
    .updateTable('purchase_requests')
    .set({ ship_to: JSON.stringify(address), ...(recipient !== undefined ? { recipient } : {}), updated_at: new Date() })
    .where('delivery_group_id', 'in', groupIds)
    .where('status', 'in', ['requested', 'confirmed'])
    .execute();
}
