import type { Kysely } from 'kysely';
import { runStatements } from './run-sql.ts';

/**
 * The customer's language (issue 20): the language a customer's emails and documents are written in, and the default
 * of each channel for customers who have not said. Null: not said (the channel's, then the retailer's, apply). The
 * list of languages lives in the code (documents/language.ts); the column only holds a two- or three-letter code.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table customers add column language text check (language ~ '^[a-z]{2,3}$');
    alter table channels add column language text check (language ~ '^[a-z]{2,3}$');
    `,
  );
}
