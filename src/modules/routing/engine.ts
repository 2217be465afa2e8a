import { distanceKm, type GroupToRoute, type NetworkLocation, type OrderToRoute, type RoutingFacts } from './network.ts';
import type { LocationFilter, OrderFilter, Ranking, Rule, RulesDocument } from './rules.ts';

/**
 * The routing engine: pure. For each delivery group of an order, the rules are tried in order; the first that applies
 * and finds locations decides. A rule filters the network's locations (each removed one with the filter and its
 * values), ranks those left key by key, and allocates the group to one location or, if allowed, splits it over the
 * fewest. When nothing qualifies it goes to the next rule, backorders against incoming stock, parks the group in a
 * queue for a person, or rejects it. Every step is written down in the decision's trace: the explanation
 * `GET /v1/orders/{id}/routing` shows. The same function serves order capture, batches, reroutes, dry runs and replays.
 */

/** A backorder was weighed before incoming stock was read: the caller reads it (`Supply.learnIncoming`) and routes again. */
export class IncomingNotRead extends Error {
  constructor() {
    super('routing needs incoming stock, not read yet');
  }
}

export interface ShipmentLine {
  index: number;
  quantity: number;
}
export interface Shipment {
  locationId: string;
  lines: ShipmentLine[];
}

export type GroupOutcome =
  | { kind: 'routed'; shipments: Shipment[] }
  | { kind: 'backordered'; locationId: string | null; availableAt: string; lines: ShipmentLine[] }
  | { kind: 'parked'; queue: string }
  | { kind: 'rejected'; reason: string };

/** One location as a rule saw it: why it was removed, or its ranking keys and rank. */
export interface CandidateTrace {
  locationId: string;
  code: string;
  distanceKm: number | null;
  removedBy?: { filter: string; detail: string };
  keys?: Partial<Record<Ranking, number | null>>;
  rank?: number;
}

export interface RuleTrace {
  rule: number;
  name: string;
  /** Why the rule is not for this group (its order filters), if so. */
  skipped?: string;
  candidates?: CandidateTrace[];
  /** What the rule did: chose, split, or what it fell back to and why. */
  result: string;
}

export interface GroupDecision {
  groupIndex: number;
  outcome: GroupOutcome;
  /** The rule that decided, if one did. */
  rule: { index: number; name: string } | null;
  trace: RuleTrace[];
}

/** Routes every group of an order, in order, taking what each allocates from `facts.supply` before the next. */
export function routeOrder(rules: RulesDocument, order: OrderToRoute, facts: RoutingFacts): GroupDecision[] {
  return order.groups.map((group) => routeGroup(rules, order, group, facts));
}

export function routeGroup(rules: RulesDocument, order: OrderToRoute, group: GroupToRoute, facts: RoutingFacts): GroupDecision {
  const trace: RuleTrace[] = [];
  const distances = new Map<string, number | null>();
  const need = needsOf(group, facts);
  for (const [index, rule] of rules.rules.entries()) {
    const skipped = orderMismatch(rule, order, group, facts.now);
    if (skipped) {
      trace.push({ rule: index, name: rule.name, skipped, result: 'not for this order' });
      continue;
    }
    const step = applyRule(rule, group, need, facts, distances);
    trace.push({ rule: index, name: rule.name, candidates: step.candidates, result: step.result });
    if (step.outcome) return { groupIndex: group.index, outcome: step.outcome, rule: { index, name: rule.name }, trace };
  }
  const reason = trace.length && trace.every((step) => step.skipped) ? 'no rule is for this order' : 'no rule found a location';
  return { groupIndex: group.index, outcome: { kind: 'rejected', reason }, rule: null, trace };
}

// ---- order filters

function orderMismatch(rule: Rule, order: OrderToRoute, group: GroupToRoute, now: Date): string | undefined {
  const unmet = Object.entries(conditions(rule.orders, order, group, now)).find(([, holds]) => !holds);
  if (unmet) return `order filter ${unmet[0]} not met`;
  if (rule.excludeOrders) {
    const met = Object.entries(conditions(rule.excludeOrders, order, group, now)).find(([, holds]) => holds);
    if (met) return `excluded by ${met[0]}`;
  }
  return undefined;
}

