import type { Executor } from '../../platform/db/database.ts';
import { InvalidInput } from '../../platform/errors.ts';

/**
 * Integrations speak SKUs; the stock tables key on variant ids. Resolves every SKU in one query and names each
 * unknown one by its place in the request (`fieldOf(index)`), so nothing is done for a request with a bad line.
 */
export async function resolveSkus(db: Executor, skus: string[], fieldOf: (index: number) => string): Promise<Map<string, string>> {
  const unique = [...new Set(skus)];
  const rows = unique.length ? await db.selectFrom('variants').select(['id', 'sku']).where('sku', 'in', unique).execute() : [];
  const ids = new Map(rows.map((row) => [row.sku, row.id]));
  const errors = skus.flatMap((sku, index) => (ids.has(sku) ? [] : [{ field: fieldOf(index), message: `SKU ${sku} does not exist` }]));
  if (errors.length) throw new InvalidInput(errors);
  return ids;
}

/** Checks that the locations exist, naming the field of each that does not. */
export async function assertLocations(db: Executor, locationIds: string[], fieldOf: (index: number) => string): Promise<void> {
  const unique = [...new Set(locationIds)];
  const rows = unique.length ? await db.selectFrom('locations').select('id').where('id', 'in', unique).execute() : [];
  const known = new Set(rows.map((row) => row.id));
  const errors = locationIds.flatMap((id, index) => (known.has(id) ? [] : [{ field: fieldOf(index), message: `location ${id} does not exist` }]));
  if (errors.length) throw new InvalidInput(errors);
}
