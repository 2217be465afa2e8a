import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { Coordinates, IncomingSupply, NetworkLocation } from './network.ts';
import type { RulesDocument } from './rules.ts';
import type { KeptFacts, RoutingLocation, RoutingSetup } from './setup.ts';

/**
 * The facts of the network a batch of decisions needs beyond the set-up kept in memory, read only when the rules in
 * play use them: the load routed to each location today and in its capacity window (capacity), postcode centroids
 * (distance), and stock that will arrive (backorders). Each is one query for the batch.
 */

/** What the rules of a batch look at. */
export function usesOf(documents: RulesDocument[]) {
  const rules = documents.flatMap((document) => document.rules);
  return {
    capacity: rules.some((rule) => rule.locations.underCapacity || rule.ranking.includes('remaining_capacity')),
    distance: rules.some((rule) => rule.locations.maxDistanceKm !== undefined || rule.ranking.includes('distance')),
    incoming: rules.some((rule) => rule.whenNothingQualifies === 'backorder'),
  };
}

const HOUR = 3_600_000;

/** Delivery groups routed per location and hour over the last day and a half (enough for any time zone's today). */
export async function readLoads(db: Executor, now: Date): Promise<Map<string, { hour: Date; orders: number }[]>> {
  const { rows } = await sql<{ location_id: string; hour: Date; orders: number }>`
    select location_id, hour, sum(orders)::int as orders from routing_load
    where hour >= ${new Date(now.getTime() - 38 * HOUR)} group by location_id, hour`.execute(db);
  const loads = new Map<string, { hour: Date; orders: number }[]>();
  for (const row of rows) loads.set(row.location_id, [...(loads.get(row.location_id) ?? []), { hour: new Date(row.hour), orders: row.orders }]);
  return loads;
}

const LOADS_KEPT_MS = 1000;
const MAX_KEPT_CENTROIDS = 50_000;

/**
 * The loads, read at most once a second per process: capacity is a limit on a day's or a shift's work, and a second
 * of orders more or less is within what a location can take (the explanation gives the figures it used).
 */
export function keptLoads(db: Executor, kept: KeptFacts, now: Date): Promise<Map<string, { hour: Date; orders: number }[]>> {
  if (!kept.loads || Math.abs(now.getTime() - kept.loads.readAt) >= LOADS_KEPT_MS) {
    const loads = readLoads(db, now);
    kept.loads = { readAt: now.getTime(), loads };
    loads.catch(() => {
      if (kept.loads?.loads === loads) kept.loads = undefined;
    });
  }
  return kept.loads.loads;
}

/**
 * A group routed to a location by this process: counted at once in the batch's network (the batch's next groups see
 * it) and in the loads kept (the next batches of this process see it before the next read).
 */
export function noteRouted(network: Map<string, NetworkLocation>, kept: KeptFacts, locationId: string, now: Date) {
  const location = network.get(locationId);
  if (location) {
    location.capacity.today.used++;
    if (location.capacity.window) location.capacity.window.used++;
  }
  if (kept.loads) {
    const hour = new Date(Math.floor(now.getTime() / HOUR) * HOUR);
    kept.loads.loads = kept.loads.loads.then((loads) => loads.set(locationId, [...(loads.get(locationId) ?? []), { hour, orders: 1 }]));
  }
}

/** Centroids of the postcodes, those not kept yet read (and kept: a postcode's place does not move). */
export async function keptCentroids(db: Executor, kept: KeptFacts, postcodes: { country: string; postalCode: string }[]): Promise<Map<string, Coordinates>> {
  const missing = postcodes.filter((postcode) => !kept.centroids.has(postcodeKey(postcode)));
  if (missing.length) {
    const read = await readCentroids(db, missing);
    if (kept.centroids.size > MAX_KEPT_CENTROIDS) kept.centroids.clear();
    for (const postcode of missing) kept.centroids.set(postcodeKey(postcode), read.get(postcodeKey(postcode)) ?? null);
  }
  const known = new Map<string, Coordinates>();
  for (const postcode of postcodes) {
    const coordinates = kept.centroids.get(postcodeKey(postcode));
    if (coordinates) known.set(postcodeKey(postcode), coordinates);
  }
  return known;
}

/** Coordinates of the postcodes asked (`country postalCode` → coordinates). */
export async function readCentroids(db: Executor, postcodes: { country: string; postalCode: string }[]): Promise<Map<string, Coordinates>> {
  const unique = [...new Map(postcodes.map((postcode) => [postcodeKey(postcode), postcode])).values()];
  if (!unique.length) return new Map();
  const rows = await db
    .selectFrom('postcode_centroids')
    .select(['country', 'postal_code', 'latitude', 'longitude'])
    .where(({ eb, refTuple, tuple }) =>
      eb(
        refTuple('country', 'postal_code'),
        'in',
        unique.map((postcode) => tuple(postcode.country.toUpperCase(), normalPostcode(postcode.postalCode))),
      ),
    )
    .execute();
  return new Map(rows.map((row) => [`${row.country} ${row.postal_code}`, { latitude: row.latitude, longitude: row.longitude }]));
}

