import { sql } from 'kysely';
import type { Db, Executor, Trx } from '../../platform/db/database.ts';
import { Conflict, InvalidInput, NotFound } from '../../platform/errors.ts';
import { applyDelta, applySnapshot, createMissingLevels, lockAffectedLevels } from './feed-apply.ts';
import { fieldOf, INVALID_FEED, MAX_ERRORS, type FeedFormat, type RawFeedRow } from './feed-formats.ts';

/**
 * Stock feeds from ERP, WMS and POS systems. A feed is staged in a temporary table a few thousand rows at a time
 * (memory stays flat however long the file), checked with set-based SQL, then applied in the same transaction:
 * the affected stock rows are locked in (variant, location) order like every other stock change, and levels,
 * ledger movements and outbox events are written by a handful of statements, never one per row. Reading the formats
 * is feed-formats.ts, writing the new levels feed-apply.ts.
 */

export { CHUNK_ROWS, csvRows, jsonRows, ndjsonRows, type FeedFormat, type RawFeedRow } from './feed-formats.ts';

export type FeedMode = 'snapshot' | 'delta';

export interface StockFeed {
  feedId: string;
  mode: FeedMode;
  format: FeedFormat;
  /** When the snapshot was counted: movements recorded after it are kept on top of the count. */
  asOf?: Date | undefined;
  /** Location code for rows that name none. */
  location?: string | undefined;
  /** A snapshot sets to zero what it does not list at its locations (`zero`), or leaves it alone (`keep`). */
  missing?: 'zero' | 'keep' | undefined;
  actor: string;
  /** Throws when the sender may not change stock at the location (store staff: only their own store). */
  mayChangeStockAt?: (locationId: string) => void;
  /** Told once every row is staged, before the feed is checked and applied (the CLI's progress). */
  onStaged?: (rows: number) => void;
}

export interface FeedResult {
  feedId: string;
  mode: FeedMode;
  format: string;
  asOf: string | null;
  rows: number;
  changed: number;
  movements: number;
  appliedAt: string;
  /** Who sent it: `api-key:<id>`, `user:<id>`, `admin-key` or `cli`. */
  sentBy: string;
}

const MAX_QUANTITY = 1_000_000_000;
const RETRYABLE = new Set(['40001', '40P01']);

interface LineError {
  line: number;
  column: string;
  message: string;
}

/** Applies a feed once: a feed id already applied returns its stored result (`replayed`) and changes nothing. */
export async function importStockFeed(db: Db, feed: StockFeed, rows: AsyncIterable<RawFeedRow[]>): Promise<{ result: FeedResult; replayed: boolean }> {
  try {
    return await db.transaction().execute(async (trx) => {
      // Claimed first: a concurrent upload of the same feed id waits here on the key, then finds it taken.
      const claimed = await trx
        .insertInto('stock_feeds')
        .values({ id: feed.feedId, mode: feed.mode, format: feed.format, as_of: feed.asOf ?? sql<Date>`now()`, rows: 0, changed: 0, actor: feed.actor })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!claimed) return { result: await getStockFeed(trx, feed.feedId), replayed: true };

      // A big feed sorts and hashes a million rows at a time; the default 4 MB would spill them all to disk.
      await sql`set local work_mem = '64MB'`.execute(trx);
      const feedLocationId = feed.location === undefined ? undefined : await locationIdOf(trx, feed.location);
      const { count, errors } = await stageRows(trx, feed, rows);
      feed.onStaged?.(count);
      await resolveRows(trx);
      errors.push(...(await invalidRows(trx)));
      if (errors.length) throw invalidFeed(feed, errors);

      const locationIds = await touchedLocations(trx, feedLocationId);
      for (const locationId of locationIds) feed.mayChangeStockAt?.(locationId);
      const zeroMissing = feed.mode === 'snapshot' && (feed.missing ?? 'zero') === 'zero';
      const created = await createMissingLevels(trx, feed);
      await lockAffectedLevels(trx, zeroMissing ? locationIds : undefined);
      const changed = created + (feed.mode === 'snapshot' ? await applySnapshot(trx, feed, locationIds, zeroMissing) : await applyDelta(trx, feed));
      await trx.updateTable('stock_feeds').set({ rows: count, changed }).where('id', '=', feed.feedId).execute();
      return { result: await getStockFeed(trx, feed.feedId), replayed: false };
    });
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && RETRYABLE.has(code)) {
      throw new Conflict('feed-contention', 'The feed met concurrent stock changes and nothing was applied; send it again with the same feed id.');
    }
    throw error;
  }
}

export async function getStockFeed(db: Executor, feedId: string): Promise<FeedResult> {
  const row = await db.selectFrom('stock_feeds').selectAll().where('id', '=', feedId).executeTakeFirst();
  if (!row) throw new NotFound('Stock feed', feedId);
  // A feed has no two rows for one SKU × location, so each change is exactly one movement.
  return {
    feedId: row.id,
    mode: row.mode,
    format: row.format,
    asOf: row.as_of?.toISOString() ?? null,
    rows: row.rows,
    changed: row.changed,
    movements: row.changed,
    appliedAt: row.applied_at.toISOString(),
    sentBy: row.actor,
  };
}

