import type { Kysely } from 'kysely';
import { runStatements } from './run-sql.ts';

/** Access control, catalog, locations, channels and customers: the model of the retailer. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table tax_classes (
      code text primary key,
      name text not null,
      rate_basis_points integer not null check (rate_basis_points between 0 and 10000)
    );

    create table products (
      id uuid primary key,
      title text not null,
      description text not null default '',
      tax_class text not null references tax_classes (code),
      image_urls text[] not null default '{}',
      status text not null default 'active' check (status in ('active', 'archived')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table variants (
      id uuid primary key,
      product_id uuid not null references products (id) on delete cascade,
      sku text not null unique,
      barcode text unique,
      title text not null,
      options jsonb not null default '{}',
      weight_grams integer check (weight_grams >= 0),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index variants_product on variants (product_id);

    -- The floor no discount may break, in every channel: one amount per currency.
    create table variant_minimum_prices (
      variant_id uuid not null references variants (id) on delete cascade,
      currency char(3) not null,
      amount bigint not null check (amount >= 0),
      primary key (variant_id, currency)
    );

    create table price_lists (
      id uuid primary key,
      code text not null unique,
      name text not null,
      currency char(3) not null,
      prices_include_tax boolean not null default true,
      created_at timestamptz not null default now()
    );

    create table prices (
      price_list_id uuid not null references price_lists (id) on delete cascade,
      variant_id uuid not null references variants (id) on delete cascade,
      amount bigint not null check (amount >= 0),
      primary key (price_list_id, variant_id)
    );
    create index prices_variant on prices (variant_id);

    create table locations (
      id uuid primary key,
      code text not null unique,
      name text not null,
      type text not null check (type in ('warehouse', 'store', 'dropship_vendor')),
      address jsonb not null,
      latitude double precision not null check (latitude between -90 and 90),
      longitude double precision not null check (longitude between -180 and 180),
      timezone text not null default 'UTC',
      opening_hours jsonb not null default '{}',
      capabilities text[] not null default '{}',
      daily_capacity integer not null default 0 check (daily_capacity >= 0),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table channels (
      id uuid primary key,
      code text not null unique,
      name text not null,
      type text not null check (type in ('web', 'register', 'marketplace', 'social', 'phone')),
      currency char(3) not null,
      price_list_id uuid not null references price_lists (id),
      store_location_id uuid references locations (id),
      enabled boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (type <> 'register' or store_location_id is not null)
    );

    -- Which locations a channel may sell from (its stock counts as available there) and fulfil from (ship or hand over).
    create table channel_locations (
      channel_id uuid not null references channels (id) on delete cascade,
      location_id uuid not null references locations (id),
      sells boolean not null default true,
      fulfils boolean not null default true,
      primary key (channel_id, location_id)
    );
    create index channel_locations_location on channel_locations (location_id);

    create table customer_groups (
      id uuid primary key,
      code text not null unique,
      name text not null,
      discount_basis_points integer not null default 0 check (discount_basis_points between 0 and 10000),
      created_at timestamptz not null default now()
    );

    create table customers (
      id uuid primary key,
      first_name text not null,
      last_name text not null,
      customer_group_id uuid references customer_groups (id),
      discount_basis_points integer not null default 0 check (discount_basis_points between 0 and 10000),
      consent jsonb not null default '{}',
      note text not null default '',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index customers_name on customers (lower(last_name), lower(first_name));

    -- One owner per email and per phone: the database, not the application, keeps profiles unique.
    create table customer_emails (
      email text primary key,
      customer_id uuid not null references customers (id) on delete cascade
    );
    create index customer_emails_customer on customer_emails (customer_id);

    create table customer_phones (
      phone text primary key,
      customer_id uuid not null references customers (id) on delete cascade
    );
    create index customer_phones_customer on customer_phones (customer_id);

    create table customer_addresses (
      id uuid primary key,
      customer_id uuid not null references customers (id) on delete cascade,
      label text not null default '',
      name text not null,
      line1 text not null,
      line2 text not null default '',
      postal_code text not null,
      city text not null,
      region text not null default '',
      country char(2) not null,
      phone text not null default '',
      is_default boolean not null default false
    );
    create index customer_addresses_customer on customer_addresses (customer_id);

    create table staff_users (
      id uuid primary key,
      email text not null unique,
      name text not null,
      password_hash text not null,
      role text not null check (role in ('admin', 'store')),
      location_id uuid references locations (id),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      check (role <> 'store' or location_id is not null)
    );

    create table staff_sessions (
      token_hash text primary key,
      user_id uuid not null references staff_users (id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index staff_sessions_user on staff_sessions (user_id);

    create table api_keys (
      id uuid primary key,
      name text not null,
      token_hash text not null unique,
      token_hint text not null,
      role text not null check (role in ('admin', 'store', 'channel')),
      location_id uuid references locations (id),
      channel_id uuid references channels (id),
      created_at timestamptz not null default now(),
      revoked_at timestamptz,
      check (role <> 'store' or location_id is not null),
      check (role <> 'channel' or channel_id is not null)
    );

    -- A state-changing request's key and stored answer, written in the same transaction as its effects.
    create table idempotency_keys (
      scope text not null,
      key text not null,
      request_hash text not null,
      status_code integer,
      response_body jsonb,
      created_at timestamptz not null default now(),
      primary key (scope, key)
    );
    create index idempotency_keys_created on idempotency_keys (created_at);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    drop table idempotency_keys, api_keys, staff_sessions, staff_users, customer_addresses, customer_phones,
      customer_emails, customers, customer_groups, channel_locations, channels, locations, prices, price_lists,
      variant_minimum_prices, variants, products, tax_classes;
  `,
  );
}
