import type { Executor } from '../../platform/db/database.ts';

/**
 * The register `registerId` if it is one of the store `locationId`'s tills, undefined otherwise: money taken at a
 * Click & Collect hand-over names a register of the pickup store, never another store's.
 */
export async function registerOfStore(db: Executor, registerId: string, locationId: string): Promise<{ id: string; name: string } | undefined> {
  return db.selectFrom('registers').select(['id', 'name']).where('id', '=', registerId).where('location_id', '=', locationId).executeTakeFirst();
}
