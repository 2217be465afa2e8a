// Over 300 lines: one job, an order's rows built in memory (order, groups with their transfers and purchase requests, lines,
// timeline, decisions) and their inserts; the decision rows (`decisionRow`) would go to a file of their own next.
import type { RawBuilder, Selectable } from 'kysely';
import type { DeliveryGroupsTable, OrderLinesTable, OrdersTable } from '../tables.ts';
import { insertRows } from '../../../platform/db/statements.ts';
import { newId } from '../../../platform/ids.ts';
import { eventsInsert } from '../../../platform/outbox.ts';
import { paired } from '../../../platform/batches.ts';
import { decisionsInsert, loadIncrements, storedTrace, type DecisionRow } from '../../routing/decisions.ts';
import type { MadeDecision } from './route.ts';
import type { ReserveRequest } from '../../inventory/reservations.ts';
import { draftTransfer, draftTransfersWrites } from '../../inventory/transfers.ts';
import { purchaseRequest, purchaseRequestsWrites } from '../../dropship/requests.ts';
import { newPayments, paymentsInsert, toPayment } from '../../payments/service.ts';
import { nextDeliveryStatus, type DeliveryStatus } from '../lifecycle.ts';
import { orderView } from '../read.ts';
import type { PreparedGroup, PreparedOrder } from './types.ts';

/**
 * The rows an order writes, built in memory (no database): the same rows whichever way the batch is written (one
 * statement or the transaction), and the placed order's answer is read from them.
 */

/** `reserveQuantity`: an offline sale's line the stock covers only in part reserves (and deducts) only that part. */
export type OrderLine = PreparedGroup['lines'][number] & { reservationId: string | null; reserveQuantity?: number };

/** A prepared order on its way to the database, with the ids it gets before it is written. */
export interface OrderToWrite {
  prepared: PreparedOrder;
  id: string;
  /** Its groups, each with its id, and its lines with the id each one's stock reservation will have. */
  groups: { group: PreparedGroup; id: string; lines: OrderLine[] }[];
  /** An offline sale: the units its store's stock no longer had (recorded as stock shortfalls). */
  shortfalls?: { sku: string; quantity: number }[];
}

export const toWrite = (prepared: PreparedOrder): OrderToWrite => ({
  prepared,
  id: newId(),
  groups: prepared.groups.map((group) => ({
    group,
    id: newId(),
    lines: group.lines.map((line) => ({ ...line, reservationId: reserves(group) ? newId() : null })),
  })),
});

/** A group waiting (backordered, parked) reserves nothing yet. */
const reserves = (group: PreparedGroup) => group.status === 'reserved' && group.fulfilmentLocationId !== null;

/** The stock an order reserves: each line at its group's fulfilment location. */
export const reserveRequest = ({ prepared, id, groups }: OrderToWrite): ReserveRequest => ({
  kind: 'order',
  actor: prepared.request.principal.actor,
  channelId: prepared.channel.id,
  referenceType: 'order',
  referenceId: id,
  // An offline sale has happened already: the units on the shelf are the customer's, the safety stock with them.
  fromSafetyStock: prepared.request.input.soldOfflineAt !== undefined,
  lines: groups.flatMap(({ group, lines }) =>
    lines.flatMap((line) =>
      line.reservationId === null || group.fulfilmentLocationId === null
        ? []
        : [{ id: line.reservationId, variantId: line.variantId, locationId: group.fulfilmentLocationId, quantity: line.reserveQuantity ?? line.quantity }],
    ),
  ),
});

const ORDER_COLUMNS = {
  id: 'uuid',
  number: 'text',
  channel_id: 'uuid',
  customer_id: 'uuid',
  status: 'text',
  currency: 'text',
  subtotal: 'bigint',
  discount_total: 'bigint',
  shipping_total: 'bigint',
  packing_total: 'bigint',
  tax_total: 'bigint',
  total: 'bigint',
  promotion_code: 'text',
  email: 'text',
  phone: 'text',
  placed_by: 'text',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};
const GROUP_COLUMNS = {
  id: 'uuid',
  order_id: 'uuid',
  position: 'int',
  method: 'text',
  status: 'text',
  fulfilment_location_id: 'uuid',
  pickup_location_id: 'uuid',
  address: 'jsonb',
  recipient: 'text',
  shipping_fee: 'bigint',
  packing_fee: 'bigint',
  promised_at: 'timestamptz',
  transfer_id: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};
const LINE_COLUMNS = {
  id: 'uuid',
  order_id: 'uuid',
  delivery_group_id: 'uuid',
  position: 'int',
  variant_id: 'uuid',
  sku: 'text',
  title: 'text',
  quantity: 'int',
  unit_list_price: 'bigint',
  unit_price: 'bigint',
  discount_total: 'bigint',
  minimum_price_applied: 'boolean',
  manual_discount: 'bigint',
  discount_reason: 'text',
  tax_rate_basis_points: 'int',
  tax_amount: 'bigint',
  line_total: 'bigint',
  reservation_id: 'uuid',
};

