import type { Executor } from '../../platform/db/database.ts';
import type { CapacityWindow, LocationType } from '../locations/tables.ts';
import type { Coordinates, RoutingFacts } from './network.ts';
import type { RulesDocument } from './rules.ts';

/**
 * What routing keeps in memory with the selling set-up (orders/selling-setup.ts; any change to these tables raises the
 * set-up's version): each channel's active rule set, every active location as routing sees it, and the product ×
 * location flags set.
 */
export interface RoutingSetup {
  ruleSets: Map<string, ActiveRuleSet>;
  locations: Map<string, RoutingLocation>;
  /** Per product, then location; a pair not listed may be routed and picked up. */
  flags: RoutingFacts['flags'];
  /** What batches read kept a while (facts.ts `keptLoads`, `keptCentroids`): a new set-up version starts afresh. */
  kept: KeptFacts;
}

export interface KeptFacts {
  loads?: { readAt: number; loads: Promise<Map<string, { hour: Date; orders: number }[]>> };
  /** `COUNTRY POSTCODE` → coordinates, null for a postcode not in the table. */
  centroids: Map<string, Coordinates | null>;
}

export interface ActiveRuleSet {
  id: string;
  version: number;
  document: RulesDocument;
}

export interface RoutingLocation {
  id: string;
  code: string;
  type: LocationType;
  latitude: number;
  longitude: number;
  groups: string[];
  capabilities: string[];
  timezone: string;
  openingHours: Record<string, string[]>;
  dailyCapacity: number;
  capacityWindows: CapacityWindow[];
}

export async function readRoutingSetup(db: Executor): Promise<RoutingSetup> {
  const [ruleSets, locations, flags] = await Promise.all([
    db.selectFrom('routing_rule_sets').select(['id', 'channel_id', 'version', 'document']).where('status', '=', 'active').execute(),
    db
      .selectFrom('locations')
      .select(['id', 'code', 'type', 'latitude', 'longitude', 'groups', 'capabilities', 'timezone', 'opening_hours', 'daily_capacity', 'capacity_windows'])
      .where('active', '=', true)
      .orderBy('code')
      .execute(),
    db.selectFrom('routing_product_locations').selectAll().execute(),
  ]);
  return {
    ruleSets: new Map(ruleSets.map((row) => [row.channel_id, { id: row.id, version: row.version, document: row.document }])),
    locations: new Map(
      locations.map((row) => [
        row.id,
        {
          id: row.id,
          code: row.code,
          type: row.type,
          latitude: row.latitude,
          longitude: row.longitude,
          groups: row.groups,
          capabilities: row.capabilities,
          timezone: row.timezone,
          openingHours: row.opening_hours,
          dailyCapacity: row.daily_capacity,
          capacityWindows: row.capacity_windows,
        },
      ]),
    ),
    flags: flagsOf(flags),
    kept: { centroids: new Map() },
  };
}

function flagsOf(rows: { product_id: string; location_id: string; may_route: boolean; may_pickup: boolean }[]): RoutingFacts['flags'] {
  const flags: RoutingFacts['flags'] = new Map();
  for (const row of rows) {
    let byLocation = flags.get(row.product_id);
    if (!byLocation) flags.set(row.product_id, (byLocation = new Map()));
    byLocation.set(row.location_id, { mayRoute: row.may_route, mayPickup: row.may_pickup });
  }
  return flags;
}
