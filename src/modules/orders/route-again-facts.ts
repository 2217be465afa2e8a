import type { Selectable } from 'kysely';
import type { Trx } from '../../platform/db/database.ts';
import { productsOfVariants } from '../catalog/variant-products.ts';
import { channelLocationIds } from '../inventory/availability.ts';
import { incomingFor } from '../inventory/incoming.ts';
import { lockLevels } from '../inventory/stock.ts';
import { incomingSupply, networkAt, postcodeKey, readCentroids, readLoads, readPreorders, usesOf } from '../routing/facts.ts';
import { levelsOf, supplyOf, type GroupToRoute, type RoutingFacts } from '../routing/network.ts';
import type { RulesDocument } from '../routing/rules.ts';
import { readRoutingSetup, type ActiveRuleSet, type RoutingSetup } from '../routing/setup.ts';
import { rulesFor } from './place/route.ts';
import { waitingBackorders } from './place/routing-facts.ts';
import { openUnits, type LineRow } from './regroup.ts';
import type { DeliveryGroupsTable, OrdersTable } from './tables.ts';

/**
 * What routing a group again reads, inside the transaction that acts on it: the channel's active rule set (or the
 * default rules), the locations that fulfil its orders, the lines' products, and stock at those locations read under
 * lock (the rows stay locked until the transaction ends, so what is decided is what gets reserved); beyond that only
 * what the rules look at (load for capacity, postcode centroids for distance, incoming stock for backorders).
 */

type Group = Selectable<DeliveryGroupsTable>;

/** The channel's rules and where its orders may be sent from; read first, so that stock can be locked before it changes. */
export interface RoutingScope {
  setup: RoutingSetup;
  set: ActiveRuleSet | null;
  document: RulesDocument;
  /** Active locations that fulfil the channel's orders, in code order. */
  candidates: string[];
  /** Those that are drop-ship vendors. */
  vendors: ReadonlySet<string>;
}

export async function routingScope(trx: Trx, order: Selectable<OrdersTable>): Promise<RoutingScope> {
  const [setup, fulfilling] = await Promise.all([readRoutingSetup(trx), channelLocationIds(trx, order.channel_id, 'fulfils', { checked: true })]);
  const usable = new Set(fulfilling);
  const { set, document } = rulesFor(setup, order.channel_id);
  const candidates = [...setup.locations.keys()].filter((id) => usable.has(id));
  const vendors = new Set(candidates.filter((id) => setup.locations.get(id)?.type === 'dropship_vendor'));
  return { setup, set, document, candidates, vendors };
}

/** Locks the stock rows of the variants at the locations (in key order, as every stock write does). */
export const lockStock = (trx: Trx, variantIds: string[], locationIds: string[]) =>
  lockLevels(
    trx,
    [...new Set(variantIds)].flatMap((variantId) => [...new Set(locationIds)].map((locationId) => ({ variantId, locationId }))),
    { create: false },
  );

/** The pickup store a group's goods must reach, if any: then they may come from elsewhere (ship to store). */
export const destinationStore = (group: Pick<Group, 'method' | 'pickup_location_id'>) => (group.method === 'ship_to_address' ? null : group.pickup_location_id);

export interface RoutingAgain {
  document: RulesDocument;
  set: ActiveRuleSet | null;
  facts: RoutingFacts;
  /** The lines as the engine routes them, from any candidate (a pickup group's goods then travel to its store). */
  toRoute: GroupToRoute;
  /** What each location has available of each variant now (after earmarks). */
  available: (variantId: string, locationId: string) => number;
}

/**
 * The facts to route `lines` of `group` again: `excluded` locations never get them; `earmarked` units (older
 * backorders of the same batch waiting for them) are not available to these. Units promised to other waiting backorders
 * are not counted as incoming for these.
 */
export async function routingFactsFor(
  trx: Trx,
  scope: RoutingScope,
  group: Group,
  lines: LineRow[],
  options: { excluded: string[]; now: Date; earmarked?: Map<string, number> },
): Promise<RoutingAgain> {
  const { setup, document, set } = scope;
  const variantIds = [...new Set(lines.map((line) => line.variant_id))];
  const store = destinationStore(group);
  const candidates = group.method === 'ship_to_store' ? scope.candidates.filter((id) => id !== store) : scope.candidates;
  const uses = usesOf([document]);
  const [products, levels, loads, centroids, incoming, preorders, promised] = await Promise.all([
    productsOfVariants(trx, variantIds),
    lockStock(trx, variantIds, candidates),
    uses.capacity ? readLoads(trx, options.now) : new Map(),
    uses.distance && !store && group.address ? readCentroids(trx, [group.address]) : new Map(),
    uses.incoming ? incomingFor(trx, variantIds) : [],
    uses.incoming ? readPreorders(trx, variantIds) : new Map(),
    uses.incoming ? othersWaitingFor(trx, group, lines, variantIds) : [],
  ]);
  const stock = levelsOf(new Map([...levels].map(([key, level]) => [key, level.available - (options.earmarked?.get(key) ?? 0)])));
  const available = (variantId: string, locationId: string) => stock.get(variantId)?.get(locationId) ?? 0;
  const network = networkAt(setup, loads, options.now);
  const pickup = store ? setup.locations.get(store) : undefined;
  const toRoute: GroupToRoute = {
    index: group.position,
    // Goods that travel to a pickup store are routed as ship to store, whatever the group was.
    method: store && group.method === 'pickup_in_store' ? 'ship_to_store' : group.method,
    pickupLocationId: store,
    destination: pickup
      ? { latitude: pickup.latitude, longitude: pickup.longitude }
      : group.address
        ? (centroids.get(postcodeKey(group.address)) ?? null)
        : null,
    promisedAt: group.promised_at,
    lines: lines.map((line) => ({
      index: line.position,
      variantId: line.variant_id,
      productId: products.get(line.variant_id)?.productId ?? '',
      sku: line.sku,
      quantity: openUnits(line),
      value: Math.round((line.line_total * openUnits(line)) / line.quantity),
      tags: products.get(line.variant_id)?.tags ?? [],
    })),
    candidates,
    excluded: options.excluded,
  };
  return {
    document,
    set,
    available,
    toRoute,
    facts: {
      now: options.now,
      locations: network,
      supply: supplyOf(stock, incomingSupply(incoming, preorders, promised)),
      flags: setup.flags,
    },
  };
}

/** Units other backordered groups wait for (their promise comes first): every backorder's, less this group's own lines. */
async function othersWaitingFor(trx: Trx, group: Group, lines: LineRow[], variantIds: string[]) {
  const waiting = await waitingBackorders(trx, variantIds);
  if (group.status !== 'backordered') return waiting;
  return waiting.map((row) => {
    if (row.locationId !== group.fulfilment_location_id) return row;
    const own = lines.filter((line) => line.variant_id === row.variantId).reduce((sum, line) => sum + openUnits(line), 0);
    return { ...row, quantity: Math.max(0, row.quantity - own) };
  });
}
