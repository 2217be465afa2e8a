import type { Kysely } from 'kysely';
import { runStatements } from './run-sql.ts';

/** Pricing: promotion codes with their redemptions, and shipping and packing fees per delivery method. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    -- Codes are stored upper case so that SUMMER10 and summer10 are one code.
    create table promotions (
      id uuid primary key,
      code text not null unique check (code = upper(code)),
      name text not null default '',
      kind text not null check (kind in ('percentage', 'fixed_amount', 'free_shipping')),
      -- Basis points for a percentage, minor units of currency for a fixed amount, 0 for free shipping.
      value bigint not null default 0 check (value >= 0),
      currency char(3),
      minimum_subtotal bigint not null default 0 check (minimum_subtotal >= 0),
      starts_at timestamptz,
      ends_at timestamptz,
      usage_limit integer check (usage_limit >= 0),
      times_used integer not null default 0 check (times_used >= 0),
      -- null: every channel.
      channel_ids uuid[],
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      -- The usage limit holds in the database: a redemption past it fails whatever process attempts it.
      check (usage_limit is null or times_used <= usage_limit),
      check (kind <> 'percentage' or value between 1 and 10000),
      check (kind <> 'fixed_amount' or (value > 0 and currency is not null)),
      check (minimum_subtotal = 0 or currency is not null),
      check (starts_at is null or ends_at is null or starts_at < ends_at)
    );

    -- One row per order that used a code: a retried order cannot use the code twice.
    create table promotion_redemptions (
      promotion_id uuid not null references promotions (id),
      reference text not null,
      redeemed_at timestamptz not null default now(),
      primary key (promotion_id, reference)
    );

    create table delivery_rates (
      id uuid primary key,
      -- null: the default for every channel selling in this currency.
      channel_id uuid references channels (id) on delete cascade,
      method text not null check (method in ('ship_to_address', 'pickup_in_store', 'ship_to_store')),
      pricing text not null check (pricing in ('flat', 'weight_band', 'free_above')),
      amount bigint not null default 0 check (amount >= 0),
      free_above_amount bigint check (free_above_amount >= 0),
      weight_bands jsonb,
      packing_fee bigint not null default 0 check (packing_fee >= 0),
      currency char(3) not null,
      tax_class text not null references tax_classes (code),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (pricing <> 'free_above' or free_above_amount is not null),
      check (pricing <> 'weight_band' or jsonb_typeof(weight_bands) = 'array')
    );
    -- A unique constraint treats null channel ids as distinct; two partial indexes keep one rate per slot.
    create unique index delivery_rates_channel_method on delivery_rates (channel_id, method) where channel_id is not null;
    create unique index delivery_rates_default_method on delivery_rates (method, currency) where channel_id is null;
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    drop table delivery_rates, promotion_redemptions, promotions;
  `,
  );
}
