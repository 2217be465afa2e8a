import type { Kysely } from 'kysely';
import { runStatements } from './run-sql.ts';

/**
 * Registers (issue 20): a store's tills. Money taken at a register (a shelf sale, an Endless Aisle order, a payment at
 * a Click & Collect hand-over) names it on its payment row, so a register session's cash and card totals are the
 * payments of that register while the session was open. No foreign key from payments (order rows avoid them since
 * migration 0006).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table registers (
      id uuid primary key,
      location_id uuid not null references locations (id),
      name text not null,
      created_at timestamptz not null default now(),
      unique (location_id, name)
    );
    alter table payments add column register_id uuid;
    create index payments_register on payments (register_id, created_at) where register_id is not null;
    `,
  );
}
