import type { Executor } from '../../platform/db/database.ts';

/**
 * What other modules need to know of a variant's product, by variant id: the product (routing's product × location
 * flags) and its tags (routing rules choose orders by them). Used when lines already in an order are routed again.
 */
export async function productsOfVariants(db: Executor, variantIds: string[]): Promise<Map<string, { productId: string; tags: string[] }>> {
  const unique = [...new Set(variantIds)];
  if (!unique.length) return new Map();
  const rows = await db
    .selectFrom('variants')
    .innerJoin('products', 'products.id', 'variants.product_id')
    .select(['variants.id', 'variants.product_id', 'products.tags'])
    .where('variants.id', 'in', unique)
    .execute();
  return new Map(rows.map((row) => [row.id, { productId: row.product_id, tags: row.tags }]));
}
