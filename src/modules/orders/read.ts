import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { DeliveryGroupsTable, OrderLinesTable, OrdersTable } from './tables.ts';
import type { Payment } from '../payments/schema.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { NotFound } from '../../platform/errors.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { orderQrPayload, parseOrderQrPayload } from '../documents/qr.ts';
import { amountToPay } from '../payments/counter.ts';
import { paymentsOfOrders } from '../payments/service.ts';
import { normalisePhone } from '../customers/schema.ts';
import { assertMaySeeCustomer } from '../customers/service.ts';
import type { OrderView } from './schema.ts';

/** Reading orders: one order with everything, the timeline, search, and one customer's history across channels. */

export async function recordOrderEvent(trx: Executor, orderId: string, type: string, detail: Record<string, unknown>, actor: string, channelId: string | null) {
  await trx
    .insertInto('order_events')
    .values({ order_id: orderId, type, detail: JSON.stringify(detail), actor, channel_id: channelId })
    .execute();
}

/**
 * Admins see every order; a channel only its own; store staff the orders their store fulfils or hands over, or that
 * its registers sold. Any other answers 404, as an order that does not exist: an id or number tells nothing of
 * another channel's business.
 */
export async function assertMaySeeOrder(db: Executor, principal: Principal, order: { id: string; channel_id: string }) {
  if (principal.role === 'admin') return;
  if (principal.role === 'channel') {
    if (principal.channelId === order.channel_id) return;
    throw new NotFound('Order', order.id);
  }
  const store = principal.locationId!;
  const touches = await db
    .selectFrom('delivery_groups')
    .select('id')
    .where('order_id', '=', order.id)
    .where((eb) => eb.or([eb('fulfilment_location_id', '=', store), eb('pickup_location_id', '=', store)]))
    .executeTakeFirst();
  const viaRegister = await db.selectFrom('channels').select('id').where('id', '=', order.channel_id).where('store_location_id', '=', store).executeTakeFirst();
  if (!touches && !viaRegister) throw new NotFound('Order', order.id);
}

export async function getOrder(db: Executor, id: string): Promise<OrderView> {
  const [order] = await loadOrders(db, [id]);
  if (!order) throw new NotFound('Order', id);
  return order;
}

