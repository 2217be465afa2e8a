import type { Db, Trx } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { Desk } from '../../platform/desk.ts';
import type { Metrics } from '../../platform/metrics.ts';
import { InvalidInput, NotFound, RuleViolation } from '../../platform/errors.ts';
import { publish } from '../../platform/outbox.ts';
import { deductReservation, releaseReservation, reserveStock } from '../inventory/reservations.ts';
import { reduceDraftTransfer } from '../inventory/transfers.ts';
import { groupLinesCancelled, groupShipped, groupsReaddressed } from '../dropship/service.ts';
import { capturePayments, voidOrRefundPayments, type PaymentProviders } from '../payments/service.ts';
import { giveBackPromotionUse } from '../pricing/service.ts';
import { assertPicked } from '../fulfilment/picked.ts';
import { isOpen, nextDeliveryStatus, nextOrderStatus, type DeliveryAction } from './lifecycle.ts';
import { placeOrders, type OrderRequest } from './place/index.ts';
import { assertMaySeeOrder, getOrder, recordOrderEvent } from './read.ts';
import { sellingSetupCache } from './selling-setup.ts';
import type { CreateOrder, OrderView, Shipment } from './schema.ts';

/**
 * The order desk of one server process: orders arriving together are placed together (place.ts), so a busy shop
 * pays a few statements a second, not several per order. One batch at a time: it is read, priced, authorised and
 * written, then the orders that arrived meanwhile form the next. (Until 2026-11-24 the next batch was read while the
 * one before was written: two batches in flight per process competed for the same cores, PostgreSQL spent a tenth
 * more CPU per order, and latencies were the same or worse: BENCHMARKS.md, sixth session.) Two copies of one
 * Idempotency-Key never share a batch.
 */
export function orderDesk(db: Db, providers: PaymentProviders, metrics?: Metrics): { submit(request: OrderRequest): Promise<PlacedOrder> } {
  const keyOf = (request: OrderRequest) => request.idempotency && `${request.idempotency.scope}\n${request.idempotency.key}`;
  const setups = sellingSetupCache(db);
  const desk = new Desk<OrderRequest, PlacedOrder>(
    async (requests) =>
      (await placeOrders(db, requests, providers, new Date(), setups, metrics?.orderBatchWritten)).map((outcome) =>
        'error' in outcome ? outcome : { value: outcome },
      ),
    { maxBatch: 200, keyOf, observe: metrics?.desk('orders') },
  );
  return { submit: (request) => desk.submit(request) };
}

export type PlacedOrder = { order: OrderView; replayed: boolean };

export async function lockOrder(trx: Trx, principal: Principal, orderId: string) {
  const order = await trx.selectFrom('orders').selectAll().where('id', '=', orderId).forUpdate().executeTakeFirst();
  if (!order) throw new NotFound('Order', orderId);
  await assertMaySeeOrder(trx, principal, order);
  return order;
}

/**
 * Cancels the whole order or some lines while their group is not shipped or handed over: the stock is released and
 * the money not yet due is voided or refunded. A cancelled line leaves the order's totals as they were charged; the
 * refund is the line's total share.
 */
