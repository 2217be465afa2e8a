// Over 300 lines: the two databases behind one interface: PGlite with its mutex, and pg's pool with its error handling, prepared statements and LISTEN connection; one job, long.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, type DatabaseConnection, type Dialect, type Driver, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from '../../modules/tables.ts';

export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;
/** Anything that can run a query: the database itself or an open transaction. */
export type Executor = Kysely<DB> | Transaction<DB>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /**
   * Calls `heard` on every notification of `channel` (NOTIFY), and once more whenever notifications may have been
   * missed (the listening connection was lost, and again when it is back). Resolves to what stops listening.
   */
  listen(channel: string, heard: () => void): Promise<() => Promise<void>>;
  /**
   * Calls `lost` whenever a connection to the database is lost (PostgreSQL restarted or failed over, a proxy or the
   * network cut it): the requests using it fail with 503 `database-unavailable`, the pool opens another when next
   * needed. For the logs; never called on PGlite.
   */
  onConnectionLost(lost: (error: Error) => void): void;
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
  /**
   * Prepare statements on each connection (default). Off behind a pooler that hands a session's statements to other
   * clients (PgBouncer in transaction mode before 1.21, or without `max_prepared_statements`).
   */
  prepareStatements?: boolean;
}

/**
 * Aisle's queries are a few hundred fixed texts (lists travel as array parameters, so a batch of 2 orders and one of
 * 200 send the same text), and PostgreSQL spent as long planning them as running them: at a steady 250 orders/s,
 * 3.1 s of planning for 3.9 s of execution (pg_stat_statements). So each connection prepares a text, by name, the
 * first time it runs it, and from then on runs it with the plan it keeps. The first MAX_NAMED texts get a name; any
 * further (a query whose text varies with its input) runs unnamed, as before.
 */
const MAX_NAMED = 500;
const statementNames = new Map<string, string>();
let renamed = 0;

function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_NAMED) statementNames.set(text, (name = `aisle_${statementNames.size}`));
  return name;
}

/**
 * A statement prepared before its table changed shape (a migration run by a newer server process) fails with
 * "cached plan must not change result type". Its text then gets a new name, so that it is prepared again: at once for
 * a lone query, and for a transaction (already rolled back by the error) when `retrying` runs it again.
 */
export const isStalePlan = (error: unknown) => (error as { code?: string } | null)?.code === '0A000' && /cached plan/.test((error as Error).message);

/**
 * A list parameter as PostgreSQL's array literal. pg builds it with two regular-expression replaces per element, and
 * the batches' lists (a column of an insert each) were a quarter of what the server processes allocated; most
 * elements (ids, dates, amounts) have nothing to escape. 20 % less CPU than pg's in a micro-benchmark of such lists.
 * Lists of anything but strings, numbers, booleans and nulls are left to pg.
 */
function arrayLiteral(values: unknown[]): unknown {
  let literal = '{';
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (index > 0) literal += ',';
    if (value === null || value === undefined) literal += 'NULL';
    else if (typeof value === 'string') literal += value.includes('"') || value.includes('\\') ? `"${value.replace(/[\\"]/g, '\\$&')}"` : `"${value}"`;
    else if (typeof value === 'number' || typeof value === 'boolean') literal += String(value);
    else return values;
  }
  return `${literal}}`;
}

/**
 * The plans a connection keeps are generic ones. PostgreSQL's default plans a prepared statement again for its
 * parameters whenever that looks cheaper than the generic plan, and with list parameters it nearly always does (the
 * custom plan knows how long the batch's lists are, the generic one guesses), so the statements Aisle prepares were
 * still planned at every run: in-process, one order at a time, PostgreSQL spent about 30 % less CPU per order with
 * generic plans. A query that must match a partial index's predicate (`status = 'active'`) writes that value as a
 * literal, which a generic plan can use. A server that does not know the setting (before PostgreSQL 12) plans as it did.
 */
const GENERIC_PLANS = 'set plan_cache_mode = force_generic_plan';

/**
 * Sent once on each new connection, queued ahead of its first statement (no extra wait). While a statement runs,
 * PostgreSQL notices a client that has gone (a killed `aisle import`, a crashed server process) only when it next
 * writes to it: an import killed mid-statement kept its stock rows locked for ~40 s. Checking the socket every second
 * (PostgreSQL 14+; an older server refuses the setting, and that refusal is ignored) ends such a backend, and so
 * releases its locks, within a second or so; it costs nothing while the connection is idle.
 */
const SESSION_SETTINGS = ["set client_connection_check_interval = '1s'"];

class PreparingClient extends pg.Client {
  readonly #prepare: boolean;
  #planModeSet = false;
  #sessionSet = false;

  constructor(config: pg.ClientConfig & { prepareStatements?: boolean } = {}) {
    super(config);
    this.#prepare = config.prepareStatements !== false;
  }

