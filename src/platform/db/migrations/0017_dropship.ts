import type { Kysely } from 'kysely';
import { runStatements } from './run-sql.ts';

/**
 * Drop ship and merged shipments (issue 19, points 4 and 5).
 * - A delivery group sent by a drop-ship vendor gets a purchase request to that vendor, written with its order: no
 *   foreign keys to the order, group, location or variants (as order rows since migration 0006: their row locks on
 *   rows every order shares cost more than they check; these rows are never deleted).
 * - Delivery groups of one customer to one address from one location may be merged into one shipment
 *   (`merged_shipment_id`, the same on each group of the merge); the outbox consumer `shipment-merges` merges new
 *   orders' groups when the channel's rule set says so, from here on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table purchase_requests (
      id uuid primary key,
      number text not null unique,
      vendor_location_id uuid not null,
      order_id uuid not null,
      order_number text not null,
      delivery_group_id uuid not null unique,
      channel_id uuid not null,
      customer_id uuid not null,
      status text not null check (status in ('requested', 'confirmed', 'shipped', 'cancelled')),
      ship_to jsonb not null,
      recipient text not null default '',
      vendor_reference text,
      carrier text,
      tracking_number text,
      created_by text not null,
      created_at timestamptz not null default now(),
      confirmed_at timestamptz,
      shipped_at timestamptz,
      cancelled_at timestamptz,
      updated_at timestamptz not null default now()
    );
    create index purchase_requests_vendor on purchase_requests (vendor_location_id, id);
    create index purchase_requests_channel on purchase_requests (channel_id, id);

    create table purchase_request_lines (
      purchase_request_id uuid not null references purchase_requests (id),
      position integer not null,
      variant_id uuid not null,
      sku text not null,
      title text not null,
      quantity integer not null check (quantity >= 0),
      primary key (purchase_request_id, position)
    );

    alter table delivery_groups add column merged_shipment_id uuid;
    create index delivery_groups_merged on delivery_groups (merged_shipment_id) where merged_shipment_id is not null;

    insert into outbox_consumers (name, after_txid, after_id) values ('shipment-merges', pg_current_xact_id(), 0);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    delete from outbox_consumers where name = 'shipment-merges';
    drop index delivery_groups_merged;
    alter table delivery_groups drop column merged_shipment_id;
    drop table purchase_request_lines;
    drop table purchase_requests;
  `,
  );
}
