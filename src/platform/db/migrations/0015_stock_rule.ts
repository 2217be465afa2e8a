import type { Kysely } from 'kysely';
import { runStatements } from './run-sql.ts';

/**
 * The stock rule in SQL, once, for every statement that computes availability or publishes a stock change (the same
 * rule in TypeScript: inventory/stock-rule.ts, and a test holds the two together):
 *  - the effective safety stock of a SKU at a location is its own, else the location's default;
 *  - available to promise is on hand − reserved − effective safety stock, never below 0 (damaged units are not in
 *    on hand);
 *  - the payload of a `stock.changed` event, built here only.
 * Plain SQL functions without side effects: the planner inlines them, so a statement that calls them runs as if the
 * expressions were written in it (the order path's one-statement write included).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create function effective_safety_stock(own integer, location_default integer) returns integer
      language sql immutable parallel safe as $$ select coalesce(own, location_default) $$;

    create function available_to_promise(on_hand integer, reserved integer, safety_stock integer) returns integer
      language sql immutable parallel safe as $$ select greatest(0, on_hand - reserved - safety_stock) $$;

    create function stock_changed_payload(variant_id uuid, location_id uuid, on_hand integer, reserved integer, damaged integer, incoming integer,
                                          safety_stock integer, available_before integer) returns jsonb
      language sql stable parallel safe as $$ select jsonb_build_object('variantId', variant_id, 'locationId', location_id, 'onHand', on_hand, 'reserved', reserved, 'damaged', damaged, 'incoming', incoming, 'safetyStock', safety_stock, 'available', available_to_promise(on_hand, reserved, safety_stock), 'availableBefore', available_before) $$;
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    drop function stock_changed_payload(uuid, uuid, integer, integer, integer, integer, integer, integer);
    drop function available_to_promise(integer, integer, integer);
    drop function effective_safety_stock(integer, integer);
  `,
  );
}
