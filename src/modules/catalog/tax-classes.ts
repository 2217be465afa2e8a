import type { Executor, Trx } from '../../platform/db/database.ts';
import { Conflict, InvalidInput } from '../../platform/errors.ts';
import type { NewTaxClass, TaxClass } from './schema.ts';

/** Tax classes: the rates products are taxed at, each known by its code. */

export async function createTaxClass(trx: Trx, input: NewTaxClass): Promise<TaxClass> {
  const row = await trx
    .insertInto('tax_classes')
    .values({ code: input.code, name: input.name, rate_basis_points: input.rateBasisPoints })
    .onConflict((conflict) => conflict.column('code').doNothing())
    .returningAll()
    .executeTakeFirst();
  // A tax class is known by its code: that is its id.
  if (!row) throw new Conflict('tax-class-code-taken', `Tax class ${input.code} already exists.`, { existingId: input.code });
  return { code: row.code, name: row.name, rateBasisPoints: row.rate_basis_points };
}

export async function listTaxClasses(db: Executor): Promise<{ items: TaxClass[] }> {
  const rows = await db.selectFrom('tax_classes').selectAll().orderBy('code').execute();
  return { items: rows.map((row) => ({ code: row.code, name: row.name, rateBasisPoints: row.rate_basis_points })) };
}

export async function assertTaxClass(db: Executor, code: string) {
  const found = await db.selectFrom('tax_classes').select('code').where('code', '=', code).executeTakeFirst();
  if (!found) throw new InvalidInput([{ field: 'body.taxClass', message: `tax class ${code} does not exist` }]);
}
