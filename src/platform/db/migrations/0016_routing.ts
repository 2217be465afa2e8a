import type { Kysely } from 'kysely';
import { runStatements } from './run-sql.ts';

/**
 * Routing rules (issue 19): versioned rule sets per channel, what they filter on (location groups and capacity
 * windows, product tags, product × location flags, postcode centroids for distance), the load routed to each location
 * per hour (capacity), every decision with its explanation, and delivery groups that wait: backordered against
 * incoming stock, parked in a queue for a person, or rejected by a location (rejections counted per group).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table locations add column groups text[] not null default '{}';
    alter table locations add column capacity_windows jsonb not null default '[]';
    alter table products add column tags text[] not null default '{}';
    alter table orders add column priority smallint not null default 0 check (priority between 0 and 9);

    alter table delivery_groups alter column fulfilment_location_id drop not null;
    alter table delivery_groups add column queue text;
    alter table delivery_groups add column routing_attempts integer not null default 0;
    create index delivery_groups_waiting on delivery_groups (status, created_at) where status in ('backordered', 'parked');

    create table routing_rule_sets (
      id uuid primary key,
      channel_id uuid not null references channels (id),
      version integer not null,
      name text not null,
      status text not null check (status in ('draft', 'active', 'archived')),
      document jsonb not null,
      created_by text not null default '',
      created_at timestamptz not null default now(),
      activated_at timestamptz,
      archived_at timestamptz,
      unique (channel_id, version)
    );
    create unique index routing_rule_sets_one_active on routing_rule_sets (channel_id) where status = 'active';

    create table routing_product_locations (
      product_id uuid not null references products (id),
      location_id uuid not null references locations (id),
      may_route boolean not null default true,
      may_pickup boolean not null default true,
      primary key (product_id, location_id)
    );

    create table postcode_centroids (
      country text not null,
      postal_code text not null,
      latitude double precision not null,
      longitude double precision not null,
      primary key (country, postal_code)
    );

    create table routing_load (
      location_id uuid not null references locations (id),
      hour timestamptz not null,
      shard smallint not null,
      orders integer not null default 0,
      primary key (location_id, hour, shard)
    );

    create table routing_decisions (
      id bigint generated always as identity primary key,
      order_id uuid not null references orders (id),
      trigger text not null,
      rule_set_id uuid references routing_rule_sets (id),
      rule_set_version integer,
      outcome text not null,
      explanation jsonb not null,
      actor text not null default '',
      created_at timestamptz not null default now()
    );
    create index routing_decisions_order on routing_decisions (order_id, id);

    create table routing_rejections (
      id bigint generated always as identity primary key,
      order_id uuid not null references orders (id),
      delivery_group_id uuid not null references delivery_groups (id),
      location_id uuid not null references locations (id),
      line_id uuid not null references order_lines (id),
      quantity integer not null check (quantity > 0),
      reason text not null,
      actor text not null default '',
      created_at timestamptz not null default now()
    );
    create index routing_rejections_group on routing_rejections (delivery_group_id);

    -- Rule sets and product × location flags are part of the selling set-up every process keeps (migration 0008).
    create trigger routing_rule_sets_change_reference_data after insert or update or delete or truncate on routing_rule_sets
      for each statement execute function raise_reference_data_version();
    create trigger routing_product_locations_change_reference_data after insert or update or delete or truncate on routing_product_locations
      for each statement execute function raise_reference_data_version();

    create table preorder_allowances (
      variant_id uuid primary key references variants (id),
      quantity integer not null check (quantity >= 0),
      available_at timestamptz not null
    );
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    drop table preorder_allowances;
    drop table routing_rejections;
    drop table routing_decisions;
    drop table routing_load;
    drop table postcode_centroids;
    drop table routing_product_locations;
    drop table routing_rule_sets;
    drop index delivery_groups_waiting;
    alter table delivery_groups drop column routing_attempts;
    alter table delivery_groups drop column queue;
    alter table delivery_groups alter column fulfilment_location_id set not null;
    alter table orders drop column priority;
    alter table products drop column tags;
    alter table locations drop column capacity_windows;
    alter table locations drop column groups;
  `,
  );
}
