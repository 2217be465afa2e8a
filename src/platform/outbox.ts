import { sql, type RawBuilder } from 'kysely';
import type { Executor } from './db/database.ts';
import type { CataloguedEvent } from './events/catalog.ts';
import { InvalidInput } from './errors.ts';

/**
 * An event to write: a type of the event catalog (platform/events/catalog.ts) with that type's payload, checked when
 * compiling; `subject` says what it is about, e.g. `stock:<variantId>:<locationId>` (consumers keep the latest per
 * subject). Nothing is checked at run time here, on the order path: the tests parse what their flows wrote against
 * the catalog's schemas (platform/events/catalog.test.ts).
 */
export type OutboxEvent = CataloguedEvent;

/** Writes events in the caller's transaction: they exist exactly when the change that caused them commits. */
export async function publish(trx: Executor, events: readonly OutboxEvent[]): Promise<void> {
  await eventsInsert(events)?.execute(trx);
}

/** The insert of `publish`, to send along with other writes in one statement. */
export function eventsInsert(events: readonly OutboxEvent[]): RawBuilder<unknown> | null {
  if (!events.length) return null;
  return sql`
    insert into outbox_events (type, subject, payload)
    select * from unnest(${events.map((e) => e.type)}::text[], ${events.map((e) => e.subject)}::text[], ${events.map((e) => JSON.stringify(e.payload))}::jsonb[])`;
}

/** An event as read back: any type a row holds (an older one may have left the catalog since). */
export interface StoredEvent {
  id: number;
  type: string;
  subject: string;
  payload: Record<string, unknown>;
  createdAt: string;
}

/** Cursor: the (transaction id, event id) of the last event read. */
const encode = (txid: string, id: number) => Buffer.from(`${txid}:${id}`).toString('base64url');
const notACursor = () => new InvalidInput([{ field: 'query.after', message: 'is not a cursor this API returned' }]);
function decode(cursor: string | undefined): [string, number] {
  if (!cursor) return ['0', 0];
  const [txid, id, ...rest] = Buffer.from(cursor, 'base64url').toString().split(':');
  if (!txid || !/^\d{1,20}$/.test(txid) || BigInt(txid) >= 2n ** 64n || !id || !/^\d{1,16}$/.test(id) || !Number.isSafeInteger(Number(id)) || rest.length)
    throw notACursor();
  return [txid, Number(id)];
}

/**
 * The transaction id below which every event of this outbox is committed and visible: the oldest transaction still
 * running that may write to it, or, with none, the first transaction id not yet given out. A reader takes only events
 * below it, so one that commits late can never land behind a cursor already passed.
 *
 * The snapshot's own horizon (`pg_snapshot_xmin`) is the oldest writing transaction anywhere on the server: a long
 * transaction of another database, or of another schema (another shop, another test file), held every reader back for
 * as long as it ran. So a running transaction is passed over when the lock table shows that it has written nothing
 * here: it holds its transaction id, and no lock on a table of this outbox's schema (any write takes one, held to the
 * end, before the transaction gets its id). One that finished between the snapshot and the reading of the lock table
 * is not passed over: the horizon is never later than it should be, only sometimes earlier.
 */
const HORIZON = sql<string>`(
  with locks as materialized (
    -- A transaction's own id is held in ExclusiveLock (others wait on it in ShareLock); any lock on a table counts.
    select pid, locktype, transactionid, relation, database from pg_locks
    where granted and pid is not null and (locktype = 'relation' or (locktype = 'transactionid' and mode = 'ExclusiveLock'))),
  here as (
    select d.oid as database, c.relnamespace as schema from pg_database d, pg_class c
    where d.datname = current_database() and c.oid = 'outbox_events'::regclass),
  writing_here as (
    select l.pid from locks l, here, pg_class c
    where l.locktype = 'relation' and l.database = here.database and c.oid = l.relation and c.relnamespace = here.schema),
  elsewhere as (
    select l.transactionid from locks l where l.locktype = 'transactionid' and l.pid not in (select pid from writing_here))
  select coalesce(min(running), pg_snapshot_xmax(pg_current_snapshot())) from pg_snapshot_xip(pg_current_snapshot()) as running
  where xid(running) not in (select transactionid from elsewhere))`;