export async function cancelOrder(
  trx: Trx,
  principal: Principal,
  orderId: string,
  input: { lines?: { lineId: string; quantity: number }[] | undefined; reason: string },
  providers: PaymentProviders,
) {
  const order = await lockOrder(trx, principal, orderId);
  // Refuses (422 naming the state) an order already cancelled or completed.
  if (order.status === 'cancelled' || order.status === 'completed') nextOrderStatus(order.status, 'cancel');
  const groups = await trx.selectFrom('delivery_groups').selectAll().where('order_id', '=', orderId).execute();
  const lines = await trx.selectFrom('order_lines').selectAll().where('order_id', '=', orderId).orderBy('position').execute();
  const wanted = input.lines ?? lines.map((line) => ({ lineId: line.id, quantity: line.quantity - line.cancelled_quantity }));
  let refund = 0;
  for (const [index, request] of wanted.entries()) {
    const line = lines.find((candidate) => candidate.id === request.lineId);
    if (!line) throw new InvalidInput([{ field: `body.lines.${index}.lineId`, message: 'is not a line of this order' }]);
    const group = groups.find((candidate) => candidate.id === line.delivery_group_id)!;
    if (!isOpen(group.status)) nextDeliveryStatus(group.status, 'cancel');
    const left = line.quantity - line.cancelled_quantity;
    if (request.quantity > left)
      throw new RuleViolation('over-cancel', `Line ${line.sku} has ${left} left to cancel.`, { field: `body.lines.${index}.quantity`, left });
    if (request.quantity === 0) continue;
    if (line.reservation_id) {
      // A reservation covers the whole line; a partial cancel releases it and reserves the rest again.
      // (Where it was made: the fulfilment location, or the pickup store once a transfer has brought the goods.)
      const released = await releaseReservation(trx, line.reservation_id, principal.actor, `order cancelled: ${input.reason}`);
      const remaining = left - request.quantity;
      let reservationId: string | null = null;
      if (remaining > 0) {
        const [again] = await reserveStock(trx, {
          kind: 'order',
          actor: principal.actor,
          channelId: order.channel_id,
          referenceType: 'order',
          referenceId: orderId,
          lines: [{ variantId: line.variant_id, locationId: released.locationId, quantity: remaining }],
        });
        reservationId = again!.id;
      }
      await trx.updateTable('order_lines').set({ reservation_id: reservationId }).where('id', '=', line.id).execute();
    }
    await trx
      .updateTable('order_lines')
      .set({ cancelled_quantity: line.cancelled_quantity + request.quantity })
      .where('id', '=', line.id)
      .execute();
    refund += Math.round((line.line_total * request.quantity) / line.quantity);
    // Ship to store: a transfer not yet sent carries fewer units (none: it is cancelled).
    if (group.transfer_id) await reduceDraftTransfer(trx, group.transfer_id, [{ variantId: line.variant_id, quantity: request.quantity }], principal.actor);
    // Drop ship: the vendor's request asks for fewer (none: it is cancelled).
    await groupLinesCancelled(trx, group.id, [{ variantId: line.variant_id, quantity: request.quantity }]);
  }
  const after = await trx.selectFrom('order_lines').select(['delivery_group_id', 'quantity', 'cancelled_quantity']).where('order_id', '=', orderId).execute();
  for (const group of groups) {
    const groupLines = after.filter((line) => line.delivery_group_id === group.id);
    if (isOpen(group.status) && groupLines.every((line) => line.cancelled_quantity === line.quantity)) {
      await trx.updateTable('delivery_groups').set({ status: 'cancelled', updated_at: new Date() }).where('id', '=', group.id).execute();
      refund += group.shipping_fee + group.packing_fee;
    }
  }
  const everything = after.every((line) => line.cancelled_quantity === line.quantity);
  if (everything) {
    await trx
      .updateTable('orders')
      .set({ status: nextOrderStatus(order.status, 'cancel'), updated_at: new Date() })
      .where('id', '=', orderId)
      .execute();
    if (order.promotion_code) await giveBackPromotionUse(trx, order.promotion_code, orderId);
  } else {
    // The rest of the order has left (shipped, collected): with these lines gone, it is complete.
    const statuses = await trx.selectFrom('delivery_groups').select('status').where('order_id', '=', orderId).execute();
    if (statuses.every((row) => !isOpen(row.status)))
      await trx
        .updateTable('orders')
        .set({ status: nextOrderStatus(order.status, 'complete'), updated_at: new Date() })
        .where('id', '=', orderId)
        .execute();
  }
  await voidOrRefundPayments(trx, orderId, everything ? 'all' : refund, principal.actor, { providers });
  await recordOrderEvent(
    trx,
    orderId,
    everything ? 'order.cancelled' : 'lines.cancelled',
    { reason: input.reason, lines: wanted, refund: everything ? 'all' : refund },
    principal.actor,
    principal.channelId,
  );
  await publish(trx, [
    { type: everything ? 'order.cancelled' : 'order.lines_cancelled', subject: `order:${orderId}`, payload: { orderId, number: order.number } },
  ]);
  return getOrder(trx, orderId);
}

