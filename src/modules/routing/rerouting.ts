import type { Principal } from '../../platform/auth/principal.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { NotFound } from '../../platform/errors.ts';
import { availableWhereChannelsFulfil } from '../inventory/availability.ts';
import { promisedDate } from '../orders/place/groups.ts';
import { candidatesOf, fulfillingLocations, groupToRoute, type BatchRouting } from '../orders/place/route.ts';
import { batchRouting } from '../orders/place/routing-facts.ts';
import type { CheckedGroup, ResolvedLine } from '../orders/place/types.ts';
import type { CreateOrder, OrderView } from '../orders/schema.ts';
import { sellingSetupCache, type SellingSetup } from '../orders/selling-setup.ts';
import { routeGroup, type GroupDecision } from './engine.ts';
import type { DryRunDecision } from './explain-schema.ts';
import type { StoredDecision } from './explanation.ts';
import { levelsOf, supplyOf, type GroupToRoute, type IncomingSupply, type Levels } from './network.ts';
import { rulesDocumentSchema, type RulesDocument } from './rules.ts';
import type { RuleSetStatus } from './tables.ts';
import { summarise } from './summary.ts';

/**
 * Routing an order again, writing nothing: what dry runs (dry-run.ts) and replays (replay.ts) share with the order
 * path. The same set-up, the same facts (orders/place/routing-facts.ts `batchRouting`, with the rule set tried in place
 * of the channel's active one), the same groups to route (orders/place/route.ts `groupToRoute`, `routingCandidates`)
 * and the same engine. Stock is today's, read now; an order placed already counts the units it holds itself as free
 * again, since they were free when it was placed (an approximation: what others took or gave back since is not undone).
 */

/** The variants of the orders' SKUs, by SKU (pricing/service.ts `pricingFacts` reads them). */
type KnownVariants = Map<string, { id: string; product_id: string; title: string; tags: string[] }>;

export interface RuleSetToTry {
  id: string;
  channelId: string;
  version: number;
  name: string;
  status: RuleSetStatus;
  document: RulesDocument;
}

