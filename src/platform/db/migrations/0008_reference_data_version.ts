import type { Kysely } from 'kysely';
import { runStatements } from './run-sql.ts';

const REFERENCE_TABLES = ['channels', 'channel_locations', 'locations', 'price_lists', 'delivery_rates', 'tax_classes'];

/**
 * A version number for the shop's set-up (channels, where they sell and fulfil from, price lists, delivery rates,
 * tax classes), raised by every statement that changes one of those tables. Server processes keep the set-up in
 * memory and read only this number with each batch of orders: a change made through any process is used by the next
 * batch of every process, with no waiting and no message to miss.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table reference_data_version (
      singleton boolean primary key default true check (singleton),
      version bigint not null default 1
    );
    insert into reference_data_version default values;
    create function raise_reference_data_version() returns trigger language plpgsql as $$
      begin update reference_data_version set version = version + 1; return null; end
    $$;
    ${REFERENCE_TABLES.map(
      (table) => `
    create trigger ${table}_change_reference_data after insert or update or delete or truncate on ${table}
      for each statement execute function raise_reference_data_version();`,
    ).join('')}
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    ${REFERENCE_TABLES.map((table) => `drop trigger ${table}_change_reference_data on ${table};`).join('\n')}
    drop function raise_reference_data_version();
    drop table reference_data_version;
  `,
  );
}
