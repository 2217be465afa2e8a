import type { Kysely } from 'kysely';
import { runStatements } from './run-sql.ts';

/**
 * `require_condition(held, what)`: true if `held`, else an error (SQLSTATE AI001) that rolls back the statement it is
 * in. A statement that writes only if what it read still holds (statements.ts, `writeIf`) ends with it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create function require_condition(held boolean, what text) returns boolean language plpgsql as $$
      begin if held is not true then raise exception 'condition no longer holds: %', what using errcode = 'AI001'; end if; return true; end
    $$;
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `drop function require_condition(boolean, text);`);
}
