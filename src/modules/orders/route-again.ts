import { sql, type Selectable } from 'kysely';
import type { Trx } from '../../platform/db/database.ts';
import { writeTogether } from '../../platform/db/statements.ts';
import { newId } from '../../platform/ids.ts';
import { publish, type OutboxEvent } from '../../platform/outbox.ts';
import { reserveStock } from '../inventory/reservations.ts';
import { draftTransfer, draftTransfersWrites } from '../inventory/transfers.ts';
import { hasPurchaseRequest } from '../dropship/service.ts';
import { purchaseRequest, purchaseRequestsWrites } from '../dropship/requests.ts';
import { loadIncrements } from '../routing/decisions.ts';
import type { GroupDecision } from '../routing/engine.ts';
import type { ActiveRuleSet } from '../routing/setup.ts';
import { nextDeliveryStatus, type DeliveryStatus } from './lifecycle.ts';
import { promisedDate } from './place/groups.ts';
import { recordOrderEvent } from './read.ts';
import { linesOfShipments, openUnits, type LineRow, type ShipmentOfLines } from './regroup.ts';
import { destinationStore } from './route-again-facts.ts';
import { linesDetail, writeDecision, writeGroup, writeLines } from './route-again-writes.ts';
import type { DeliveryGroupsTable, OrdersTable } from './tables.ts';

/**
 * Lines of an order placed again where routing sends them, after the order was placed: lines a location rejected
 * (reroute), and groups that waited (backorders, parked groups: batch). The lines move to the groups that match the
 * decision: the group itself when all its lines go one way, else new groups of the order (numbered after its last);
 * reserved at their location (a pickup's goods found elsewhere travel to its store on a draft transfer, as ship to
 * store), waiting for incoming stock with a promised date, or parked in a queue for a person. Every group made is in
 * the timeline and the decision with its explanation in `routing_decisions`, in the caller's transaction.
 */

type Group = Selectable<DeliveryGroupsTable>;

/** Where the lines go: cut into shipments reserved at their locations, waiting for incoming stock, or for a person. */
export type Placement =
  | { kind: 'routed'; shipments: ShipmentOfLines[] }
  | { kind: 'backordered'; locationId: string | null; availableAt: Date }
  | { kind: 'parked'; queue: string; tell: 'order.parked' | 'order.pickup_unavailable' };

export interface Regrouping {
  order: Selectable<OrdersTable>;
  /** The group the lines are in now, locked. */
  group: Group;
  /** The lines to place, each with its open units (a part rejected is already a line of its own). */
  lines: LineRow[];
  /** All the group's open lines: the group itself moves, rather than its lines to new groups. */
  wholeGroup: boolean;
  /** Locations that rejected these lines so far (a new group starts with this count). */
  attempts: number;
  trigger: 'reroute' | 'batch';
  /** The channel's drop-ship vendors: a shipment one sends to an address gets a purchase request, as at order time. */
  vendors: ReadonlySet<string>;
  actor: string;
  channelId: string | null;
  now: Date;
}

/** Why the lines go there: the engine's decision with the rule set it ran, or why no rule was asked. */
export type Why = { ruleSet: ActiveRuleSet | null; decision: GroupDecision; excluded: string[] } | { reason: string; excluded: string[] };

export interface MadeGroup {
  id: string;
  status: DeliveryStatus;
  locationId: string | null;
  lines: LineRow[];
}

const WAITING: DeliveryStatus[] = ['backordered', 'parked'];

export async function placeLines(trx: Trx, regrouping: Regrouping, placement: Placement, why: Why): Promise<MadeGroup[]> {
  const { order } = regrouping;
  const {
    rows: [last],
  } = await sql<{ last_group: number | null; last_line: number | null }>`
    select (select max(position) from delivery_groups where order_id = ${order.id}) as last_group,
      (select max(position) from order_lines where order_id = ${order.id}) as last_line`.execute(trx);
  const positions = { group: Number(last?.last_group ?? 0) + 1, line: Number(last?.last_line ?? 0) + 1 };
  const made =
    placement.kind === 'routed'
      ? await placeRouted(trx, regrouping, placement.shipments, positions)
      : [await placeWaiting(trx, regrouping, placement, positions.group)].flatMap((entry) => (entry ? [entry] : []));
  // A group that waits as it waited (same place, same date, same queue): nothing to tell, nothing to explain again.
  if (!made.length) return made;
  await writeDecision(trx, regrouping, placement, why, made);
  if (placement.kind === 'routed')
    await loadIncrements(
      made.flatMap((entry) => (entry.locationId ? [entry.locationId] : [])),
      regrouping.now,
    )?.execute(trx);
  return made;
}

