import type { Principal } from '../../platform/auth/principal.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { Conflict, RuleViolation } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage, type Page } from '../../platform/http/pagination.ts';
import { registerTakings } from '../payments/register-totals.ts';
import { assertMayUse, registerFor } from './registers.ts';
import { expectedCash, sessionReport } from './report.ts';
import type { CashMovementInput, SessionReport, SessionView } from './schema.ts';
import { openSessionsOf, sessionWithRegister, toSessionSummary } from './session-rows.ts';

/**
 * A register's sessions: opened with a cash float (one at a time), cash paid in or out while open, closed with the
 * cash counted. What the session sold is read from the payments that name the register (payments/register-totals.ts).
 */

/**
 * Money may be taken at the register: it is the caller's store's (403 otherwise; 404 for no such register) and a
 * session is open (422 `register-closed`). In a transaction the open session stays locked (shared) until the commit,
 * so a close waits for the money being taken and counts it: call it in the transaction that writes the payments.
 */
export async function assertRegisterOpen(trx: Executor, principal: Principal, registerId: string): Promise<SessionView> {
  const register = await registerFor(trx, principal, registerId);
  const open = await trx
    .selectFrom('register_sessions')
    .selectAll()
    .where('register_id', '=', register.id)
    .where('closed_at', 'is', null)
    .forShare()
    .executeTakeFirst();
  if (!open) throw registerClosed(registerId);
  return toSessionSummary(open);
}

export const registerClosed = (registerId: string) =>
  new RuleViolation('register-closed', `Register ${registerId} has no open session: open one (POST /v1/registers/${registerId}/sessions) to take money.`, {
    registerId,
  });

export async function openSession(trx: Trx, principal: Principal, registerId: string, input: { openingFloat: number; currency: string }) {
  const register = await registerFor(trx, principal, registerId);
  const open = (await openSessionsOf(trx, [register.id])).get(register.id);
  if (open) throw new Conflict('register-open', `Register ${register.name} is already open (session ${open.id}): close it first.`, { sessionId: open.id });
  const row = await trx
    .insertInto('register_sessions')
    .values({
      id: newId(),
      register_id: register.id,
      currency: input.currency,
      opening_float: input.openingFloat,
      opened_by: principal.actor,
      opened_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((error: unknown) => {
      // Two openings at once: the partial unique index lets one through.
      if ((error as { code?: string }).code === '23505') throw new Conflict('register-open', `Register ${register.name} is already open.`, {});
      throw error;
    });
  return toSessionSummary(row);
}

/** A register's sessions, newest first (ids are time-ordered): where yesterday's Z report is found. */
export async function listSessions(
  db: Executor,
  principal: Principal,
  registerId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<SessionView>> {
  await registerFor(db, principal, registerId);
  const before = decodeCursor(query.cursor);
  const rows = await db
    .selectFrom('register_sessions')
    .selectAll()
    .where('register_id', '=', registerId)
    .$if(before !== undefined, (q) => q.where('id', '<', before!))
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (row) => row.id, toSessionSummary);
}

/** A session of the caller's store, locked for a change when `trx` is a transaction that asks. */
async function sessionFor(db: Executor, principal: Principal, sessionId: string) {
  const session = await sessionWithRegister(db, sessionId);
  assertMayUse(principal, { id: session.register_id, location_id: session.location_id });
  return session;
}

async function openSessionFor(trx: Trx, principal: Principal, sessionId: string) {
  const session = await sessionFor(trx, principal, sessionId);
  // Locked: a close and a movement on one session take turns.
  const locked = await trx.selectFrom('register_sessions').select('closed_at').where('id', '=', sessionId).forUpdate().executeTakeFirstOrThrow();
  if (locked.closed_at !== null)
    throw new RuleViolation('session-closed', `Session ${sessionId} was closed at ${locked.closed_at.toISOString()}.`, { sessionId, state: 'closed' });
  return session;
}

export async function addCashMovement(trx: Trx, principal: Principal, sessionId: string, input: CashMovementInput) {
  await openSessionFor(trx, principal, sessionId);
  const row = await trx
    .insertInto('register_cash_movements')
    .values({
      id: newId(),
      session_id: sessionId,
      kind: input.kind,
      amount: input.amount,
      reason: input.reason,
      actor: principal.actor,
      created_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMovement(row);
}

/** Closes the session with the cash counted: the expected cash is worked out now and kept; a difference is reported, not refused. */
export async function closeSession(trx: Trx, principal: Principal, sessionId: string, input: { countedCash: number; note?: string | undefined }) {
  const session = await openSessionFor(trx, principal, sessionId);
  const closedAt = new Date();
  const [takings, movements] = await Promise.all([registerTakings(trx, session.register_id, session.opened_at, closedAt), movementsOf(trx, sessionId)]);
  await trx
    .updateTable('register_sessions')
    .set({
      closed_at: closedAt,
      closed_by: principal.actor,
      counted_cash: input.countedCash,
      expected_cash: expectedCash(session.opening_float, takings, movements),
      note: input.note ?? null,
    })
    .where('id', '=', sessionId)
    .execute();
  return reportOf(trx, principal, sessionId);
}

/** The X report of an open session, the Z report of a closed one. */
export async function reportOf(db: Executor, principal: Principal, sessionId: string, now = new Date()): Promise<SessionReport> {
  const session = await sessionFor(db, principal, sessionId);
  const [takings, movements] = await Promise.all([registerTakings(db, session.register_id, session.opened_at, session.closed_at), movementsOf(db, sessionId)]);
  return sessionReport({
    session: { ...toSessionSummary(session), expectedCash: session.expected_cash },
    register: { id: session.register_id, name: session.register_name, locationId: session.location_id },
    takings,
    movements,
    generatedAt: now,
  });
}

async function movementsOf(db: Executor, sessionId: string) {
  const rows = await db.selectFrom('register_cash_movements').selectAll().where('session_id', '=', sessionId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toMovement);
}

const toMovement = (row: {
  id: string;
  session_id: string;
  kind: 'paid_in' | 'paid_out';
  amount: number;
  reason: string;
  actor: string;
  created_at: Date;
}) => ({
  id: row.id,
  sessionId: row.session_id,
  kind: row.kind,
  amount: row.amount,
  reason: row.reason,
  actor: row.actor,
  createdAt: row.created_at.toISOString(),
});
