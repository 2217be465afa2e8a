import { sql } from 'kysely';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { NotFound } from '../../platform/errors.ts';
import type { Address } from '../locations/tables.ts';
import type { DeliveryStatus } from '../orders/lifecycle.ts';
import { assertMaySeeOrder } from '../orders/read.ts';
import { lockOrder } from '../orders/service.ts';
import { SCANNED_HERE } from './picked.ts';
import { workLocationOf } from './stages.ts';

/**
 * The delivery group a store works on, read for one of its steps (scan, pack, dispatch, documents): the order is
 * locked first when the step changes it, as every change to an order does. Store staff see only the groups of their
 * own location (a pickup's store, a shipment's sender): any other is a 404, as an order they may not see.
 */

export interface WorkGroup {
  id: string;
  orderId: string;
  orderNumber: string;
  customerId: string;
  channelId: string;
  method: string;
  status: DeliveryStatus;
  fulfilmentLocationId: string | null;
  pickupLocationId: string | null;
  /** Where the staff working on it are: the sender of a shipment, the pickup store of a pickup. */
  locationId: string | null;
  address: Address | null;
  recipient: string;
  carrier: string | null;
  trackingNumber: string | null;
  createdAt: Date;
}

export interface WorkLine {
  id: string;
  variantId: string;
  sku: string;
  title: string;
  /** Units still wanted (cancelled ones left out). */
  required: number;
  picked: number;
}

async function readGroup(db: Executor, orderId: string, groupId: string): Promise<WorkGroup | undefined> {
  const row = await db
    .selectFrom('delivery_groups as g')
    .innerJoin('orders as o', 'o.id', 'g.order_id')
    .select([
      'g.id',
      'g.order_id',
      'o.number',
      'o.customer_id',
      'o.channel_id',
      'g.method',
      'g.status',
      'g.fulfilment_location_id',
      'g.pickup_location_id',
      'g.address',
      'g.recipient',
      'g.carrier',
      'g.tracking_number',
      'g.created_at',
    ])
    .where('g.id', '=', groupId)
    .where('g.order_id', '=', orderId)
    .executeTakeFirst();
  if (!row) return undefined;
  const group = { method: row.method, fulfilmentLocationId: row.fulfilment_location_id, pickupLocationId: row.pickup_location_id };
  return {
    id: row.id,
    orderId: row.order_id,
    orderNumber: row.number,
    customerId: row.customer_id,
    channelId: row.channel_id,
    status: row.status,
    ...group,
    locationId: workLocationOf(group),
    address: row.address,
    recipient: row.recipient,
    carrier: row.carrier,
    trackingNumber: row.tracking_number,
    createdAt: row.created_at,
  };
}

function assertWorksOn(principal: Principal, group: WorkGroup | undefined, groupId: string): asserts group is WorkGroup {
  if (!group || (principal.role === 'store' && group.locationId !== principal.locationId)) throw new NotFound('Delivery group', groupId);
}

/** The group, its order locked (the step writes): 404 for an order or group the caller may not see. */
export async function lockWorkGroup(trx: Trx, principal: Principal, orderId: string, groupId: string): Promise<WorkGroup> {
  await lockOrder(trx, principal, orderId);
  const group = await readGroup(trx, orderId, groupId);
  assertWorksOn(principal, group, groupId);
  return group;
}

/** The group for reading (documents): 404 for an order or group the caller may not see. */
export async function readWorkGroup(db: Executor, principal: Principal, orderId: string, groupId: string): Promise<WorkGroup> {
  const group = await readGroup(db, orderId, groupId);
  if (group) await assertMaySeeOrder(db, principal, { id: orderId, channel_id: group.channelId });
  assertWorksOn(principal, group, groupId);
  return group;
}

/** The open lines of groups (cancelled units left out), with the units scanned of each: one statement. */
export async function linesOf(db: Executor, groupIds: string[]): Promise<Map<string, WorkLine[]>> {
  const byGroup = new Map<string, WorkLine[]>();
  if (!groupIds.length) return byGroup;
  const { rows } = await sql<{ id: string; delivery_group_id: string; variant_id: string; sku: string; title: string; required: number; picked: number }>`
    select l.id, l.delivery_group_id, l.variant_id, l.sku, l.title, l.quantity - l.cancelled_quantity as required,
           ${SCANNED_HERE} as picked
    from order_lines l
    join delivery_groups g on g.id = l.delivery_group_id
    where l.delivery_group_id = any(${groupIds}::uuid[]) and l.quantity > l.cancelled_quantity
    order by l.delivery_group_id, l.position`.execute(db);
  for (const row of rows) {
    const line = { id: row.id, variantId: row.variant_id, sku: row.sku, title: row.title, required: row.required, picked: row.picked };
    byGroup.set(row.delivery_group_id, [...(byGroup.get(row.delivery_group_id) ?? []), line]);
  }
  return byGroup;
}
