import { sql } from 'kysely';
import { assertActsForLocation, type Principal } from '../../platform/auth/principal.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { InvalidInput, NotFound, RuleViolation } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { assertPicked } from '../fulfilment/picked.ts';
import { getLocation } from '../locations/service.ts';
import type { Address } from '../locations/tables.ts';
import type { PaymentProviders } from '../payments/service.ts';
import type { MergeCandidates, MergedShipment } from './merge-schema.ts';
import type { Shipment } from './schema.ts';
import { getOrder, recordOrderEvent } from './read.ts';
import { dispatchGroup, lockOrder } from './service.ts';

/**
 * Merged shipments: the open delivery groups of one customer, to one address, from one location, leave as one parcel.
 * Open means reserved and not yet picked; the address is the same when line 1 and 2, postcode, city and country are,
 * compared without case or extra spaces. A location's staff see the groups they could merge
 * (`mergeCandidates`) and merge them (`mergeShipments`); a channel whose rule set says `mergeShipments` has its new
 * orders' groups merged after the order is written (merge-consumer.ts). Every group of a merge gets the same
 * `merged_shipment_id`, and shipping one ships every group of it still to leave, with the same carrier and tracking
 * number, in one transaction (`shipShipment`). Drop-ship vendors' groups are never merged: each has its own purchase
 * request. A group whose address changes leaves its merge (service.ts).
 */

const normal = (text: string | undefined) => (text ?? '').trim().replace(/\s+/g, ' ').toLowerCase();

/** What makes two addresses one for a parcel. */
export const addressKey = (address: Address | null) =>
  address ? [address.line1, address.line2, address.postalCode, address.city, address.country].map(normal).join('\n') : '';

/** Groups that may take part in a merge: not yet picked, shipped to an address, with a location. */
const mergeable = (group: { status: string; method: string; fulfilment_location_id: string | null }) =>
  group.status === 'reserved' && group.method === 'ship_to_address' && group.fulfilment_location_id !== null;

/**
 * The sets of open groups at a location that could leave as one shipment: two or more groups of one customer to one
 * address, not all merged already. Oldest first. Store staff ask for their own store only (403 otherwise).
 */
export async function mergeCandidates(db: Executor, principal: Principal, locationId: string, limit: number): Promise<MergeCandidates> {
  assertActsForLocation(principal, locationId);
  await getLocation(db, locationId);
  // Only customers with two open shipments here are read; their addresses are compared here, as the merge compares them.
  const { rows } = await sql<{
    id: string;
    order_id: string;
    number: string;
    customer_id: string;
    address: Address | null;
    merged_shipment_id: string | null;
    created_at: Date;
  }>`
    select id, order_id, number, customer_id, address, merged_shipment_id, created_at from (
      select g.id, g.order_id, o.number, o.customer_id, g.address, g.merged_shipment_id, g.created_at,
        count(*) over (partition by o.customer_id) as open_here
      from delivery_groups g join orders o on o.id = g.order_id
      where g.fulfilment_location_id = ${locationId}::uuid and g.status = 'reserved' and g.method = 'ship_to_address'
    ) open_groups where open_here > 1
    order by created_at, id`.execute(db);
  const sets = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = `${row.customer_id}\n${addressKey(row.address)}`;
    sets.set(key, [...(sets.get(key) ?? []), row]);
  }
  const items = [...sets.values()]
    .filter((groups) => groups.length > 1 && new Set(groups.map((group) => group.merged_shipment_id ?? group.id)).size > 1)
    .slice(0, limit)
    .map((groups) => ({
      customerId: groups[0]!.customer_id,
      address: groups[0]!.address!,
      deliveryGroups: groups.map((group) => ({
        id: group.id,
        orderId: group.order_id,
        orderNumber: group.number,
        mergedShipmentId: group.merged_shipment_id,
        createdAt: group.created_at.toISOString(),
      })),
    }));
  return { locationId, items };
}

const notMergeable = (message: string, details: Record<string, unknown>) => new RuleViolation('not-mergeable', message, details);

/**
 * Merges delivery groups into one shipment, after checking under lock that each is open, shipped to an address, from
 * the same location (not a drop-ship vendor), for the same customer, to the same address. Groups already merged keep
 * their merge, which the others join (two merges named together become one). Each order's timeline says so. Store
 * staff merge the groups of their own store (another's: 404, as for their orders).
 */
