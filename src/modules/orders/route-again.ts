import { sql, type Insertable, type Selectable } from 'kysely';
import type { Trx } from '../../platform/db/database.ts';
import { writeTogether } from '../../platform/db/statements.ts';
import { newId } from '../../platform/ids.ts';
import { publish, type OutboxEvent } from '../../platform/outbox.ts';
import { reserveStock } from '../inventory/reservations.ts';
import { draftTransfer, draftTransfersWrites } from '../inventory/transfers.ts';
import { decisionsInsert, loadIncrements, storedTrace } from '../routing/decisions.ts';
import type { GroupDecision } from '../routing/engine.ts';
import type { ActiveRuleSet } from '../routing/setup.ts';
import { nextDeliveryStatus, type DeliveryStatus } from './lifecycle.ts';
import { promisedDate } from './place/groups.ts';
import { recordOrderEvent } from './read.ts';
import { linesOfShipments, openUnits, type LineRow, type ShipmentOfLines } from './regroup.ts';
import { destinationStore } from './route-again-facts.ts';
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
  for (const [index, shipment] of cut.shipments.entries()) {
    const reuse = r.wholeGroup && index === 0;
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
      updated_at: now,
    };
    await writeGroup(trx, r, reuse, { id, position: groupPosition, ...fields });
    await writeLines(trx, lines, cut.created);
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
  await publish(trx, events);
  return made;
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

type GroupFields = Pick<
  Group,
  'id' | 'position' | 'method' | 'status' | 'fulfilment_location_id' | 'pickup_location_id' | 'promised_at' | 'transfer_id' | 'queue' | 'updated_at'
>;

/** The group itself changed, or a new group of the order beside it (same address and recipient; its fees stay on the first). */
async function writeGroup(trx: Trx, r: Regrouping, reuse: boolean, fields: GroupFields) {
  if (reuse) {
    const { id, position: _position, ...changes } = fields;
    await trx.updateTable('delivery_groups').set(changes).where('id', '=', id).execute();
    return;
  }
  const row: Insertable<DeliveryGroupsTable> = {
    ...fields,
    order_id: r.order.id,
    address: r.group.address === null ? null : JSON.stringify(r.group.address),
    recipient: r.group.recipient,
    shipping_fee: 0,
    packing_fee: 0,
    carrier: null,
    tracking_number: null,
    routing_attempts: r.attempts,
    created_at: r.now,
  };
  await trx.insertInto('delivery_groups').values(row).execute();
}

/** Lines made by a split are inserted; the others keep their id and take their new group, quantity, price and reservation. */
async function writeLines(trx: Trx, lines: LineRow[], created: Set<string>) {
  const fresh = lines.filter((line) => created.has(line.id));
  if (fresh.length) await trx.insertInto('order_lines').values(fresh).execute();
  for (const line of lines.filter((candidate) => !created.has(candidate.id))) {
    await trx
      .updateTable('order_lines')
      .set({
        delivery_group_id: line.delivery_group_id,
        reservation_id: line.reservation_id,
        quantity: line.quantity,
        discount_total: line.discount_total,
        tax_amount: line.tax_amount,
        line_total: line.line_total,
      })
      .where('id', '=', line.id)
      .execute();
  }
}

const linesDetail = (lines: LineRow[]) => lines.map((line) => ({ lineId: line.id, sku: line.sku, quantity: openUnits(line) }));

/** The decision as `routing_decisions` keeps it, in the shape of the order path's (place/rows.ts), with what it made. */
async function writeDecision(trx: Trx, r: Regrouping, placement: Placement, why: Why, made: MadeGroup[]) {
  const engine = 'decision' in why ? why : null;
  await decisionsInsert([
    {
      order_id: r.order.id,
      trigger: r.trigger,
      rule_set_id: engine?.ruleSet?.id ?? null,
      rule_set_version: engine?.ruleSet?.version ?? null,
      outcome: placement.kind === 'routed' && placement.shipments.length > 1 ? 'split' : placement.kind,
      explanation: {
        deliveryGroup: r.group.position,
        fromDeliveryGroupId: r.group.id,
        rule: engine?.decision.rule ?? null,
        outcome: placement.kind === 'routed' ? { kind: 'routed' } : placement,
        excluded: why.excluded,
        ...('reason' in why ? { reason: why.reason } : {}),
        shipments: made.map((entry) => ({
          deliveryGroupId: entry.id,
          locationId: entry.locationId,
          status: entry.status,
          lines: entry.lines.map((line) => ({ lineId: line.id, sku: line.sku, quantity: openUnits(line) })),
        })),
        trace: engine ? storedTrace(engine.decision) : [],
      },
      actor: r.actor,
      created_at: r.now,
    },
  ])?.execute(trx);
}
