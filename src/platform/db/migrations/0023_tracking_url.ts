import type { Kysely } from 'kysely';
import { runStatements } from './run-sql.ts';

/** A shipped group keeps the carrier's tracking link beside its tracking number: the shipped email links to it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, 'alter table delivery_groups add column tracking_url text;');
}