/** A rule set of any status; another channel's is not found for a channel key. */
export async function ruleSetToTry(db: Executor, principal: Principal, id: string): Promise<RuleSetToTry> {
  const row = await db
    .selectFrom('routing_rule_sets')
    .select(['id', 'channel_id', 'version', 'name', 'status', 'document'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || (principal.role !== 'admin' && principal.channelId !== row.channel_id)) throw new NotFound('Rule set', id);
  return { id: row.id, channelId: row.channel_id, version: row.version, name: row.name, status: row.status, document: rulesDocumentSchema.parse(row.document) };
}

export const ruleSetRef = (ruleSet: RuleSetToTry) => ({
  id: ruleSet.id,
  channelId: ruleSet.channelId,
  version: ruleSet.version,
  name: ruleSet.name,
  status: ruleSet.status,
});

/** The selling set-up read now (no process's copy: a dry run is rare and must see the latest). */
export const currentSetup = (db: Db): Promise<SellingSetup> => sellingSetupCache(db).at(0);

/** The groups routing chose a location for, as placed: one per decision (the first of each group), its shipments' lines put back together. */
export function placedGroups(order: OrderView, decisions: StoredDecision[], variants: KnownVariants, now: Date): CheckedGroup[] {
  const seen = new Set<number>();
  let nextLine = 0;
  return decisions.flatMap((decision): CheckedGroup[] => {
    const { deliveryGroup, shipments } = decision.explanation;
    if (seen.has(deliveryGroup)) return [];
    seen.add(deliveryGroup);
    const first = order.deliveryGroups.find((group) => group.id === shipments[0]?.deliveryGroupId);
    if (!first) return [];
    const linesById = new Map(order.deliveryGroups.flatMap((group) => group.lines.map((line) => [line.id, line] as const)));
    // A line split over shipments is one line again.
    const bySku = new Map<string, ResolvedLine>();
    for (const part of shipments.flatMap((shipment) => shipment.lines)) {
      const variant = variants.get(part.sku);
      if (!variant) continue;
      const value = linesById.get(part.lineId)?.lineTotal ?? 0;
      const line = bySku.get(part.sku);
      if (line) {
        line.quantity += part.quantity;
        line.value += value;
        continue;
      }
      const index = nextLine++;
      bySku.set(part.sku, {
        index,
        requestIndex: index,
        sku: part.sku,
        variantId: variant.id,
        productId: variant.product_id,
        tags: variant.tags,
        title: variant.title,
        quantity: part.quantity,
        value,
      });
    }
    if (!bySku.size) return [];
    return [
      {
        index: deliveryGroup,
        method: first.method,
        fulfilmentLocationId: undefined,
        // A store routing chose to hand over was not named by the order.
        pickupLocationId: first.method === 'pickup_in_store' ? null : first.pickupLocationId,
        address: (first.address as CheckedGroup['address']) ?? null,
        recipient: first.recipient,
        promisedAt: promisedDate(first.method, now),
        lines: [...bySku.values()],
      },
    ];
  });
}

/** The order's groups no decision covers: their location was named when it was placed. */
export function namedGroups(order: OrderView, decisions: StoredDecision[]) {
  const routed = new Set(decisions.flatMap((decision) => decision.explanation.shipments.map((shipment) => shipment.deliveryGroupId)));
  return order.deliveryGroups.flatMap((group, position) =>
    routed.has(group.id)
      ? []
      : [{ deliveryGroup: position, locationId: group.fulfilmentLocationId, reason: 'its location was named when the order was placed' }],
  );
}

/** Units the order holds itself (not cancelled, in groups not waiting), per variant and location. */
export function ownUnits(order: OrderView, variants: KnownVariants): Levels {
  const own: Levels = new Map();
  for (const group of order.deliveryGroups) {
    if (group.fulfilmentLocationId === null || ['backordered', 'parked', 'cancelled'].includes(group.status)) continue;
    for (const line of group.lines) {
      const variant = variants.get(line.sku);
      if (!variant) continue;
      add(own, variant.id, group.fulfilmentLocationId, line.quantity - line.cancelledQuantity);
    }
  }
  return own;
}

function add(levels: Levels, variantId: string, locationId: string, units: number) {
  let byLocation = levels.get(variantId);
  if (!byLocation) levels.set(variantId, (byLocation = new Map()));
  byLocation.set(locationId, (byLocation.get(locationId) ?? 0) + units);
}

export interface Rerouting {
  setup: SellingSetup;
  ruleSet: RuleSetToTry;
  routing: BatchRouting;
  /** Available to promise now, per variant and location (where the channel fulfils). */
  levels: Levels;
  /** Incoming units per variant, none promised by these decisions yet. */
  incoming: Map<string, IncomingSupply[]>;
}

/**
 * What the orders are routed with, read once for all of them: stock where the channel fulfils, and what the rule set
 * looks at (load, postcode centroids, incoming stock), as the order path reads it, the rule set being the channel's.
 */
export async function reroutingFacts(db: Db, setup: SellingSetup, ruleSet: RuleSetToTry, orders: { groups: CheckedGroup[] }[], now: Date): Promise<Rerouting> {
  const lines = orders.flatMap((order) => order.groups.flatMap((group) => group.lines));
  const skus = [...new Set(lines.map((line) => line.sku))];
  const variantIds = [...new Set(lines.map((line) => line.variantId))];
  const levels = levelsOf(await availableWhereChannelsFulfil(db, skus, [ruleSet.channelId]));
  const active = { id: ruleSet.id, version: ruleSet.version, document: ruleSet.document };
  const asIfActive = { ...setup.routing, ruleSets: new Map(setup.routing.ruleSets).set(ruleSet.channelId, active) };
  const inputs = orders.map((order) => {
    const deliveryGroups: CreateOrder['deliveryGroups'] = order.groups.map((group) => ({ method: group.method, address: group.address ?? undefined }));
    return { channelId: ruleSet.channelId, input: { deliveryGroups } };
  });
  const routing = await batchRouting(db, asIfActive, inputs, levels, () => variantIds, now);
  // Nothing is routed against the batch's own supply: each order gets a fresh one over the same reads.
  const incoming = new Map(variantIds.map((variantId) => [variantId, routing.facts.supply.incoming(variantId)]));
  return { setup: { ...setup, routing: asIfActive }, ruleSet, routing, levels, incoming };
}

export interface Rerouted {
  group: CheckedGroup;
  toRoute: GroupToRoute;
  decision: GroupDecision;
}

/** The groups of one order routed by the rule set, on today's stock plus the units the order holds itself (`own`). */
export function routeAgain(rerouting: Rerouting, order: { priority: number; groups: CheckedGroup[] }, own: Levels): Rerouted[] {
  const { routing, ruleSet, setup } = rerouting;
  // The order's own levels: today's of its variants, plus what it holds.
  const levels: Levels = new Map();
  for (const line of order.groups.flatMap((group) => group.lines)) {
    if (!levels.has(line.variantId)) levels.set(line.variantId, new Map(rerouting.levels.get(line.variantId)));
  }
  for (const [variantId, byLocation] of own) {
    if (!levels.has(variantId)) continue;
    for (const [locationId, units] of byLocation) add(levels, variantId, locationId, units);
  }
  const facts = { ...routing.facts, supply: supplyOf(levels, rerouting.incoming) };
  const fulfilling = fulfillingLocations(setup, ruleSet.channelId);
  const toRoute = order.groups.map((group) => groupToRoute(group, candidatesOf(fulfilling, group), routing));
  const orderToRoute = { channelId: ruleSet.channelId, priority: order.priority, groups: toRoute };
  return order.groups.map((group, index) => {
    const routed = toRoute[index]!;
    return { group, toRoute: routed, decision: routeGroup(ruleSet.document, orderToRoute, routed, facts) };
  });
}

/** A decision just made, as a dry run answers it: full trace, shipments by SKU, sentences. */
export function dryRunDecision(rerouted: Rerouted, ruleSet: RuleSetToTry, codeOf: (locationId: string) => string | null): DryRunDecision {
  const { group, decision } = rerouted;
  const { outcome } = decision;
  const skuOf = new Map(group.lines.map((line) => [line.index, line.sku]));
  const lines = (parts: { index: number; quantity: number }[]) => parts.map((part) => ({ sku: skuOf.get(part.index) ?? '', quantity: part.quantity }));
  const shipments =
    outcome.kind === 'routed'
      ? outcome.shipments.map((shipment) => ({ locationId: shipment.locationId, locationCode: codeOf(shipment.locationId), lines: lines(shipment.lines) }))
      : outcome.kind === 'backordered'
        ? [{ locationId: outcome.locationId, locationCode: outcome.locationId === null ? null : codeOf(outcome.locationId), lines: lines(outcome.lines) }]
        : [];
  return {
    deliveryGroup: group.index,
    outcome: outcome.kind === 'routed' && outcome.shipments.length > 1 ? 'split' : outcome.kind,
    rule: decision.rule,
    availableAt: outcome.kind === 'backordered' ? outcome.availableAt : null,
    queue: outcome.kind === 'parked' ? outcome.queue : null,
    reason: outcome.kind === 'rejected' ? outcome.reason : null,
    shipments,
    trace: decision.trace,
    summary: summarise({ ruleSetVersion: ruleSet.version, outcome, shipments, trace: decision.trace }),
  };
}