/** A new delivery address for the groups not yet shipped. */
export async function changeDeliveryAddress(
  trx: Trx,
  principal: Principal,
  orderId: string,
  input: { address: NonNullable<CreateOrder['deliveryGroups'][number]['address']>; recipient?: string | undefined },
) {
  await lockOrder(trx, principal, orderId);
  const groups = await trx.selectFrom('delivery_groups').selectAll().where('order_id', '=', orderId).where('method', '=', 'ship_to_address').execute();
  if (!groups.length) throw new RuleViolation('no-shipment', 'This order ships nothing to an address.');
  for (const group of groups) nextDeliveryStatus(group.status, 'change_address');
  // A group merged with others into one shipment leaves the merge: it no longer goes where they go.
  await trx
    .updateTable('delivery_groups')
    .set({
      address: JSON.stringify(input.address),
      ...(input.recipient !== undefined ? { recipient: input.recipient } : {}),
      merged_shipment_id: null,
      updated_at: new Date(),
    })
    .where(
      'id',
      'in',
      groups.map((group) => group.id),
    )
    .execute();
  await groupsReaddressed(
    trx,
    groups.map((group) => group.id),
    input.address,
    input.recipient,
  );
  const unmerged = groups.flatMap((group) => (group.merged_shipment_id ? [{ groupId: group.id, mergedShipmentId: group.merged_shipment_id }] : []));
  await recordOrderEvent(
    trx,
    orderId,
    'address.changed',
    { address: input.address, ...(unmerged.length ? { unmerged } : {}) },
    principal.actor,
    principal.channelId,
  );
  return getOrder(trx, orderId);
}

export async function addNote(trx: Trx, principal: Principal, orderId: string, text: string) {
  await lockOrder(trx, principal, orderId);
  await recordOrderEvent(trx, orderId, 'note.added', { text }, principal.actor, principal.channelId);
  return getOrder(trx, orderId);
}

/** The steps between reservation and departure, each one a call from the people doing it. */
const GROUP_STEPS = {
  'start-picking': { action: 'start_picking', event: 'group.picking', at: 'fulfilment' },
  pack: { action: 'pack', event: 'group.packed', at: 'fulfilment' },
  delivered: { action: 'deliver', event: 'group.delivered', at: 'fulfilment' },
} as const satisfies Record<string, { action: DeliveryAction; event: string; at: 'fulfilment' }>;

/**
 * Moves a group one step (picking, packed, delivered by the carrier): store staff only at the store doing the step.
 * `order.delivered` goes out as an event for the customer's messages. (Ready for pickup: pickup/ready.ts.)
 */