/** Each condition the filter gives, and whether the order meets it. */
function conditions(filter: OrderFilter, order: OrderToRoute, group: GroupToRoute, now: Date): Record<string, boolean> {
  const met: Record<string, boolean> = {};
  if (filter.channelIds) met.channel = filter.channelIds.includes(order.channelId);
  if (filter.deliveryMethods) met[`delivery method ${group.method}`] = filter.deliveryMethods.includes(group.method);
  if (filter.promisedWithinHours) {
    const hours = group.promisedAt ? (group.promisedAt.getTime() - now.getTime()) / 3_600_000 : null;
    const { min = 0, max = Number.POSITIVE_INFINITY } = filter.promisedWithinHours;
    met['promise date'] = hours !== null && hours >= min && hours <= max;
  }
  if (filter.priority) {
    const { min = 0, max = 9 } = filter.priority;
    met[`priority ${order.priority}`] = order.priority >= min && order.priority <= max;
  }
  if (filter.productTags) {
    const tags = filter.productTags;
    met['product tags'] = group.lines.some((line) => line.tags.some((tag) => tags.includes(tag)));
  }
  return met;
}

// ---- one rule

interface Step {
  candidates: CandidateTrace[];
  result: string;
  outcome?: GroupOutcome;
}

interface Candidate {
  location: NetworkLocation;
  trace: CandidateTrace;
}

function applyRule(rule: Rule, group: GroupToRoute, need: Needs, facts: RoutingFacts, distances: Map<string, number | null>): Step {
  const filters = rule.locations;
  const safety = filters.routingSafetyStock ?? 0;
  const splitting = rule.allocation.split;
  const measures = filters.maxDistanceKm !== undefined || rule.ranking.includes('distance');
  // One location sends everything: the group's value is the same wherever it leaves from.
  const tooSmall = splitting ? undefined : valueFilter(filters, group.lines);
  const check = placeCheck(filters, group, facts);
  const traces: CandidateTrace[] = [];
  /** Past the filters of the place (type, group, capability, hours, distance, capacity). */
  const placed: Candidate[] = [];
  /** And with the stock: all of it (one location), or some of it (split). */
  const stocked: Candidate[] = [];
  for (const id of group.candidates) {
    const location = facts.locations.get(id);
    if (!location) continue;
    let distance: number | null = null;
    if (measures && group.destination) {
      distance = distances.get(id) ?? null;
      if (distance === null) distances.set(id, (distance = distanceKm(group.destination, location)));
    }
    const trace: CandidateTrace = { locationId: id, code: location.code, distanceKm: distance };
    const candidate = { location, trace };
    traces.push(trace);
    let removedBy = placeFilter(check, location, distance, facts);
    if (!removedBy) {
      placed.push(candidate);
      removedBy = splitting ? someStock(need, id, safety) : (stockFilter(need, id, safety) ?? tooSmall);
    }
    if (removedBy) trace.removedBy = removedBy;
    else stocked.push(candidate);
  }
  rank(rule, stocked, need);

  const best = stocked[0];
  if (!splitting && best) {
    const shipment = { locationId: best.location.id, lines: group.lines.map((line) => ({ index: line.index, quantity: line.quantity })) };
    take(group, [shipment], facts);
    return { candidates: traces, result: `chose ${best.location.code}`, outcome: { kind: 'routed', shipments: [shipment] } };
  }
  if (splitting && stocked.length) {
    const shipments = split(group, stocked, need, safety, rule.allocation.maxShipments, filters.minimumShipmentValue ?? 0);
    if (shipments) {
      take(group, shipments, facts);
      const codes = shipments.map((shipment) => facts.locations.get(shipment.locationId)?.code ?? shipment.locationId);
      return {
        candidates: traces,
        result: shipments.length === 1 ? `chose ${codes[0]}` : `split into ${shipments.length} shipments: ${codes.join(', ')}`,
        outcome: { kind: 'routed', shipments },
      };
    }
  }
  const none = placed.length ? 'no location has the stock' : 'every location was filtered out';
  switch (rule.whenNothingQualifies) {
    case 'next_rule':
      return { candidates: traces, result: `${none}: next rule` };
    case 'park':
      return { candidates: traces, result: `${none}: parked in queue ${rule.queue}`, outcome: { kind: 'parked', queue: rule.queue ?? 'routing' } };
    case 'reject':
      return { candidates: traces, result: `${none}: rejected`, outcome: { kind: 'rejected', reason: none } };
    case 'backorder': {
      rank(rule, placed, need);
      const backorder = backorderFor(group, placed, need, safety, facts);
      if (!backorder) return { candidates: traces, result: `${none}, and no incoming stock or preorder allowance covers it: next rule` };
      const where = backorder.locationId === null ? 'preorder' : `incoming at ${facts.locations.get(backorder.locationId)?.code}`;
      return { candidates: traces, result: `${none}: backordered (${where}, expected ${backorder.availableAt})`, outcome: backorder };
    }
  }
}

