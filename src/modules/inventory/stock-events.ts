import { sql, type RawBuilder } from 'kysely';

/**
 * The one builder of `stock.changed` events: an insert into the outbox of one event per row of `source`, its payload
 * made by migration 0015's `stock_changed_payload` (which computes `available` by the stock rule). Every path that
 * changes stock calls it: `changeStock` and the reservation desk with rows they send, the order path's one-statement
 * reservation and the stock feeds with rows computed in their own statement. `source` is a query (or a table
 * expression) with the columns variant_id, location_id, on_hand, reserved, damaged, incoming, safety_stock (the
 * effective one) and available_before.
 */
export function stockChangedEvents(source: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    insert into outbox_events (type, subject, payload)
    select 'stock.changed', 'stock:' || c.variant_id || ':' || c.location_id,
           stock_changed_payload(c.variant_id, c.location_id, c.on_hand, c.reserved, c.damaged, c.incoming, c.safety_stock, c.available_before)
    from ${source}`;
}

/** A stock change known in memory, as `stockChangedEvents` takes it. */
export interface ChangedLevel {
  variantId: string;
  locationId: string;
  onHand: number;
  reserved: number;
  damaged: number;
  incoming: number;
  safetyStock: number;
  availableBefore: number;
}

/** The events of levels changed in memory (one parameter per column, whatever the number of levels). */
export function stockChangedEventsOf(levels: ChangedLevel[]): RawBuilder<unknown> | null {
  if (!levels.length) return null;
  const column = <T>(pick: (level: ChangedLevel) => T) => levels.map(pick);
  return stockChangedEvents(sql`unnest(${column((l) => l.variantId)}::uuid[], ${column((l) => l.locationId)}::uuid[], ${column((l) => l.onHand)}::int[],
      ${column((l) => l.reserved)}::int[], ${column((l) => l.damaged)}::int[], ${column((l) => l.incoming)}::int[], ${column((l) => l.safetyStock)}::int[],
      ${column((l) => l.availableBefore)}::int[])
    as c(variant_id, location_id, on_hand, reserved, damaged, incoming, safety_stock, available_before)`);
}