export const postcodeKey = (postcode: { country: string; postalCode: string }) => `${postcode.country.toUpperCase()} ${normalPostcode(postcode.postalCode)}`;
const normalPostcode = (postalCode: string) => postalCode.replaceAll(' ', '').toUpperCase();

/** Preorder allowances of the variants: units that may be promised before any stock exists, and when. */
export async function readPreorders(db: Executor, variantIds: string[]): Promise<Map<string, IncomingSupply>> {
  if (!variantIds.length) return new Map();
  const rows = await db.selectFrom('preorder_allowances').selectAll().where('variant_id', 'in', variantIds).execute();
  return new Map(rows.map((row) => [row.variant_id, { locationId: null, quantity: row.quantity, expectedAt: new Date(row.available_at) }]));
}

/**
 * Incoming supply per variant not yet promised: receipts and transfers expected (earliest first), then preorder
 * allowances, less what earlier backorders wait for at the same place (they were promised the earliest units).
 */
export function incomingSupply(
  expected: { variantId: string; locationId: string; quantity: number; expectedAt: Date | null }[],
  preorders: Map<string, IncomingSupply>,
  promised: { variantId: string; locationId: string | null; quantity: number }[],
): Map<string, IncomingSupply[]> {
  const supply = new Map<string, IncomingSupply[]>();
  const sorted = [...expected].sort((a, b) => (a.expectedAt?.getTime() ?? 0) - (b.expectedAt?.getTime() ?? 0));
  for (const row of sorted) {
    // A transfer shipped without a date promises nothing.
    if (row.expectedAt === null) continue;
    const rows = supply.get(row.variantId) ?? [];
    rows.push({ locationId: row.locationId, quantity: row.quantity, expectedAt: row.expectedAt });
    supply.set(row.variantId, rows);
  }
  for (const [variantId, allowance] of preorders) supply.set(variantId, [...(supply.get(variantId) ?? []), { ...allowance }]);
  for (const { variantId, locationId, quantity } of promised) {
    let left = quantity;
    for (const row of supply.get(variantId) ?? []) {
      if (row.locationId !== locationId || left === 0) continue;
      const used = Math.min(left, row.quantity);
      row.quantity -= used;
      left -= used;
    }
  }
  for (const [variantId, rows] of supply)
    supply.set(
      variantId,
      rows.filter((row) => row.quantity > 0),
    );
  return supply;
}

/** The locations as the engine sees them at `now`: open today or not, and their capacity used today and in the current window. */
export function networkAt(setup: RoutingSetup, loads: Map<string, { hour: Date; orders: number }[]>, now: Date): Map<string, NetworkLocation> {
  const offsets = new Map<string, number>();
  return new Map(
    [...setup.locations.values()].map((location) => {
      let offset = offsets.get(location.timezone);
      if (offset === undefined) offsets.set(location.timezone, (offset = offsetOf(location.timezone, now)));
      return [location.id, networkLocation(location, loads.get(location.id) ?? [], now, offset)];
    }),
  );
}

function networkLocation(location: RoutingLocation, loads: { hour: Date; orders: number }[], now: Date, offset: number): NetworkLocation {
  const here = local(now, offset);
  let today = 0;
  let inWindow = 0;
  const window = location.capacityWindows.find((candidate) => candidate.from <= here.time && here.time < candidate.to);
  for (const load of loads) {
    const then = local(load.hour, offset);
    if (then.date !== here.date) continue;
    today += load.orders;
    // Counted by the hour: an hour that starts in the window counts in it.
    if (window && window.from.slice(0, 2) <= then.time.slice(0, 2) && then.time < window.to) inWindow += load.orders;
  }
  return {
    id: location.id,
    code: location.code,
    type: location.type,
    latitude: location.latitude,
    longitude: location.longitude,
    groups: location.groups,
    capabilities: location.capabilities,
    openToday: (location.openingHours[here.weekday]?.length ?? 0) > 0,
    capacity: {
      today: { used: today, limit: location.dailyCapacity },
      window: window ? { used: inWindow, limit: window.orders, label: `${window.from}-${window.to}` } : null,
    },
  };
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** The date (YYYY-MM-DD), time (HH:MM) and weekday (mon…sun) of `at` shifted by a time zone's offset. */
function local(at: Date, offsetMs: number) {
  const shifted = new Date(at.getTime() + offsetMs);
  const iso = shifted.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16), weekday: WEEKDAYS[shifted.getUTCDay()] ?? '' };
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** A time zone's offset from UTC at `at`, in ms (the day's loads are counted with it: a day of a DST change is off by an hour). */
function offsetOf(timezone: string, at: Date): number {
  let format = formats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: timezone, timeZoneName: 'longOffset' });
    formats.set(timezone, format);
  }
  const name = format.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000 : 0;
}
