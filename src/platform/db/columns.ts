import type { ColumnType, JSONColumnType } from 'kysely';

/*
 * Column shapes every module's table types share: how Kysely reads and writes timestamps and JSON. No business words
 * here; each module declares its own tables (`src/modules/<module>/tables.ts`) with these.
 */

/** Defaults to now() on insert; never updated. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** Defaults to now() on insert; the services set it on each update. */
export type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type Json<T extends object | null> = JSONColumnType<T, string, string>;