/** Split: a location that holds none of the variants beyond the routing safety stock sends nothing. */
function someStock(need: Needs, locationId: string, safety: number) {
  for (const { at } of need.values()) if (at(locationId) > safety) return undefined;
  return { filter: 'stock', detail: safety ? `none of the SKUs above the safety stock of ${safety}` : 'none of the SKUs in stock' };
}

/** What the group needs per variant (a SKU may come on several lines), with its stock by location. */
type Needs = Map<string, { sku: string; quantity: number; at: (locationId: string) => number }>;

function needsOf(group: GroupToRoute, facts: RoutingFacts): Needs {
  const need: Needs = new Map();
  for (const line of group.lines) {
    const entry = need.get(line.variantId);
    if (entry) entry.quantity += line.quantity;
    else need.set(line.variantId, { sku: line.sku, quantity: line.quantity, at: facts.supply.at(line.variantId) });
  }
  return need;
}

/** A rule's place filters made ready once per group: the lists and words every candidate is checked against. */
interface PlaceCheck {
  filters: LocationFilter;
  group: GroupToRoute;
  required: string[];
  handsOver: boolean;
  typesText: string;
  groupsText: string;
  flagged: boolean;
}

function placeCheck(filters: LocationFilter, group: GroupToRoute, facts: RoutingFacts): PlaceCheck {
  const handsOver = group.method === 'pickup_in_store' && group.pickupLocationId === null;
  return {
    filters,
    group,
    handsOver,
    required: [...(filters.capabilities ?? []), ...(handsOver ? ['click_and_collect'] : [])],
    typesText: filters.types?.join(', ') ?? '',
    groupsText: filters.groups?.join(', ') ?? '',
    flagged: group.lines.some((line) => facts.flags.has(line.productId)),
  };
}

/** The first filter (other than stock and value) a location fails, with its values. */
function placeFilter(check: PlaceCheck, location: NetworkLocation, distance: number | null, facts: RoutingFacts): CandidateTrace['removedBy'] {
  const { filters, group } = check;
  if (group.excluded.length && group.excluded.includes(location.id)) return { filter: 'rejected', detail: 'rejected these lines before' };
  if (filters.types && !filters.types.includes(location.type)) return { filter: 'type', detail: `${location.type} not in ${check.typesText}` };
  if (filters.groups && !location.groups.some((name) => filters.groups?.includes(name))) {
    return { filter: 'group', detail: `in ${location.groups.join(', ') || 'no group'}, not ${check.groupsText}` };
  }
  const excludedGroup = filters.excludeGroups && location.groups.find((name) => filters.excludeGroups?.includes(name));
  if (excludedGroup) return { filter: 'group', detail: `in excluded group ${excludedGroup}` };
  for (const capability of check.required) {
    if (!location.capabilities.includes(capability)) return { filter: 'capability', detail: `cannot ${capability.replaceAll('_', ' ')}` };
  }
  if (check.flagged) {
    for (const line of group.lines) {
      const flags = facts.flags.get(line.productId)?.get(location.id);
      if (!flags) continue;
      if (!flags.mayRoute) return { filter: 'product', detail: `${line.sku} may not be routed here` };
      if (check.handsOver && !flags.mayPickup) return { filter: 'product', detail: `${line.sku} may not be picked up here` };
    }
  }
  if (filters.openToday && !location.openToday) return { filter: 'opening days', detail: 'closed today' };
  if (filters.maxDistanceKm !== undefined) {
    if (distance === null) return { filter: 'distance', detail: 'the destination has no known coordinates' };
    if (distance > filters.maxDistanceKm) return { filter: 'distance', detail: `${distance} km > ${filters.maxDistanceKm} km` };
  }
  if (filters.underCapacity) {
    const { today, window } = location.capacity;
    if (today.limit > 0 && today.used >= today.limit) return { filter: 'capacity', detail: `capacity ${today.used}/${today.limit} today` };
    if (window && window.limit > 0 && window.used >= window.limit) {
      return { filter: 'capacity', detail: `capacity ${window.used}/${window.limit} in ${window.label}` };
    }
  }
  return undefined;
}

