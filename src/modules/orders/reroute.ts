import type { Selectable } from 'kysely';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Trx } from '../../platform/db/database.ts';
import { InvalidInput, NotFound, RuleViolation } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { allowedActions, InvalidTransition } from '../../platform/state-machine.ts';
import { groupLinesCancelled } from '../dropship/service.ts';
import { grantReservations, releaseReservation } from '../inventory/reservations.ts';
import { adjustStock, countStock, recordDamage } from '../inventory/service.ts';
import { keyOf } from '../inventory/stock.ts';
import { routeGroup } from '../routing/engine.ts';
import {
  CUSTOMER_QUEUE,
  excludedLocations,
  recordRejections,
  REJECTED_QUEUE,
  rejectionsExhausted,
  rejectionsOf,
  stockCorrection,
  stockEffectOf,
  unitsRejected,
  type RejectionReason,
} from '../routing/rejections.ts';
import { DELIVERY_MACHINE } from './lifecycle.ts';
import { getOrder, recordOrderEvent } from './read.ts';
import { openUnits, splitOff, type LineRow } from './regroup.ts';
import { placeLines, type Placement, type Regrouping } from './route-again.ts';
import { lockStock, routingFactsFor, routingScope } from './route-again-facts.ts';
import { lockOrder } from './service.ts';
import type { DeliveryGroupsTable } from './tables.ts';

/**
 * A location rejects lines of a delivery group it was to send (issue 19, point 6), each with a reason, in one
 * transaction: their reservations there are released, the reason's stock effect corrects the location's stock
 * (routing/rejections.ts: none, units damaged or missing, or the whole count zero), the rejection is remembered, and
 * the lines are routed again by the channel's rules, never to a location that rejected them before. They then leave
 * from elsewhere, wait for incoming stock, or wait for a person in the `rejected` queue (no location qualifies, or
 * `maxRejections` locations have rejected them). A pickup store's rejection follows the rule set's `pickupRejected`:
 * the goods come from another location to the store (ship to store), or the customer is asked
 * (`order.pickup_unavailable`, the lines wait in the `customer` queue).
 */

export interface Rejection {
  lines: { lineId: string; quantity?: number | undefined; reason: RejectionReason }[];
}

/** The groups a location may reject lines of: those it holds reserved, before they leave. */
const REJECTABLE = ['reserved', 'picking'] as const;

