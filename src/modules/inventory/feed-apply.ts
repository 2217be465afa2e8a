import { sql, type RawBuilder } from 'kysely';
import type { Trx } from '../../platform/db/database.ts';
import { Conflict, type FieldError } from '../../platform/errors.ts';
import { fieldOf, MAX_ERRORS } from './feed-formats.ts';
import type { StockFeed } from './feeds.ts';
import { stockChangedEvents } from './stock-events.ts';

/**
 * Applying a checked feed (its rows resolved in the temporary table `stock_feed_lines`): levels created, locked,
 * set (snapshot) or moved (delta), with their movements and events, in a few statements.
 */

/**
 * A SKU × location the feed gives stock for gets its row, created in key order. A snapshot creates it with the
 * count and writes its movement at once; a delta creates it at zero, then adds like everywhere else.
 */
export async function createMissingLevels(trx: Trx, feed: StockFeed): Promise<number> {
  const missing = sql`
    select f.variant_id, f.location_id, f.quantity from stock_feed_lines f
    where f.quantity > 0 and not exists (select 1 from stock_levels s where s.variant_id = f.variant_id and s.location_id = f.location_id)
    order by f.variant_id, f.location_id`;
  if (feed.mode === 'delta') {
    await sql`insert into stock_levels (variant_id, location_id) select variant_id, location_id from (${missing}) m on conflict do nothing`.execute(trx);
    return 0;
  }
  return writeChanges(
    trx,
    feed,
    sql`
    with changed as (
      insert into stock_levels (variant_id, location_id, on_hand) ${missing} on conflict do nothing
      returning variant_id, location_id, 0 as before, on_hand, reserved, damaged, incoming, safety_stock,
                'count'::text as kind, on_hand as quantity, 'snapshot'::text as reason)`,
  );
}

/**
 * Locks every row the feed may change in (variant, location) order, as `lockLevels` does, so a feed and the
 * reservations racing it never deadlock.
 */
export async function lockAffectedLevels(trx: Trx, wholeLocations: string[] | undefined) {
  const affected = wholeLocations
    ? sql`select 1 from stock_levels s where s.location_id = any(${wholeLocations}::uuid[])`
    : sql`select 1 from stock_levels s join stock_feed_lines f on f.variant_id = s.variant_id and f.location_id = s.location_id where f.quantity <> 0`;
  await sql`select count(*) from (${affected} order by s.variant_id, s.location_id for update of s) locked`.execute(trx);
}

/**
 * On hand becomes the count plus what moved after `asOf` (sales made after the count are not lost), never below
 * zero; with `zero`, what the snapshot does not list at its locations counts as zero.
 */
export async function applySnapshot(trx: Trx, feed: StockFeed, locationIds: string[], zeroMissing: boolean): Promise<number> {
  const since = feed.asOf
    ? sql`select m.variant_id, m.location_id, sum(m.on_hand_change) as change from stock_movements m
          where m.location_id = any(${locationIds}::uuid[]) and m.created_at > ${feed.asOf}
            and not (m.reference_type = 'feed' and m.reference_id = ${feed.feedId})
          group by m.variant_id, m.location_id`
    : sql`select null::uuid as variant_id, null::uuid as location_id, 0::bigint as change where false`;
  const target = zeroMissing
    ? sql`select s.variant_id, s.location_id, s.on_hand as before, greatest(0, coalesce(f.quantity, 0) + coalesce(a.change, 0))::int as on_hand
          from stock_levels s
          left join stock_feed_lines f on f.variant_id = s.variant_id and f.location_id = s.location_id
          left join since a on a.variant_id = s.variant_id and a.location_id = s.location_id
          where s.location_id = any(${locationIds}::uuid[])`
    : sql`select s.variant_id, s.location_id, s.on_hand as before, greatest(0, f.quantity + coalesce(a.change, 0))::int as on_hand
          from stock_feed_lines f
          join stock_levels s on s.variant_id = f.variant_id and s.location_id = f.location_id
          left join since a on a.variant_id = s.variant_id and a.location_id = s.location_id`;
  return writeChanges(
    trx,
    feed,
    sql`
    with since as (${since}), target as (${target}),
    changed as (
      update stock_levels s set on_hand = t.on_hand, updated_at = now() from target t
      where s.variant_id = t.variant_id and s.location_id = t.location_id and t.on_hand <> t.before
      returning s.variant_id, s.location_id, t.before, s.on_hand, s.reserved, s.damaged, s.incoming, s.safety_stock,
                'count'::text as kind, s.on_hand as quantity, 'snapshot'::text as reason)`,
  );
}

/** Each row adds to or takes from on hand; a row that would take it below zero refuses the whole feed. */
export async function applyDelta(trx: Trx, feed: StockFeed): Promise<number> {
  const { rows: short } = await sql<{ line: number; sku: string; location: string; on_hand: number; quantity: number }>`
    select f.line, f.sku, f.location, coalesce(s.on_hand, 0) as on_hand, f.quantity from stock_feed_lines f
    left join stock_levels s on s.variant_id = f.variant_id and s.location_id = f.location_id
    where coalesce(s.on_hand, 0) + f.quantity < 0 order by f.line limit ${MAX_ERRORS}`.execute(trx);
  if (short.length) {
    const errors: FieldError[] = short.map((row) => ({
      field: fieldOf(feed.format, row.line, 'quantity'),
      message: `SKU ${row.sku} at ${row.location} has ${row.on_hand} on hand; ${row.quantity} would leave ${row.on_hand + row.quantity}`,
    }));
    throw new Conflict('insufficient-stock', `The feed would take on hand below zero (${errors[0]!.field}); nothing was applied.`, {}, errors);
  }
  return writeChanges(
    trx,
    feed,
    sql`
    with changed as (
      update stock_levels s set on_hand = s.on_hand + f.quantity, updated_at = now() from stock_feed_lines f
      where s.variant_id = f.variant_id and s.location_id = f.location_id and f.quantity <> 0
      returning s.variant_id, s.location_id, s.on_hand - f.quantity as before, s.on_hand, s.reserved, s.damaged, s.incoming, s.safety_stock,
                'adjustment'::text as kind, f.quantity, 'delta'::text as reason)`,
  );
}

/**
 * Completes the `changed` rows (one per SKU × location whose on hand changed) with the ledger movement and the
 * `stock.changed` event that `changeStock` would write for them, in the same statement.
 */
async function writeChanges(trx: Trx, feed: StockFeed, changed: RawBuilder<unknown>): Promise<number> {
  const { rows } = await sql<{ changed: number }>`
    ${changed},
    moved as (
      insert into stock_movements (variant_id, location_id, kind, quantity, on_hand_change, reason, reference_type, reference_id, actor)
      select variant_id, location_id, kind, quantity, on_hand - before, reason, 'feed', ${feed.feedId}, ${feed.actor} from changed),
    published as (${stockChangedEvents(sql`(
      select c.variant_id, c.location_id, c.on_hand, c.reserved, c.damaged, c.incoming, k.safety_stock,
             available_to_promise(c.before, c.reserved, k.safety_stock) as available_before
      from changed c join locations l on l.id = c.location_id
      cross join lateral (select effective_safety_stock(c.safety_stock, l.safety_stock) as safety_stock) k) c`)})
    select count(*)::int as changed from changed`.execute(trx);
  return rows[0]!.changed;
}
