import type { Kysely } from 'kysely';
import { runStatements } from './run-sql.ts';

/** Unified inventory: quantities per SKU × location, the append-only ledger, reservations, transfers, feeds, outbox. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table locations add column safety_stock integer not null default 0 check (safety_stock >= 0);

    -- The current quantities; every change to a row is written in the same transaction as its ledger movement.
    create table stock_levels (
      variant_id uuid not null references variants (id),
      location_id uuid not null references locations (id),
      on_hand integer not null default 0 check (on_hand >= 0),
      reserved integer not null default 0 check (reserved >= 0),
      damaged integer not null default 0 check (damaged >= 0),
      incoming integer not null default 0 check (incoming >= 0),
      safety_stock integer check (safety_stock >= 0),
      updated_at timestamptz not null default now(),
      -- reserved may exceed on_hand only when a count or damage reveals that units promised are not there (a
      -- shortfall to re-route); nothing that sells or reserves may cause it (enforced in inventory/stock.ts).
      primary key (variant_id, location_id)
    );
    create index stock_levels_location on stock_levels (location_id, variant_id);

    -- Append-only: never updated, never deleted. Each column of changes sums to the matching quantity of stock_levels.
    create table stock_movements (
      id bigint generated always as identity primary key,
      variant_id uuid not null,
      location_id uuid not null,
      kind text not null check (kind in ('receipt', 'sale', 'reservation', 'release', 'deduction', 'adjustment', 'count',
        'transfer_out', 'transfer_in', 'return_restock', 'damage', 'incoming', 'incoming_cancelled')),
      quantity integer not null,
      on_hand_change integer not null default 0,
      reserved_change integer not null default 0,
      damaged_change integer not null default 0,
      incoming_change integer not null default 0,
      reason text not null default '',
      reference_type text not null default '',
      reference_id text not null default '',
      actor text not null default 'system',
      created_at timestamptz not null default now()
    );
    create index stock_movements_key on stock_movements (variant_id, location_id, id);
    create index stock_movements_location_time on stock_movements (location_id, created_at);

    -- Holds for carts (with expiry) and firm reservations for orders.
    create table reservations (
      id uuid primary key,
      variant_id uuid not null references variants (id),
      location_id uuid not null references locations (id),
      quantity integer not null check (quantity > 0),
      kind text not null check (kind in ('hold', 'order')),
      status text not null default 'active' check (status in ('active', 'released', 'expired', 'deducted')),
      channel_id uuid references channels (id),
      reference_type text not null default '',
      reference_id text not null default '',
      expires_at timestamptz,
      created_at timestamptz not null default now(),
      closed_at timestamptz,
      check (kind <> 'hold' or expires_at is not null)
    );
    create index reservations_expiring on reservations (expires_at) where status = 'active' and expires_at is not null;
    create index reservations_key on reservations (variant_id, location_id) where status = 'active';
    create index reservations_reference on reservations (reference_type, reference_id);

    -- Stock on its way to a location: purchase receipts expected from suppliers and shipped transfers.
    create table incoming_stock (
      id uuid primary key,
      variant_id uuid not null references variants (id),
      location_id uuid not null references locations (id),
      source text not null check (source in ('purchase', 'transfer')),
      reference_id text not null default '',
      quantity integer not null check (quantity > 0),
      received integer not null default 0 check (received >= 0),
      expected_at timestamptz,
      status text not null default 'open' check (status in ('open', 'closed', 'cancelled')),
      created_at timestamptz not null default now(),
      check (received <= quantity)
    );
    create index incoming_stock_key on incoming_stock (variant_id, location_id) where status = 'open';

    create table transfers (
      id uuid primary key,
      number text not null unique,
      from_location_id uuid not null references locations (id),
      to_location_id uuid not null references locations (id),
      status text not null default 'draft' check (status in ('draft', 'shipped', 'partially_received', 'received', 'cancelled')),
      expected_at timestamptz,
      note text not null default '',
      created_by text not null default 'system',
      created_at timestamptz not null default now(),
      shipped_at timestamptz,
      received_at timestamptz,
      check (from_location_id <> to_location_id)
    );
    create table transfer_lines (
      transfer_id uuid not null references transfers (id) on delete cascade,
      variant_id uuid not null references variants (id),
      quantity integer not null check (quantity > 0),
      received integer not null default 0 check (received >= 0),
      primary key (transfer_id, variant_id),
      check (received <= quantity)
    );

    -- Stock feeds from ERP, WMS and POS systems, remembered by the sender's feed id so a resend changes nothing.
    create table stock_feeds (
      id text primary key,
      mode text not null check (mode in ('snapshot', 'delta')),
      format text not null,
      as_of timestamptz,
      rows integer not null,
      changed integer not null,
      actor text not null default 'system',
      applied_at timestamptz not null default now()
    );

    -- Transactional outbox: events are written in the transaction that causes them. txid orders the feed so that a
    -- reader never skips an event of a transaction that commits after a later one.
    create table outbox_events (
      id bigint generated always as identity primary key,
      txid xid8 not null default pg_current_xact_id(),
      type text not null,
      subject text not null,
      payload jsonb not null,
      created_at timestamptz not null default now()
    );
    create index outbox_events_order on outbox_events (txid, id);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    drop table outbox_events, stock_feeds, transfer_lines, transfers, incoming_stock, reservations, stock_movements, stock_levels;
    alter table locations drop column safety_stock;
  `,
  );
}
