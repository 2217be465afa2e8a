import type { Executor, Trx } from '../../platform/db/database.ts';
import { InvalidInput } from '../../platform/errors.ts';
import { decodeCursor, toPage, type Page } from '../../platform/http/pagination.ts';
import { skusOf, variantIdsBySku } from '../catalog/service.ts';
import type { NewPreorder, Preorder } from './schema.ts';

/**
 * Preorder allowances: units of a SKU that may be sold before any stock exists, with the date they are expected.
 * Routing backorders a group against them when no location has the goods (engine.ts). One allowance per SKU; a PUT
 * replaces it.
 */

export async function putPreorder(trx: Trx, input: NewPreorder): Promise<Preorder> {
  const variantId = (await variantIdsBySku(trx, [input.sku])).get(input.sku);
  if (!variantId) throw new InvalidInput([{ field: 'body.sku', message: `no variant has SKU ${input.sku}` }]);
  const row = await trx
    .insertInto('preorder_allowances')
    .values({ variant_id: variantId, quantity: input.quantity, available_at: input.availableAt })
    .onConflict((conflict) =>
      conflict.column('variant_id').doUpdateSet((eb) => ({ quantity: eb.ref('excluded.quantity'), available_at: eb.ref('excluded.available_at') })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return { variantId, sku: input.sku, quantity: row.quantity, availableAt: row.available_at.toISOString() };
}

export interface PreorderFilter {
  limit: number;
  cursor?: string | undefined;
  sku?: string | undefined;
}

export async function listPreorders(db: Executor, filter: PreorderFilter): Promise<Page<Preorder>> {
  const after = decodeCursor(filter.cursor);
  let variantId: string | undefined;
  if (filter.sku !== undefined) {
    variantId = (await variantIdsBySku(db, [filter.sku])).get(filter.sku);
    if (!variantId) return { items: [], nextCursor: null };
  }
  const rows = await db
    .selectFrom('preorder_allowances')
    .selectAll()
    .$if(variantId !== undefined, (q) => q.where('variant_id', '=', variantId!))
    .$if(after !== undefined, (q) => q.where('variant_id', '>', after!))
    .orderBy('variant_id')
    .limit(filter.limit + 1)
    .execute();
  const page = toPage(
    rows,
    filter.limit,
    (row) => row.variant_id,
    (row) => row,
  );
  const skus = await skusOf(
    db,
    page.items.map((row) => row.variant_id),
  );
  return {
    items: page.items.map((row) => ({
      variantId: row.variant_id,
      sku: skus.get(row.variant_id)!,
      quantity: row.quantity,
      availableAt: row.available_at.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}