/** The groups of a routed decision: each shipment reserved at its location, or on its way to the pickup store. */
async function placeRouted(trx: Trx, r: Regrouping, shipments: ShipmentOfLines[], next: { group: number; line: number }): Promise<MadeGroup[]> {
  const { order, group, now } = r;
  const cut = linesOfShipments(r.lines, shipments, next.line, newId);
  const store = destinationStore(group);
  const made: MadeGroup[] = [];
  const events: OutboxEvent[] = [];
  let position = next.group;
  // The group itself goes with the first shipment, unless a vendor sends that one and the group had a purchase request
  // already (a group has one at most): then with the first another location sends; with none, new groups replace it.
  const byVendor = (shipment: { locationId: string }) => r.vendors.has(shipment.locationId) && group.method === 'ship_to_address';
  let reused = -1;
  if (r.wholeGroup) reused = cut.shipments.some(byVendor) && (await hasPurchaseRequest(trx, group.id)) ? cut.shipments.findIndex((one) => !byVendor(one)) : 0;
  for (const [index, shipment] of cut.shipments.entries()) {
    const reuse = index === reused;
    const id = reuse ? group.id : newId();
    const groupPosition = reuse ? group.position : position++;
    const travels = store !== null && shipment.locationId !== store;
    const method = travels ? 'ship_to_store' : group.method;
    const routed = reuse ? nextDeliveryStatus(group.status, WAITING.includes(group.status) ? 'allocate' : 'reroute') : 'reserved';
    const status = travels ? nextDeliveryStatus(routed, 'send_to_store') : routed;
    const promisedAt = promisedDate(method, now);
    const lines = shipment.lines.map((line) => ({ ...line, delivery_group_id: id, reservation_id: newId() }));
    const transfer = travels
      ? draftTransfer({
          number: `TR-${order.number}-${groupPosition + 1}`,
          fromLocationId: shipment.locationId,
          toLocationId: store,
          expectedAt: promisedAt,
          note: `Ship to store: order ${order.number}`,
          createdBy: r.actor,
          createdAt: now,
          lines: lines.map((line) => ({ variantId: line.variant_id, quantity: openUnits(line) })),
        })
      : null;
    if (transfer) await writeTogether(trx, draftTransfersWrites([transfer]));
    const fields = {
      method,
      status,
      fulfilment_location_id: shipment.locationId,
      pickup_location_id: group.pickup_location_id ?? (group.method === 'pickup_in_store' ? shipment.locationId : null),
      promised_at: promisedAt,
      transfer_id: transfer?.row.id ?? null,
      queue: null,
      merged_shipment_id: null,
      updated_at: now,
    };
    await writeGroup(trx, r, reuse, { id, position: groupPosition, ...fields });
    await writeLines(trx, lines, cut.created);
    const purchase =
      byVendor(shipment) && group.address
        ? purchaseRequest({
            orderNumber: order.number,
            groupPosition,
            orderId: order.id,
            deliveryGroupId: id,
            vendorLocationId: shipment.locationId,
            channelId: order.channel_id,
            customerId: order.customer_id,
            shipTo: group.address,
            recipient: group.recipient,
            createdBy: r.actor,
            createdAt: now,
            lines: lines.map((line) => ({ variantId: line.variant_id, sku: line.sku, title: line.title, quantity: openUnits(line) })),
          })
        : null;
    if (purchase) {
      await writeTogether(trx, purchaseRequestsWrites([purchase]));
      events.push(purchase.event);
      await recordOrderEvent(
        trx,
        order.id,
        'purchase_request.created',
        { groupId: id, requestId: purchase.row.id, number: purchase.row.number },
        r.actor,
        r.channelId,
      );
    }
    await reserveStock(trx, {
      kind: 'order',
      actor: r.actor,
      channelId: order.channel_id,
      referenceType: 'order',
      referenceId: order.id,
      lines: lines.map((line) => ({ id: line.reservation_id, variantId: line.variant_id, locationId: shipment.locationId, quantity: openUnits(line) })),
    });
    const detail = {
      groupId: id,
      fromGroupId: group.id,
      locationId: shipment.locationId,
      lines: linesDetail(lines),
      ...(transfer ? { transferId: transfer.row.id } : {}),
    };
    await recordOrderEvent(trx, order.id, r.trigger === 'reroute' ? 'lines.rerouted' : 'group.allocated', detail, r.actor, r.channelId);
    // A group that waited has its stock now: the customer's channel is told (a reroute changes nothing for them).
    if (WAITING.includes(group.status))
      events.push({ type: 'order.allocated', subject: `order:${order.id}`, payload: { orderId: order.id, groupId: id, number: order.number } });
    made.push({ id, status, locationId: shipment.locationId, lines });
  }
  if (r.wholeGroup && reused === -1) await giveWay(trx, r, made[0]!.id);
  await publish(trx, events);
  return made;
}