export async function rejectLines(trx: Trx, principal: Principal, orderId: string, groupId: string, input: Rejection) {
  const now = new Date();
  const order = await lockOrder(trx, principal, orderId);
  const group = await trx.selectFrom('delivery_groups').selectAll().where('id', '=', groupId).where('order_id', '=', orderId).forUpdate().executeTakeFirst();
  if (!group) throw new NotFound('Delivery group', groupId);
  const locationId = group.fulfilment_location_id;
  if (principal.role === 'store' && locationId !== principal.locationId)
    throw new RuleViolation('not-your-store', 'Only the store holding the goods may reject them.');
  if (!(REJECTABLE as readonly string[]).includes(group.status) || locationId === null) {
    throw new InvalidTransition(
      `Cannot reject lines of a delivery group that is ${group.status.replaceAll('_', ' ')}.`,
      group.status,
      'reject',
      allowedActions(DELIVERY_MACHINE, group.status),
    );
  }
  if (group.method === 'ship_to_store') {
    // Its goods are on a draft transfer (or at the pickup store already): cancel the lines, or the transfer's, instead.
    throw new RuleViolation('not-rejectable', 'A ship-to-store group cannot be rejected; cancel its lines instead.', { state: group.status });
  }
  const lines = await trx.selectFrom('order_lines').selectAll().where('delivery_group_id', '=', groupId).orderBy('position').execute();
  const asked = checkedRejection(input, lines);

  const scope = await routingScope(trx, order);
  // Every stock row this may touch, locked first and in key order: the location's, and every candidate's.
  await lockStock(
    trx,
    asked.map(({ line }) => line.variant_id),
    [locationId, ...scope.candidates],
  );
  const moving = await releaseRejected(trx, principal, order, group, locationId, asked);
  // A drop-ship vendor's request asks for fewer (none: it is cancelled, and the vendor told).
  await groupLinesCancelled(
    trx,
    groupId,
    moving.map(({ line }) => ({ variantId: line.variant_id, quantity: openUnits(line) })),
  );
  await recordOrderEvent(
    trx,
    orderId,
    'lines.rejected',
    {
      groupId,
      locationId,
      lines: moving.map(({ line, reason }) => ({ lineId: line.id, sku: line.sku, quantity: openUnits(line), reason, stockEffect: stockEffectOf(reason) })),
    },
    principal.actor,
    principal.channelId,
  );
  await correctStock(trx, principal, orderId, locationId, moving);
  await recordRejections(
    trx,
    moving.map(({ line, reason }) => ({
      order_id: orderId,
      delivery_group_id: groupId,
      location_id: locationId,
      line_id: line.id,
      quantity: openUnits(line),
      reason,
      actor: principal.actor,
      created_at: now,
    })),
  );
  await trx
    .updateTable('delivery_groups')
    .set({ routing_attempts: group.routing_attempts + 1, updated_at: now })
    .where('id', '=', groupId)
    .execute();

  const everyLine = await trx.selectFrom('order_lines').select(['id', 'sku']).where('order_id', '=', orderId).execute();
  const skuOf = new Map(everyLine.map((line) => [line.id, line.sku]));
  const excluded = excludedLocations(
    await rejectionsOf(trx, orderId),
    (lineId) => skuOf.get(lineId),
    moving.map(({ line }) => line.sku),
  );
  const movingIds = new Set(moving.map(({ line }) => line.id));
  const regrouping: Regrouping = {
    order,
    group: { ...group, routing_attempts: group.routing_attempts + 1 },
    lines: moving.map(({ line }) => line),
    wholeGroup: lines.every((line) => openUnits(line) === 0 || movingIds.has(line.id)),
    attempts: excluded.length,
    trigger: 'reroute',
    vendors: scope.vendors,
    actor: principal.actor,
    channelId: principal.channelId,
    now,
  };
  const { options } = scope.document;
  if (group.method === 'pickup_in_store' && options.pickupRejected === 'ask_customer') {
    const placement: Placement = { kind: 'parked', queue: CUSTOMER_QUEUE, tell: 'order.pickup_unavailable' };
    await placeLines(trx, regrouping, placement, {
      reason: 'the pickup store rejected the lines: the customer is asked (pickupRejected: ask_customer)',
      excluded,
    });
  } else if (rejectionsExhausted(excluded, options.maxRejections)) {
    const placement: Placement = { kind: 'parked', queue: REJECTED_QUEUE, tell: 'order.parked' };
    await placeLines(trx, regrouping, placement, { reason: `rejected by ${excluded.length} locations (maxRejections ${options.maxRejections})`, excluded });
  } else {
    const routing = await routingFactsFor(trx, scope, group, regrouping.lines, { excluded, now });
    const decision = routeGroup(
      routing.document,
      { channelId: order.channel_id, priority: order.priority, groups: [routing.toRoute] },
      routing.toRoute,
      routing.facts,
    );
    const { outcome } = decision;
    const placement: Placement =
      outcome.kind === 'routed'
        ? { kind: 'routed', shipments: outcome.shipments }
        : outcome.kind === 'backordered'
          ? { kind: 'backordered', locationId: outcome.locationId, availableAt: new Date(outcome.availableAt) }
          : { kind: 'parked', queue: outcome.kind === 'parked' ? outcome.queue : REJECTED_QUEUE, tell: 'order.parked' };
    await placeLines(trx, regrouping, placement, { ruleSet: routing.set, decision, excluded });
  }
  return getOrder(trx, orderId);
}

interface Asked {
  line: LineRow;
  units: number;
  reason: RejectionReason;
}

/** Each line named once, in this group, with units left to reject (all of a line whose whole count is wrong). */
function checkedRejection(input: Rejection, lines: LineRow[]): Asked[] {
  const seen = new Set<string>();
  return input.lines.map((entry, index) => {
    const field = `body.lines.${index}`;
    const line = lines.find((candidate) => candidate.id === entry.lineId);
    if (!line) throw new InvalidInput([{ field: `${field}.lineId`, message: 'is not a line of this delivery group' }]);
    if (seen.has(line.id)) throw new InvalidInput([{ field: `${field}.lineId`, message: 'is named twice' }]);
    seen.add(line.id);
    const open = openUnits(line);
    const units = unitsRejected(entry.reason, entry.quantity, open);
    if (open === 0 || units > open) {
      throw new RuleViolation('over-reject', `Line ${line.sku} has ${open} left to send.`, { field: `${field}.quantity`, left: open });
    }
    return { line, units, reason: entry.reason };
  });
}

