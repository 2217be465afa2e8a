import { sql, type Selectable } from 'kysely';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Db, Trx } from '../../platform/db/database.ts';
import { NotFound } from '../../platform/errors.ts';
import { retrying } from '../../platform/http/unit-of-work.ts';
import { keyOf } from '../inventory/stock.ts';
import { decisionsInsert, storedTrace } from '../routing/decisions.ts';
import { routeGroup } from '../routing/engine.ts';
import { excludedLocations, rejectionsOf } from '../routing/rejections.ts';
import { nextDeliveryStatus } from './lifecycle.ts';
import { getOrder } from './read.ts';
import { openUnits, type LineRow } from './regroup.ts';
import { placeLines, type Placement, type Regrouping, type Why } from './route-again.ts';
import { destinationStore, routingFactsFor, routingScope } from './route-again-facts.ts';
import { lockOrder } from './service.ts';
import type { DeliveryGroupsTable, OrdersTable } from './tables.ts';

/**
 * Groups that wait are routed again (issue 19, points 2 and 3): backorders in batches, oldest order first (first
 * come, first served), on a schedule (src/workers.ts) and on demand (`POST /v1/routing/runs`); a parked group only
 * when a person asks (`POST …/delivery-groups/{groupId}/route`). The same engine and rules as at order time decide,
 * against stock read under lock. A group whose stock is found is reserved there (`order.allocated`); one still
 * waiting keeps waiting, and if the date it can be promised changes, the customer is told (`order.backordered`).
 * Each group is decided in a transaction of its own, and taken with `for update skip locked` (its order's row too):
 * two processes running the batch at once never route the same group, and neither waits for the other.
 */

export interface RunCounts {
  /** Groups whose stock was reserved (some split into several shipments). */
  allocated: number;
  /** Groups still waiting for stock. */
  stillWaiting: number;
  /** Groups the rules now park for a person. */
  parked: number;
  /** Groups that could not be routed for an error (passed to `onError`): left as they were, the run goes on. */
  failed: number;
}

type Outcome = 'allocated' | 'stillWaiting' | 'parked';

export const BATCH_ACTOR = 'system:routing-batch';

/**
 * Routes up to `limit` backordered groups, oldest order first. A group that fails (a bug, a broken row) is left as it
 * was and passed over, so that it never holds back the groups behind it.
 */
export async function routeWaiting(db: Db, options: { now: Date; limit: number; onError?: (error: unknown, groupId: string) => void }): Promise<RunCounts> {
  const counts: RunCounts = { allocated: 0, stillWaiting: 0, parked: 0, failed: 0 };
  // Units on shelves that older backorders still waiting count on: younger ones of this run do not take them.
  const earmarked = new Map<string, number>();
  let after: Cursor | null = null;
  for (let done = 0; done < options.limit; done++) {
    let attempted: { cursor: Cursor; groupId: string } | null = null;
    try {
      const result = await retrying(() =>
        db.transaction().execute(async (trx) => {
          const next = await nextBackorder(trx, after);
          if (!next) return null;
          attempted = { cursor: next.cursor, groupId: next.group.id };
          const routed = await routeWaitingGroup(trx, next.order, next.group, { actor: BATCH_ACTOR, channelId: null, now: options.now, earmarked });
          return { cursor: next.cursor, ...routed };
        }),
      );
      if (!result) break;
      after = result.cursor;
      counts[result.outcome]++;
      for (const [key, units] of result.earmark) earmarked.set(key, (earmarked.get(key) ?? 0) + units);
    } catch (error) {
      const failed = attempted as { cursor: Cursor; groupId: string } | null;
      if (!failed) throw error;
      options.onError?.(error, failed.groupId);
      after = failed.cursor;
      counts.failed++;
    }
  }
  return counts;
}

/** A person routes one backordered or parked group now (it may not have waited its turn: they decided). */
export async function routeGroupNow(trx: Trx, principal: Principal, orderId: string, groupId: string) {
  const order = await lockOrder(trx, principal, orderId);
  const group = await trx.selectFrom('delivery_groups').selectAll().where('id', '=', groupId).where('order_id', '=', orderId).forUpdate().executeTakeFirst();
  if (!group) throw new NotFound('Delivery group', groupId);
  // Only a group that waits can be routed now: the 422 names its state and what it allows.
  nextDeliveryStatus(group.status, 'allocate');
  await routeWaitingGroup(trx, order, group, { actor: principal.actor, channelId: principal.channelId, now: new Date(), person: true });
  return getOrder(trx, orderId);
}

/** Where a run is: the last group it decided (placed at, as the database writes it to the microsecond). */
type Cursor = { placedAt: string; orderId: string; position: number };

/** The oldest backordered group after the cursor that no one else holds, locked with its order. */
async function nextBackorder(trx: Trx, after: Cursor | null) {
  const { rows } = await sql<{ group_id: string; order_id: string; placed_at: string; position: number }>`
    select g.id as group_id, o.id as order_id, o.created_at::text as placed_at, g.position
    from delivery_groups g join orders o on o.id = g.order_id
    where g.status = 'backordered'
    ${after ? sql`and (o.created_at, o.id, g.position) > (${after.placedAt}::timestamptz, ${after.orderId}::uuid, ${after.position}::int)` : sql``}
    order by o.created_at, o.id, g.position
    limit 1
    for update of g, o skip locked`.execute(trx);
  const [row] = rows;
  if (!row) return null;
  const [order, group] = await Promise.all([
    trx.selectFrom('orders').selectAll().where('id', '=', row.order_id).executeTakeFirstOrThrow(),
    trx.selectFrom('delivery_groups').selectAll().where('id', '=', row.group_id).executeTakeFirstOrThrow(),
  ]);
  return { order, group, cursor: { placedAt: row.placed_at, orderId: row.order_id, position: row.position } };
}