export async function mergeShipments(trx: Trx, principal: Principal, groupIds: string[], automatic = false): Promise<MergedShipment> {
  const ids = [...new Set(groupIds)];
  if (ids.length < 2) throw new InvalidInput([{ field: 'body.deliveryGroupIds', message: 'must name at least two delivery groups' }]);
  const named = await trx.selectFrom('delivery_groups').select(['id', 'order_id']).where('id', 'in', ids).execute();
  for (const id of ids) if (!named.some((group) => group.id === id)) throw new NotFound('Delivery group', id);
  // Orders first, in the order of their ids: every change to an order locks it before its groups.
  await trx
    .selectFrom('orders')
    .select('id')
    .where('id', 'in', [...new Set(named.map((group) => group.order_id))])
    .orderBy('id')
    .forUpdate()
    .execute();
  const groups = await trx
    .selectFrom('delivery_groups as g')
    .innerJoin('orders as o', 'o.id', 'g.order_id')
    .select(['g.id', 'g.order_id', 'o.number', 'o.customer_id', 'g.status', 'g.method', 'g.fulfilment_location_id', 'g.address', 'g.merged_shipment_id'])
    .where('g.id', 'in', ids)
    .orderBy('g.created_at')
    .orderBy('g.id')
    .execute();
  if (principal.role === 'store') {
    for (const group of groups) if (group.fulfilment_location_id !== principal.locationId) throw new NotFound('Delivery group', group.id);
  }
  const [first] = groups;
  if (!first) throw new NotFound('Delivery group', ids[0]!);
  for (const group of groups) {
    if (!mergeable(group)) {
      throw notMergeable(
        group.method !== 'ship_to_address'
          ? `Delivery group ${group.id} is not shipped to an address.`
          : `Delivery group ${group.id} is ${group.status.replaceAll('_', ' ')}: only groups not yet picked (reserved) merge.`,
        { groupId: group.id, state: group.status },
      );
    }
    if (group.fulfilment_location_id !== first.fulfilment_location_id)
      throw notMergeable('The delivery groups leave from different locations.', { groupId: group.id });
    if (group.customer_id !== first.customer_id) throw notMergeable('The delivery groups are for different customers.', { groupId: group.id });
    if (addressKey(group.address) !== addressKey(first.address)) throw notMergeable('The delivery groups go to different addresses.', { groupId: group.id });
  }
  const location = await getLocation(trx, first.fulfilment_location_id!);
  if (location.type === 'dropship_vendor') throw notMergeable('A drop-ship vendor sends each purchase request on its own.', { locationId: location.id });

  const existing = [...new Set(groups.flatMap((group) => (group.merged_shipment_id ? [group.merged_shipment_id] : [])))].sort();
  const mergedShipmentId = existing[0] ?? newId();
  const now = new Date();
  await trx
    .updateTable('delivery_groups')
    .set({ merged_shipment_id: mergedShipmentId, updated_at: now })
    .where((eb) => eb.or([eb('id', 'in', ids), ...(existing.length > 1 ? [eb('merged_shipment_id', 'in', existing)] : [])]))
    .execute();
  const together = await trx
    .selectFrom('delivery_groups as g')
    .innerJoin('orders as o', 'o.id', 'g.order_id')
    .select(['g.id', 'g.order_id', 'o.number', 'g.status'])
    .where('g.merged_shipment_id', '=', mergedShipmentId)
    .orderBy('g.created_at')
    .orderBy('g.id')
    .execute();
  const actor = automatic ? 'system' : principal.actor;
  for (const orderId of new Set(groups.map((group) => group.order_id))) {
    await recordOrderEvent(
      trx,
      orderId,
      'shipment.merged',
      {
        mergedShipmentId,
        groupIds: together.filter((group) => group.order_id === orderId).map((group) => group.id),
        withOrders: [...new Set(together.filter((group) => group.order_id !== orderId).map((group) => group.number))],
        automatic,
      },
      actor,
      automatic ? null : principal.channelId,
    );
  }
  return {
    id: mergedShipmentId,
    locationId: location.id,
    customerId: first.customer_id,
    address: first.address!,
    deliveryGroups: together.map((group) => ({ id: group.id, orderId: group.order_id, orderNumber: group.number, status: group.status })),
  };
}

/**
 * Ships a delivery group; one merged with others ships them all, at once, with the same carrier and tracking number:
 * each as any shipment (stock deducted, payments captured, order.shipped), the orders locked first in id order. Only
 * the merge's groups still to leave from the same location go (one cancelled or shipped alone stays as it is).
 */
export async function shipShipment(trx: Trx, principal: Principal, orderId: string, groupId: string, providers: PaymentProviders, shipment: Shipment) {
  const group = await trx
    .selectFrom('delivery_groups')
    .select(['merged_shipment_id', 'fulfilment_location_id'])
    .where('id', '=', groupId)
    .where('order_id', '=', orderId)
    .executeTakeFirst();
  if (!group?.merged_shipment_id || group.fulfilment_location_id === null) {
    if (group) {
      // A store that asks for every unit scanned ships only what was (fulfilment/picked.ts): asked once the order is
      // locked and the caller may see it, so a refusal tells nothing of another's order.
      await lockOrder(trx, principal, orderId);
      await assertPicked(trx, groupId);
    }
    return dispatchGroup(trx, principal, orderId, groupId, 'ship', providers, shipment);
  }
  const others = await trx
    .selectFrom('delivery_groups')
    .select(['id', 'order_id'])
    .where('merged_shipment_id', '=', group.merged_shipment_id)
    .where('fulfilment_location_id', '=', group.fulfilment_location_id)
    .where('status', 'in', ['reserved', 'picking', 'packed'])
    .where('id', '<>', groupId)
    .execute();
  await trx
    .selectFrom('orders')
    .select('id')
    .where('id', 'in', [orderId, ...others.map((other) => other.order_id)])
    .orderBy('id')
    .forUpdate()
    .execute();
  // Every group of the merge proven picked where the store asks for it, before any leaves (fulfilment/picked.ts).
  await lockOrder(trx, principal, orderId);
  for (const id of [groupId, ...others.map((other) => other.id)]) await assertPicked(trx, id);
  // The named group first: its checks (who may ship it, its state) decide for the shipment.
  await dispatchGroup(trx, principal, orderId, groupId, 'ship', providers, shipment);
  for (const other of others) await dispatchGroup(trx, principal, other.order_id, other.id, 'ship', providers, shipment);
  return getOrder(trx, orderId);
}
