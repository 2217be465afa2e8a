import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresUrl, type TestDatabase } from '../../test/support/database.ts';
import { consumeEvents, publish, readEvents, type OutboxEvent, type StoredEvent } from './outbox.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

// Any catalogued type serves (publish takes no other); these tests are about order and cursors, not payloads.
const TYPE = 'stock.safety_stock_changed';
const event = (subject: string): OutboxEvent => ({ type: TYPE, subject, payload: { locationId: '0196f3a1-2b4c-7d5e-8f60-000000005101', safetyStock: 0 } });
const subjectsAfter = async (after: string | undefined) =>
  (await readEvents(database.db, { after, limit: 1000, types: [TYPE] })).items.map((item) => item.event.subject);
const cursorNow = async () => (await readEvents(database.db, { limit: 1000 })).nextCursor;

describe('the outbox feed', () => {
  it('reads events in commit order and moves its cursor past them', async () => {
    const start = await cursorNow();
    await publish(database.db, [event('a'), event('b')]);
    await publish(database.db, [event('c')]);
    expect(await subjectsAfter(start)).toEqual(['a', 'b', 'c']);
    const next = await readEvents(database.db, { after: start, limit: 2 });
    expect(await subjectsAfter(next.nextCursor)).toEqual(['c']);
  });
});

/** A connection of its own, with a transaction left open that has written something (and so holds a transaction id). */
async function openWriter(options: { database?: string; schema?: string; write: string }) {
  const url = new URL(postgresUrl!);
  if (options.database) url.pathname = `/${options.database}`;
  const client = new pg.Client({ connectionString: url.toString(), ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}) });
  await client.connect();
  await client.query('begin');
  await client.query(options.write);
  return { client, finish: async (how: 'commit' | 'rollback') => (await client.query(how), await client.end()) };
}

describe.skipIf(!postgresUrl)('the outbox feed beside long transactions (PostgreSQL)', () => {
  it('is not held back by a transaction writing in another database, nor in another schema of this one', async () => {
    const start = await cursorNow();
    const otherDatabase = await openWriter({ database: 'postgres', write: 'select pg_current_xact_id()' });
    const otherSchema = await openWriter({ write: 'create temporary table scratch (n int); insert into scratch values (1)' });
    try {
      await publish(database.db, [event('while-others-run')]);
      // At once, in one read: before, the feed waited for both transactions to end.
      expect(await subjectsAfter(start)).toEqual(['while-others-run']);
    } finally {
      await otherDatabase.finish('rollback');
      await otherSchema.finish('rollback');
    }
  });

  it('never passes an event of a transaction of its own outbox still running, whatever commits after it', async () => {
    const start = await cursorNow();
    const slow = await openWriter({ schema: database.schema!, write: `insert into outbox_events (type, subject, payload) values ('${TYPE}', 'slow', '{}')` });
    await publish(database.db, [event('fast')]);
    // The fast one committed first, but a reader that took it would move its cursor past the slow one's place.
    expect(await subjectsAfter(start)).toEqual([]);
    const held = await readEvents(database.db, { after: start, limit: 1000 });
    await slow.finish('commit');
    expect(await subjectsAfter(held.nextCursor)).toEqual(['slow', 'fast']);
  });

  it('hands events to a consumer while a transaction of another database runs', async () => {
    const name = `test-consumer-${Date.now()}`;
    await database.db
      .insertInto('outbox_consumers')
      .values({ name, after_txid: '0', after_id: 0 } as never)
      .execute();
    const other = await openWriter({ database: 'postgres', write: 'select pg_current_xact_id()' });
    try {
      await publish(database.db, [event('for-the-consumer')]);
      const handled: StoredEvent[] = [];
      const consumer = { name, types: [TYPE], handle: async (stored: StoredEvent) => void handled.push(stored) };
      while ((await consumeEvents(database.db, consumer, 'test')).more);
      expect(handled.map((stored) => stored.subject)).toContain('for-the-consumer');
    } finally {
      await other.finish('rollback');
    }
  });
});