/** One location for everything: each variant in stock, keeping the routing safety stock. */
function stockFilter(need: Needs, locationId: string, safety: number) {
  for (const { sku, quantity, at } of need.values()) {
    const available = at(locationId);
    if (available < quantity) return { filter: 'stock', detail: `${sku}: ${Math.max(0, available)} available < ${quantity} ordered` };
    if (available - quantity < safety) return { filter: 'safety stock', detail: `${sku}: would keep ${available - quantity} < ${safety}` };
  }
  return undefined;
}

function valueFilter(filters: LocationFilter, lines: { value: number }[]) {
  const minimum = filters.minimumShipmentValue;
  if (minimum === undefined) return undefined;
  const value = lines.reduce((sum, line) => sum + line.value, 0);
  return value < minimum ? { filter: 'shipment value', detail: `${value} < ${minimum}` } : undefined;
}

// ---- ranking

function rank(rule: Rule, eligible: Candidate[], need: Needs) {
  const sequence = new Map((rule.sequence ?? []).map((id, index) => [id, index]));
  const keyOf = (candidate: Candidate, key: Ranking): number | null => {
    const { location, trace } = candidate;
    switch (key) {
      case 'distance':
        return trace.distanceKm;
      case 'stock_after': {
        let least = Number.POSITIVE_INFINITY;
        for (const { quantity, at } of need.values()) least = Math.min(least, at(location.id) - quantity);
        return least;
      }
      case 'remaining_capacity': {
        const left = [location.capacity.today, location.capacity.window].flatMap((capacity) =>
          capacity && capacity.limit > 0 ? [capacity.limit - capacity.used] : [],
        );
        return left.length ? Math.min(...left) : null;
      }
      case 'sequence':
        return sequence.get(location.id) ?? null;
      case 'fulfilment_cost':
        return rule.costs?.byLocation?.[location.id] ?? rule.costs?.byType?.[location.type] ?? null;
    }
  };
  // Smaller first for distance, sequence and cost, unknown last; larger first for stock and capacity, no limit first.
  const descending = new Set<Ranking>(['stock_after', 'remaining_capacity']);
  const comparable = (key: Ranking, value: number | null | undefined) =>
    value ?? (key === 'remaining_capacity' || !descending.has(key) ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY);
  for (const candidate of eligible) {
    const keys: CandidateTrace['keys'] = {};
    for (const key of rule.ranking) keys[key] = keyOf(candidate, key);
    candidate.trace.keys = keys;
  }
  eligible.sort((a, b) => {
    for (const key of rule.ranking) {
      const x = comparable(key, a.trace.keys?.[key]);
      const y = comparable(key, b.trace.keys?.[key]);
      if (x !== y) return descending.has(key) ? y - x : x - y;
    }
    return 0;
  });
  eligible.forEach((candidate, index) => {
    candidate.trace.rank = index + 1;
  });
}

// ---- allocation

/**
 * The fewest shipments, greedily: each time the ranked location that can send the most units still needed (a kit
 * whole or not at all, another line in part), up to `maxShipments`; undefined if the group cannot be covered.
 */
function split(group: GroupToRoute, ranked: Candidate[], need: Needs, safety: number, maxShipments: number, minimumValue: number): Shipment[] | undefined {
  const left = new Map(group.lines.map((line) => [line.index, line.quantity]));
  const byIndex = new Map(group.lines.map((line) => [line.index, line]));
  const kits = kitsOf(group);
  const shipments: Shipment[] = [];
  // A location sends once: what it holds beyond the safety stock is all it can send.
  const unitsAt = (locationId: string) => (variantId: string) => Math.max(0, (need.get(variantId)?.at(locationId) ?? 0) - safety);
  const waiting = () => [...left.values()].some((quantity) => quantity > 0);
  while (waiting() && shipments.length < maxShipments) {
    let best: { candidate: Candidate; lines: ShipmentLine[]; units: number } | undefined;
    for (const candidate of ranked) {
      if (shipments.some((shipment) => shipment.locationId === candidate.location.id)) continue;
      const lines = coverage(group, kits, left, unitsAt(candidate.location.id));
      let covered = 0;
      for (const line of lines) covered += line.quantity;
      if (!covered || (best && covered <= best.units)) continue;
      if (minimumValue > 0) {
        let value = 0;
        for (const line of lines) {
          const source = byIndex.get(line.index);
          if (source) value += Math.round((source.value * line.quantity) / source.quantity);
        }
        if (value < minimumValue) continue;
      }
      best = { candidate, lines, units: covered };
    }
    if (!best) return undefined;
    shipments.push({ locationId: best.candidate.location.id, lines: best.lines });
    for (const line of best.lines) left.set(line.index, (left.get(line.index) ?? 0) - line.quantity);
  }
  return waiting() ? undefined : shipments;
}

