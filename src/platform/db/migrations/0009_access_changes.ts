import type { Kysely } from 'kysely';
import { runStatements } from './run-sql.ts';

/**
 * Server processes keep the API keys they have just seen (access module). Every statement that changes an API key or
 * a channel (a disabled channel's keys are refused) notifies `aisle_access`, and each process forgets its keys when
 * it hears it: a key revoked through one process is refused by all of them from their next request.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create function notify_access_change() returns trigger language plpgsql as $$
      begin perform pg_notify('aisle_access', ''); return null; end
    $$;
    create trigger api_keys_notify_access after insert or update or delete or truncate on api_keys
      for each statement execute function notify_access_change();
    create trigger channels_notify_access after update or delete or truncate on channels
      for each statement execute function notify_access_change();
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    drop trigger channels_notify_access on channels;
    drop trigger api_keys_notify_access on api_keys;
    drop function notify_access_change();
  `,
  );
}
