import { sql, type RawBuilder } from 'kysely';
import type { Executor, Trx } from '../../platform/db/database.ts';
import type { MovementKind } from './tables.ts';
import { Conflict, InvalidInput } from '../../platform/errors.ts';
import { writeTogether } from '../../platform/db/statements.ts';
import { stockChangedEventsOf, type ChangedLevel } from './stock-events.ts';
import { availableToPromise } from './stock-rule.ts';

/**
 * The one gate for stock: every quantity change goes through `changeStock`, which locks the rows it touches in a
 * fixed order (variant, location) so two transactions never deadlock, checks the result in memory, writes the new
 * quantities, the ledger movements and the outbox events in the caller's transaction. Quantities and ledger agree
 * by construction.
 */

export interface StockKey {
  variantId: string;
  locationId: string;
}
export const keyOf = (variantId: string, locationId: string) => `${variantId}|${locationId}`;

export interface Level extends StockKey {
  onHand: number;
  reserved: number;
  damaged: number;
  incoming: number;
  /** Effective safety stock: the SKU's own, else its location's. */
  safetyStock: number;
  /** Available to promise: on hand − reserved − safety stock, never below 0. */
  available: number;
}

type LevelRow = { variant_id: string; location_id: string; on_hand: number; reserved: number; damaged: number; incoming: number; safety_stock: number };
/** A level as the API answers it, from its row: the one place available to promise is worked out in TypeScript. */
export const toLevel = (row: LevelRow): Level => {
  const level = {
    variantId: row.variant_id,
    locationId: row.location_id,
    onHand: row.on_hand,
    reserved: row.reserved,
    damaged: row.damaged,
    incoming: row.incoming,
    safetyStock: row.safety_stock,
    available: 0,
  };
  level.available = availableToPromise(level);
  return level;
};

function sortedKeys(keys: Iterable<StockKey>): StockKey[] {
  const unique = new Map<string, StockKey>();
  for (const key of keys) unique.set(keyOf(key.variantId, key.locationId), key);
  return [...unique.values()].sort((a, b) => (a.variantId === b.variantId ? (a.locationId < b.locationId ? -1 : 1) : a.variantId < b.variantId ? -1 : 1));
}

/** Reads levels without locking (availability answers). Missing rows are absent from the map. */
export async function readLevels(db: Executor, keys: StockKey[]): Promise<Map<string, Level>> {
  return selectLevels(db, sortedKeys(keys), false);
}

async function selectLevels(db: Executor, keys: StockKey[], lock: boolean): Promise<Map<string, Level>> {
  const levels = new Map<string, Level>();
  if (!keys.length) return levels;
  const { rows } = await sql<LevelRow>`
    select s.variant_id, s.location_id, s.on_hand, s.reserved, s.damaged, s.incoming,
           effective_safety_stock(s.safety_stock, l.safety_stock) as safety_stock
    from stock_levels s
    join locations l on l.id = s.location_id
    join unnest(${keys.map((key) => key.variantId)}::uuid[], ${keys.map((key) => key.locationId)}::uuid[]) as k(variant_id, location_id)
      on s.variant_id = k.variant_id and s.location_id = k.location_id
    order by s.variant_id, s.location_id
    ${lock ? sql`for update of s` : sql``}`.execute(db);
  for (const row of rows) levels.set(keyOf(row.variant_id, row.location_id), toLevel(row));
  return levels;
}

/**
 * Locks the levels of the keys, in key order. With `create`, missing rows are created first (at zero), so a receipt
 * at a new SKU × location has a row to lock. A key whose variant or location does not exist is a 400.
 */
export async function lockLevels(trx: Trx, keys: StockKey[], options: { create: boolean }): Promise<Map<string, Level>> {
  const sorted = sortedKeys(keys);
  let levels = await selectLevels(trx, sorted, true);
  const missing = sorted.filter((key) => !levels.has(keyOf(key.variantId, key.locationId)));
  if (missing.length && options.create) {
    await assertKeysExist(trx, missing);
    await sql`
      insert into stock_levels (variant_id, location_id)
      select * from unnest(${missing.map((key) => key.variantId)}::uuid[], ${missing.map((key) => key.locationId)}::uuid[])
      on conflict do nothing`.execute(trx);
    levels = await selectLevels(trx, sorted, true);
  }
  return levels;
}

