import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { RuleViolation } from '../../platform/errors.ts';

/**
 * The units of line `l` (of group `g`) scanned at the location now working on the group: the sender of a shipment,
 * the store of a pickup. Scans made at a location that then rejected the line (it left for another) do not count.
 */
export const SCANNED_HERE = sql<number>`coalesce((
  select sum(s.quantity) from pick_scans s
  where s.order_line_id = l.id
    and s.location_id = case when g.method = 'ship_to_address' then g.fulfilment_location_id else g.pickup_location_id end), 0)::int`;

/**
 * A store that says "must scan" (its `mustScan` setting) packs, ships and hands over only what was proven picked:
 * every unit of every line scanned (scans.ts). `assertPicked` refuses (422 `not-scanned`, naming each SKU and how
 * many are missing) otherwise; a store without the setting is never refused. One statement, on the paths that pack
 * and ship (orders' advanceGroup and shipShipment call it): the setting is read with the lines it guards.
 */
export async function assertPicked(db: Executor, groupId: string): Promise<void> {
  const { rows } = await sql<{ sku: string; required: number; picked: number }>`
    select l.sku, l.quantity - l.cancelled_quantity as required,
           ${SCANNED_HERE} as picked
    from delivery_groups g
    join locations at_store
      on at_store.id = case when g.method = 'ship_to_address' then g.fulfilment_location_id else g.pickup_location_id end
     and at_store.must_scan
    join order_lines l on l.delivery_group_id = g.id and l.quantity > l.cancelled_quantity
    where g.id = ${groupId}::uuid
    order by l.position`.execute(db);
  const missing = rows.filter((row) => row.picked < row.required).map((row) => ({ sku: row.sku, required: row.required, picked: row.picked }));
  if (!missing.length) return;
  throw new RuleViolation(
    'not-scanned',
    `This store asks for every unit to be scanned first: ${missing.map((line) => `${line.sku} ${line.picked} of ${line.required}`).join(', ')} scanned.`,
    { missing },
  );
}
