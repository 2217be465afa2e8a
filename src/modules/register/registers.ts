import type { Selectable } from 'kysely';
import { assertActsForLocation, type Principal } from '../../platform/auth/principal.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { Conflict, Forbidden, NotFound, RuleViolation } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { getLocation } from '../locations/service.ts';
import type { RegisterView } from './schema.ts';
import { openSessionsOf, toSessionSummary } from './session-rows.ts';
import type { RegistersTable } from './tables.ts';

/** A store's registers (tills): set up by an admin or by the store itself, listed with the session open at each. */

export type RegisterRow = Selectable<RegistersTable>;

export async function createRegister(trx: Trx, principal: Principal, locationId: string, input: { name: string }): Promise<RegisterView> {
  const location = await getLocation(trx, locationId);
  assertActsForLocation(principal, locationId);
  if (location.type !== 'store') throw new RuleViolation('register-needs-store', 'A register stands in a store, not in a warehouse or vendor.', { locationId });
  const taken = await trx.selectFrom('registers').select('id').where('location_id', '=', locationId).where('name', '=', input.name).executeTakeFirst();
  if (taken) throw new Conflict('register-name-taken', `The store already has a register named ${input.name}.`, { existingId: taken.id });
  const row = await trx.insertInto('registers').values({ id: newId(), location_id: locationId, name: input.name }).returningAll().executeTakeFirstOrThrow();
  return { ...toRegister(row), openSession: null };
}

export async function listRegisters(db: Executor, principal: Principal, locationId: string): Promise<{ items: RegisterView[] }> {
  await getLocation(db, locationId);
  assertActsForLocation(principal, locationId);
  const rows = await db.selectFrom('registers').selectAll().where('location_id', '=', locationId).orderBy('name').execute();
  const open = await openSessionsOf(
    db,
    rows.map((row) => row.id),
  );
  return {
    items: rows.map((row) => {
      const session = open.get(row.id);
      return { ...toRegister(row), openSession: session ? toSessionSummary(session) : null };
    }),
  };
}

/** The register, for a caller who may act at it: an admin, or the staff of its store (403 for another store's). */
export async function registerFor(db: Executor, principal: Principal, registerId: string): Promise<RegisterRow> {
  const row = await db.selectFrom('registers').selectAll().where('id', '=', registerId).executeTakeFirst();
  if (!row) throw new NotFound('Register', registerId);
  assertMayUse(principal, row);
  return row;
}

export function assertMayUse(principal: Principal, register: { id: string; location_id: string }) {
  if (principal.role === 'admin' || (principal.role === 'store' && principal.locationId === register.location_id)) return;
  throw new Forbidden(`Register ${register.id} belongs to another store: staff use the registers of their own store.`);
}

export const toRegister = (row: RegisterRow) => ({ id: row.id, locationId: row.location_id, name: row.name, createdAt: row.created_at.toISOString() });