/** The group, emptied, gives way to the new groups that took its lines: its fees go with the first, and it is closed. */
async function giveWay(trx: Trx, r: Regrouping, to: string) {
  const { group, now } = r;
  await trx
    .updateTable('delivery_groups')
    .set({ shipping_fee: group.shipping_fee, packing_fee: group.packing_fee, updated_at: now })
    .where('id', '=', to)
    .execute();
  await trx
    .updateTable('delivery_groups')
    .set({ status: nextDeliveryStatus(group.status, 'cancel'), shipping_fee: 0, packing_fee: 0, merged_shipment_id: null, updated_at: now })
    .where('id', '=', group.id)
    .execute();
  await recordOrderEvent(trx, r.order.id, 'group.replaced', { groupId: group.id, by: to }, r.actor, r.channelId);
}

/** The group of lines that wait: for incoming stock (backordered, with a promised date) or for a person (parked). */
async function placeWaiting(trx: Trx, r: Regrouping, placement: Exclude<Placement, { kind: 'routed' }>, position: number): Promise<MadeGroup | null> {
  const { order, group, now } = r;
  const reuse = r.wholeGroup;
  const id = reuse ? group.id : newId();
  const action = placement.kind === 'backordered' ? 'backorder' : 'park';
  const stays = reuse && group.status === placement.kind;
  const status = stays ? group.status : reuse ? nextDeliveryStatus(group.status, action) : placement.kind;
  const store = destinationStore(group);
  const locationId = placement.kind === 'backordered' ? placement.locationId : null;
  // Goods awaited elsewhere than at the pickup store will travel there: promised as ship to store.
  const leadMethod = store !== null && locationId !== null && locationId !== store ? 'ship_to_store' : group.method;
  const promisedAt = placement.kind === 'backordered' ? promisedDate(leadMethod, placement.availableAt) : null;
  if (stays) {
    const samePromise = (group.promised_at?.getTime() ?? null) === (promisedAt?.getTime() ?? null);
    if (placement.kind === 'parked' && group.queue === placement.queue) return null;
    if (placement.kind === 'backordered' && samePromise) {
      // Awaited elsewhere, on the same date: the customer has nothing to learn.
      if (group.fulfilment_location_id !== locationId) {
        await trx.updateTable('delivery_groups').set({ fulfilment_location_id: locationId, updated_at: now }).where('id', '=', id).execute();
      }
      return null;
    }
  }
  const lines = r.lines.map((line) => ({ ...line, delivery_group_id: id, reservation_id: null }));
  await writeGroup(trx, r, reuse, {
    id,
    position: reuse ? group.position : position,
    method: group.method,
    status,
    fulfilment_location_id: locationId,
    pickup_location_id: group.pickup_location_id,
    promised_at: promisedAt,
    transfer_id: null,
    queue: placement.kind === 'parked' ? placement.queue : null,
    merged_shipment_id: null,
    updated_at: now,
  });
  await writeLines(trx, lines, new Set());
  const subject = `order:${order.id}`;
  const ofGroup = { orderId: order.id, groupId: id, number: order.number };
  if (placement.kind === 'backordered') {
    await recordOrderEvent(
      trx,
      order.id,
      'group.backordered',
      { groupId: id, fromGroupId: group.id, locationId, promisedAt, ...(stays ? { previouslyPromisedAt: group.promised_at } : {}), lines: linesDetail(lines) },
      r.actor,
      r.channelId,
    );
    await publish(trx, [{ type: 'order.backordered', subject, payload: { ...ofGroup, promisedAt: promisedAt!.toISOString() } }]);
  } else {
    await recordOrderEvent(
      trx,
      order.id,
      'group.parked',
      { groupId: id, fromGroupId: group.id, queue: placement.queue, lines: linesDetail(lines) },
      r.actor,
      r.channelId,
    );
    await publish(trx, [
      placement.tell === 'order.parked'
        ? { type: 'order.parked', subject, payload: { ...ofGroup, queue: placement.queue } }
        : { type: 'order.pickup_unavailable', subject, payload: { ...ofGroup, lineIds: lines.map((line) => line.id) } },
    ]);
  }
  return { id, status, locationId, lines };
}
