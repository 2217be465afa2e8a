import { RuleViolation } from '../../../platform/errors.ts';
import { InsufficientStock } from '../../inventory/stock.ts';
import { DEFAULT_RULES } from '../../routing/defaults.ts';
import { IncomingNotRead, routeGroup, type GroupDecision } from '../../routing/engine.ts';
import { noteRouted, postcodeKey } from '../../routing/facts.ts';
import type { Coordinates, GroupToRoute, NetworkLocation, RoutingFacts } from '../../routing/network.ts';
import type { RulesDocument } from '../../routing/rules.ts';
import type { ActiveRuleSet, RoutingSetup } from '../../routing/setup.ts';
import type { SellingSetup } from '../selling-setup.ts';
import type { CheckedGroup, ResolvedGroup, ResolvedLine } from './types.ts';

/**
 * The routing step of the order path: each delivery group that leaves its location to Aisle is routed by the
 * channel's active rule set (or the default rules) with the routing engine, then cut into the shipments the decision
 * made. A line split over two locations becomes two lines (the second numbered after the order's last line); a group
 * split becomes several groups (the others numbered after the order's last group). A group that waits (backordered or
 * parked) reserves nothing. A group refused is the order's 409.
 */

/** What a batch's orders are routed with, read once for the batch. */
export interface BatchRouting {
  setup: RoutingSetup;
  network: Map<string, NetworkLocation>;
  centroids: Map<string, Coordinates>;
  facts: RoutingFacts;
  /** Reads incoming stock into the supply if it was left for when a decision needs it (once for the batch). */
  readIncoming(): Promise<void>;
}

export const rulesFor = (setup: RoutingSetup, channelId: string): { set: ActiveRuleSet | null; document: RulesDocument } => {
  const set = setup.ruleSets.get(channelId) ?? null;
  return { set, document: set?.document ?? DEFAULT_RULES };
};

/** The groups of one order, each with its location, or cut into shipments, or waiting; a group nobody may send throws. */
export function routeOrderGroups(
  order: { channelId: string; priority: number; lineCount: number; groupCount: number },
  checked: CheckedGroup[],
  candidatesOf: (group: CheckedGroup) => string[],
  routing: BatchRouting,
): ResolvedGroup[] {
  const { set, document } = rulesFor(routing.setup, order.channelId);
  let nextLine = order.lineCount;
  let nextGroup = order.groupCount;
  return checked.flatMap((group): ResolvedGroup[] => {
    const base = { requestIndex: group.index, method: group.method, address: group.address, recipient: group.recipient, queue: null, decision: null };
    if (group.fulfilmentLocationId !== undefined) {
      return [
        {
          ...base,
          index: group.index,
          status: 'reserved',
          fulfilmentLocationId: group.fulfilmentLocationId,
          pickupLocationId: group.pickupLocationId,
          availableAt: null,
          lines: group.lines,
        },
      ];
    }
    const toRoute = groupToRoute(group, candidatesOf(group), routing);
    const decision = routeGroup(document, { channelId: order.channelId, priority: order.priority, groups: [toRoute] }, toRoute, routing.facts);
    const made = { ruleSet: set, decision };
    const { outcome } = decision;
    if (outcome.kind === 'rejected') throw refusal(group, toRoute, routing, decision);
    if (outcome.kind === 'parked' || outcome.kind === 'backordered') {
      const locationId = outcome.kind === 'backordered' ? outcome.locationId : null;
      return [
        {
          ...base,
          index: group.index,
          status: outcome.kind,
          queue: outcome.kind === 'parked' ? outcome.queue : null,
          fulfilmentLocationId: locationId,
          pickupLocationId: group.pickupLocationId ?? (group.method === 'pickup_in_store' ? locationId : null),
          availableAt: outcome.kind === 'backordered' ? new Date(outcome.availableAt) : null,
          lines: group.lines,
          decision: made,
        },
      ];
    }
    const seen = new Set<number>();
    for (const shipment of outcome.shipments) noteRouted(routing.network, routing.setup.kept, shipment.locationId, routing.facts.now);
    return outcome.shipments.map((shipment, position): ResolvedGroup => {
      const lines = shipment.lines.map((part): ResolvedLine => {
        const line = group.lines.find((candidate) => candidate.index === part.index);
        if (!line) throw new Error(`the decision names line ${part.index}, not in group ${group.index}`);
        // A line's first part keeps its position; another part of it is a new line after the order's last.
        const index = seen.has(line.index) ? nextLine++ : line.index;
        seen.add(line.index);
        return { ...line, index, requestIndex: line.index, quantity: part.quantity };
      });
      return {
        ...base,
        index: position === 0 ? group.index : nextGroup++,
        status: 'reserved',
        fulfilmentLocationId: shipment.locationId,
        pickupLocationId: group.pickupLocationId ?? (group.method === 'pickup_in_store' ? shipment.locationId : null),
        availableAt: null,
        lines,
        decision: position === 0 ? made : null,
      };
    });
  });
}