async function assertKeysExist(db: Executor, keys: StockKey[]) {
  const variantIds = [...new Set(keys.map((key) => key.variantId))];
  const locationIds = [...new Set(keys.map((key) => key.locationId))];
  const [variants, locations] = await Promise.all([
    db.selectFrom('variants').select('id').where('id', 'in', variantIds).execute(),
    db.selectFrom('locations').select('id').where('id', 'in', locationIds).execute(),
  ]);
  const knownVariants = new Set(variants.map((row) => row.id));
  const knownLocations = new Set(locations.map((row) => row.id));
  const errors = [
    ...variantIds.filter((id) => !knownVariants.has(id)).map((id) => ({ field: 'variantId', message: `variant ${id} does not exist` })),
    ...locationIds.filter((id) => !knownLocations.has(id)).map((id) => ({ field: 'locationId', message: `location ${id} does not exist` })),
  ];
  if (errors.length) throw new InvalidInput(errors);
}

export interface StockChange extends StockKey {
  kind: MovementKind;
  /** The movement's size as the retailer says it (always positive for a count or a transfer; signed for an adjustment). */
  quantity: number;
  onHand?: number;
  reserved?: number;
  damaged?: number;
  incoming?: number;
  reason?: string;
  referenceType?: string;
  referenceId?: string;
}

export interface Shortage extends StockKey {
  sku: string;
  requested: number;
  available: number;
}

/** Not enough stock: a 409 that says, per line, how many are available. Nothing was changed. */
export class InsufficientStock extends Conflict {
  readonly shortages: Shortage[];
  constructor(shortages: Shortage[]) {
    const list = shortages.map((line) => `${line.sku}: ${line.requested} requested, ${line.available} available`).join('; ');
    super('insufficient-stock', `Not enough stock (${list}).`, { shortages });
    this.shortages = shortages;
  }
}

export async function withSkus(db: Executor, shortages: Omit<Shortage, 'sku'>[]): Promise<Shortage[]> {
  const ids = [...new Set(shortages.map((line) => line.variantId))];
  const rows = ids.length ? await db.selectFrom('variants').select(['id', 'sku']).where('id', 'in', ids).execute() : [];
  const skus = new Map(rows.map((row) => [row.id, row.sku]));
  return shortages.map((line) => ({ ...line, sku: skus.get(line.variantId) ?? line.variantId }));
}

/**
 * A count, an adjustment or a damage records what is physically there; it may reveal that fewer units remain than are
 * promised (reserved > on hand). Every other movement must leave each reserved unit covered by one on hand.
 */
const RECORDS_PHYSICAL_TRUTH = new Set<string>(['count', 'adjustment', 'damage']);

/**
 * Applies stock changes in the caller's transaction: lock, check, update, ledger, events. Throws
 * `InsufficientStock` (and changes nothing, as the transaction rolls back) if any quantity would break a rule:
 * on hand, reserved, damaged and incoming never below zero, and no sale, reservation or transfer may take a unit
 * that is promised to someone else.
 */
