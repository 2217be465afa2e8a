import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { NotFound } from '../../platform/errors.ts';
import type { RegisterSessionsTable } from './tables.ts';

/** Reading register sessions: the one open at each register, and a session with its register. */

export type SessionRow = Selectable<RegisterSessionsTable>;

/** The session open at each of `registerIds` (registers without one are absent). One query. */
export async function openSessionsOf(db: Executor, registerIds: string[]): Promise<Map<string, SessionRow>> {
  if (!registerIds.length) return new Map();
  const rows = await db.selectFrom('register_sessions').selectAll().where('register_id', 'in', registerIds).where('closed_at', 'is', null).execute();
  return new Map(rows.map((row) => [row.register_id, row]));
}

/** A session with its register's store and name. */
export async function sessionWithRegister(db: Executor, sessionId: string) {
  const row = await db
    .selectFrom('register_sessions as s')
    .innerJoin('registers as r', 'r.id', 's.register_id')
    .selectAll('s')
    .select(['r.location_id', 'r.name as register_name'])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
  if (!row) throw new NotFound('Register session', sessionId);
  return row;
}

export const toSessionSummary = (row: SessionRow) => ({
  id: row.id,
  registerId: row.register_id,
  currency: row.currency,
  openingFloat: row.opening_float,
  openedBy: row.opened_by,
  openedAt: row.opened_at.toISOString(),
  closedBy: row.closed_by,
  closedAt: row.closed_at?.toISOString() ?? null,
  countedCash: row.counted_cash,
  note: row.note,
});
