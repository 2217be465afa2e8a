import type { Kysely } from 'kysely';
import { runStatements } from './run-sql.ts';

/**
 * Registers (issue 20): a store's tills. Money taken at a register (a shelf sale, an Endless Aisle order, a payment at
 * a Click & Collect hand-over) names it on its payment row, so a register session's cash and card totals are the
 * payments of that register while the session was open. No foreign key from payments (order rows avoid them since
 * migration 0006).
 * Store settings for the counter and the stock room: how long a ready pickup waits (days), when the customer is
 * reminded before it ends (hours), and whether picking must be proven by scanning each unit.
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
    alter table locations add column pickup_window_days integer not null default 7 check (pickup_window_days between 1 and 90);
    alter table locations add column pickup_reminder_hours integer not null default 24 check (pickup_reminder_hours between 0 and 720);
    alter table locations add column must_scan boolean not null default false;
    `,
  );
}
