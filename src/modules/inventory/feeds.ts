import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { sql, type RawBuilder } from 'kysely';
import type { Db, Executor, Trx } from '../../platform/db/database.ts';
import { Conflict, InvalidInput, NotFound, type FieldError } from '../../platform/errors.ts';
import { stockChangedEvents } from './stock-events.ts';

/**
 * Stock feeds from ERP, WMS and POS systems. A feed is staged in a temporary table a few thousand rows at a time
 * (memory stays flat however long the file), checked with set-based SQL, then applied in the same transaction:
 * the affected stock rows are locked in (variant, location) order like every other stock change, and levels,
 * ledger movements and outbox events are written by a handful of statements, never one per row.
 */

export type FeedMode = 'snapshot' | 'delta';
export type FeedFormat = 'csv' | 'ndjson' | 'json';

/** One row as the sender wrote it, before it is checked. `unreadable` says why a line could not be read at all. */
export interface RawFeedRow {
  line: number;
  sku?: unknown;
  location?: unknown;
  quantity?: unknown;
  unreadable?: string;
}

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

export const CHUNK_ROWS = 5000;
const MAX_ERRORS = 100;
const INVALID_FEED = 'The feed has invalid rows; nothing was applied.';
const MAX_QUANTITY = 1_000_000_000;
const RETRYABLE = new Set(['40001', '40P01']);

interface LineError { line: number; column: string; message: string }

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
    feedId: row.id, mode: row.mode, format: row.format, asOf: row.as_of?.toISOString() ?? null, rows: row.rows,
    changed: row.changed, movements: row.changed, appliedAt: row.applied_at.toISOString(), sentBy: row.actor,
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
  const lines: number[] = [], skus: string[] = [], locations: string[] = [], quantities: number[] = [];
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
    if (quantity === undefined) errors.push({ line: row.line, column: 'quantity', message: text(row.quantity) ? `must be a whole number, not "${text(row.quantity)}"` : 'is missing' });
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
  return new InvalidInput(first.map((error) => ({ field: fieldOf(feed.format, error.line, error.column), message: error.message })), INVALID_FEED);
}

/** CSV and NDJSON errors name the line of the file; a JSON body's name the row of `rows`. */
const fieldOf = (format: FeedFormat, line: number, column: string) => (format === 'json' ? `body.rows.${line - 1}.${column}` : `line ${line}.${column}`);

async function touchedLocations(trx: Trx, feedLocationId: string | undefined): Promise<string[]> {
  const { rows } = await sql<{ location_id: string }>`select distinct location_id from stock_feed_lines`.execute(trx);
  return [...new Set([...rows.map((row) => row.location_id), ...(feedLocationId ? [feedLocationId] : [])])].sort();
}

/**
 * A SKU × location the feed gives stock for gets its row, created in key order. A snapshot creates it with the
 * count and writes its movement at once; a delta creates it at zero, then adds like everywhere else.
 */
async function createMissingLevels(trx: Trx, feed: StockFeed): Promise<number> {
  const missing = sql`
    select f.variant_id, f.location_id, f.quantity from stock_feed_lines f
    where f.quantity > 0 and not exists (select 1 from stock_levels s where s.variant_id = f.variant_id and s.location_id = f.location_id)
    order by f.variant_id, f.location_id`;
  if (feed.mode === 'delta') {
    await sql`insert into stock_levels (variant_id, location_id) select variant_id, location_id from (${missing}) m on conflict do nothing`.execute(trx);
    return 0;
  }
  return writeChanges(trx, feed, sql`
    with changed as (
      insert into stock_levels (variant_id, location_id, on_hand) ${missing} on conflict do nothing
      returning variant_id, location_id, 0 as before, on_hand, reserved, damaged, incoming, safety_stock,
                'count'::text as kind, on_hand as quantity, 'snapshot'::text as reason)`);
}

/**
 * Locks every row the feed may change in (variant, location) order, as `lockLevels` does, so a feed and the
 * reservations racing it never deadlock.
 */
async function lockAffectedLevels(trx: Trx, wholeLocations: string[] | undefined) {
  const affected = wholeLocations
    ? sql`select 1 from stock_levels s where s.location_id = any(${wholeLocations}::uuid[])`
    : sql`select 1 from stock_levels s join stock_feed_lines f on f.variant_id = s.variant_id and f.location_id = s.location_id where f.quantity <> 0`;
  await sql`select count(*) from (${affected} order by s.variant_id, s.location_id for update of s) locked`.execute(trx);
}