/** The group's kits: lines that leave together, by kit. */
function kitsOf(group: GroupToRoute): Map<string, GroupToRoute['lines']> {
  const kits = new Map<string, GroupToRoute['lines']>();
  for (const line of group.lines) if (line.kit !== undefined) kits.set(line.kit, [...(kits.get(line.kit) ?? []), line]);
  return kits;
}

/** What one location can send of what is left: kits whole or not at all, other lines as far as stock goes. */
function coverage(
  group: GroupToRoute,
  kits: Map<string, GroupToRoute['lines']>,
  left: Map<number, number>,
  unitsOf: (variantId: string) => number,
): ShipmentLine[] {
  const spent = new Map<string, number>();
  const can = (variantId: string) => unitsOf(variantId) - (spent.get(variantId) ?? 0);
  const lines: ShipmentLine[] = [];
  for (const kitLines of kits.values()) {
    const wanted = kitLines.filter((line) => (left.get(line.index) ?? 0) > 0);
    const needs = new Map<string, number>();
    for (const line of wanted) needs.set(line.variantId, (needs.get(line.variantId) ?? 0) + (left.get(line.index) ?? 0));
    if (!wanted.length || [...needs].some(([variantId, quantity]) => can(variantId) < quantity)) continue;
    for (const line of wanted) {
      const quantity = left.get(line.index) ?? 0;
      spent.set(line.variantId, (spent.get(line.variantId) ?? 0) + quantity);
      lines.push({ index: line.index, quantity });
    }
  }
  for (const line of group.lines) {
    if (line.kit !== undefined) continue;
    const quantity = Math.min(left.get(line.index) ?? 0, can(line.variantId));
    if (quantity <= 0) continue;
    spent.set(line.variantId, (spent.get(line.variantId) ?? 0) + quantity);
    lines.push({ index: line.index, quantity });
  }
  return lines.sort((a, b) => a.index - b.index);
}

function take(group: GroupToRoute, shipments: Shipment[], facts: RoutingFacts) {
  for (const shipment of shipments) {
    for (const line of shipment.lines) {
      const source = group.lines.find((entry) => entry.index === line.index);
      if (source) facts.supply.take(source.variantId, shipment.locationId, line.quantity);
    }
  }
}

/**
 * A backorder: the best-ranked location where stock on hand and incoming stock not yet promised cover every variant,
 * else a preorder allowance covering them all; undefined if neither. The incoming units it counts on are promised to it.
 */
function backorderFor(
  group: GroupToRoute,
  ranked: Candidate[],
  need: Needs,
  safety: number,
  facts: RoutingFacts,
): Extract<GroupOutcome, { kind: 'backordered' }> | undefined {
  if (!facts.supply.incomingKnown()) throw new IncomingNotRead();
  const lines = group.lines.map((line) => ({ index: line.index, quantity: line.quantity }));
  const cover = (locationId: string | null) => {
    let latest = '';
    const shortfalls: [string, number][] = [];
    for (const [variantId, { quantity }] of need) {
      const onShelf = locationId === null ? 0 : Math.max(0, facts.supply.available(variantId, locationId) - safety);
      let short = quantity - onShelf;
      if (short <= 0) continue;
      shortfalls.push([variantId, short]);
      for (const row of facts.supply.incoming(variantId)) {
        if (row.locationId !== locationId || short <= 0) continue;
        short -= row.quantity;
        const at = row.expectedAt.toISOString();
        if (at > latest) latest = at;
      }
      if (short > 0) return undefined;
    }
    return { latest: latest || facts.now.toISOString(), shortfalls };
  };
  for (const candidate of ranked) {
    const covered = cover(candidate.location.id);
    if (!covered) continue;
    for (const [variantId, quantity] of covered.shortfalls) facts.supply.promise(variantId, candidate.location.id, quantity);
    return { kind: 'backordered', locationId: candidate.location.id, availableAt: covered.latest, lines };
  }
  const preorder = cover(null);
  if (!preorder) return undefined;
  for (const [variantId, quantity] of preorder.shortfalls) facts.supply.promise(variantId, null, quantity);
  return { kind: 'backordered', locationId: null, availableAt: preorder.latest, lines };
}
