import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { requireEnabledChannel } from '../channels/service.ts';
import { InvalidInput } from '../../platform/errors.ts';
import { resolveSkus } from './skus.ts';
import { availableToPromise } from './stock-rule.ts';

/** A channel key only ever sees its own channel's stock; others may name a channel or ask network-wide. */
export function channelScope(principal: Principal, channelId: string | undefined): string | undefined {
  return principal.role === 'channel' ? principal.channelId! : channelId;
}

/** The locations a channel offers stock from (`sells`) or may fulfil from (`fulfils`); the channel must be enabled. */
export async function channelLocationIds(
  db: Executor,
  channelId: string,
  purpose: 'sells' | 'fulfils',
  options: { checked?: boolean } = {},
): Promise<string[]> {
  // `checked`: the caller has just loaded the channel and found it enabled.
  if (!options.checked) await requireEnabledChannel(db, channelId);
  const rows = await db.selectFrom('channel_locations').select('location_id').where('channel_id', '=', channelId).where(purpose, '=', true).execute();
  return rows.map((row) => row.location_id);
}

type Row = { variant_id: string; location_id: string; on_hand: number; reserved: number; incoming: number; safety_stock: number };

/** Stock of the variants at active locations (all, or only `locationIds`), in one indexed query. */
async function stockRows(db: Executor, variantIds: string[], locationIds: string[] | undefined): Promise<Row[]> {
  const { rows } = await sql<Row>`
    select s.variant_id, s.location_id, s.on_hand, s.reserved, s.incoming, effective_safety_stock(s.safety_stock, l.safety_stock) as safety_stock
    from stock_levels s join locations l on l.id = s.location_id and l.active
    where s.variant_id = any(${variantIds}::uuid[])
    ${locationIds ? sql`and s.location_id = any(${locationIds}::uuid[])` : sql``}`.execute(db);
  return rows;
}

export interface AvailabilityRequest {
  skus: string[];
  channelId?: string | undefined;
  locationIds?: string[] | undefined;
}

/**
 * A requested SKU, its variant (null: unknown SKU) and its locations with stock as space-separated lists, one per
 * column, in the same order (one aggregation feeds the four lists the same rows); null when none has stock.
 */
type SkuRow = {
  sku: string;
  variant_id: string | null;
  location_ids: string | null;
  available: string | null;
  on_hand: string | null;
  incoming: string | null;
};

const listOf = (text: string | null) => (text ? text.split(' ') : []);

/**
 * Available to promise per SKU: in total and per location, network-wide or within a channel's locations. Only the
 * locations with something to promise are listed (the levels, `GET /v1/inventory/levels`, have every location's
 * quantities). One query resolves the SKUs and reads their stock at active locations; a cart check sits on every
 * checkout page and routing reads it, so it is built to stay fast for a SKU stocked at 1,000 locations:
 *  - the SKUs' stock rows are read in one index scan and matched against the active locations in scope in one hash
 *    join: PostgreSQL's generic plan otherwise probed the locations' index once per stock row (most of the time), or
 *    scanned every location once per SKU;
 *  - available to promise is the SQL copy of the stock rule (migration 0015), so that only rows with stock travel;
 *  - each SKU comes back as one row, its locations as space-separated lists (uuids and integers): pg builds an
 *    object and a string per field of every row it receives, and for 1,000 locations that cost more than the query.
 */
export async function availabilityOf(db: Executor, request: AvailabilityRequest) {
  let locationIds = request.locationIds;
  if (request.channelId !== undefined) {
    const allowed = await channelLocationIds(db, request.channelId, 'sells');
    locationIds = locationIds ? locationIds.filter((id) => allowed.includes(id)) : allowed;
  }
  const skus = [...new Set(request.skus)];
  // `offset 0` keeps each side a scan of its own (PostgreSQL does not flatten such a subquery into the join), with the
  // tables' statistics, which a materialised CTE would not have: PostgreSQL then hashes one side once.
  const { rows } = await sql<SkuRow>`
    with k as (select k.sku, v.id as variant_id from unnest(${skus}::text[]) as k(sku) left join variants v on v.sku = k.sku),
    a as (
      select variant_id, string_agg(location_id::text, ' ') as location_ids, string_agg(available::text, ' ') as available,
             string_agg(on_hand::text, ' ') as on_hand, string_agg(incoming::text, ' ') as incoming
      from (select s.variant_id, s.location_id, s.on_hand, s.incoming,
                   available_to_promise(s.on_hand, s.reserved, effective_safety_stock(s.safety_stock, l.safety_stock)) as available
            from (select variant_id, location_id, on_hand, reserved, incoming, safety_stock from stock_levels
                  where variant_id = any(array(select variant_id from k)) offset 0) s
            join (select id, safety_stock from locations where active ${locationIds ? sql`and id = any(${locationIds}::uuid[])` : sql``} offset 0) l
              on l.id = s.location_id) r
      where available > 0
      group by variant_id)
    select k.sku, k.variant_id, a.location_ids, a.available, a.on_hand, a.incoming from k left join a on a.variant_id = k.variant_id`.execute(db);
  const unknown = new Set(rows.filter((row) => row.variant_id === null).map((row) => row.sku));
  if (unknown.size) {
    throw new InvalidInput(request.skus.flatMap((sku, index) => (unknown.has(sku) ? [{ field: `skus.${index}`, message: `SKU ${sku} does not exist` }] : [])));
  }
  const bySku = new Map(
    rows.map((row) => {
      const [ids, available, onHand, incoming] = [listOf(row.location_ids), listOf(row.available), listOf(row.on_hand), listOf(row.incoming)];
      const locations = ids.map((locationId, index) => ({
        locationId,
        available: Number(available[index]),
        onHand: Number(onHand[index]),
        incoming: Number(incoming[index]),
      }));
      locations.sort((a, b) => b.available - a.available || (a.locationId < b.locationId ? -1 : 1));
      return [row.sku, { sku: row.sku, variantId: row.variant_id!, available: locations.reduce((sum, location) => sum + location.available, 0), locations }];
    }),
  );
  return skus.map((sku) => bySku.get(sku)!);
}

