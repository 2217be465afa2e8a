import { sql, type RawBuilder } from 'kysely';
import { writeTogether, type Guarded } from '../../platform/db/statements.ts';
import type { Db, Executor, Trx } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { NotFound, RuleViolation } from '../../platform/errors.ts';
import { stockChangedEvents } from './stock-events.ts';
import { availableToPromise } from './stock-rule.ts';
import {
  changeStock,
  changeWrites,
  InsufficientStock,
  keyOf,
  lockLevels,
  movementsInsert,
  persistChanges,
  withSkus,
  type Level,
  type Shortage,
  type StockChange,
  type StockKey,
} from './stock.ts';

/**
 * Reservations: units of a SKU × location set aside for a cart (a hold that lapses) or an order, granted in batches
 * and then released, deducted or confirmed. Over 300 lines: one job, a reservation's life; the batch decision and
 * its statements (`decideReservations`, `reservationsIfAllFit`) are what would go to a file of their own next.
 */

export interface ReservationLine extends StockKey {
  quantity: number;
  /** The reservation's id when the caller has already written it down (an order line); a new one otherwise. */
  id?: string | undefined;
}

export interface ReserveRequest {
  lines: ReservationLine[];
  /** `hold`: a cart's soft hold that expires; `order`: a firm reservation until deducted or released. */
  kind: 'hold' | 'order';
  /** For holds: seconds until the hold lapses and its stock is free again. */
  ttlSeconds?: number | undefined;
  channelId?: string | null | undefined;
  referenceType?: string | undefined;
  referenceId?: string | undefined;
  actor: string;
  /** The units may come out of the safety stock: goods that arrived for this very reservation (ship to store). */
  fromSafetyStock?: boolean | undefined;
}

export interface Reservation extends StockKey {
  id: string;
  quantity: number;
  kind: 'hold' | 'order';
  status: 'active' | 'released' | 'expired' | 'deducted';
  channelId: string | null;
  referenceType: string;
  referenceId: string;
  expiresAt: string | null;
  createdAt: string;
}

export type Outcome = { reservations: Reservation[] } | { shortages: Omit<Shortage, 'sku'>[] };

/**
 * Grants a batch of reservation requests in one transaction: one locking read of every SKU × location involved,
 * the decisions in memory in arrival order (each request all lines or none), then one UPDATE, one INSERT of
 * reservations, one of ledger movements and one of events, whatever the number of requests. This is how one hot
 * SKU takes thousands of reservations a second without ever granting a unit twice: the row lock serialises
 * batches, and within a batch the arithmetic is exact.
 */
export async function grantReservations(trx: Trx, requests: ReserveRequest[]): Promise<Outcome[]> {
  const { outcomes, writes } = await decideReservations(trx, requests);
  await writeTogether(trx, writes);
  return outcomes;
}

/**
 * The decisions of `grantReservations` with the writes that carry them out, for a caller that sends those writes with
 * its own (an order batch writes its stock and its orders in one statement). The levels stay locked until commit.
 */
export async function decideReservations(trx: Trx, requests: ReserveRequest[]): Promise<{ outcomes: Outcome[]; writes: (RawBuilder<unknown> | null)[] }> {
  const keys = requests.flatMap((request) => request.lines);
  const levels = await lockLevels(trx, keys, { create: false });
  let outcomes = decide(requests, levels);
  if (outcomes.some((outcome) => 'shortages' in outcome)) {
    // Holds past their expiry never keep stock, even before the sweeper has come by.
    if (await expireHoldsOf(trx, keys, levels)) outcomes = decide(requests, levels);
  }
  const before = new Map([...levels].map(([key, level]) => [key, { ...level }]));
  const now = new Date();
  const rows: Reservation[] = [];
  const changes: StockChange[] = [];
  const results: Outcome[] = outcomes.map((outcome, index) => {
    if ('shortages' in outcome) return outcome;
    const granted = grant(requests[index]!, now, rows, changes);
    for (const line of granted) {
      const level = levels.get(keyOf(line.variantId, line.locationId))!;
      level.reserved += line.quantity;
      level.available = availableToPromise(level);
    }
    return { reservations: granted };
  });
  if (!rows.length) return { outcomes: results, writes: [] };
  const touched = [...new Set(rows.map((row) => keyOf(row.variantId, row.locationId)))].map((key) => levels.get(key)!);
  return { outcomes: results, writes: [...changeWrites(touched, changes, actorOf(requests), before), reservationsInsert(rows)] };
}

