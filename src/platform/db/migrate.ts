import { sql } from 'kysely';
import { Migrator, type Migration, type MigrationResultSet } from 'kysely/migration';
import type { Db } from './database.ts';
import * as foundation from './migrations/0001_foundation.ts';
import * as inventory from './migrations/0002_inventory.ts';
import * as pricing from './migrations/0003_pricing.ts';
import * as payments from './migrations/0004_payments.ts';
import * as orders from './migrations/0005_orders.ts';
import * as hotPathReferences from './migrations/0006_hot_path_references.ts';
import * as shipToStore from './migrations/0007_ship_to_store.ts';
import * as referenceDataVersion from './migrations/0008_reference_data_version.ts';
import * as accessChanges from './migrations/0009_access_changes.ts';
import * as conditionalWrites from './migrations/0010_conditional_writes.ts';
import * as catalogInReferenceData from './migrations/0011_catalog_in_reference_data.ts';
import * as outboxConsumers from './migrations/0012_outbox_consumers.ts';
import * as customerChannel from './migrations/0013_customer_channel.ts';
import * as loginFailures from './migrations/0014_login_failures.ts';
import * as stockRule from './migrations/0015_stock_rule.ts';
import * as routing from './migrations/0016_routing.ts';
import * as dropship from './migrations/0017_dropship.ts';
import * as registers from './migrations/0018_registers.ts';
import * as pickup from './migrations/0019_pickup.ts';
import * as fulfilment from './migrations/0020_fulfilment.ts';
import * as registerSessions from './migrations/0021_register_sessions.ts';
import * as languages from './migrations/0022_languages.ts';
import * as trackingUrl from './migrations/0023_tracking_url.ts';
import * as lineDiscounts from './migrations/0024_line_discounts.ts';
import * as stockShortfalls from './migrations/0025_stock_shortfalls.ts';

/** Versioned migrations, in order. The same files run on PGlite and PostgreSQL; never edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_inventory': inventory,
  '0003_pricing': pricing,
  '0004_payments': payments,
  '0005_orders': orders,
  '0006_hot_path_references': hotPathReferences,
  '0007_ship_to_store': shipToStore,
  '0008_reference_data_version': referenceDataVersion,
  '0009_access_changes': accessChanges,
  '0010_conditional_writes': conditionalWrites,
  '0011_catalog_in_reference_data': catalogInReferenceData,
  '0012_outbox_consumers': outboxConsumers,
  '0013_customer_channel': customerChannel,
  '0014_login_failures': loginFailures,
  '0015_stock_rule': stockRule,
  '0016_routing': routing,
  '0017_dropship': dropship,
  '0018_registers': registers,
  '0019_pickup': pickup,
  '0020_fulfilment': fulfilment,
  '0021_register_sessions': registerSessions,
  '0022_languages': languages,
  '0023_tracking_url': trackingUrl,
  '0024_line_discounts': lineDiscounts,
  '0025_stock_shortfalls': stockShortfalls,
};

async function migrator(db: Db): Promise<Migrator> {
  // Name the schema: Kysely otherwise finds a migration table in any schema, such as another test run's.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'aisle_migrations',
    migrationLockTableName: 'aisle_migrations_lock',
    migrationTableSchema: rows[0]!.schema,
  });
}

export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const result = await (await migrator(db)).migrateToLatest();
  if (result.error) throw result.error;
  return result;
}

/** True when every known migration has been applied (the readiness probe asks this). */
export async function isMigrated(db: Db): Promise<boolean> {
  const applied = await (await migrator(db)).getMigrations();
  return applied.every((migration) => migration.executedAt !== undefined);
}
