import { sql } from 'kysely';
import { assertActsForLocation, type Principal } from '../../platform/auth/principal.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { NotFound, RuleViolation } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { transferNumber } from '../inventory/transfers.ts';
import { getLocation } from '../locations/service.ts';
import type { DeliveryStatus } from '../orders/lifecycle.ts';
import { advanceGroup } from '../orders/service.ts';
import { linesOf } from './groups.ts';
import type { PickList } from './schema.ts';

/**
 * Pick lists: a picker takes a batch of delivery groups (named, or the next N oldest promises still to pick or
 * prepare) and walks the shelves once for all of them: one row per SKU with the units to take and, per order, how
 * many. The groups move to `picking` (orders' own step). The list is kept (PL-…), read as JSON or printed as a PDF;
 * its lines are the groups' lines as they are now (a cancelled line leaves the list).
 */

/** PL-<seconds since 2020>-<4 random>: sorts by creation, never needs a counter (as transfer numbers). */
const pickListNumber = () => transferNumber().replace(/^TR-/, 'PL-');

type Candidate = { id: string; order_id: string; method: string; status: DeliveryStatus; fulfilment_location_id: string | null };

/** The groups at the location a picker may take: its shipments and pickups reserved or being picked. */
const pickable = (locationId: string) => sql`(
  (g.method = 'ship_to_address' and g.fulfilment_location_id = ${locationId}::uuid)
  or (g.method <> 'ship_to_address' and g.pickup_location_id = ${locationId}::uuid))`;

export async function createPickList(
  trx: Trx,
  principal: Principal,
  locationId: string,
  input: { groupIds?: string[] | undefined; limit?: number | undefined },
) {
  assertActsForLocation(principal, locationId);
  await getLocation(trx, locationId);
  const chosen = input.groupIds ? await namedGroups(trx, locationId, [...new Set(input.groupIds)]) : await nextToPick(trx, locationId, input.limit!);
  if (!chosen.length) throw new RuleViolation('nothing-to-pick', 'No delivery group at this location is waiting to be picked.');
  // Orders first, in id order: every change to an order locks it before its groups, so two pickers never deadlock.
  await trx
    .selectFrom('orders')
    .select('id')
    .where('id', 'in', [...new Set(chosen.map((group) => group.order_id))])
    .orderBy('id')
    .forUpdate()
    .execute();
  const now = await trx
    .selectFrom('delivery_groups')
    .select(['id', 'status'])
    .where(
      'id',
      'in',
      chosen.map((group) => group.id),
    )
    .execute();
  const statusOf = new Map(now.map((row) => [row.id, row.status]));
  // Another picker may have taken some meanwhile: a batch asked by number takes those still waiting.
  const taken = chosen.filter((group) => (input.groupIds ? true : statusOf.get(group.id) === 'reserved'));
  for (const group of taken) {
    const status = statusOf.get(group.id)!;
    if (status !== 'reserved' && status !== 'picking') {
      throw new RuleViolation('not-to-pick', `Delivery group ${group.id} is ${status.replaceAll('_', ' ')}: there is nothing to pick.`, {
        groupId: group.id,
        state: status,
      });
    }
    if (status === 'reserved' && group.fulfilment_location_id === locationId) await advanceGroup(trx, principal, group.order_id, group.id, 'start-picking');
  }
  if (!taken.length) throw new RuleViolation('nothing-to-pick', 'No delivery group at this location is waiting to be picked.');
  const id = newId();
  await trx.insertInto('pick_lists').values({ id, number: pickListNumber(), location_id: locationId, created_by: principal.actor }).execute();
  await trx
    .insertInto('pick_list_groups')
    .values(taken.map((group) => ({ pick_list_id: id, delivery_group_id: group.id })))
    .execute();
  return readPickList(trx, principal, id);
}

async function namedGroups(trx: Trx, locationId: string, ids: string[]): Promise<Candidate[]> {
  const { rows } = await sql<Candidate & { here: boolean }>`
    select g.id, g.order_id, g.method, g.status, g.fulfilment_location_id, ${pickable(locationId)} as here
    from delivery_groups g where g.id = any(${ids}::uuid[])`.execute(trx);
  for (const id of ids) {
    // A group of another location is one this location may not see.
    if (!rows.some((row) => row.id === id && row.here)) throw new NotFound('Delivery group', id);
  }
  return ids.map((id) => rows.find((row) => row.id === id)!);
}

async function nextToPick(trx: Trx, locationId: string, limit: number): Promise<Candidate[]> {
  const { rows } = await sql<Candidate>`
    select g.id, g.order_id, g.method, g.status, g.fulfilment_location_id
    from delivery_groups g
    where g.status = 'reserved' and ${pickable(locationId)}
    order by coalesce(g.promised_at, 'infinity'::timestamptz), g.created_at, g.id
    limit ${limit}`.execute(trx);
  return rows;
}

/** A pick list as JSON: its groups and one row per SKU, in SKU order. Store staff read only their own location's. */
export async function readPickList(db: Executor, principal: Principal, id: string): Promise<PickList> {
  const list = await db.selectFrom('pick_lists').selectAll().where('id', '=', id).executeTakeFirst();
  if (!list || (principal.role === 'store' && list.location_id !== principal.locationId)) throw new NotFound('Pick list', id);
  const { rows: groups } = await sql<{ id: string; order_id: string; number: string; status: DeliveryStatus; first_name: string; last_name: string }>`
    select g.id, g.order_id, o.number, g.status, c.first_name, c.last_name
    from pick_list_groups p
    join delivery_groups g on g.id = p.delivery_group_id
    join orders o on o.id = g.order_id
    join customers c on c.id = o.customer_id
    where p.pick_list_id = ${id}::uuid
    order by coalesce(g.promised_at, 'infinity'::timestamptz), g.created_at, g.id`.execute(db);
  const lines = await linesOf(
    db,
    groups.map((group) => group.id),
  );
  const bySku = new Map<string, PickList['lines'][number]>();
  for (const group of groups) {
    for (const line of lines.get(group.id) ?? []) {
      const row = bySku.get(line.sku) ?? { sku: line.sku, title: line.title, quantity: 0, picked: 0, orders: [] };
      row.quantity += line.required;
      row.picked += Math.min(line.picked, line.required);
      row.orders.push({ orderNumber: group.number, orderId: group.order_id, groupId: group.id, lineId: line.id, quantity: line.required, picked: line.picked });
      bySku.set(line.sku, row);
    }
  }
  return {
    id: list.id,
    number: list.number,
    locationId: list.location_id,
    createdBy: list.created_by,
    createdAt: list.created_at.toISOString(),
    groups: groups.map((group) => ({
      groupId: group.id,
      orderId: group.order_id,
      orderNumber: group.number,
      customerName: `${group.first_name} ${group.last_name}`.trim(),
      status: group.status,
    })),
    lines: [...bySku.values()].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : a.title.localeCompare(b.title))),
  };
}