async function locationIdOf(trx: Trx, code: string): Promise<string> {
  const row = await trx.selectFrom('locations').select('id').where('code', '=', code).executeTakeFirst();
  if (!row) throw new InvalidInput([{ field: 'location', message: `no location has the code ${code}` }]);
  return row.id;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

function quantityOf(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(number) && Math.abs(number) <= MAX_QUANTITY ? number : undefined;
}

/** Checks each row as it streams in and stages the good ones as they are, a chunk per statement. */
async function stageRows(trx: Trx, feed: StockFeed, chunks: AsyncIterable<RawFeedRow[]>) {
  await sql`
    create temporary table stock_feed_rows (
      line integer not null, sku text not null, location text not null, quantity integer not null
    ) on commit drop`.execute(trx);
  const errors: LineError[] = [];
  let count = 0;
  for await (const chunk of readingAhead(chunks)) {
    count += chunk.length;
    const { lines, skus, locations, quantities } = checkRows(chunk, feed, errors);
    if (lines.length) {
      await sql`
        insert into stock_feed_rows (line, sku, location, quantity)
        select * from unnest(${lines}::int[], ${skus}::text[], ${locations}::text[], ${quantities}::int[])`.execute(trx);
    }
    // Past this many bad lines the sender has enough to fix; no need to read the rest.
    if (errors.length >= MAX_ERRORS) break;
  }
  await sql`analyze stock_feed_rows`.execute(trx);
  return { count, errors };
}

/** The rows that can be staged, as columns; what is wrong with the others goes to `errors`. */
function checkRows(chunk: RawFeedRow[], feed: StockFeed, errors: LineError[]) {
  const lines: number[] = [],
    skus: string[] = [],
    locations: string[] = [],
    quantities: number[] = [];
  for (const row of chunk) {
    if (row.unreadable !== undefined) {
      errors.push({ line: row.line, column: 'row', message: row.unreadable });
      continue;
    }
    const sku = text(row.sku);
    const location = text(row.location) || feed.location || '';
    const quantity = quantityOf(row.quantity);
    const before = errors.length;
    if (!sku) errors.push({ line: row.line, column: 'sku', message: 'is missing' });
    if (!location) errors.push({ line: row.line, column: 'location', message: 'is missing (or name one location for the whole feed)' });
    if (quantity === undefined)
      errors.push({ line: row.line, column: 'quantity', message: text(row.quantity) ? `must be a whole number, not "${text(row.quantity)}"` : 'is missing' });
    else if (quantity < 0 && feed.mode === 'snapshot') errors.push({ line: row.line, column: 'quantity', message: 'must not be negative in a snapshot' });
    if (errors.length > before) continue;
    lines.push(row.line);
    skus.push(sku);
    locations.push(location);
    quantities.push(quantity!);
  }
  return { lines, skus, locations, quantities };
}

/** Parses the next chunk while the current one is written, so the parser and the database work side by side. */
async function* readingAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  try {
    for (let current = await next; !current.done; current = await next) {
      next = iterator.next();
      yield current.value;
    }
  } finally {
    // A read ahead that is abandoned may still fail; nobody waits for it.
    next.catch(() => undefined);
    iterator.return?.().catch(() => undefined);
  }
}

/**
 * SKUs and location codes become ids in one join once everything is staged: joining each chunk instead would
 * read the whole catalog again for every chunk.
 */
async function resolveRows(trx: Trx) {
  await sql`
    create temporary table stock_feed_lines on commit drop as
    select f.line, f.sku, f.location, f.quantity, v.id as variant_id, l.id as location_id
    from stock_feed_rows f left join variants v on v.sku = f.sku left join locations l on l.code = f.location`.execute(trx);
  await sql`analyze stock_feed_lines`.execute(trx);
}

/** Unknown SKUs and locations, and a SKU × location listed twice. */
async function invalidRows(trx: Trx): Promise<LineError[]> {
  const { rows } = await sql<{ line: number; sku: string; location: string; variant_id: string | null; location_id: string | null; first: number | null }>`
    (select line, sku, location, variant_id, location_id, null::int as first
     from stock_feed_lines where variant_id is null or location_id is null order by line limit ${MAX_ERRORS})
    union all
    (select line, sku, location, variant_id, location_id, first from (
       select line, sku, location, variant_id, location_id,
              min(line) over (partition by variant_id, location_id) as first, count(*) over (partition by variant_id, location_id) as times
       from stock_feed_lines where variant_id is not null and location_id is not null) listed
     where times > 1 and line > first order by line limit ${MAX_ERRORS})`.execute(trx);
  return rows.flatMap((row) => [
    ...(row.variant_id === null ? [{ line: row.line, column: 'sku', message: `SKU ${row.sku} does not exist` }] : []),
    ...(row.location_id === null ? [{ line: row.line, column: 'location', message: `no location has the code ${row.location}` }] : []),
    ...(row.first !== null ? [{ line: row.line, column: 'sku', message: `SKU ${row.sku} at ${row.location} is already listed at line ${row.first}` }] : []),
  ]);
}

function invalidFeed(feed: StockFeed, errors: LineError[]): InvalidInput {
  const first = errors.sort((a, b) => a.line - b.line).slice(0, MAX_ERRORS);
  return new InvalidInput(
    first.map((error) => ({ field: fieldOf(feed.format, error.line, error.column), message: error.message })),
    INVALID_FEED,
  );
}

async function touchedLocations(trx: Trx, feedLocationId: string | undefined): Promise<string[]> {
  const { rows } = await sql<{ location_id: string }>`select distinct location_id from stock_feed_lines`.execute(trx);
  return [...new Set([...rows.map((row) => row.location_id), ...(feedLocationId ? [feedLocationId] : [])])].sort();
}
