import { sql, type Kysely } from 'kysely';

/**
 * Runs a migration's DDL one statement at a time: PGlite prepares each query, and a prepared statement holds one
 * command. Statements are split at a semicolon that ends a line, so a function body must keep its semicolons
 * mid-line (or be run on its own).
 */
export async function runStatements(db: Kysely<unknown>, text: string): Promise<void> {
  for (const statement of text
    .split(/;\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)) {
    await sql.raw(statement.replace(/;$/, '')).execute(db);
  }
}
