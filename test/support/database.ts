import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectPostgres, openPGlite, type Database } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';

/** The PostgreSQL server the suite also runs on when set (CI sets it); otherwise only PGlite. */
export const postgresUrl = process.env.TEST_DATABASE_URL || undefined;

export interface TestDatabase extends Database {
  /** The schema the test owns on PostgreSQL (undefined on PGlite); server processes spawned by a test use it too. */
  schema: string | undefined;
  /** A DATABASE_URL-style setting for child processes; undefined on PGlite. */
  url: string | undefined;
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or a schema of its own on the PostgreSQL of
 * TEST_DATABASE_URL, dropped again by `close()`.
 */
export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  if (!postgresUrl) {
    const database = await openPGlite(undefined);
    await migrateToLatest(database.db);
    return { ...database, schema: undefined, url: undefined };
  }
  return postgresSchema(postgresUrl, { prefix: 'aisle_test', poolSize: options.poolSize ?? 4 });
}

/** A migrated schema of its own on the PostgreSQL server at `url`, dropped again by `close()`. */
export async function postgresSchema(url: string, options: { prefix: string; poolSize: number }): Promise<TestDatabase> {
  const schema = `${options.prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = connectPostgres({ url, poolSize: options.poolSize, schema, applicationName: options.prefix.replaceAll('_', '-') });
  await migrateToLatest(database.db);
  return {
    ...database,
    schema,
    url,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}