/**
 * Whose events a reader sees: every event (admins, Aisle itself), a channel's, or a store's. A type not named in the
 * channel's or the store's filter is not shown to them until someone decides it may be.
 */
export type EventScope = { channelId: string } | { storeId: string } | undefined;

/** An event row as the feed and the consumers read it; `newest` marks the extra row giving the newest event committed. */
interface ReadRow {
  id: string;
  txid: string;
  type: string;
  subject: string;
  payload: Record<string, unknown>;
  created_at: Date;
  newest: boolean;
}

/**
 * Events after the cursor, in commit-safe order (see HORIZON), at most `limit`, only those `scope` may see and of
 * `types` (a name, or a prefix ending in `.*`: `order.*`), each with its cursor. `nextCursor` is the last event's cursor
 * (or `after` with none). `position` is where a reader that keeps reading can go on from: with fewer than `limit` events answered, every
 * event up to the newest committed one was looked at, seen or not, so the next read need not look at them again (a
 * store's stream, whose events are a few among many, would otherwise read the same others again on every poll).
 */
export async function readEvents(db: Executor, options: { after?: string | undefined; limit: number; types?: string[] | undefined; scope?: EventScope }) {
  const [txid, id] = decode(options.after);
  // One statement, one snapshot: the events answered and the newest event committed when they were read.
  const { rows } = await readStatement(txid, id, options).execute(db);
  const events = rows.filter((row) => !row.newest);
  const newest = rows.find((row) => row.newest);
  const cursor = { txid, id: String(id) };
  // Nothing after it: a cursor past every transaction so far was never handed out (it would wait there silently). One
  // at or before the newest event is not (a caught-up reader's every read).
  if (!events.length && txid !== '0' && (newest === undefined || isAfter(cursor, newest))) {
    const {
      rows: [end],
    } = await sql<{ beyond: boolean }>`select ${txid}::xid8 >= pg_snapshot_xmax(pg_current_snapshot()) as beyond`.execute(db);
    if (end?.beyond) throw new InvalidInput([{ field: 'query.after', message: 'is beyond the end of the feed: not a cursor this API returned' }]);
  }
  const last = events.at(-1);
  // With no new event the cursor stays where it was, so a poller can always pass back what it got.
  const nextCursor = last ? encode(last.txid, Number(last.id)) : (options.after ?? encode('0', 0));
  const caughtUp = events.length < options.limit && newest !== undefined && !isAfter(cursor, newest);
  return {
    items: events.map((row) => ({
      event: { id: Number(row.id), type: row.type, subject: row.subject, payload: row.payload, createdAt: row.created_at.toISOString() } as StoredEvent,
      cursor: encode(row.txid, Number(row.id)),
    })),
    nextCursor,
    position: caughtUp ? encode(newest.txid, Number(newest.id)) : nextCursor,
  };
}

/** The statement of `readEvents`: the events after (txid, id) and, in the same snapshot, the newest committed one. */
export function readStatement(txid: string, id: number, options: { limit: number; types?: string[] | undefined; scope?: EventScope }) {
  return sql<ReadRow>`
    with horizon as (select ${HORIZON} as xmin)
    (select e.id::text as id, e.txid::text as txid, e.type, e.subject, e.payload, e.created_at, false as newest from outbox_events e, horizon
      where (e.txid, e.id) > (${txid}::xid8, ${id}::bigint) and e.txid < horizon.xmin and ${ofTypes(options.types)} and ${visibleTo(options.scope)}
      order by e.txid, e.id limit ${options.limit})
    union all
    (select e.id::text, e.txid::text, e.type, e.subject, e.payload, e.created_at, true from outbox_events e, horizon
      where e.txid < horizon.xmin order by e.txid desc, e.id desc limit 1)`;
}

/** The position of the newest committed event: where a reader that wants only what comes next starts. */
export async function outboxHead(db: Executor): Promise<string> {
  const {
    rows: [newest],
  } = await sql<{ txid: string; id: string }>`
    select e.txid::text as txid, e.id::text as id from outbox_events e where e.txid < ${HORIZON} order by e.txid desc, e.id desc limit 1`.execute(db);
  return newest ? encode(newest.txid, Number(newest.id)) : encode('0', 0);
}

