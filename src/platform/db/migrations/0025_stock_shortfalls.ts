import type { Kysely } from 'kysely';
import { runStatements } from './run-sql.ts';

/**
 * Units a register sold while offline that the store's stock could no longer cover when the sale reached the server:
 * the sale stands (the money was taken), the stock never goes negative, and the missing units wait here for the store
 * to resolve them (found, or written off).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table stock_shortfalls (
      id uuid primary key,
      location_id uuid not null references locations (id),
      variant_id uuid not null references variants (id),
      quantity integer not null check (quantity > 0),
      order_id uuid not null references orders (id),
      order_number text not null,
      sold_at timestamptz not null,
      created_at timestamptz not null default now(),
      resolved_at timestamptz,
      resolved_by text,
      resolution text check (resolution in ('found', 'written_off')),
      note text not null default '',
      check ((resolved_at is null) = (resolution is null))
    );
    create index stock_shortfalls_location on stock_shortfalls (location_id, created_at) where resolved_at is null;
    create index stock_shortfalls_location_all on stock_shortfalls (location_id, created_at);`,
  );
}