/** The reservations of a request granted whole, added to `rows`, with their ledger movements added to `changes`. */
function grant(request: ReserveRequest, now: Date, rows: Reservation[], changes: StockChange[]): Reservation[] {
  const expiresAt = request.kind === 'hold' ? new Date(now.getTime() + (request.ttlSeconds ?? 900) * 1000).toISOString() : null;
  const granted = request.lines.map(
    (line): Reservation => ({
      id: line.id ?? newId(),
      variantId: line.variantId,
      locationId: line.locationId,
      quantity: line.quantity,
      kind: request.kind,
      status: 'active',
      channelId: request.channelId ?? null,
      referenceType: request.referenceType ?? '',
      referenceId: request.referenceId ?? '',
      expiresAt,
      createdAt: now.toISOString(),
    }),
  );
  for (const reservation of granted) {
    changes.push({
      variantId: reservation.variantId,
      locationId: reservation.locationId,
      kind: 'reservation',
      quantity: reservation.quantity,
      reserved: reservation.quantity,
      referenceType: 'reservation',
      referenceId: reservation.id,
      reason: request.kind,
    });
  }
  rows.push(...granted);
  return granted;
}

const actorOf = (requests: ReserveRequest[]) => (requests.every((request) => request.actor === requests[0]!.actor) ? requests[0]!.actor : 'batch');

/**
 * Every request granted whole, without a lock or a transaction: for a caller that writes its own rows with these in
 * one statement (`writeIf`). The statement locks the levels and takes the units only if each level still has enough
 * for all the requests together, in which case deciding them one by one under lock (`decideReservations`) would have
 * granted them all too. If one has not, nothing is written, and the caller decides under lock (which also says who is
 * short). The new quantities and their `stock.changed` events are computed in the statement, from the locked rows.
 * The check keeps the safety stock, even for a request that may take it (`fromSafetyStock`): at worst such a request
 * goes to the lock when it need not.
 */
export function reservationsIfAllFit(requests: ReserveRequest[]): { outcomes: Outcome[]; guard: Guarded; writes: (RawBuilder<unknown> | null)[] } {
  const now = new Date();
  const rows: Reservation[] = [];
  const changes: StockChange[] = [];
  const outcomes = requests.map((request) => ({ reservations: grant(request, now, rows, changes) }));
  const wanted = new Map<string, { variantId: string; locationId: string; quantity: number }>();
  for (const row of rows) {
    const key = keyOf(row.variantId, row.locationId);
    const entry = wanted.get(key) ?? wanted.set(key, { variantId: row.variantId, locationId: row.locationId, quantity: 0 }).get(key)!;
    entry.quantity += row.quantity;
  }
  const demand = [...wanted.values()];
  if (!demand.length) return { outcomes, guard: { parts: [], conditions: [] }, writes: [] };
  const guard: Guarded = {
    parts: [
      sql`reserving as (
        select s.variant_id, s.location_id, s.on_hand, s.reserved, s.damaged, s.incoming, effective_safety_stock(s.safety_stock, l.safety_stock) as safety_stock, d.quantity
        from stock_levels s
        join locations l on l.id = s.location_id
        join unnest(${demand.map((d) => d.variantId)}::uuid[], ${demand.map((d) => d.locationId)}::uuid[], ${demand.map((d) => d.quantity)}::int[]) as d(variant_id, location_id, quantity)
          on s.variant_id = d.variant_id and s.location_id = d.location_id
        order by s.variant_id, s.location_id
        for update of s)`,
      sql`reserved_levels as (
        update stock_levels s set reserved = s.reserved + r.quantity, updated_at = now()
        from reserving r where s.variant_id = r.variant_id and s.location_id = r.location_id
        returning s.variant_id, s.location_id, s.on_hand, s.reserved, s.damaged, s.incoming, r.safety_stock, r.reserved as reserved_before)`,
      sql`reserved_events as (${stockChangedEvents(sql`(
        select variant_id, location_id, on_hand, reserved, damaged, incoming, safety_stock, available_to_promise(on_hand, reserved_before, safety_stock) as available_before
        from reserved_levels) c`)})`,
    ],
    conditions: [
      {
        held: sql`(select count(*) from reserving where available_to_promise(on_hand, reserved, safety_stock) >= quantity) = ${demand.length}::int`,
        what: 'stock available',
      },
    ],
  };
  return { outcomes, guard, writes: [movementsInsert(changes, actorOf(requests)), reservationsInsert(rows)] };
}