/**
 * Routes a waiting group (locked) with its channel's rules, never to a location that rejected its lines: reserved
 * where its stock is (a pickup group at its own store first, when the store has every line and has not rejected them),
 * still waiting (a backorder whose promised date may change), or parked for a person. No rule finding anything leaves
 * it as it waits.
 */
async function routeWaitingGroup(
  trx: Trx,
  order: Selectable<OrdersTable>,
  group: Selectable<DeliveryGroupsTable>,
  context: { actor: string; channelId: string | null; now: Date; earmarked?: Map<string, number>; person?: boolean },
): Promise<{ outcome: Outcome; earmark: [string, number][] }> {
  const waiting: Outcome = group.status === 'parked' ? 'parked' : 'stillWaiting';
  const lines = (await trx.selectFrom('order_lines').selectAll().where('delivery_group_id', '=', group.id).orderBy('position').execute()).filter(
    (line) => openUnits(line) > 0,
  );
  if (!lines.length) return { outcome: waiting, earmark: [] };
  const everyLine = await trx.selectFrom('order_lines').select(['id', 'sku']).where('order_id', '=', order.id).execute();
  const skuOf = new Map(everyLine.map((line) => [line.id, line.sku]));
  const excluded = excludedLocations(
    await rejectionsOf(trx, order.id),
    (lineId) => skuOf.get(lineId),
    lines.map((line) => line.sku),
  );
  const scope = await routingScope(trx, order);
  const routing = await routingFactsFor(trx, scope, group, lines, { excluded, now: context.now, earmarked: context.earmarked });
  const regrouping: Regrouping = {
    order,
    group,
    lines,
    wholeGroup: true,
    attempts: group.routing_attempts,
    trigger: 'batch',
    vendors: scope.vendors,
    actor: context.actor,
    channelId: context.channelId,
    now: context.now,
  };

  // A pickup at its own store, as at order time, when the store has it all.
  const store = destinationStore(group);
  if (group.method === 'pickup_in_store' && store && !excluded.includes(store) && hasEveryLine(lines, store, routing.available)) {
    const placement: Placement = {
      kind: 'routed',
      shipments: [{ locationId: store, lines: lines.map((line) => ({ index: line.position, quantity: openUnits(line) })) }],
    };
    await placeLines(trx, regrouping, placement, { reason: 'the pickup store has every line', excluded });
    return { outcome: 'allocated', earmark: [] };
  }

  const decision = routeGroup(
    routing.document,
    { channelId: order.channel_id, priority: order.priority, groups: [routing.toRoute] },
    routing.toRoute,
    routing.facts,
  );
  const why: Why = { ruleSet: routing.set, decision, excluded };
  const { outcome } = decision;
  switch (outcome.kind) {
    case 'routed':
      await placeLines(trx, regrouping, { kind: 'routed', shipments: outcome.shipments }, why);
      return { outcome: 'allocated', earmark: [] };
    case 'backordered': {
      await placeLines(trx, regrouping, { kind: 'backordered', locationId: outcome.locationId, availableAt: new Date(outcome.availableAt) }, why);
      const at = outcome.locationId;
      return { outcome: 'stillWaiting', earmark: at === null ? [] : earmarkOf(lines, at, routing.available) };
    }
    case 'parked':
      await placeLines(trx, regrouping, { kind: 'parked', queue: outcome.queue, tell: 'order.parked' }, why);
      return { outcome: 'parked', earmark: [] };
    case 'rejected':
      // Nothing covers it now (its incoming stock was cancelled, or arrived short): it keeps waiting, and its turn.
      // A person who asked is shown why (the batch, running every minute, would only repeat itself).
      if (context.person) await explainUnplaced(trx, regrouping, why);
      return { outcome: waiting, earmark: [] };
  }
}

/** A decision that placed nothing, kept so that the explanation shows why the group still waits. */
async function explainUnplaced(trx: Trx, r: Regrouping, why: Extract<Why, { decision: unknown }>) {
  await decisionsInsert([
    {
      order_id: r.order.id,
      trigger: 'batch',
      rule_set_id: why.ruleSet?.id ?? null,
      rule_set_version: why.ruleSet?.version ?? null,
      outcome: 'rejected',
      explanation: {
        deliveryGroup: r.group.position,
        fromDeliveryGroupId: r.group.id,
        rule: null,
        outcome: why.decision.outcome,
        excluded: why.excluded,
        reason: 'nothing found: the group keeps waiting',
        shipments: [],
        trace: storedTrace(why.decision),
      },
      actor: r.actor,
      created_at: r.now,
    },
  ])?.execute(trx);
}

function needsOf(lines: LineRow[]): Map<string, number> {
  const need = new Map<string, number>();
  for (const line of lines) need.set(line.variant_id, (need.get(line.variant_id) ?? 0) + openUnits(line));
  return need;
}

const hasEveryLine = (lines: LineRow[], locationId: string, available: (variantId: string, locationId: string) => number) =>
  [...needsOf(lines)].every(([variantId, quantity]) => available(variantId, locationId) >= quantity);

/** The units on the shelf where a backorder waits that it counts on: kept from younger backorders of the run. */
function earmarkOf(lines: LineRow[], locationId: string, available: (variantId: string, locationId: string) => number): [string, number][] {
  return [...needsOf(lines)].flatMap(([variantId, quantity]): [string, number][] => {
    const units = Math.min(quantity, Math.max(0, available(variantId, locationId)));
    return units > 0 ? [[keyOf(variantId, locationId), units]] : [];
  });
}
