import { sql, type RawBuilder } from 'kysely';
import type { Executor, Trx } from './database.ts';

/**
 * Multi-row writes in one round trip. Batches (reservations, orders) cost about as much as a single write because
 * each table gets one statement whatever the number of rows, and several statements travel together.
 */

/**
 * `= any(array)` in place of `in (...)`: one parameter whatever the number of values, so the statement's text, and the
 * plan its connection keeps for it (database.ts), are the same for 1 value and for 500.
 * `.where('sku', '=', anyOf(skus, 'text'))`
 */
export const anyOf = <T>(values: readonly T[], type: 'text' | 'uuid') => sql<T>`any(${values}::${sql.raw(type)}[])`;

/** The PostgreSQL type of each column written, e.g. `{ id: 'uuid', quantity: 'int', detail: 'jsonb' }`; other fields of the rows are left out. */
export type Columns<R> = { [K in keyof R & string]?: string };

/**
 * `insert into table (columns) select * from unnest(one array per column)`: any number of rows, one statement, a
 * fixed number of parameters. Dates are sent as ISO-8601; objects in jsonb columns as JSON (a string is taken to be
 * JSON text already); null is null.
 */
export function insertRows<R extends Record<string, unknown>>(
  table: string,
  columns: Columns<R>,
  rows: R[],
  suffix?: RawBuilder<unknown>,
): RawBuilder<unknown> | null {
  if (!rows.length) return null;
  const { names, text } = insertText(table, columns);
  const insert = sql(text, ...names.map((name) => rows.map((row) => sendable(row[name], columns[name]!))));
  return suffix ? sql`${insert} ${suffix}` : insert;
}

/**
 * The text around an insert's arrays, made once per table and columns: the order desk writes ten tables a batch, and
 * building each statement from a fragment per column and a parsed reference per name was a tenth of what the
 * servers allocated.
 */
const insertTexts = new Map<string, { names: string[]; text: TemplateStringsArray }>();

function insertText(table: string, columns: Columns<Record<string, unknown>>) {
  const key = `${table} ${JSON.stringify(columns)}`;
  let made = insertTexts.get(key);
  if (!made) {
    const names = Object.keys(columns);
    const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
    const parts = [
      `insert into ${quote(table)} (${names.map(quote).join(', ')}) select * from unnest(`,
      ...names.map((name, index) => `::${columns[name]}[]${index < names.length - 1 ? ', ' : ')'}`),
    ];
    made = { names, text: Object.assign([...parts], { raw: parts }) };
    insertTexts.set(key, made);
  }
  return made;
}

function sendable(value: unknown, type: string): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (type === 'jsonb' && typeof value === 'object') return JSON.stringify(value);
  return value;
}

/**
 * Sends several writes as one statement (data-modifying CTEs all run, to completion, on one snapshot; foreign keys
 * between them are checked at the statement's end): one round trip instead of one per table.
 */
export async function writeTogether(trx: Trx, statements: (RawBuilder<unknown> | null)[]): Promise<void> {
  const parts = statements.filter((statement): statement is RawBuilder<unknown> => statement !== null);
  if (!parts.length) return;
  if (parts.length === 1) {
    await parts[0]!.execute(trx);
    return;
  }
  const ctes = sql.join(
    parts.map((part, index) => sql`${sql.raw(`w${index}`)} as (${part})`),
    sql`, `,
  );
  await sql`with ${ctes} select 1`.execute(trx);
}

/** A part of a statement written by `writeIf`: named common table expressions, and conditions on them. */
export interface Guarded {
  /** `name as (query)`, each: what the writes and conditions refer to by name. */
  parts: RawBuilder<unknown>[];
  /** Boolean expressions that must hold, each with what it checks (for the error). */
  conditions: { held: RawBuilder<unknown>; what: string }[];
}

const CONDITION_FAILED = 'AI001';
export const isConditionFailed = (error: unknown) => (error as { code?: string } | null)?.code === CONDITION_FAILED;

/**
 * Writes in one statement, outside any transaction, that take effect only if every condition holds when it runs
 * (the `require_condition` of migration 0010): otherwise the statement fails as a whole (`isConditionFailed`) and
 * nothing is written. One round trip where a transaction takes four (begin, a locking read, the writes, commit), for
 * a caller that can decide before reading, and check what it decided inside the statement. The conditions are
 * checked in the order given, and the parts they read run then: pass them in the order the caller's other writes
 * take the same locks, so that the two never wait on each other in a circle.
 */
export async function writeIf(db: Executor, guarded: Guarded[], statements: (RawBuilder<unknown> | null)[]): Promise<void> {
  const writes = statements.filter((statement): statement is RawBuilder<unknown> => statement !== null);
  const parts = [...guarded.flatMap((guard) => guard.parts), ...writes.map((write, index) => sql`${sql.raw(`w${index}`)} as (${write})`)];
  const conditions = guarded.flatMap((guard) => guard.conditions).map(({ held, what }) => sql`require_condition(${held}, ${what})`);
  await sql`with ${sql.join(parts, sql`, `)} select ${conditions.length ? sql.join(conditions, sql` and `) : sql`true`}`.execute(db);
}