export async function advanceGroup(trx: Trx, principal: Principal, orderId: string, groupId: string, step: keyof typeof GROUP_STEPS) {
  const { action, event } = GROUP_STEPS[step];
  const order = await lockOrder(trx, principal, orderId);
  const group = await trx.selectFrom('delivery_groups').selectAll().where('id', '=', groupId).where('order_id', '=', orderId).executeTakeFirst();
  if (!group) throw new NotFound('Delivery group', groupId);
  if (principal.role === 'store' && group.fulfilment_location_id !== principal.locationId) {
    throw new RuleViolation('not-your-store', 'Only the store doing this step may record it.');
  }
  if ((action === 'pack' || action === 'deliver') && group.method !== 'ship_to_address')
    throw new RuleViolation('not-a-shipment', 'This group is collected in store, not shipped.', { state: group.status });
  const status = nextDeliveryStatus(group.status, action);
  // A store that asks for every unit scanned packs only what was (fulfilment/picked.ts).
  if (action === 'pack') await assertPicked(trx, groupId);
  await trx.updateTable('delivery_groups').set({ status, updated_at: new Date() }).where('id', '=', groupId).execute();
  if (order.status === 'placed')
    await trx
      .updateTable('orders')
      .set({ status: nextOrderStatus(order.status, 'start'), updated_at: new Date() })
      .where('id', '=', orderId)
      .execute();
  await recordOrderEvent(trx, orderId, event, { groupId }, principal.actor, principal.channelId);
  if (action === 'deliver') {
    await publish(trx, [{ type: 'order.delivered', subject: `order:${orderId}`, payload: { orderId, groupId, number: order.number } }]);
  }
  return getOrder(trx, orderId);
}

/**
 * The goods of a group leave for the customer's address: the reservations are deducted and the payments captured
 * ("captured when goods leave"); the order completes with its last group. (A pickup is handed over at the counter:
 * pickup/hand-over.ts.) Named for the goods going out, not `release…`: releasing a reservation gives units back to stock.
 */
export async function dispatchGroup(
  trx: Trx,
  principal: Principal,
  orderId: string,
  groupId: string,
  action: Extract<DeliveryAction, 'ship'>,
  providers: PaymentProviders,
  shipment?: Shipment,
) {
  const order = await lockOrder(trx, principal, orderId);
  const group = await trx.selectFrom('delivery_groups').selectAll().where('id', '=', groupId).where('order_id', '=', orderId).executeTakeFirst();
  if (!group) throw new NotFound('Delivery group', groupId);
  if (principal.role === 'store' && group.fulfilment_location_id !== principal.locationId)
    throw new RuleViolation('not-your-store', 'Only the store that holds the goods ships them.');
  if (group.method !== 'ship_to_address') throw new RuleViolation('not-a-shipment', 'This group is collected in store, not shipped.', { state: group.status });
  const status = nextDeliveryStatus(group.status, action);
  const lines = await trx.selectFrom('order_lines').selectAll().where('delivery_group_id', '=', groupId).execute();
  let due = group.shipping_fee + group.packing_fee;
  for (const line of lines) {
    if (line.reservation_id) await deductReservation(trx, line.reservation_id, principal.actor, 'shipped');
    due += Math.round((line.line_total * (line.quantity - line.cancelled_quantity)) / line.quantity);
  }
  await trx
    .updateTable('delivery_groups')
    .set({
      status,
      updated_at: new Date(),
      ...(shipment ? { carrier: shipment.carrier, tracking_number: shipment.trackingNumber, tracking_url: shipment.trackingUrl ?? null } : {}),
    })
    .where('id', '=', groupId)
    .execute();
  // Drop ship: the vendor's request is shipped with its group.
  await groupShipped(trx, groupId, shipment);
  const open = await trx.selectFrom('delivery_groups').select('status').where('order_id', '=', orderId).execute();
  const finished = open.every((row) => !isOpen(row.status));
  await capturePayments(trx, orderId, finished ? 'all' : due, principal.actor, { at: 'shipment', providers });
  const orderStatus = finished ? nextOrderStatus(order.status, 'complete') : order.status === 'placed' ? nextOrderStatus(order.status, 'start') : order.status;
  await trx.updateTable('orders').set({ status: orderStatus, updated_at: new Date() }).where('id', '=', orderId).execute();
  await recordOrderEvent(trx, orderId, 'group.shipped', { groupId, ...(shipment ?? {}) }, principal.actor, principal.channelId);
  await publish(trx, [{ type: 'order.shipped', subject: `order:${orderId}`, payload: { orderId, groupId, number: order.number } }]);
  return getOrder(trx, orderId);
}
