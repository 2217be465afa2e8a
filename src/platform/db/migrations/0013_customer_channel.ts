import type { Kysely } from 'kysely';
import { runStatements } from './run-sql.ts';

/**
 * The channel whose key created a customer profile (null when staff or a checkout created it). A channel key may read
 * and change the profiles it created even before their first order through it (customers module, `assertMaySeeCustomer`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table customers add column created_by_channel_id uuid references channels (id);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, 'alter table customers drop column created_by_channel_id;');
}
