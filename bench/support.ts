import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openPGlite, type Database } from '../src/platform/db/database.ts';
import { postgresSchema } from '../test/support/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';

export const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchDatabase extends Database {
  schema?: string;
  url?: string;
  drop(): Promise<void>;
}

/** A fresh PostgreSQL schema (dropped by `drop`) or a PGlite database in a temporary folder. */
export async function benchDatabase(kind: 'postgres' | 'pglite', poolSize = 16): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    const dir = `/tmp/aisle-bench-${randomBytes(4).toString('hex')}`;
    const database = await openPGlite(dir);
    await migrateToLatest(database.db);
    const { rm } = await import('node:fs/promises');
    return { ...database, drop: async () => { await database.close(); await rm(dir, { recursive: true, force: true }); } };
  }
  const database = await postgresSchema(POSTGRES_URL, { prefix: 'aisle_bench', poolSize });
  return { ...database, schema: database.schema!, url: database.url!, drop: database.close };
}

/** Bulk-loads `variants` variants and `locations` locations (set-based SQL; bench data only). */
export async function loadCatalog(database: Database, variants: number, locations: number): Promise<{ variantIds: string[]; locationIds: string[] }> {
  const db = database.db;
  await sql`insert into tax_classes (code, name, rate_basis_points) values ('standard', 'VAT', 2000) on conflict do nothing`.execute(db);
  await sql`
    insert into products (id, title, tax_class)
    select (lpad(to_hex(g), 8, '0') || '-0000-7000-8000-000000000000')::uuid, 'Bench product ' || g, 'standard'
    from generate_series(1, ${Math.ceil(variants / 5)}::int) g`.execute(db);
  await sql`
    insert into variants (id, product_id, sku, title, options)
    select (lpad(to_hex(g), 8, '0') || '-0000-7000-8000-000000000001')::uuid,
           (lpad(to_hex((g - 1) / 5 + 1), 8, '0') || '-0000-7000-8000-000000000000')::uuid,
           'SKU-' || g, 'Variant ' || g, '{}'
    from generate_series(1, ${variants}::int) g`.execute(db);
  await sql`
    insert into locations (id, code, name, type, address, latitude, longitude, capabilities)
    select (lpad(to_hex(g), 8, '0') || '-0000-7000-8000-000000000002')::uuid, 'LOC-' || g, 'Location ' || g,
           case when g = 1 then 'warehouse' else 'store' end,
           '{"line1":"1 rue","postalCode":"69001","city":"Lyon","country":"FR"}',
           45.7 + (g % 100) / 1000.0, 4.8 + (g / 100) / 1000.0, '{click_and_collect}'
    from generate_series(1, ${locations}::int) g`.execute(db);
  const variantIds = (await db.selectFrom('variants').select('id').orderBy('sku').execute()).map((row) => row.id);
  const locationIds = (await db.selectFrom('locations').select('id').orderBy('code').execute()).map((row) => row.id);
  return { variantIds, locationIds };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
