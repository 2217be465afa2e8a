import type { Kysely } from 'kysely';
import { runStatements } from './run-sql.ts';

/**
 * Register sessions (issue 20): a register is opened with a cash float, money goes in and out of its drawer (paid in,
 * paid out), and it is closed with the cash counted. What was sold is not kept here: the session's totals are the
 * payments that name the register (`payments.register_id`, migration 0018) taken while it was open, and their refunds.
 * At most one open session per register (the partial unique index).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table register_sessions (
      id uuid primary key,
      register_id uuid not null references registers (id),
      currency text not null,
      opening_float bigint not null check (opening_float >= 0),
      opened_by text not null,
      opened_at timestamptz not null,
      closed_by text,
      closed_at timestamptz,
      counted_cash bigint check (counted_cash >= 0),
      expected_cash bigint,
      note text,
      check ((closed_at is null) = (counted_cash is null))
    );
    create unique index register_sessions_one_open on register_sessions (register_id) where closed_at is null;
    create index register_sessions_by_register on register_sessions (register_id, opened_at desc);
    create table register_cash_movements (
      id uuid primary key,
      session_id uuid not null references register_sessions (id),
      kind text not null check (kind in ('paid_in', 'paid_out')),
      amount bigint not null check (amount > 0),
      reason text not null,
      actor text not null,
      created_at timestamptz not null
    );
    create index register_cash_movements_by_session on register_cash_movements (session_id, created_at);
    `,
  );
}
