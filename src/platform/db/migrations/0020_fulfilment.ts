import type { Kysely } from 'kysely';
import { runStatements } from './run-sql.ts';

/**
 * The store's work (issue 20, fulfilment module): pick lists for a picker's batch, every scan that proves a unit was
 * picked, the parcels a shipment was packed into, and what the carrier answered when it was dispatched (its tracking
 * number and label). A scan names the location it was made at: a line rejected there and sent from elsewhere
 * is picked again there. No foreign keys to orders, groups or lines (as order rows since migration 0006); a pick list
 * names its location. Pickups are found by their store as shipments are by theirs: an index on the pickup location.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table pick_lists (
      id uuid primary key,
      number text not null unique,
      location_id uuid not null references locations (id),
      created_by text not null,
      created_at timestamptz not null default now()
    );
    create index pick_lists_location on pick_lists (location_id, id);

    create table pick_list_groups (
      pick_list_id uuid not null references pick_lists (id),
      delivery_group_id uuid not null,
      primary key (pick_list_id, delivery_group_id)
    );

    create table pick_scans (
      id bigint generated always as identity primary key,
      delivery_group_id uuid not null,
      order_line_id uuid not null,
      location_id uuid not null,
      code text not null,
      quantity integer not null check (quantity > 0),
      actor text not null,
      created_at timestamptz not null default now()
    );
    create index pick_scans_line on pick_scans (order_line_id, location_id);

    create table parcels (
      id uuid primary key,
      delivery_group_id uuid not null,
      position integer not null,
      box text not null,
      weight_grams integer not null check (weight_grams > 0),
      lines jsonb not null default '[]',
      tracking_number text,
      created_by text not null,
      created_at timestamptz not null default now(),
      unique (delivery_group_id, position)
    );

    create table dispatches (
      delivery_group_id uuid primary key,
      carrier text not null,
      carrier_name text not null,
      service text,
      tracking_number text not null,
      tracking_url text,
      label bytea not null,
      created_by text not null,
      created_at timestamptz not null default now()
    );

    create index delivery_groups_pickup on delivery_groups (pickup_location_id, status) where pickup_location_id is not null;
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    drop index delivery_groups_pickup;
    drop table dispatches;
    drop table parcels;
    drop table pick_scans;
    drop table pick_list_groups;
    drop table pick_lists;
    `,
  );
}
