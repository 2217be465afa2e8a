import { sql, type RawBuilder } from 'kysely';
import type { Executor } from './db/database.ts';
import { InvalidInput } from './http/problem.ts';

export interface OutboxEvent {
  type: string;
  /** What the event is about, e.g. `stock:<variantId>:<locationId>`: consumers keep the latest per subject. */
  subject: string;
  payload: Record<string, unknown>;
}

/** Writes events in the caller's transaction: they exist exactly when the change that caused them commits. */
export async function publish(trx: Executor, events: OutboxEvent[]): Promise<void> {
  await eventsInsert(events)?.execute(trx);
}

/** The insert of `publish`, to send along with other writes in one statement. */
export function eventsInsert(events: OutboxEvent[]): RawBuilder<unknown> | null {
  if (!events.length) return null;
  return sql`
    insert into outbox_events (type, subject, payload)
    select * from unnest(${events.map((e) => e.type)}::text[], ${events.map((e) => e.subject)}::text[], ${events.map((e) => JSON.stringify(e.payload))}::jsonb[])`;
}

export interface StoredEvent extends OutboxEvent {
  id: number;
  createdAt: string;
}

/** Cursor: the (transaction id, event id) of the last event read. */
const encode = (txid: string, id: number) => Buffer.from(`${txid}:${id}`).toString('base64url');
function decode(cursor: string | undefined): [string, number] {
  if (!cursor) return ['0', 0];
  const [txid, id] = Buffer.from(cursor, 'base64url').toString().split(':');
  if (!txid || !/^\d+$/.test(txid) || !id || !/^\d+$/.test(id)) throw new InvalidInput([{ field: 'query.after', message: 'is not a cursor this API returned' }]);
  return [txid, Number(id)];
}

/**
 * Events after the cursor, in an order no reader can overtake: only events of transactions older than every
 * transaction still running are returned, so one that commits late can never land behind a cursor already passed.
 */
export async function readEvents(db: Executor, options: { after?: string | undefined; limit: number; types?: string[] | undefined }) {
  const [txid, id] = decode(options.after);
  const rows = await db
    .selectFrom('outbox_events')
    .select(['id', 'txid', 'type', 'subject', 'payload', 'created_at'])
    .where(sql<boolean>`(txid, id) > (${txid}::xid8, ${id}::bigint)`)
    .where(sql<boolean>`txid < pg_snapshot_xmin(pg_current_snapshot())`)
    .$if(options.types !== undefined && options.types.length > 0, (q) => q.where('type', 'in', options.types!))
    .orderBy('txid')
    .orderBy('id')
    .limit(options.limit)
    .execute();
  const last = rows.at(-1);
  return {
    items: rows.map((row) => ({ id: row.id, type: row.type, subject: row.subject, payload: row.payload, createdAt: row.created_at.toISOString() })),
    // With no new event the cursor stays where it was, so a poller can always pass back what it got.
    nextCursor: last ? encode(String(last.txid), last.id) : options.after ?? encode('0', 0),
  };
}