/** Decides each request in order against the locked levels; the levels are not modified. */
function decide(requests: ReserveRequest[], levels: Map<string, Level>): Outcome[] {
  const taken = new Map<string, number>();
  return requests.map((request) => {
    const wanted = new Map<string, number>();
    for (const line of request.lines)
      wanted.set(keyOf(line.variantId, line.locationId), (wanted.get(keyOf(line.variantId, line.locationId)) ?? 0) + line.quantity);
    const shortages: Omit<Shortage, 'sku'>[] = [];
    for (const [key, quantity] of wanted) {
      const level = levels.get(key);
      const free = level ? availableToPromise(request.fromSafetyStock ? { ...level, safetyStock: 0 } : level) - (taken.get(key) ?? 0) : 0;
      if (quantity > free) {
        const [variantId, locationId] = key.split('|') as [string, string];
        shortages.push({ variantId, locationId, requested: quantity, available: Math.max(0, free) });
      }
    }
    if (shortages.length) return { shortages };
    for (const [key, quantity] of wanted) taken.set(key, (taken.get(key) ?? 0) + quantity);
    return { reservations: [] };
  });
}

function reservationsInsert(rows: Reservation[]) {
  const column = <T>(pick: (row: Reservation) => T) => rows.map(pick);
  return sql`
    insert into reservations (id, variant_id, location_id, quantity, kind, channel_id, reference_type, reference_id, expires_at, created_at)
    select * from unnest(${column((r) => r.id)}::uuid[], ${column((r) => r.variantId)}::uuid[], ${column((r) => r.locationId)}::uuid[],
      ${column((r) => r.quantity)}::int[], ${column((r) => r.kind)}::text[], ${column((r) => r.channelId)}::uuid[], ${column((r) => r.referenceType)}::text[],
      ${column((r) => r.referenceId)}::text[], ${column((r) => r.expiresAt)}::timestamptz[], ${column((r) => r.createdAt)}::timestamptz[])`;
}

/** Expires the lapsed holds of the locked keys and gives their units back; true if any were found. */
async function expireHoldsOf(trx: Trx, keys: StockKey[], levels: Map<string, Level>): Promise<boolean> {
  const { rows } = await sql<{ id: string; variant_id: string; location_id: string; quantity: number }>`
    update reservations set status = 'expired', closed_at = now()
    where id in (
      select id from reservations
      where status = 'active' and expires_at < now()
        and (variant_id, location_id) in (select * from unnest(${keys.map((k) => k.variantId)}::uuid[], ${keys.map((k) => k.locationId)}::uuid[]))
      -- Stock rows are locked before reservation rows everywhere but in the sweeper and in release; skipping the rows
      -- they hold keeps the lock order acyclic.
      for update skip locked)
    returning id, variant_id, location_id, quantity`.execute(trx);
  if (!rows.length) return false;
  const before = new Map([...levels].map(([key, level]) => [key, { ...level }]));
  for (const row of rows) {
    const level = levels.get(keyOf(row.variant_id, row.location_id))!;
    level.reserved -= row.quantity;
    level.available = availableToPromise(level);
  }
  const touched = [...new Set(rows.map((row) => keyOf(row.variant_id, row.location_id)))].map((key) => levels.get(key)!);
  await persistChanges(
    trx,
    touched,
    rows.map((row) => releaseMovement(row.variant_id, row.location_id, row.quantity, row.id, 'expired')),
    'system',
    before,
  );
  return true;
}

const releaseMovement = (variantId: string, locationId: string, quantity: number, reservationId: string, reason: string): StockChange => ({
  variantId,
  locationId,
  kind: 'release',
  quantity,
  reserved: -quantity,
  referenceType: 'reservation',
  referenceId: reservationId,
  reason,
});

/** Reserves in the caller's transaction (one request): throws `InsufficientStock` naming each short line. */
export async function reserveStock(trx: Trx, request: ReserveRequest): Promise<Reservation[]> {
  const [outcome] = await grantReservations(trx, [request]);
  if (outcome && 'shortages' in outcome) throw new InsufficientStock(await withSkus(trx, outcome.shortages));
  return (outcome as { reservations: Reservation[] }).reservations;
}

