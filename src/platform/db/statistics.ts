import { sql } from 'kysely';
import type { Database } from './database.ts';

const EVERY_MS = 10 * 60_000;

/**
 * PGlite has no autovacuum, so nothing refreshes the planner's statistics as a shop's tables grow; plans cached while
 * a table was small (those of the foreign-key checks live as long as the connection) would go on reading it whole.
 * The embedded server analyses at start and every ten minutes (a few hundred milliseconds on a shop's data). A
 * PostgreSQL server's autovacuum does this on its own. Returns what stops it.
 */
export async function keepStatisticsFresh(database: Database, onError: (error: unknown) => void): Promise<() => void> {
  if (database.kind !== 'pglite') return () => {};
  const analyse = () => sql`analyze`.execute(database.db).then(() => undefined, onError);
  await analyse();
  const timer = setInterval(analyse, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
