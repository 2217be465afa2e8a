import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresSchema, postgresUrl, type TestDatabase } from '../../../test/support/database.ts';
import { loadConfig } from '../../config.ts';
import { retrying } from '../http/unit-of-work.ts';
import { openDatabase } from './open.ts';

describe.skipIf(!postgresUrl)('statements on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await postgresSchema(postgresUrl!, { prefix: 'aisle_test', poolSize: 1 });
  });
  afterAll(() => database?.close());

  /** Another connection, as another server process running a migration would use. */
  async function elsewhere(statement: string) {
    const client = new pg.Client({ connectionString: postgresUrl, options: `-c search_path=${database.schema}` });
    await client.connect();
    await client.query(statement);
    await client.end();
  }

  it('prepares each text once per connection and runs it again with the kept plan, a generic one', async () => {
    const runs = 8;
    for (let run = 0; run < runs; run++) {
      const found = await database.db
        .selectFrom('channels')
        .select('id')
        .where('code', '=', sql<string>`any(${[`code-${run}`]}::text[])`)
        .execute();
      expect(found).toEqual([]);
    }
    // The pool holds one connection: the statement above was prepared on it, once, and executed every time.
    // Planned once for any parameters: PostgreSQL's default would plan it again for each run's list.
    const { rows } = await sql<{ statement: string; generic: number; custom: number }>`
      select statement, generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements
      where statement like 'select "id" from "channels"%'`.execute(database.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ generic: runs, custom: 0 });
  });

  it('prepares nothing with DATABASE_PREPARED_STATEMENTS=off (behind a transaction-mode pooler)', async () => {
    const config = loadConfig({ DATABASE_URL: `${postgresUrl}`, DATABASE_POOL_SIZE: '1', DATABASE_PREPARED_STATEMENTS: 'off' });
    expect(config.databasePreparedStatements).toBe(false);
    const unprepared = await openDatabase(config);
    try {
      for (let run = 0; run < 3; run++) expect((await sql<{ n: number }>`select ${run}::int as n`.execute(unprepared.db)).rows).toEqual([{ n: run }]);
      const { rows } = await sql<{ count: number }>`select count(*)::int as count from pg_prepared_statements`.execute(unprepared.db);
      expect(rows[0]!.count).toBe(0);
      expect((await sql<{ plan_cache_mode: string }>`show plan_cache_mode`.execute(unprepared.db)).rows[0]!.plan_cache_mode).toBe('auto');
    } finally {
      await unprepared.close();
    }
  });

  it('hears notifications, and after losing its connection says so and listens again', async () => {
    const channel = `aisle_test_${process.pid}`;
    let heard = 0;
    const stop = await database.listen(channel, () => heard++);
    try {
      const waitFor = async (count: number) => {
        for (let tries = 0; heard < count && tries < 150; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
        expect(heard).toBe(count);
      };
      await waitFor(1); // listening: anything before may have been missed
      await sql`select pg_notify(${channel}, '')`.execute(database.db);
      await waitFor(2);
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where query = ${`listen "${channel}"`}`.execute(database.db);
      await waitFor(3); // lost
      await waitFor(4); // back, a second later
      await sql`select pg_notify(${channel}, '')`.execute(database.db);
      await waitFor(5);
    } finally {
      await stop();
    }
  });

  it('sends lists as array literals that keep every value as it was', async () => {
    const texts = ['plain', '', 'NULL', null, 'a,b', '{braces}', 'say "cheese"', 'back\\slash\\', 'new\nline', ' spaced ', 'Zoë ☕'];
    const numbers = [0, -1, 2 ** 40, 1.5, null];
    const flags = [true, false, null];
    const { rows } = await sql<{ texts: (string | null)[]; numbers: (number | null)[]; flags: (boolean | null)[] }>`
      select ${texts}::text[] as texts, ${numbers}::numeric[] as numbers, ${flags}::boolean[] as flags`.execute(database.db);
    expect(rows[0]).toEqual({ texts, numbers, flags });
  });

  it('prepares a statement again when its table changed shape under it, alone or in a transaction', async () => {
    await elsewhere('create table shelf (id int primary key)');
    await elsewhere('insert into shelf values (1)');
    const readShelf = () => sql<Record<string, unknown>>`select * from shelf`.execute(database.db);
    expect((await readShelf()).rows).toEqual([{ id: 1 }]);

    await elsewhere("alter table shelf add column label text default 'front'");
    expect((await readShelf()).rows).toEqual([{ id: 1, label: 'front' }]);

    await elsewhere('alter table shelf add column height int default 2');
    const inTransaction = await retrying(() => database.db.transaction().execute(async (trx) => (await sql`select * from shelf`.execute(trx)).rows));
    expect(inTransaction).toEqual([{ id: 1, label: 'front', height: 2 }]);
  });
});
