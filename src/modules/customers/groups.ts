import type { Selectable } from 'kysely';
import type { Executor, Trx } from '../../platform/db/database.ts';
import type { CustomerGroupsTable } from './tables.ts';
import { Conflict, InvalidInput } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage, type Page } from '../../platform/http/pagination.ts';
import type { CustomerGroup, NewCustomerGroup } from './schema.ts';

/** Customer groups: the retailer's discount tiers a profile may belong to. */

export const toGroup = (row: Selectable<CustomerGroupsTable>): CustomerGroup => ({
  id: row.id,
  code: row.code,
  name: row.name,
  discountBasisPoints: row.discount_basis_points,
  createdAt: row.created_at.toISOString(),
});

export async function assertGroupExists(db: Executor, groupId: string, field: string) {
  const group = await db.selectFrom('customer_groups').select('id').where('id', '=', groupId).executeTakeFirst();
  if (!group) throw new InvalidInput([{ field, message: `customer group ${groupId} does not exist` }]);
}

export async function createCustomerGroup(trx: Trx, input: NewCustomerGroup): Promise<CustomerGroup> {
  const row = await trx
    .insertInto('customer_groups')
    .values({ id: newId(), code: input.code, name: input.name, discount_basis_points: input.discountBasisPoints })
    .onConflict((conflict) => conflict.column('code').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (row) return toGroup(row);
  const existing = await trx.selectFrom('customer_groups').select('id').where('code', '=', input.code).executeTakeFirstOrThrow();
  throw new Conflict('customer-group-code-taken', `Customer group code ${input.code} is already used.`, { existingId: existing.id });
}

export async function listCustomerGroups(db: Executor, query: { limit: number; cursor?: string | undefined }): Promise<Page<CustomerGroup>> {
  const after = decodeCursor(query.cursor);
  const rows = await db
    .selectFrom('customer_groups')
    .selectAll()
    .$if(after !== undefined, (q) => q.where('id', '>', after!))
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (row) => row.id, toGroup);
}