/** Orders with their groups, lines and payments: four queries for any number of orders, in the order of `ids`. */
export async function loadOrders(db: Executor, ids: string[]): Promise<OrderView[]> {
  if (!ids.length) return [];
  const [orders, groups, lines, payments] = await Promise.all([
    db.selectFrom('orders').selectAll().where('id', 'in', ids).execute(),
    db.selectFrom('delivery_groups').selectAll().where('order_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('order_lines').selectAll().where('order_id', 'in', ids).orderBy('position').execute(),
    paymentsOfOrders(db, ids),
  ]);
  const byId = new Map(orders.map((order) => [order.id, order]));
  return ids.flatMap((id) => {
    const order = byId.get(id);
    if (!order) return [];
    return [
      orderView(
        order,
        groups.filter((group) => group.order_id === id),
        lines.filter((line) => line.order_id === id),
        payments.filter((payment) => payment.orderId === id),
      ),
    ];
  });
}

/** An order as the API shows it, from its rows (groups and lines in position order, payments oldest first). */
export function orderView(
  order: Selectable<OrdersTable>,
  groups: Selectable<DeliveryGroupsTable>[],
  lines: Selectable<OrderLinesTable>[],
  payments: Payment[],
): OrderView {
  return {
    id: order.id,
    number: order.number,
    channelId: order.channel_id,
    customerId: order.customer_id,
    status: order.status,
    currency: order.currency,
    totals: {
      subtotal: order.subtotal,
      discounts: order.discount_total,
      shipping: order.shipping_total,
      packing: order.packing_total,
      tax: order.tax_total,
      total: order.total,
    },
    promotionCode: order.promotion_code,
    email: order.email,
    phone: order.phone,
    qrPayload: orderQrPayload(order.number),
    deliveryGroups: groups.map((group) => ({
      id: group.id,
      method: group.method,
      status: group.status,
      fulfilmentLocationId: group.fulfilment_location_id,
      queue: group.queue,
      pickupLocationId: group.pickup_location_id,
      address: group.address,
      recipient: group.recipient,
      shippingFee: group.shipping_fee,
      packingFee: group.packing_fee,
      promisedAt: group.promised_at?.toISOString() ?? null,
      carrier: group.carrier,
      trackingNumber: group.tracking_number,
      trackingUrl: group.tracking_url,
      transferId: group.transfer_id,
      mergedShipmentId: group.merged_shipment_id,
      pickupCode: group.pickup_code,
      pickupBy: group.pickup_by?.toISOString() ?? null,
      readyAt: group.ready_at?.toISOString() ?? null,
      collectedBy: group.collected_by,
      lines: lines
        .filter((line) => line.delivery_group_id === group.id)
        .map((line) => ({
          id: line.id,
          sku: line.sku,
          title: line.title,
          quantity: line.quantity,
          cancelledQuantity: line.cancelled_quantity,
          unitListPrice: line.unit_list_price,
          unitPrice: line.unit_price,
          discountTotal: line.discount_total,
          minimumPriceApplied: line.minimum_price_applied,
          manualDiscount: line.discount_reason === null ? null : { amount: line.manual_discount, reason: line.discount_reason },
          taxRateBasisPoints: line.tax_rate_basis_points,
          taxAmount: line.tax_amount,
          lineTotal: line.line_total,
        })),
    })),
    payments,
    amountToPay: amountToPay(payments),
    createdAt: order.created_at.toISOString(),
    updatedAt: order.updated_at.toISOString(),
  };
}

export async function orderTimeline(db: Executor, orderId: string) {
  const rows = await db.selectFrom('order_events').selectAll().where('order_id', '=', orderId).orderBy('id').execute();
  return {
    items: rows.map((row) => ({
      id: row.id,
      type: row.type,
      detail: row.detail,
      actor: row.actor,
      channelId: row.channel_id,
      createdAt: row.created_at.toISOString(),
    })),
  };
}

export interface OrderSearch {
  limit: number;
  cursor?: string | undefined;
  number?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  qr?: string | undefined;
  pickupCode?: string | undefined;
  channelId?: string | undefined;
  status?: OrderView['status'] | undefined;
  customerId?: string | undefined;
}

/**
 * Find any order by number, scanned QR, pickup code, email or phone; newest first. A channel key sees only its channel; store
 * staff the orders their store fulfils or hands over, or a customer's whole history (`wholeHistory`: the counter
 * serves the customer, whatever channel they bought through). `phoneRegion`: the country of a phone written without +.
 */
export async function searchOrders(db: Executor, principal: Principal, search: OrderSearch, options: { phoneRegion: string; wholeHistory?: boolean }) {
  const before = decodeCursor(search.cursor);
  const number = search.qr !== undefined ? (parseOrderQrPayload(search.qr) ?? '\u0001no-order') : search.number;
  const channelId = principal.role === 'channel' ? principal.channelId! : search.channelId;
  const rows = await db
    .selectFrom('orders')
    .select('id')
    .$if(number !== undefined, (q) => q.where('number', '=', number!))
    .$if(search.email !== undefined, (q) => q.where('email', '=', search.email!.toLowerCase()))
    .$if(search.phone !== undefined, (q) => q.where('phone', '=', normalisePhone(search.phone!, options.phoneRegion) ?? search.phone!))
    .$if(channelId !== undefined, (q) => q.where('channel_id', '=', channelId!))
    .$if(search.status !== undefined, (q) => q.where('status', '=', search.status!))
    .$if(search.customerId !== undefined, (q) => q.where('customer_id', '=', search.customerId!))
    // A pickup code finds the group waiting at the counter; store staff, only at their own store.
    .$if(search.pickupCode !== undefined, (q) =>
      q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('delivery_groups')
            .select('id')
            .whereRef('delivery_groups.order_id', '=', 'orders.id')
            .where('pickup_code', '=', search.pickupCode!)
            .where('delivery_groups.status', '=', 'ready_for_pickup')
            .$if(principal.role === 'store', (inner) => inner.where('pickup_location_id', '=', principal.locationId!)),
        ),
      ),
    )
    .$if(principal.role === 'store' && !options.wholeHistory, (q) =>
      q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('delivery_groups')
            .select('id')
            .whereRef('delivery_groups.order_id', '=', 'orders.id')
            .where((inner) => inner.or([inner('fulfilment_location_id', '=', principal.locationId!), inner('pickup_location_id', '=', principal.locationId!)])),
        ),
      ),
    )
    .$if(before !== undefined, (q) => q.where('id', '<', before!))
    .orderBy('id', 'desc')
    .limit(search.limit + 1)
    .execute();
  const page = toPage(
    rows,
    search.limit,
    (row) => row.id,
    (row) => row.id,
  );
  return { items: await loadOrders(db, page.items), nextCursor: page.nextCursor };
}

/**
 * One customer's orders from every channel (store staff serve the customer whatever channel they bought through); a
 * channel key, only the orders through it, and only of a customer it may see (404 otherwise, as for the profile).
 */
export async function customerOrders(db: Executor, principal: Principal, customerId: string, search: Omit<OrderSearch, 'customerId'>, phoneRegion: string) {
  await assertMaySeeCustomer(db, principal, customerId);
  return searchOrders(db, principal, { ...search, customerId }, { phoneRegion, wholeHistory: true });
}

/** A channel's orders placed since `since`, newest first, at most `limit`: the orders a routing replay routes again (routing/replay.ts). */
export async function channelOrdersSince(db: Executor, channelId: string, since: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('orders')
    .select('id')
    .where('channel_id', '=', channelId)
    .where('created_at', '>=', since)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** The orders' priorities (0 normal … 9 most urgent), which their view leaves out: routing filters on them when it routes them again. */
export async function orderPriorities(db: Executor, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('orders').select(['id', 'priority']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.priority]));
}
