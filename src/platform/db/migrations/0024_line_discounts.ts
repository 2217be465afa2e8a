import type { Kysely } from 'kysely';
import { runStatements } from './run-sql.ts';

/** A line keeps the discount staff gave on it by hand (part of its discount total) and the reason they gave. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `alter table order_lines add column manual_discount bigint not null default 0;
     alter table order_lines add column discount_reason text;`,
  );
}
