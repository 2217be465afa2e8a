import type { Kysely } from 'kysely';
import { runStatements } from './run-sql.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `select 1`);
}

export async function down(_db: Kysely<unknown>): Promise<void> {}