/**
 * The rejected units' reservations are released. A line rejected in part keeps the rest, reserved again at the
 * location (out of its safety stock if need be: those units were the order's already), and its rejected part becomes
 * a line of its own; if the rest cannot be reserved again there, the whole line goes. Answers the lines that leave.
 */
async function releaseRejected(
  trx: Trx,
  principal: Principal,
  order: { id: string; channel_id: string },
  group: Selectable<DeliveryGroupsTable>,
  locationId: string,
  asked: Asked[],
): Promise<{ line: LineRow; reason: RejectionReason }[]> {
  const { lastLine } = await trx
    .selectFrom('order_lines')
    .select((eb) => eb.fn.max('position').as('lastLine'))
    .where('order_id', '=', order.id)
    .executeTakeFirstOrThrow();
  let position = Number(lastLine ?? 0) + 1;
  const moving: { line: LineRow; reason: RejectionReason }[] = [];
  for (const { line, units, reason } of asked) {
    if (line.reservation_id) await releaseReservation(trx, line.reservation_id, principal.actor, `rejected: ${reason}`);
    const rest = openUnits(line) - units;
    if (rest === 0) {
      await trx.updateTable('order_lines').set({ reservation_id: null }).where('id', '=', line.id).execute();
      moving.push({ line: { ...line, reservation_id: null }, reason });
      continue;
    }
    const reservationId = newId();
    const [outcome] = await grantReservations(trx, [
      {
        kind: 'order',
        actor: principal.actor,
        channelId: order.channel_id,
        referenceType: 'order',
        referenceId: order.id,
        fromSafetyStock: true,
        lines: [{ id: reservationId, variantId: line.variant_id, locationId, quantity: rest }],
      },
    ]);
    if (!outcome || 'shortages' in outcome) {
      await trx.updateTable('order_lines').set({ reservation_id: null }).where('id', '=', line.id).execute();
      moving.push({ line: { ...line, reservation_id: null }, reason });
      continue;
    }
    const { kept, part } = splitOff(line, units, newId(), position++);
    await trx
      .insertInto('order_lines')
      .values({ ...part, delivery_group_id: group.id })
      .execute();
    await trx
      .updateTable('order_lines')
      .set({
        quantity: kept.quantity,
        discount_total: kept.discount_total,
        manual_discount: kept.manual_discount,
        tax_amount: kept.tax_amount,
        line_total: kept.line_total,
        reservation_id: reservationId,
      })
      .where('id', '=', line.id)
      .execute();
    moving.push({ line: part, reason });
  }
  return moving;
}

/** Each SKU's correction at the location, through inventory's own operations (the ledger says why). */
async function correctStock(trx: Trx, principal: Principal, orderId: string, locationId: string, moving: { line: LineRow; reason: RejectionReason }[]) {
  const bySku = new Map<string, { variantId: string; effects: { effect: ReturnType<typeof stockEffectOf>; quantity: number }[] }>();
  for (const { line, reason } of moving) {
    const entry = bySku.get(line.sku) ?? { variantId: line.variant_id, effects: [] };
    entry.effects.push({ effect: stockEffectOf(reason), quantity: openUnits(line) });
    bySku.set(line.sku, entry);
  }
  for (const [sku, { variantId, effects }] of bySku) {
    if (effects.every((entry) => entry.effect === 'none')) continue;
    const levels = await lockStock(trx, [variantId], [locationId]);
    const onHand = levels.get(keyOf(variantId, locationId))?.onHand ?? 0;
    const correction = stockCorrection(effects, onHand);
    const reason = 'rejected for an order';
    if (correction.countToZero) await countStock(trx, { locationId, lines: [{ sku, counted: 0 }], reason: `${reason}: the count was wrong` }, principal.actor);
    if (correction.damaged) await recordDamage(trx, { locationId, sku, quantity: correction.damaged, reason: `${reason}: damaged` }, principal.actor);
    if (correction.missing) await adjustStock(trx, { locationId, sku, quantity: -correction.missing, reason: `${reason}: missing` }, principal.actor);
    if (correction.countToZero || correction.damaged || correction.missing) {
      const detail = { locationId, sku, onHandBefore: onHand, ...correction };
      await recordOrderEvent(trx, orderId, 'stock.corrected', detail, principal.actor, principal.channelId);
    }
  }
}