/** Event types by name, or by prefix (`order.*`); all of them when none is given. */
function ofTypes(types: string[] | undefined) {
  if (!types?.length) return sql<boolean>`true`;
  const names = types.filter((type) => !type.endsWith('.*'));
  const prefixes = types.filter((type) => type.endsWith('.*')).map((type) => `${type.slice(0, -1).replace(/[\\%_]/g, '\\$&')}%`);
  return sql<boolean>`(e.type = any(${names}::text[]) or e.type like any(${prefixes}::text[]))`;
}

function visibleTo(scope: EventScope) {
  if (scope === undefined) return sql<boolean>`true`;
  return 'channelId' in scope ? channelEvents(scope.channelId) : storeEvents(scope.storeId);
}

/**
 * The events a channel key reads: stock changes at the locations its channel sells or fulfils from, and the events of
 * its own orders (the orders' and their drop-ship purchase requests'); never another channel's orders.
 */
function channelEvents(channelId: string) {
  // One index look-up per event read (the payloads name their order and location by id).
  return sql<boolean>`(
    (e.type in ('stock.changed', 'stock.safety_stock_changed') and exists (
      select 1 from channel_locations cl
      where cl.channel_id = ${channelId}::uuid and cl.location_id = (e.payload->>'locationId')::uuid and (cl.sells or cl.fulfils)))
    or ((e.type like 'order.%' or e.type like 'dropship.%') and exists (
      select 1 from orders o where o.id = (e.payload->>'orderId')::uuid and o.channel_id = ${channelId}::uuid)))`;
}

/**
 * The events store staff read: stock changes at their store, the transfers leaving or reaching it, and the events of
 * the orders they may see (the rule of `assertMaySeeOrder`, orders/read.ts: a delivery group it fulfils or hands over,
 * or sold at its registers); never another store's orders.
 */
function storeEvents(storeId: string) {
  return sql<boolean>`(
    (e.type in ('stock.changed', 'stock.safety_stock_changed') and (e.payload->>'locationId')::uuid = ${storeId}::uuid)
    or (e.type like 'transfer.%' and ${storeId}::uuid in ((e.payload->>'fromLocationId')::uuid, (e.payload->>'toLocationId')::uuid))
    or ((e.type like 'order.%' or e.type like 'dropship.%') and (
      exists (
        select 1 from delivery_groups g where g.order_id = (e.payload->>'orderId')::uuid
          and (g.fulfilment_location_id = ${storeId}::uuid or g.pickup_location_id = ${storeId}::uuid))
      or exists (
        select 1 from orders o join channels c on c.id = o.channel_id
        where o.id = (e.payload->>'orderId')::uuid and c.store_location_id = ${storeId}::uuid))))`;
}

/** One of Aisle's own readers of the outbox, with its row in `outbox_consumers` (made by the migration that brings it). */
export interface OutboxConsumer {
  name: string;
  types: string[];
  /** Handles one event. Throwing stops the pass: that event and those after it are tried again on a later pass. */
  handle(event: StoredEvent): Promise<void>;
}

/** How long a pass may hold a consumer before another process may take it over (the first one having died). */
const LEASE_SECONDS = 120;

/**
 * One pass of a consumer: when events lie past its cursor, it takes the consumer's lease (one process at a time),
 * handles the events after the cursor in commit order, then moves the cursor past those handled and lets go. Delivery
 * is at least once: if the process dies mid-pass, the next pass after the lease lapses handles those events again.
 * When it has caught up, the cursor also moves past the events of other types, so the next pass does not read them
 * again. Answers whether more events are waiting, and what stopped the pass, if anything did.
 */
