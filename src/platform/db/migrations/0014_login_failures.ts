import type { Kysely } from 'kysely';
import { runStatements } from './run-sql.ts';

/**
 * Failed sign-ins, counted per email and per client address (`email:…`, `address:…`), so that guessing passwords is
 * slowed down by every server process alike (access/login-throttle.ts). A row is forgotten after a quiet while.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table login_failures (
      subject text primary key,
      failures integer not null,
      last_failed_at timestamptz not null
    );
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, 'drop table login_failures;');
}
