import type { Kysely } from 'kysely';
import { runStatements } from './run-sql.ts';

/**
 * Where each of Aisle's own outbox readers has got to (`consumeEvents` in platform/outbox.ts), and which process holds
 * it for the moment. The order emails start here: orders placed before this migration are not emailed again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table outbox_consumers (
      name text primary key,
      after_txid xid8 not null,
      after_id bigint not null,
      leased_by text,
      leased_until timestamptz,
      updated_at timestamptz not null default now()
    );
    insert into outbox_consumers (name, after_txid, after_id) values ('order-emails', pg_current_xact_id(), 0);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, 'drop table outbox_consumers;');
}