export async function changeStock(trx: Trx, changes: StockChange[], actor: string): Promise<Map<string, Level>> {
  if (!changes.length) return new Map();
  // Rows are created when missing, so every movement written has a level it sums into.
  const levels = await lockLevels(trx, changes, { create: true });
  const before = new Map([...levels].map(([key, level]) => [key, { ...level }]));
  const shortages = new Map<string, Omit<Shortage, 'sku'>>();
  for (const change of changes) {
    const key = keyOf(change.variantId, change.locationId);
    const level = levels.get(key)!;
    level.onHand += change.onHand ?? 0;
    level.reserved += change.reserved ?? 0;
    level.damaged += change.damaged ?? 0;
    level.incoming += change.incoming ?? 0;
    level.available = availableToPromise(level);
    const uncovered = level.reserved > level.onHand && !RECORDS_PHYSICAL_TRUTH.has(change.kind);
    if (level.onHand < 0 || level.reserved < 0 || level.damaged < 0 || level.incoming < 0 || uncovered) {
      const start = before.get(key);
      const requested = Math.abs(change.onHand ?? change.reserved ?? change.damaged ?? change.incoming ?? change.quantity);
      shortages.set(key, {
        variantId: change.variantId,
        locationId: change.locationId,
        requested,
        available: start ? Math.max(0, start.onHand - start.reserved) : 0,
      });
    }
  }
  if (shortages.size) throw new InsufficientStock(await withSkus(trx, [...shortages.values()]));
  await persistChanges(trx, [...levels.values()], changes, actor, before);
  return levels;
}

/** Writes absolute quantities of rows the transaction holds locked. */
export function levelsUpdate(levels: Level[]): RawBuilder<unknown> | null {
  if (!levels.length) return null;
  return sql`
    update stock_levels s set on_hand = v.on_hand, reserved = v.reserved, damaged = v.damaged, incoming = v.incoming, updated_at = now()
    from unnest(${levels.map((l) => l.variantId)}::uuid[], ${levels.map((l) => l.locationId)}::uuid[], ${levels.map((l) => l.onHand)}::int[],
                ${levels.map((l) => l.reserved)}::int[], ${levels.map((l) => l.damaged)}::int[], ${levels.map((l) => l.incoming)}::int[])
      as v(variant_id, location_id, on_hand, reserved, damaged, incoming)
    where s.variant_id = v.variant_id and s.location_id = v.location_id`;
}

export function movementsInsert(changes: StockChange[], actor: string): RawBuilder<unknown> | null {
  if (!changes.length) return null;
  const column = <T>(pick: (change: StockChange) => T) => changes.map(pick);
  return sql`
    insert into stock_movements (variant_id, location_id, kind, quantity, on_hand_change, reserved_change, damaged_change, incoming_change,
                                 reason, reference_type, reference_id, actor)
    select v.*, ${actor}::text from unnest(
      ${column((c) => c.variantId)}::uuid[], ${column((c) => c.locationId)}::uuid[], ${column((c) => c.kind)}::text[], ${column((c) => c.quantity)}::int[],
      ${column((c) => c.onHand ?? 0)}::int[], ${column((c) => c.reserved ?? 0)}::int[], ${column((c) => c.damaged ?? 0)}::int[], ${column((c) => c.incoming ?? 0)}::int[],
      ${column((c) => c.reason ?? '')}::text[], ${column((c) => c.referenceType ?? '')}::text[], ${column((c) => c.referenceId ?? '')}::text[]) as v`;
}

/** The SKU × locations whose quantities changed, as their `stock.changed` events carry them (stock-events.ts). */
export function changedLevels(levels: Level[], before: Map<string, Level>): ChangedLevel[] {
  return levels.flatMap((level) => {
    const old = before.get(keyOf(level.variantId, level.locationId));
    const changed = !old || old.onHand !== level.onHand || old.reserved !== level.reserved || old.damaged !== level.damaged || old.incoming !== level.incoming;
    return changed ? [{ ...level, availableBefore: old?.available ?? 0 }] : [];
  });
}

/** Writes the levels, the ledger movements and the events of a change in one round trip. */
export async function persistChanges(
  trx: Trx,
  levels: Level[],
  changes: StockChange[],
  actor: string,
  before: Map<string, Level>,
  extra: (RawBuilder<unknown> | null)[] = [],
) {
  await writeTogether(trx, [...changeWrites(levels, changes, actor, before), ...extra]);
}

/** The statements of `persistChanges`, for a caller that sends them along with its own. */
export function changeWrites(levels: Level[], changes: StockChange[], actor: string, before: Map<string, Level>): (RawBuilder<unknown> | null)[] {
  return [levelsUpdate(levels), movementsInsert(changes, actor), stockChangedEventsOf(changedLevels(levels, before))];
}
