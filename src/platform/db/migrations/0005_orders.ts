import type { Kysely } from 'kysely';
import { runStatements } from './run-sql.ts';

/** One order model for every channel: orders, delivery groups, lines, and the timeline of everything that happened. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    -- Order numbers people can read aloud at a counter; a sequence never hands the same number out twice.
    create sequence order_numbers start 100001;

    create table orders (
      id uuid primary key,
      number text not null unique,
      channel_id uuid not null references channels (id),
      customer_id uuid not null references customers (id),
      status text not null default 'placed' check (status in ('placed', 'in_progress', 'completed', 'cancelled')),
      currency char(3) not null,
      subtotal bigint not null,
      discount_total bigint not null,
      shipping_total bigint not null,
      packing_total bigint not null,
      tax_total bigint not null,
      total bigint not null,
      promotion_code text,
      email text,
      phone text,
      placed_by text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index orders_customer on orders (customer_id, id);
    create index orders_channel on orders (channel_id, id);
    create index orders_email on orders (email);
    create index orders_phone on orders (phone);

    create table delivery_groups (
      id uuid primary key,
      order_id uuid not null references orders (id),
      position integer not null,
      method text not null check (method in ('ship_to_address', 'pickup_in_store', 'ship_to_store')),
      status text not null,
      fulfilment_location_id uuid not null references locations (id),
      pickup_location_id uuid references locations (id),
      address jsonb,
      recipient text not null default '',
      shipping_fee bigint not null default 0,
      packing_fee bigint not null default 0,
      promised_at timestamptz,
      carrier text,
      tracking_number text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (order_id, position)
    );
    create index delivery_groups_fulfilment on delivery_groups (fulfilment_location_id, status);

    create table order_lines (
      id uuid primary key,
      order_id uuid not null references orders (id),
      delivery_group_id uuid not null references delivery_groups (id),
      position integer not null,
      variant_id uuid not null references variants (id),
      sku text not null,
      title text not null,
      quantity integer not null check (quantity > 0),
      cancelled_quantity integer not null default 0 check (cancelled_quantity between 0 and quantity),
      unit_list_price bigint not null,
      unit_price bigint not null,
      discount_total bigint not null,
      minimum_price_applied boolean not null default false,
      tax_rate_basis_points integer not null,
      tax_amount bigint not null,
      line_total bigint not null,
      -- Deferred: an order writes its lines first and reserves their stock last, to hold stock locks briefly.
      reservation_id uuid references reservations (id) deferrable initially deferred,
      unique (order_id, position)
    );
    create index order_lines_group on order_lines (delivery_group_id);

    -- The timeline: every event of an order, with who did it and through which channel.
    create table order_events (
      id bigint generated always as identity primary key,
      order_id uuid not null references orders (id),
      type text not null,
      detail jsonb not null default '{}',
      actor text not null,
      channel_id uuid references channels (id),
      created_at timestamptz not null default now()
    );
    create index order_events_order on order_events (order_id, id);

    alter table payments add constraint payments_order foreign key (order_id) references orders (id);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table payments drop constraint payments_order;
    drop table order_events, order_lines, delivery_groups, orders;
    drop sequence order_numbers;
  `,
  );
}
