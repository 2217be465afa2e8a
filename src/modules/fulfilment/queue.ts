import { sql } from 'kysely';
import { assertActsForLocation, type Principal } from '../../platform/auth/principal.ts';
import type { Executor } from '../../platform/db/database.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { readLevels, keyOf } from '../inventory/stock.ts';
import { getLocation } from '../locations/service.ts';
import type { DeliveryStatus } from '../orders/lifecycle.ts';
import { linesOf as linesOfGroups } from './groups.ts';
import { SCANNED_HERE } from './picked.ts';
import { WORK_STAGES, type WorkStage } from './stages.ts';
import type { WorkQueue } from './schema.ts';

/**
 * A location's work queue (`GET /v1/locations/{id}/work`): the delivery groups its staff must act on (stages.ts), the
 * oldest promise first (promised date, then when the order came in), with how many are at each stage, each with its
 * lines, what was picked of them, and the location's stock of each SKU (on hand, reserved, available: staff ask for
 * on hand). Four statements whatever the queue's length: the counts, the page of groups with their orders, customers
 * and transfers, their lines with what was scanned, and the stock of their SKUs here (inventory's `readLevels`).
 */

/** Every unit of every open line of group `g` scanned. */
export const FULLY_SCANNED = sql`not exists (
  select 1 from order_lines l
  where l.delivery_group_id = g.id
    and l.quantity - l.cancelled_quantity > ${SCANNED_HERE})`;

/** stages.ts's `stageOf`, in SQL, for a group `g` already known to be in the location's queue. */
const STAGE = sql<WorkStage>`case
  when g.method = 'ship_to_address' then case g.status
    when 'reserved' then 'to_pick'
    when 'picking' then case when ${FULLY_SCANNED} then 'to_pack' else 'picking' end
    when 'packed' then 'to_ship' end
  else case g.status
    when 'awaiting_transfer' then 'incoming'
    when 'reserved' then 'to_prepare'
    when 'picking' then 'to_prepare'
    when 'ready_for_pickup' then 'ready_for_pickup' end
end`;

/** The groups in the queue of `locationId`: shipments it sends, pickups it hands over, not yet gone (stages.ts). */
const inQueue = (locationId: string) => sql`(
  (g.fulfilment_location_id = ${locationId}::uuid and g.method = 'ship_to_address' and g.status in ('reserved', 'picking', 'packed'))
  or (g.pickup_location_id = ${locationId}::uuid and g.method <> 'ship_to_address'
      and g.status in ('awaiting_transfer', 'reserved', 'picking', 'ready_for_pickup')))`;

const DUE = sql`coalesce(g.promised_at, 'infinity'::timestamptz)`;

export interface QueueFilter {
  limit: number;
  cursor?: string | undefined;
  stage?: WorkStage | undefined;
}

type GroupRow = {
  id: string;
  order_id: string;
  number: string;
  method: string;
  status: DeliveryStatus;
  stage: WorkStage;
  promised_at: Date | null;
  created_at: Date;
  recipient: string;
  first_name: string;
  last_name: string;
  transfer_id: string | null;
  merged_shipment_id: string | null;
  transfer_number: string | null;
  transfer_status: string | null;
  transfer_expected_at: Date | null;
  due_key: string;
  created_key: string;
};

/** The cursor: the last item's sort key, as PostgreSQL wrote it (microseconds kept), and its id. */
const cursorOf = (row: GroupRow) => encodeCursor(`${row.due_key}\n${row.created_key}\n${row.id}`);
const TIMESTAMP = String.raw`\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?`;
const CURSOR_KEY = new RegExp(String.raw`^(infinity|${TIMESTAMP})\n${TIMESTAMP}\n[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`);
const isCursorKey = (key: string) => CURSOR_KEY.test(key);

export async function workQueue(db: Executor, principal: Principal, locationId: string, filter: QueueFilter): Promise<WorkQueue> {
  assertActsForLocation(principal, locationId);
  const location = await getLocation(db, locationId);
  const after = decodeCursor(filter.cursor, isCursorKey)?.split('\n');
  const counted = await sql<{ stage: WorkStage; groups: number }>`
    select stage, count(*)::int as groups from (select ${STAGE} as stage from delivery_groups g where ${inQueue(locationId)}) work
    group by stage`.execute(db);
  const page = await sql<GroupRow>`
    select * from (
      select g.id, g.order_id, o.number, g.method, g.status, ${STAGE} as stage, g.promised_at, g.created_at, g.recipient,
             c.first_name, c.last_name, g.transfer_id, g.merged_shipment_id, t.number as transfer_number, t.status as transfer_status,
             t.expected_at as transfer_expected_at, ${DUE}::text as due_key, g.created_at::text as created_key, ${DUE} as due
      from delivery_groups g
      join orders o on o.id = g.order_id
      join customers c on c.id = o.customer_id
      left join transfers t on t.id = g.transfer_id
      where ${inQueue(locationId)}
    ) work
    where true
    ${filter.stage ? sql`and stage = ${filter.stage}` : sql``}
    ${after ? sql`and (due, created_at, id) > (${after[0]}::timestamptz, ${after[1]}::timestamptz, ${after[2]}::uuid)` : sql``}
    order by due, created_at, id
    limit ${filter.limit + 1}`.execute(db);
  const rows = page.rows.slice(0, filter.limit);
  const ids = rows.map((row) => row.id);
  const linesOf = await linesOfGroups(db, ids);
  const lines = [...linesOf.values()].flat();
  const levels = await readLevels(
    db,
    lines.map((line) => ({ variantId: line.variantId, locationId })),
  );
  const counts = Object.fromEntries(WORK_STAGES.map((stage) => [stage, 0])) as Record<WorkStage, number>;
  for (const row of counted.rows) counts[row.stage] = row.groups;
  return {
    locationId,
    mustScan: location.mustScan,
    counts,
    items: rows.map((row) => ({
      groupId: row.id,
      orderId: row.order_id,
      orderNumber: row.number,
      customerName: `${row.first_name} ${row.last_name}`.trim(),
      recipient: row.recipient,
      method: row.method as WorkQueue['items'][number]['method'],
      status: row.status,
      stage: row.stage,
      promisedAt: row.promised_at?.toISOString() ?? null,
      createdAt: row.created_at.toISOString(),
      mergedShipmentId: row.merged_shipment_id,
      transfer: row.transfer_id
        ? {
            id: row.transfer_id,
            number: row.transfer_number!,
            status: row.transfer_status!,
            expectedAt: row.transfer_expected_at?.toISOString() ?? null,
          }
        : null,
      lines: (linesOf.get(row.id) ?? []).map((line) => {
        const level = levels.get(keyOf(line.variantId, locationId));
        return {
          lineId: line.id,
          sku: line.sku,
          title: line.title,
          quantity: line.required,
          picked: line.picked,
          stock: { onHand: level?.onHand ?? 0, reserved: level?.reserved ?? 0, available: level?.available ?? 0 },
        };
      }),
    })),
    nextCursor: page.rows.length > filter.limit ? cursorOf(rows.at(-1)!) : null,
  };
}