type ReservationRow = {
  id: string;
  variant_id: string;
  location_id: string;
  quantity: number;
  kind: 'hold' | 'order';
  status: Reservation['status'];
  channel_id: string | null;
  reference_type: string;
  reference_id: string;
  expires_at: Date | null;
  created_at: Date;
};
export const toReservation = (row: ReservationRow): Reservation => ({
  id: row.id,
  variantId: row.variant_id,
  locationId: row.location_id,
  quantity: row.quantity,
  kind: row.kind,
  status: row.status,
  channelId: row.channel_id,
  referenceType: row.reference_type,
  referenceId: row.reference_id,
  expiresAt: row.expires_at?.toISOString() ?? null,
  createdAt: row.created_at.toISOString(),
});

async function lockActive(trx: Trx, id: string): Promise<ReservationRow> {
  const row = await trx.selectFrom('reservations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new NotFound('Reservation', id);
  if (row.status !== 'active') throw new RuleViolation('reservation-closed', `Reservation ${id} is already ${row.status}.`, { state: row.status });
  return row;
}

/** Gives reserved units back (cart emptied, order cancelled). */
export async function releaseReservation(trx: Trx, id: string, actor: string, reason = 'released'): Promise<Reservation> {
  const row = await lockActive(trx, id);
  await changeStock(trx, [releaseMovement(row.variant_id, row.location_id, row.quantity, row.id, reason)], actor);
  const updated = await trx
    .updateTable('reservations')
    .set({ status: 'released', closed_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toReservation(updated);
}

/** The reserved units leave the building (shipment, pickup handover): on hand and reserved both go down. */
export async function deductReservation(trx: Trx, id: string, actor: string, reason = 'shipped'): Promise<Reservation> {
  const row = await lockActive(trx, id);
  await changeStock(
    trx,
    [
      {
        variantId: row.variant_id,
        locationId: row.location_id,
        kind: 'deduction',
        quantity: row.quantity,
        onHand: -row.quantity,
        reserved: -row.quantity,
        referenceType: 'reservation',
        referenceId: row.id,
        reason,
      },
    ],
    actor,
  );
  const updated = await trx
    .updateTable('reservations')
    .set({ status: 'deducted', closed_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toReservation(updated);
}

/** Turns a cart's hold into an order's firm reservation (no expiry); a lapsed hold cannot be revived. */
export async function confirmHold(trx: Trx, id: string): Promise<Reservation> {
  await lockActive(trx, id);
  const row = await trx
    .updateTable('reservations')
    .set({ kind: 'order', expires_at: null })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', new Date())]))
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new RuleViolation('hold-expired', `Hold ${id} has expired; reserve again.`);
  return toReservation(row);
}

/**
 * Admins see every reservation; a channel key those of its channel; store staff those at their store (whoever made
 * them), the goods they hold being on its shelves. Any other answers 404, as one that does not exist.
 */
export function assertMaySeeReservation(principal: Principal, reservation: Reservation): void {
  if (principal.role === 'admin') return;
  if (principal.role === 'channel' && reservation.channelId === principal.channelId) return;
  if (principal.role === 'store' && reservation.locationId === principal.locationId) return;
  throw new NotFound('Reservation', reservation.id);
}

/** A reservation the caller may see and act on (404 otherwise). */
export async function getReservationFor(db: Executor, principal: Principal, id: string): Promise<Reservation> {
  const reservation = await getReservation(db, id);
  assertMaySeeReservation(principal, reservation);
  return reservation;
}

export async function getReservation(db: Executor, id: string): Promise<Reservation> {
  const row = await db.selectFrom('reservations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Reservation', id);
  return toReservation(row);
}

/** The sweeper: expires up to `limit` lapsed holds; several processes share the work (SKIP LOCKED). */
export async function expireLapsedHolds(db: Db, limit = 500): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const lapsed = await trx
      .selectFrom('reservations')
      .select(['id', 'variant_id', 'location_id', 'quantity'])
      .where('status', '=', sql.lit('active')) // a literal: the generic plan uses the partial index reservations_expiring
      .where('expires_at', '<', new Date())
      .orderBy('expires_at')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (!lapsed.length) return 0;
    await changeStock(
      trx,
      lapsed.map((row) => releaseMovement(row.variant_id, row.location_id, row.quantity, row.id, 'expired')),
      'system',
    );
    await trx
      .updateTable('reservations')
      .set({ status: 'expired', closed_at: new Date() })
      .where(
        'id',
        'in',
        lapsed.map((row) => row.id),
      )
      .execute();
    return lapsed.length;
  });
}