export type OrderRows = ReturnType<typeof orderRows>;

/** The inserts of the orders' rows: orders, transfers, groups, lines, purchase requests, timeline, payments and outbox events. */
export function orderWrites(rows: OrderRows[]): (RawBuilder<unknown> | null)[] {
  return [
    insertRows(
      'orders',
      ORDER_COLUMNS,
      rows.map((row) => row.order),
    ),
    ...draftTransfersWrites(rows.flatMap((row) => row.transfers)),
    insertRows(
      'delivery_groups',
      GROUP_COLUMNS,
      rows.flatMap((row) => row.groups),
    ),
    insertRows(
      'order_lines',
      LINE_COLUMNS,
      rows.flatMap((row) => row.lines),
    ),
    ...purchaseRequestsWrites(rows.flatMap((row) => row.purchaseRequests)),
    insertRows(
      'order_events',
      { order_id: 'uuid', type: 'text', detail: 'jsonb', actor: 'text', channel_id: 'uuid', created_at: 'timestamptz' },
      rows.flatMap((row) => row.timeline),
    ),
    ...paymentsInsert(rows.flatMap((row) => row.payments)),
    eventsInsert([...rows.map((row) => row.event), ...rows.flatMap((row) => row.purchaseRequests.map((request) => request.event))]),
    decisionsInsert(rows.flatMap((row) => row.decisions)),
    loadIncrements(
      rows.flatMap((row) => row.load),
      rows[0]?.order.created_at ?? new Date(),
    ),
  ];
}

/** The order as the rows just written say (a placed order's answer). */
export const placedView = (row: OrderRows) =>
  orderView(
    row.order,
    row.groups,
    row.lines,
    row.payments.map(({ row: payment }) => toPayment(payment)),
  );

