import type { LocationType } from '../locations/tables.ts';
import type { DeliveryMethod } from '../pricing/terms.ts';

/**
 * What the routing engine (engine.ts) is given: the order's delivery groups to route and the facts of the network at
 * one moment. Plain data, read by facts.ts from the database (or built by hand in tests): the engine reads nothing else.
 */

export interface Coordinates {
  latitude: number;
  longitude: number;
}

export interface NetworkLocation extends Coordinates {
  id: string;
  code: string;
  type: LocationType;
  groups: string[];
  capabilities: string[];
  /** Whether it has opening hours today, its own day. */
  openToday: boolean;
  /** Delivery groups routed to it today (its own day) and in its current capacity window, against its limits (0 = none). */
  capacity: { today: Capacity; window: (Capacity & { label: string }) | null };
}

export interface Capacity {
  used: number;
  limit: number;
}

export interface LineToRoute {
  /** Its position in the order. */
  index: number;
  variantId: string;
  productId: string;
  sku: string;
  quantity: number;
  /** What the line is worth (minor units), for a minimum shipment value. */
  value: number;
  /** The product's tags (category and others). */
  tags: string[];
  /** Lines of the same kit are sent together, from one location. */
  kit?: string | undefined;
}

export interface GroupToRoute {
  /** Its position in the order. */
  index: number;
  method: DeliveryMethod;
  /** The store that hands over (pickup_in_store, ship_to_store); null when routing chooses it or it is a delivery. */
  pickupLocationId: string | null;
  /** Where the goods go: the address's coordinates (or its postcode centroid), or the pickup store's. */
  destination: Coordinates | null;
  promisedAt: Date | null;
  lines: LineToRoute[];
  /** The locations that fulfil the channel's orders (for ship to store, not the pickup store itself). */
  candidates: string[];
  /** Locations that rejected these lines before: never chosen again for them. */
  excluded: string[];
}

export interface OrderToRoute {
  channelId: string;
  priority: number;
  groups: GroupToRoute[];
}

/** Units that will arrive: a receipt or transfer expected at a location, or a preorder allowance (no location). */
export interface IncomingSupply {
  locationId: string | null;
  quantity: number;
  expectedAt: Date;
}

/**
 * Stock as routing counts it while deciding: available to promise per variant and location, and incoming units not
 * yet promised to earlier backorders. Decisions take from it, so that later groups of the batch see what is left.
 */
export interface Supply {
  available(variantId: string, locationId: string): number;
  /** `available` for one variant, its maps looked up once: for the many locations a decision weighs. */
  at(variantId: string): (locationId: string) => number;
  take(variantId: string, locationId: string, quantity: number): void;
  /** Incoming units of a variant not promised yet, earliest first. */
  incoming(variantId: string): IncomingSupply[];
  promise(variantId: string, locationId: string | null, quantity: number): void;
  /** False until incoming stock is read, for a caller that reads it only when a decision needs it (`learnIncoming`). */
  incomingKnown(): boolean;
  learnIncoming(incoming: Map<string, IncomingSupply[]>): void;
  /** A point to come back to with `undo`: what was taken after it is given back. */
  mark(): number;
  undo(mark: number): void;
}

export interface RoutingFacts {
  now: Date;
  locations: Map<string, NetworkLocation>;
  supply: Supply;
  /** Per product, then location (both true when nothing is set). */
  flags: Map<string, Map<string, { mayRoute: boolean; mayPickup: boolean }>>;
}

/** Units per variant, then per location. */
export type Levels = Map<string, Map<string, number>>;

/** Levels from `variantId|locationId` → units (as inventory reads them). */
export function levelsOf(units: Map<string, number>, separator = '|'): Levels {
  const levels: Levels = new Map();
  for (const [key, quantity] of units) {
    const at = key.indexOf(separator);
    const variantId = key.slice(0, at);
    let byLocation = levels.get(variantId);
    if (!byLocation) levels.set(variantId, (byLocation = new Map()));
    byLocation.set(key.slice(at + separator.length), quantity);
  }
  return levels;
}

/** A supply over what was read (available to promise per variant and location, incoming per variant), for the order path and tests alike. */
export function supplyOf(available: Levels, incomingRead: Map<string, IncomingSupply[]> | 'not read' = new Map()): Supply {
  const taken: Levels = new Map();
  const promised = new Map<string, IncomingSupply[]>();
  let incoming = incomingRead === 'not read' ? new Map<string, IncomingSupply[]>() : incomingRead;
  let known = incomingRead !== 'not read';
  const log: [variantId: string, locationId: string, quantity: number][] = [];
  return {
    incomingKnown: () => known,
    learnIncoming: (read) => {
      incoming = read;
      known = true;
    },
    mark: () => log.length,
    undo: (mark) => {
      for (const [variantId, locationId, quantity] of log.splice(mark)) {
        const byLocation = taken.get(variantId);
        byLocation?.set(locationId, (byLocation.get(locationId) ?? 0) - quantity);
      }
    },
    available: (variantId, locationId) => (available.get(variantId)?.get(locationId) ?? 0) - (taken.get(variantId)?.get(locationId) ?? 0),
    at: (variantId) => {
      const levels = available.get(variantId);
      let takenHere = taken.get(variantId);
      if (!takenHere) taken.set(variantId, (takenHere = new Map()));
      const took = takenHere;
      return levels ? (locationId) => (levels.get(locationId) ?? 0) - (took.get(locationId) ?? 0) : (locationId) => -(took.get(locationId) ?? 0);
    },
    take: (variantId, locationId, quantity) => {
      let byLocation = taken.get(variantId);
      if (!byLocation) taken.set(variantId, (byLocation = new Map()));
      byLocation.set(locationId, (byLocation.get(locationId) ?? 0) + quantity);
      log.push([variantId, locationId, quantity]);
    },
    incoming: (variantId) => promised.get(variantId) ?? incoming.get(variantId) ?? [],
    promise: (variantId, locationId, quantity) => {
      let left = quantity;
      const rows = (promised.get(variantId) ?? incoming.get(variantId) ?? []).map((row) => {
        if (row.locationId !== locationId || left === 0) return row;
        const used = Math.min(left, row.quantity);
        left -= used;
        return { ...row, quantity: row.quantity - used };
      });
      promised.set(
        variantId,
        rows.filter((row) => row.quantity > 0),
      );
    },
  };
}

/** Great-circle distance in km, to 0.1 km. */
export function distanceKm(a: Coordinates, b: Coordinates): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return Math.round(12_742 * Math.asin(Math.min(1, Math.sqrt(h))) * 10) / 10;
}