  // pg types query() as many overloads; this one serves them all and returns what the overload called returns.
  // biome-ignore lint/suspicious/noExplicitAny: pg's query() overloads answer differently; this override serves them all.
  override query(text: unknown, values?: unknown, callback?: unknown): any {
    if (!this.#sessionSet) {
      this.#sessionSet = true;
      for (const setting of SESSION_SETTINGS) super.query(setting).catch(() => undefined);
    }
    if (typeof text !== 'string' || !Array.isArray(values) || callback !== undefined)
      return (super.query as (...args: unknown[]) => unknown)(text, values, callback);
    if (values.some(Array.isArray)) values = values.map((value: unknown) => (Array.isArray(value) ? arrayLiteral(value) : value));
    const name = this.#prepare ? statementName(text) : undefined;
    if (name === undefined) return super.query(text, values as unknown[]);
    if (!this.#planModeSet) {
      // Queued ahead of this statement on the same connection, so it applies from the first plan kept.
      this.#planModeSet = true;
      super.query(GENERIC_PLANS).catch(() => undefined);
    }
    return super.query({ name, text, values: values as unknown[] }).catch((error: unknown) => {
      if (!isStalePlan(error)) throw error;
      if (statementNames.get(text) === name) statementNames.set(text, `aisle_renamed_${++renamed}`);
      if (this.getTransactionStatus() !== 'I') throw error;
      return this.query(text, values) as Promise<pg.QueryResult>;
    });
  }
}

/**
 * How long a request waits for a connection: one from the pool, or a new one to a server that does not answer (a
 * network cut makes connecting hang for minutes). Past it the request fails with 503 rather than hanging.
 */
const CONNECT_TIMEOUT_MS = 10_000;
/** The listening connection tries again after 1 s, then 2, 4 … up to this, while the database stays unreachable. */
const MAX_LISTEN_RETRY_MS = 30_000;

/** A lost connection emits twice (the server's 57P01, then the socket's end): it is reported once. */
function once(report: (error: Error) => void): (error: Error) => void {
  let reported = false;
  return (error) => {
    if (!reported) report(error);
    reported = true;
  };
}

export function connectPostgres(options: PostgresOptions): Database {
  const lostListeners: ((error: Error) => void)[] = [];
  const lost = (error: Error) => {
    for (const listener of lostListeners) listener(error);
  };
  const pool = new pg.Pool({
    Client: PreparingClient,
    connectionString: options.url,
    max: options.poolSize,
    application_name: options.applicationName ?? 'aisle',
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    prepareStatements: options.prepareStatements ?? true,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // The kernel's probes notice a server that vanished without closing the socket (failover, network cut).
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  } as pg.PoolConfig);
  // A connection lost while idle in the pool: pg-pool has already dropped it and re-emits the error here, where
  // without a listener it would end the process. It was reported by the client's own listener below.
  pool.on('error', () => undefined);
  // A connection lost while in use: its queries fail with the error (the request answers 503, the transaction died
  // with the backend) and the client emits it too, which must not end the process either. pg-pool does not hand
  // a connection that lost its socket out again: it discards it when it comes back and opens another when needed.
  pool.on('connect', (client) => client.on('error', once(lost)));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  // A connection of its own, outside the pool, kept listening; when it is lost, `heard` (notifications may have been
  // missed) and a new one after 1 s, then 2, 4 … 30 s, until it is back.
  const listen = async (channel: string, heard: () => void) => {
    let stopped = false;
    let client: pg.Client | undefined;
    let retry: NodeJS.Timeout | undefined;
    let waitMs = 1000;
    const later = () => {
      if (stopped || retry) return;
      retry = setTimeout(() => ((retry = undefined), connect().catch(later)), waitMs).unref();
      waitMs = Math.min(waitMs * 2, MAX_LISTEN_RETRY_MS);
    };
    const connect = async () => {
      const listener = new pg.Client({
        connectionString: options.url,
        application_name: `${options.applicationName ?? 'aisle'}-listener`,
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
        keepAlive: true,
        keepAliveInitialDelayMillis: 10_000,
      });
      listener.on('notification', (message) => message.channel === channel && heard());
      const reportOnce = once(lost);
      listener.on('error', (error) => {
        reportOnce(error);
        listener.end().catch(() => undefined);
      });
      listener.once('end', () => {
        if (client === listener) client = undefined;
        if (!stopped) heard(), later();
      });
      await listener.connect();
      await listener.query(`listen ${pg.escapeIdentifier(channel)}`);
      if (stopped) return listener.end();
      client = listener;
      waitMs = 1000;
      heard();
    };
    await connect();
    return async () => {
      stopped = true;
      clearTimeout(retry);
      await client?.end();
    };
  };
  return { db, kind: 'postgres', close: () => db.destroy(), listen, onConnectionLost: (listener) => void lostListeners.push(listener) };
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
  const listen = async (channel: string, heard: () => void) => {
    const unlisten = await pglite.listen(channel, heard);
    return async () => unlisten();
  };
  // One embedded connection, in this process: it cannot be lost.
  return { db, kind: 'pglite', close: () => db.destroy(), listen, onConnectionLost: () => undefined };
}