/** Every row one order writes, as it will read back, once its customer is known. */
export function orderRows(order: OrderToWrite, customerId: string, now: Date) {
  const { prepared, id } = order;
  const { channel, priced, request, number } = prepared;
  const { actor } = request.principal;
  const groups = order.groups.map(({ group, id: groupId, lines }) => {
    // Ship to store: a transfer from the location holding the goods to the pickup store, ready for the sender to ship.
    const transfer =
      group.method === 'ship_to_store' && group.pickupLocationId !== null && group.fulfilmentLocationId !== null && group.status === 'reserved'
        ? draftTransfer({
            number: `TR-${number}-${group.index + 1}`,
            fromLocationId: group.fulfilmentLocationId,
            toLocationId: group.pickupLocationId,
            expectedAt: group.promisedAt,
            note: `Ship to store: order ${number}`,
            createdBy: actor,
            createdAt: now,
            lines: group.lines,
          })
        : null;
    const row: Selectable<DeliveryGroupsTable> = {
      id: groupId,
      order_id: id,
      position: group.index,
      method: group.method,
      // A shelf sale is handed over on the spot; ship to store waits for its transfer; a backorder for its stock.
      status: (prepared.shelfSale
        ? nextDeliveryStatus('reserved', 'hand_over_at_register')
        : group.status !== 'reserved'
          ? group.status
          : group.method === 'ship_to_store'
            ? 'awaiting_transfer'
            : 'reserved') satisfies DeliveryStatus,
      fulfilment_location_id: group.fulfilmentLocationId,
      pickup_location_id: group.pickupLocationId,
      address: group.address ?? null,
      recipient: group.recipient,
      shipping_fee: group.shippingFee,
      packing_fee: group.packingFee,
      promised_at: group.promisedAt,
      carrier: null,
      tracking_number: null,
      tracking_url: null,
      transfer_id: transfer?.row.id ?? null,
      merged_shipment_id: null,
      // Click & Collect: set when the group becomes ready at the counter (orders/pickup/).
      pickup_code: null,
      pickup_by: null,
      reminded_at: null,
      collected_by: null,
      ready_at: null,
      queue: group.queue,
      routing_attempts: 0,
      created_at: now,
      updated_at: now,
    };
    const lineRows = lines.map(
      (line): Selectable<OrderLinesTable> => ({
        id: newId(),
        order_id: id,
        delivery_group_id: groupId,
        position: line.index,
        variant_id: line.variantId,
        sku: line.sku,
        title: line.title,
        quantity: line.quantity,
        cancelled_quantity: 0,
        unit_list_price: line.price.unitListPrice,
        unit_price: line.price.unitPrice,
        discount_total: line.price.discountTotal,
        minimum_price_applied: line.price.minimumPriceApplied,
        manual_discount: line.price.manualDiscount?.amount ?? 0,
        discount_reason: line.price.manualDiscount?.reason ?? null,
        tax_rate_basis_points: line.price.taxRateBasisPoints,
        tax_amount: line.price.taxAmount,
        line_total: line.price.lineTotal,
        reservation_id: line.reservationId,
      }),
    );
    // Drop ship: the vendor is asked to send the goods to the customer (the vendor's stock is reserved as any location's).
    const purchase =
      group.method === 'ship_to_address' && row.status === 'reserved' && group.address && prepared.vendors.has(group.fulfilmentLocationId ?? '')
        ? purchaseRequest({
            orderNumber: number,
            groupPosition: group.index,
            orderId: id,
            deliveryGroupId: groupId,
            vendorLocationId: group.fulfilmentLocationId!,
            channelId: channel.id,
            customerId,
            shipTo: group.address,
            recipient: group.recipient,
            createdBy: actor,
            createdAt: now,
            lines: lineRows.map((line) => ({ variantId: line.variant_id, sku: line.sku, title: line.title, quantity: line.quantity })),
          })
        : null;
    return { row, transfer, purchase, lines: lineRows };
  });
  const lines = groups.flatMap((group) => group.lines).sort((a, b) => a.position - b.position);
  const decisions = order.groups.flatMap(({ group }) => (group.decision ? [decisionRow(order, group.requestIndex, group.decision, groups, now)] : []));
  // Capacity counts the groups a location has to send; a shelf sale has left already.
  const load = prepared.shelfSale
    ? []
    : order.groups.flatMap(({ group }) => (group.status === 'reserved' && group.fulfilmentLocationId !== null ? [group.fulfilmentLocationId] : []));
  const transfers = groups.flatMap((group) => (group.transfer ? [group.transfer] : []));
  const purchaseRequests = groups.flatMap((group) => (group.purchase ? [group.purchase] : []));
  const { input } = request;
  const email = ('email' in input.customer && input.customer.email?.toLowerCase()) || prepared.contact.email || null;
  const phone = ('phone' in input.customer && input.customer.phone) || prepared.contact.phone || null;
  const event = (type: string, detail: Record<string, unknown>) => ({ order_id: id, type, detail, actor, channel_id: channel.id, created_at: now });
  return {
    order: {
      id,
      number,
      channel_id: channel.id,
      customer_id: customerId,
      status: prepared.shelfSale ? 'completed' : 'placed',
      currency: priced.currency,
      subtotal: priced.totals.subtotal,
      discount_total: priced.totals.discounts,
      shipping_total: priced.totals.shipping,
      packing_total: priced.totals.packing,
      tax_total: priced.totals.tax,
      total: priced.totals.total,
      promotion_code: priced.promotion?.code ?? null,
      email,
      phone,
      placed_by: actor,
      priority: input.priority ?? 0,
      created_at: now,
      updated_at: now,
    } satisfies Selectable<OrdersTable>,
    groups: groups.map((group) => group.row),
    lines,
    transfers,
    purchaseRequests,
    decisions,
    load,
    payments: newPayments(id, prepared.tenders, actor, now, input.registerId ?? null),
    timeline: [
      event('order.placed', { number, total: priced.totals.total, currency: priced.currency, lines: lines.length }),
      ...(input.note ? [event('note.added', { text: input.note })] : []),
      ...purchaseRequests.map((request) =>
        event('purchase_request.created', { groupId: request.row.delivery_group_id, requestId: request.row.id, number: request.row.number }),
      ),
      ...(input.soldOfflineAt !== undefined
        ? [event('order.sold_offline', { soldAt: new Date(input.soldOfflineAt).toISOString(), shortfalls: order.shortfalls ?? [] })]
        : []),
      ...(prepared.shelfSale ? [event('order.completed', { at: 'register' })] : []),
    ],
    event: {
      type: 'order.placed' as const,
      subject: `order:${id}`,
      payload: { orderId: id, number, channelId: channel.id, total: priced.totals.total, currency: priced.currency },
    },
  };
}

/** The decision of a request's group as stored: its shipments (the groups and lines it made) and the trace. */
function decisionRow(
  order: OrderToWrite,
  requestIndex: number,
  { ruleSet, decision }: MadeDecision,
  written: { row: Selectable<DeliveryGroupsTable>; lines: Selectable<OrderLinesTable>[] }[],
  now: Date,
): DecisionRow {
  const made = paired(order.groups, written).filter(([{ group }]) => group.requestIndex === requestIndex);
  const shipments = made.map(([, { row, lines }]) => ({
    deliveryGroupId: row.id,
    locationId: row.fulfilment_location_id,
    status: row.status,
    lines: lines.map((line) => ({ lineId: line.id, sku: line.sku, quantity: line.quantity })),
  }));
  const { outcome } = decision;
  return {
    order_id: order.id,
    trigger: 'order_placed',
    rule_set_id: ruleSet?.id ?? null,
    rule_set_version: ruleSet?.version ?? null,
    outcome: outcome.kind === 'routed' && outcome.shipments.length > 1 ? 'split' : outcome.kind,
    explanation: {
      deliveryGroup: requestIndex,
      rule: decision.rule,
      outcome: outcome.kind === 'routed' ? { kind: 'routed' } : outcome,
      shipments,
      trace: storedTrace(decision),
    },
    actor: order.prepared.request.principal.actor,
    created_at: now,
  };
}
