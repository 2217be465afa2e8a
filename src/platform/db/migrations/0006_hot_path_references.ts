import type { Kysely } from 'kysely';
import { runStatements } from './run-sql.ts';

/**
 * Orders and reservations stop re-checking, row by row, that their variant, location and channel exist.
 *
 * Each such foreign-key check takes a KEY SHARE lock on the referenced row. Every concurrent order of a shop points
 * at the same few rows (the web channel, the warehouse, the best-selling variants), so their locks pile up on those
 * rows as multixacts, and the checks alone cost more than a third of the database's time under load (BENCHMARKS.md:
 * 265 → 399 orders/s). The guarantees stay: variants, locations and channels are never deleted (they are archived,
 * closed or disabled); the ids written come from rows the same request has just read; and a reservation is only
 * written for a stock level, which keeps its own foreign keys, that its transaction holds locked. The references
 * inside an order (lines → group → order, payments, timeline) and to the customer are still checked.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table reservations drop constraint reservations_variant_id_fkey, drop constraint reservations_location_id_fkey, drop constraint reservations_channel_id_fkey;
    alter table orders drop constraint orders_channel_id_fkey;
    alter table delivery_groups drop constraint delivery_groups_fulfilment_location_id_fkey, drop constraint delivery_groups_pickup_location_id_fkey;
    alter table order_lines drop constraint order_lines_variant_id_fkey;
    alter table order_events drop constraint order_events_channel_id_fkey;
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table reservations add constraint reservations_variant_id_fkey foreign key (variant_id) references variants (id),
      add constraint reservations_location_id_fkey foreign key (location_id) references locations (id),
      add constraint reservations_channel_id_fkey foreign key (channel_id) references channels (id);
    alter table orders add constraint orders_channel_id_fkey foreign key (channel_id) references channels (id);
    alter table delivery_groups add constraint delivery_groups_fulfilment_location_id_fkey foreign key (fulfilment_location_id) references locations (id),
      add constraint delivery_groups_pickup_location_id_fkey foreign key (pickup_location_id) references locations (id);
    alter table order_lines add constraint order_lines_variant_id_fkey foreign key (variant_id) references variants (id);
    alter table order_events add constraint order_events_channel_id_fkey foreign key (channel_id) references channels (id);
  `,
  );
}
