import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, type DatabaseConnection, type Dialect, type Driver, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';

export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;
/** Anything that can run a query: the database itself or an open transaction. */
export type Executor = Kysely<DB> | Transaction<DB>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;
// bigint columns hold money in minor units and counters; they stay far below 2^53, so plain numbers are exact.
const parseInt8 = (value: string) => Number(value);

pg.types.setTypeParser(INT8, parseInt8);
pg.types.setTypeParser(NUMERIC, (value: string) => Number(value));

export interface PostgresOptions {
  url: string;
  poolSize: number;
  /** Schema to put first on the search path (the tests run each file in a schema of its own). */
  schema?: string;
  applicationName?: string;
}

export function connectPostgres(options: PostgresOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    application_name: options.applicationName ?? 'aisle',
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

/**
 * PGlite is one connection. Kysely's PGlite driver hands the same connection to every caller, so a query issued
 * while another request's transaction is open would run inside it. The mutex makes each transaction (or lone
 * query) own the connection until it is released, as Kysely's own SQLite driver does.
 */
class ExclusiveDriver implements Driver {
  #inner: Driver;
  #queue: Promise<void> = Promise.resolve();
  #release: (() => void) | undefined;

  constructor(inner: Driver) {
    this.#inner = inner;
  }
  init() {
    return this.#inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#queue;
    let release!: () => void;
    this.#queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    this.#release = release;
    return this.#inner.acquireConnection();
  }
  async releaseConnection(connection: DatabaseConnection) {
    await this.#inner.releaseConnection(connection);
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }
  beginTransaction(connection: DatabaseConnection, settings: Parameters<Driver['beginTransaction']>[1]) {
    return this.#inner.beginTransaction(connection, settings);
  }
  commitTransaction(connection: DatabaseConnection) {
    return this.#inner.commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection) {
    return this.#inner.rollbackTransaction(connection);
  }
  destroy() {
    return this.#inner.destroy();
  }
}

class ExclusivePGliteDialect extends PGliteDialect {
  override createDriver(): Driver {
    return new ExclusiveDriver(super.createDriver());
  }
}

/** The embedded database: persisted in `dataDir`, or in memory when `dataDir` is undefined (tests). */
export async function openPGlite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    parsers: { [INT8]: parseInt8, [NUMERIC]: (value: string) => Number(value) },
  });
  const dialect: Dialect = new ExclusivePGliteDialect({ pglite });
  const db = new Kysely<DB>({ dialect });
  return { db, kind: 'pglite', close: () => db.destroy() };
}
