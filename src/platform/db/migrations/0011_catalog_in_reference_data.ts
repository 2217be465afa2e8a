import type { Kysely } from 'kysely';
import { runStatements } from './run-sql.ts';

const CATALOG_TABLES = ['products', 'variants', 'prices', 'variant_minimum_prices'];

/**
 * What pricing reads of the catalog (variants with their product's title and tax class, list prices, minimum prices)
 * now raises the set-up's version too (migration 0008), so that the order desk can keep it in memory per version
 * like the rest of the set-up: a changed price applies from the next batch of every process.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    CATALOG_TABLES.map(
      (table) => `
    create trigger ${table}_change_reference_data after insert or update or delete or truncate on ${table}
      for each statement execute function raise_reference_data_version();`,
    ).join('\n'),
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, CATALOG_TABLES.map((table) => `drop trigger ${table}_change_reference_data on ${table};`).join('\n'));
}