/**
 * On hand becomes the count plus what moved after `asOf` (sales made after the count are not lost), never below
 * zero; with `zero`, what the snapshot does not list at its locations counts as zero.
 */
async function applySnapshot(trx: Trx, feed: StockFeed, locationIds: string[], zeroMissing: boolean): Promise<number> {
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
  return writeChanges(trx, feed, sql`
    with since as (${since}), target as (${target}),
    changed as (
      update stock_levels s set on_hand = t.on_hand, updated_at = now() from target t
      where s.variant_id = t.variant_id and s.location_id = t.location_id and t.on_hand <> t.before
      returning s.variant_id, s.location_id, t.before, s.on_hand, s.reserved, s.damaged, s.incoming, s.safety_stock,
                'count'::text as kind, s.on_hand as quantity, 'snapshot'::text as reason)`);
}

/** Each row adds to or takes from on hand; a row that would take it below zero refuses the whole feed. */
async function applyDelta(trx: Trx, feed: StockFeed): Promise<number> {
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
  return writeChanges(trx, feed, sql`
    with changed as (
      update stock_levels s set on_hand = s.on_hand + f.quantity, updated_at = now() from stock_feed_lines f
      where s.variant_id = f.variant_id and s.location_id = f.location_id and f.quantity <> 0
      returning s.variant_id, s.location_id, s.on_hand - f.quantity as before, s.on_hand, s.reserved, s.damaged, s.incoming, s.safety_stock,
                'adjustment'::text as kind, f.quantity, 'delta'::text as reason)`);
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

/**
 * CSV with a header naming `sku`, `location` (optional when the feed names one location) and `quantity`, in any
 * order; a BOM, CRLF line ends and quoted fields are fine. Lines are numbered as in the file, the header being 1.
 * The input is never destroyed here: an HTTP request stays readable so the server can still answer.
 */
export async function* csvRows(input: Readable, options: { feedLocation: boolean }): AsyncGenerator<RawFeedRow[]> {
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let columns: { sku: number; location: number; quantity: number } | undefined;
  let chunk: RawFeedRow[] = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (columns) {
        chunk.push({ line: info.lines, sku: record[columns.sku], location: columns.location < 0 ? undefined : record[columns.location], quantity: record[columns.quantity] });
        if (chunk.length === CHUNK_ROWS) {
          yield chunk;
          chunk = [];
        }
        continue;
      }
      const names = record.map((name) => name.toLowerCase());
      columns = { sku: names.indexOf('sku'), location: names.indexOf('location'), quantity: names.indexOf('quantity') };
      const required: ('sku' | 'location' | 'quantity')[] = options.feedLocation ? ['sku', 'quantity'] : ['sku', 'location', 'quantity'];
      const missing = required.filter((name) => columns![name] < 0);
      if (missing.length) {
        throw new InvalidInput(missing.map((name) => ({ field: `line ${info.lines}.${name}`, message: `the header has no ${name} column (expected sku,location,quantity)` })), INVALID_FEED);
      }
    }
  } catch (error) {
    if (error instanceof CsvError) throw new InvalidInput([{ field: `line ${(error as CsvError & { lines?: number }).lines ?? '?'}`, message: error.message }], INVALID_FEED);
    throw error;
  }
  if (!columns) throw new InvalidInput([{ field: 'line 1', message: 'the feed is empty: expected the header sku,location,quantity' }], INVALID_FEED);
  if (chunk.length) yield chunk;
}

/** One JSON object `{sku, location, quantity}` per line; blank lines are skipped but counted. */
export async function* ndjsonRows(input: Readable): AsyncGenerator<RawFeedRow[]> {
  let line = 0;
  let chunk: RawFeedRow[] = [];
  for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    const content = (line === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
    if (!content) continue;
    chunk.push(rowOf(line, content));
    if (chunk.length === CHUNK_ROWS) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}

function rowOf(line: number, content: string): RawFeedRow {
  try {
    return jsonRow(line, JSON.parse(content));
  } catch {
    return { line, unreadable: 'is not valid JSON' };
  }
}

function jsonRow(line: number, value: unknown): RawFeedRow {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { line, unreadable: 'must be an object {sku, location, quantity}' };
  const row = value as Record<string, unknown>;
  return { line, sku: row.sku, location: row.location, quantity: row.quantity };
}

/** The rows of a JSON body, numbered from 1 (errors name them `body.rows.<index>`). */
export async function* jsonRows(rows: unknown[]): AsyncGenerator<RawFeedRow[]> {
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    yield rows.slice(start, start + CHUNK_ROWS).map((row, index) => jsonRow(start + index + 1, row));
  }
}
