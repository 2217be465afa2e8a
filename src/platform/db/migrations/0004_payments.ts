import type { Kysely } from 'kysely';
import { runStatements } from './run-sql.ts';

/**
 * Payments of orders (one row per tender: split tender is several rows) and each payment's timeline. The foreign key
 * to orders is added by the orders migration, which comes later.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table payments (
      id uuid primary key,
      order_id uuid not null,
      method text not null check (method in ('card_online', 'card_register', 'cash', 'pay_at_pickup', 'gift_card', 'loyalty_points', 'store_credit')),
      provider text,
      status text not null check (status in ('pending', 'authorized', 'partially_captured', 'captured', 'partially_refunded', 'refunded',
        'voided', 'declined', 'failed', 'awaiting_pickup', 'cancelled')),
      currency char(3) not null,
      amount bigint not null check (amount > 0),
      -- The most the payment will collect: the card hold, or what the customer will pay at the counter. What is
      -- released (part of the order cancelled before capture, a void) comes off it.
      authorized_amount bigint not null default 0 check (authorized_amount >= 0 and authorized_amount <= amount),
      captured_amount bigint not null default 0 check (captured_amount >= 0 and captured_amount <= authorized_amount),
      refunded_amount bigint not null default 0 check (refunded_amount >= 0 and refunded_amount <= captured_amount),
      -- Never the card number: the brand and the last four digits are all a receipt or a customer needs.
      card_brand text,
      card_last4 char(4) check (card_last4 ~ '^[0-9]{4}$'),
      provider_reference text,
      decline_code text,
      cash_tendered bigint check (cash_tendered >= amount),
      change_given bigint check (change_given >= 0),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((method = 'card_online') = (provider is not null)),
      check (method = 'cash' or (cash_tendered is null and change_given is null))
    );
    create index payments_order on payments (order_id, id);

    -- Append-only: every movement of every payment, with the state it left and the state it reached.
    create table payment_events (
      id bigint generated always as identity primary key,
      payment_id uuid not null references payments (id),
      type text not null,
      amount bigint not null check (amount >= 0),
      from_status text not null,
      to_status text not null,
      provider_reference text,
      actor text not null,
      created_at timestamptz not null default now()
    );
    create index payment_events_payment on payment_events (payment_id, id);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `drop table payment_events, payments`);
}
