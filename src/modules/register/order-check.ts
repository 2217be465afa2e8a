import type { Principal } from '../../platform/auth/principal.ts';
import type { Executor } from '../../platform/db/database.ts';
import { InvalidInput } from '../../platform/errors.ts';
import { assertMayUse } from './registers.ts';
import { registerClosed } from './sessions.ts';

/**
 * The order path's check of a sale at a register (an order with a `registerId`): the order desk reads the registers a
 * batch names, with whether each has a session open, in one query started with the batch's own reads, and only
 * when an order of the batch names one; then each order is checked in memory.
 */

export interface RegisterOnDuty {
  locationId: string;
  open: boolean;
}

/** The registers named, each with whether a session is open at it. One query. */
export async function registersOnDuty(db: Executor, registerIds: string[]): Promise<Map<string, RegisterOnDuty>> {
  if (!registerIds.length) return new Map();
  const rows = await db
    .selectFrom('registers as r')
    .leftJoin('register_sessions as s', (join) => join.onRef('s.register_id', '=', 'r.id').on('s.closed_at', 'is', null))
    .select(['r.id', 'r.location_id', 's.id as session_id'])
    .where('r.id', 'in', [...new Set(registerIds)])
    .execute();
  return new Map(rows.map((row) => [row.id, { locationId: row.location_id, open: row.session_id !== null }]));
}

/**
 * In the order's transaction: the registers among `registerIds` with a session still open, their sessions locked
 * (shared) until the commit, so that a close (which locks its session for update) waits for the sales under way and
 * every sale it lets through is in the cash it expects. One query, for batches that name a register only.
 */
export async function registersStillOpen(trx: Executor, registerIds: string[]): Promise<Set<string>> {
  if (!registerIds.length) return new Set();
  const rows = await trx
    .selectFrom('register_sessions')
    .select('register_id')
    .where('register_id', 'in', [...new Set(registerIds)])
    .where('closed_at', 'is', null)
    .orderBy('id')
    .forShare()
    .execute();
  return new Set(rows.map((row) => row.register_id));
}

/**
 * Money may be taken at the register for this order: it exists, it stands in the store the order is sold for (the
 * store of the register channel), the caller is an admin or that store's staff (403), and a session is open (422
 * `register-closed`).
 */
export function assertMaySellAt(
  principal: Principal,
  channel: { store_location_id: string | null },
  registerId: string,
  register: RegisterOnDuty | undefined,
): void {
  if (!register) throw new InvalidInput([{ field: 'body.registerId', message: `register ${registerId} does not exist` }]);
  assertMayUse(principal, { id: registerId, location_id: register.locationId });
  if (channel.store_location_id !== register.locationId)
    throw new InvalidInput([{ field: 'body.registerId', message: "is not a register of the selling channel's store" }]);
  if (!register.open) throw registerClosed(registerId);
}