/** The active locations routing knows that fulfil the channel's orders, in routing's order (by code). */
export function fulfillingLocations(setup: SellingSetup, channelId: string): string[] {
  const usable = new Set(setup.fulfilling.filter((row) => row.channel_id === channelId).map((row) => row.id));
  return [...setup.routing.locations.keys()].filter((id) => usable.has(id));
}

/** Those that may send a group: for ship to store, not the pickup store itself. Dry runs and replays (routing/rerouting.ts) take the same. */
export const candidatesOf = (fulfilling: string[], group: Pick<CheckedGroup, 'method' | 'pickupLocationId'>): string[] =>
  group.method === 'ship_to_store' ? fulfilling.filter((id) => id !== group.pickupLocationId) : fulfilling;

/** A checked group as the engine routes it: its destination's coordinates, its lines, the locations it may leave from. */
export function groupToRoute(group: CheckedGroup, candidates: string[], routing: BatchRouting): GroupToRoute {
  const pickup = group.pickupLocationId === null ? undefined : routing.setup.locations.get(group.pickupLocationId);
  const destination = pickup
    ? { latitude: pickup.latitude, longitude: pickup.longitude }
    : group.address
      ? (routing.centroids.get(postcodeKey(group.address)) ?? null)
      : null;
  return {
    index: group.index,
    method: group.method,
    pickupLocationId: group.pickupLocationId,
    destination,
    promisedAt: group.promisedAt,
    lines: group.lines.map((line) => ({
      index: line.index,
      variantId: line.variantId,
      productId: line.productId,
      sku: line.sku,
      quantity: line.quantity,
      value: line.value,
      tags: line.tags,
    })),
    candidates,
    excluded: [],
  };
}

/** A group no rule could place: short of stock (what each variant lacks across the candidates), or not routable at all. */
function refusal(group: CheckedGroup, toRoute: GroupToRoute, routing: BatchRouting, decision: GroupDecision): Error {
  const need = new Map<string, { sku: string; quantity: number }>();
  for (const line of group.lines) need.set(line.variantId, { sku: line.sku, quantity: (need.get(line.variantId)?.quantity ?? 0) + line.quantity });
  const shortages = [...need].map(([variantId, { sku, quantity }]) => ({
    variantId,
    sku,
    locationId: '',
    requested: quantity,
    available: toRoute.candidates.reduce((sum, locationId) => sum + Math.max(0, routing.facts.supply.available(variantId, locationId)), 0),
  }));
  const stockWasShort = decision.trace.some((step) => step.result.startsWith('no location has the stock'));
  if (stockWasShort || shortages.some((shortage) => shortage.available < shortage.requested)) return new InsufficientStock(shortages);
  const reason = decision.outcome.kind === 'rejected' ? decision.outcome.reason : 'no rule found a location';
  return new RuleViolation('not-routable', `No location may send delivery group ${group.index}: ${reason}.`, {
    field: `body.deliveryGroups.${group.index}`,
  });
}

/** What a group's decision is stored with (routing/decisions.ts). */
export type MadeDecision = { ruleSet: ActiveRuleSet | null; decision: GroupDecision };

/**
 * Routes an order (`route`), and if a decision weighed a backorder before incoming stock was read, gives back what the
 * first try took, reads incoming stock (once for the batch) and routes it again.
 */
export async function routedWithIncoming<T>(routing: BatchRouting, route: () => T): Promise<T> {
  const mark = routing.facts.supply.mark();
  try {
    return route();
  } catch (error) {
    if (!(error instanceof IncomingNotRead)) throw error;
    routing.facts.supply.undo(mark);
    await routing.readIncoming();
    return route();
  }
}
