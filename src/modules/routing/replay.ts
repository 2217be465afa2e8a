import type { Principal } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { channelOrdersSince, loadOrders, orderPriorities } from '../orders/read.ts';
import type { OrderView } from '../orders/schema.ts';
import { pricingFacts } from '../pricing/service.ts';
import { decisionsOf, type StoredDecision } from './explanation.ts';
import { currentSetup, ownUnits, placedGroups, reroutingFacts, routeAgain, ruleSetRef, ruleSetToTry } from './rerouting.ts';
import { decidedResult, replayReport, storedResult, type ComparedOrder, type Place } from './replay-report.ts';

/**
 * A replay: the channel's orders of the last days routed again by a rule set, compared with what was decided when
 * they were placed. Each order is routed on its own, on today's stock plus the units it holds itself, with today's
 * capacity loads and incoming stock: an approximation of the network each order met (the response's `note` says so).
 * Reads only.
 */

export const REPLAY_NOTE =
  "Each order is routed again on its own, on the stock available now plus the units it holds itself, with today's capacity " +
  'loads (the orders placed today count in them) and the incoming stock expected now: an approximation of what it met when placed ' +
  '(what other orders took or gave back since is not undone). ' +
  'Before: what was decided when each order was placed; only the groups routing chose a location for are compared. Nothing was written.';

const CHUNK = 1000;
const DAY = 86_400_000;

export async function replay(db: Db, principal: Principal, ruleSetId: string, options: { days: number; limit: number }, now: Date) {
  const ruleSet = await ruleSetToTry(db, principal, ruleSetId);
  const since = new Date(now.getTime() - options.days * DAY);
  const ids = await channelOrdersSince(db, ruleSet.channelId, since, options.limit);
  const decisions = await decisionsOf(db, ids);
  const routed = ids.filter((id) => decisions.get(id)?.some((decision) => decision.trigger === 'order_placed')).reverse();
  const [{ orders, priorities }, setup] = await Promise.all([ordersOf(db, routed), currentSetup(db)]);
  const lines = orders.flatMap((order) => order.deliveryGroups.flatMap((group) => group.lines.map((line) => ({ sku: line.sku, quantity: line.quantity }))));
  const { variants } = await pricingFacts(db, [{ channel: setup.channels.get(ruleSet.channelId), lines }], setup);

  const placed = orders.map((order) => {
    // What the order path decided for each group when the order was placed: the first decision of each.
    const first = new Map<number, StoredDecision>();
    for (const decision of decisions.get(order.id) ?? []) {
      if (decision.trigger === 'order_placed' && !first.has(decision.explanation.deliveryGroup)) first.set(decision.explanation.deliveryGroup, decision);
    }
    const stored = [...first.values()];
    return { order, stored, groups: placedGroups(order, stored, variants, now) };
  });
  const rerouting = await reroutingFacts(db, setup, ruleSet, placed, now);

  const compared: ComparedOrder[] = placed.flatMap(({ order, stored, groups }) => {
    if (!groups.length) return [];
    const again = routeAgain(rerouting, { priority: priorities.get(order.id) ?? 0, groups }, ownUnits(order, variants));
    return [
      {
        orderId: order.id,
        number: order.number,
        groups: again.map(({ group, toRoute, decision }) => {
          const before = stored.find((entry) => entry.explanation.deliveryGroup === group.index);
          return {
            destination: toRoute.destination,
            before: before ? storedResult(before) : { kind: 'rejected' as const, locationIds: [] },
            after: decidedResult(decision.outcome),
          };
        }),
      },
    ];
  });

  const places = new Map<string, Place>();
  for (const { stored } of placed)
    for (const decision of stored)
      for (const step of decision.explanation.trace)
        for (const candidate of step.candidates ?? []) places.set(candidate.locationId, { code: candidate.code, coordinates: null });
  for (const location of rerouting.routing.network.values()) places.set(location.id, { code: location.code, coordinates: location });

  const report = replayReport(
    compared,
    places,
    placed.flatMap(({ stored }) => stored),
  );
  return {
    ruleSet: ruleSetRef(ruleSet),
    since: since.toISOString(),
    orders: { read: ids.length, ...report.orders },
    before: report.before,
    after: report.after,
    examples: report.examples,
    note: REPLAY_NOTE,
  };
}

/** The orders with their priorities, a thousand at a time. */
async function ordersOf(db: Db, ids: string[]) {
  const orders: OrderView[] = [];
  const priorities = new Map<string, number>();
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const [loaded, read] = await Promise.all([loadOrders(db, chunk), orderPriorities(db, chunk)]);
    orders.push(...loaded);
    for (const [id, priority] of read) priorities.set(id, priority);
  }
  return { orders, priorities };
}
