import type { GroupOutcome } from './engine.ts';
import type { ReplaySide } from './explain-schema.ts';
import type { StoredDecision } from './explanation.ts';
import { distanceKm, type Coordinates } from './network.ts';

/**
 * What a replay reports, from the groups compared: per side (before = what was decided when each order was placed,
 * after = what the rule set decides now) the shipments per location, the split rate, the average distance and the
 * orders that could not be filled; and the orders that differ. Pure: the replay (replay.ts) hands it plain data.
 */

/** Where a group went (or what became of it), on one side. */
export interface GroupResult {
  kind: 'routed' | 'backordered' | 'parked' | 'rejected';
  /** Routed: each shipment's location; backordered: where it waits (none for a preorder). */
  locationIds: string[];
  queue?: string | undefined;
}

export interface ComparedOrder {
  orderId: string;
  number: string;
  groups: { destination: Coordinates | null; before: GroupResult; after: GroupResult }[];
}

export interface Place {
  code: string;
  coordinates: Coordinates | null;
}

const EXAMPLES = 50;

export function replayReport(orders: ComparedOrder[], places: Map<string, Place>, decidedBy: StoredDecision[]) {
  const differing = orders.filter((order) => order.groups.some((group) => keyOf(group.before) !== keyOf(group.after)));
  const words = (result: GroupResult) => describe(result, places);
  const byRuleSet = new Map<string, { ruleSetId: string | null; version: number | null; groups: number }>();
  for (const decision of decidedBy) {
    const key = `${decision.ruleSetId}@${decision.ruleSetVersion}`;
    const entry = byRuleSet.get(key) ?? { ruleSetId: decision.ruleSetId, version: decision.ruleSetVersion, groups: 0 };
    entry.groups += 1;
    byRuleSet.set(key, entry);
  }
  return {
    orders: { compared: orders.length, differing: differing.length },
    before: { ...side(orders, 'before', places), decidedBy: [...byRuleSet.values()] },
    after: side(orders, 'after', places),
    examples: differing.slice(0, EXAMPLES).map((order) => ({
      orderId: order.orderId,
      number: order.number,
      before: order.groups.map((group) => words(group.before)),
      after: order.groups.map((group) => words(group.after)),
    })),
  };
}

function side(orders: ComparedOrder[], which: 'before' | 'after', places: Map<string, Place>): ReplaySide {
  const locationsUsed: Record<string, number> = {};
  const groups = { routed: 0, split: 0, backordered: 0, parked: 0, rejected: 0 };
  const distances: number[] = [];
  let unfillable = 0;
  for (const order of orders) {
    let filled = true;
    for (const group of order.groups) {
      const result = group[which];
      if (result.kind !== 'routed') {
        groups[result.kind] += 1;
        filled = false;
        continue;
      }
      groups[result.locationIds.length > 1 ? 'split' : 'routed'] += 1;
      for (const locationId of result.locationIds) {
        const place = places.get(locationId);
        const code = place?.code ?? locationId;
        locationsUsed[code] = (locationsUsed[code] ?? 0) + 1;
        if (group.destination && place?.coordinates) distances.push(distanceKm(group.destination, place.coordinates));
      }
    }
    if (!filled) unfillable += 1;
  }
  const total = Object.values(groups).reduce((sum, count) => sum + count, 0);
  return {
    locationsUsed,
    splitRatePercent: total ? round((groups.split * 100) / total) : 0,
    averageDistanceKm: distances.length ? round(distances.reduce((sum, km) => sum + km, 0) / distances.length) : null,
    ordersUnfillable: unfillable,
    groups,
  };
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Two results are the same when they have the same kind and locations, in any order. */
const keyOf = (result: GroupResult) => `${result.kind}:${[...result.locationIds].sort().join(',')}:${result.queue ?? ''}`;

function describe(result: GroupResult, places: Map<string, Place>): string {
  const codes = result.locationIds.map((locationId) => places.get(locationId)?.code ?? locationId);
  switch (result.kind) {
    case 'routed':
      return codes.join(' + ');
    case 'backordered':
      return codes.length ? `backordered at ${codes.join(', ')}` : 'backordered (preorder)';
    case 'parked':
      return `parked in ${result.queue}`;
    case 'rejected':
      return 'rejected';
  }
}

/** What the order path decided, from its stored decision. */
export function storedResult(decision: StoredDecision): GroupResult {
  const { explanation } = decision;
  switch (decision.outcome) {
    case 'routed':
    case 'split':
      return { kind: 'routed', locationIds: explanation.shipments.flatMap((shipment) => (shipment.locationId === null ? [] : [shipment.locationId])) };
    case 'backordered':
      return { kind: 'backordered', locationIds: explanation.outcome.locationId ? [explanation.outcome.locationId] : [] };
    case 'parked':
      return { kind: 'parked', locationIds: [], queue: explanation.outcome.queue };
    default:
      return { kind: 'rejected', locationIds: [] };
  }
}

/** What the engine decides now. */
export function decidedResult(outcome: GroupOutcome): GroupResult {
  switch (outcome.kind) {
    case 'routed':
      return { kind: 'routed', locationIds: outcome.shipments.map((shipment) => shipment.locationId) };
    case 'backordered':
      return { kind: 'backordered', locationIds: outcome.locationId === null ? [] : [outcome.locationId] };
    case 'parked':
      return { kind: 'parked', locationIds: [], queue: outcome.queue };
    case 'rejected':
      return { kind: 'rejected', locationIds: [] };
  }
}