export async function consumeEvents(db: Executor, consumer: OutboxConsumer, owner: string, batch = 50) {
  const {
    rows: [cursor],
  } = await sql<{ after_txid: string; after_id: string }>`
    update outbox_consumers set leased_by = ${owner}, leased_until = now() + make_interval(secs => ${LEASE_SECONDS})
    where name = ${consumer.name} and (leased_until is null or leased_until < now() or leased_by = ${owner})
      -- Nothing new, nothing written: an idle pass is one read.
      and exists (select from outbox_events e where (e.txid, e.id) > (after_txid, after_id))
    returning after_txid::text, after_id::text`.execute(db);
  if (!cursor) return { more: false, failure: undefined };
  // One statement, one snapshot: the events to handle and the newest event visible when they were read.
  const { rows } = await sql<ReadRow>`
    with horizon as (select ${HORIZON} as xmin)
    (select e.id::text as id, e.txid::text as txid, e.type, e.subject, e.payload, e.created_at, false as newest from outbox_events e, horizon
      where (e.txid, e.id) > (${cursor.after_txid}::xid8, ${cursor.after_id}::bigint) and e.txid < horizon.xmin and e.type = any(${consumer.types}::text[])
      order by e.txid, e.id limit ${batch})
    union all
    (select e.id::text, e.txid::text, e.type, e.subject, e.payload, e.created_at, true from outbox_events e, horizon
      where e.txid < horizon.xmin order by e.txid desc, e.id desc limit 1)`.execute(db);
  const events = rows.filter((row) => !row.newest);
  const deadline = Date.now() + (LEASE_SECONDS * 1000) / 2;
  let done = { txid: cursor.after_txid, id: cursor.after_id };
  let failure: unknown;
  let handled = 0;
  for (const row of events) {
    try {
      await consumer.handle({ id: Number(row.id), type: row.type, subject: row.subject, payload: row.payload, createdAt: row.created_at.toISOString() });
    } catch (error) {
      failure = error;
      break;
    }
    done = row;
    handled++;
    if (Date.now() > deadline) break;
  }
  const newest = rows.find((row) => row.newest);
  const caughtUp = failure === undefined && handled === events.length && events.length < batch;
  if (caughtUp && newest && isAfter(newest, done)) done = newest;
  await sql`
    update outbox_consumers set after_txid = ${done.txid}::xid8, after_id = ${done.id}::bigint, leased_by = null, leased_until = null, updated_at = now()
    where name = ${consumer.name} and leased_by = ${owner}`.execute(db);
  return { more: failure === undefined && !caughtUp, failure };
}

/** How long the oldest event a consumer has still to handle has been waiting, in seconds (0 when it has caught up). */
export async function consumerWaitingSeconds(db: Executor, consumer: Pick<OutboxConsumer, 'name' | 'types'>): Promise<number> {
  const {
    rows: [row],
  } = await sql<{ seconds: number | null }>`
    select extract(epoch from now() - oldest.created_at)::float8 as seconds from outbox_consumers c
    left join lateral (select e.created_at from outbox_events e where (e.txid, e.id) > (c.after_txid, c.after_id) and e.type = any(${consumer.types}::text[])
      order by e.txid, e.id limit 1) oldest on true
    where c.name = ${consumer.name}`.execute(db);
  return Math.max(0, row?.seconds ?? 0);
}

const isAfter = (a: { txid: string; id: string }, b: { txid: string; id: string }) =>
  BigInt(a.txid) > BigInt(b.txid) || (a.txid === b.txid && BigInt(a.id) > BigInt(b.id));

/**
 * Runs a consumer in this process until stopped: a pass every `idleMs` while there is nothing to do, at once while
 * events are waiting, and after a failure again after 1 s, 2 s, 4 s … up to a minute.
 */
export function runConsumer(db: Executor, consumer: OutboxConsumer, options: { owner: string; idleMs?: number; onFailure: (error: unknown) => void }) {
  const idleMs = options.idleMs ?? 1000;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> | undefined;
  let stopped = false;
  let backoffMs = 0;
  const schedule = (ms: number) => {
    if (!stopped) timer = setTimeout(() => void (pass = once()), ms).unref();
  };
  const once = async () => {
    try {
      const { more, failure } = await consumeEvents(db, consumer, options.owner);
      if (failure !== undefined) throw failure;
      backoffMs = 0;
      schedule(more ? 0 : idleMs);
    } catch (error) {
      options.onFailure(error);
      backoffMs = Math.min(backoffMs ? backoffMs * 2 : 1000, 60_000);
      schedule(backoffMs);
    }
  };
  schedule(0);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await pass;
  };
}