const EARTH_RADIUS_KM = 6371;
export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

export interface PickupSearch {
  latitude: number;
  longitude: number;
  radiusKm: number;
  limit: number;
  channelId?: string | undefined;
  lines: { sku: string; quantity: number }[];
}

/** "Pickup stores near me": click & collect stores within the radius, nearest first, with stock for each cart line. */
export async function pickupStoresNear(db: Executor, search: PickupSearch) {
  const ids = await resolveSkus(
    db,
    search.lines.map((line) => line.sku),
    (index) => `lines.${index}.sku`,
  );
  let stores = await db
    .selectFrom('locations')
    .select(['id', 'code', 'name', 'latitude', 'longitude'])
    .where('active', '=', true)
    .where((eb) => eb(eb.val('click_and_collect'), '=', eb.fn.any('capabilities')))
    .execute();
  if (search.channelId !== undefined) {
    const allowed = new Set(await channelLocationIds(db, search.channelId, 'fulfils'));
    stores = stores.filter((store) => allowed.has(store.id));
  }
  const near = stores
    .map((store) => ({ ...store, distanceKm: Math.round(distanceKm(search, store) * 100) / 100 }))
    .filter((store) => store.distanceKm <= search.radiusKm)
    .sort((a, b) => a.distanceKm - b.distanceKm);
  const rows = near.length
    ? await stockRows(
        db,
        [...ids.values()],
        near.map((store) => store.id),
      )
    : [];
  const stock = new Map(
    rows.map((row) => [
      `${row.variant_id}|${row.location_id}`,
      availableToPromise({ onHand: row.on_hand, reserved: row.reserved, safetyStock: row.safety_stock }),
    ]),
  );
  return near
    .map((store) => {
      const lines = search.lines.map((line) => ({ sku: line.sku, requested: line.quantity, available: stock.get(`${ids.get(line.sku)}|${store.id}`) ?? 0 }));
      return {
        locationId: store.id,
        code: store.code,
        name: store.name,
        distanceKm: store.distanceKm,
        allAvailable: lines.every((line) => line.available >= line.requested),
        lines,
      };
    })
    .sort((a, b) => Number(b.allAvailable) - Number(a.allAvailable) || a.distanceKm - b.distanceKm)
    .slice(0, search.limit);
}

/** Available to promise of the SKUs at every active location that fulfils for the channels: variant|location → units. */
export async function availableWhereChannelsFulfil(db: Executor, skus: string[], channelIds: string[]): Promise<Map<string, number>> {
  if (!skus.length || !channelIds.length) return new Map();
  const { rows } = await sql<{ variant_id: string; location_id: string; on_hand: number; reserved: number; safety_stock: number }>`
    select s.variant_id, s.location_id, s.on_hand, s.reserved, effective_safety_stock(s.safety_stock, l.safety_stock) as safety_stock
    from stock_levels s join locations l on l.id = s.location_id and l.active
    where (s.variant_id, s.location_id) in (
      select v.id, cl.location_id from variants v, channel_locations cl
      where v.sku = any(${skus}::text[]) and cl.channel_id = any(${channelIds}::uuid[]) and cl.fulfils)`.execute(db);
  return new Map(
    rows.map((row) => [
      `${row.variant_id}|${row.location_id}`,
      availableToPromise({ onHand: row.on_hand, reserved: row.reserved, safetyStock: row.safety_stock }),
    ]),
  );
}
