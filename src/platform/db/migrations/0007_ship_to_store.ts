import type { Kysely } from 'kysely';
import { runStatements } from './run-sql.ts';

/**
 * Ship to store: a delivery group collected at a store other than the one holding the goods is brought there by a
 * transfer, created with the order. The group names its transfer; the index finds the group when the transfer moves.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table delivery_groups add column transfer_id uuid references transfers (id);
    create unique index delivery_groups_transfer on delivery_groups (transfer_id) where transfer_id is not null;
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    drop index delivery_groups_transfer;
    alter table delivery_groups drop column transfer_id;
  `,
  );
}
