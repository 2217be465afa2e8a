import { assertPicked } from '../../fulfilment/picked.ts';
import type { Selectable } from 'kysely';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Trx } from '../../../platform/db/database.ts';
import { RuleViolation } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox.ts';
import { nextDeliveryStatus, nextOrderStatus } from '../lifecycle.ts';
import { getOrder, recordOrderEvent } from '../read.ts';
import type { DeliveryGroupsTable } from '../tables.ts';
import { freshPickupCode, pickupDeadline } from './code.ts';
import { lockPickupGroup } from './group.ts';

/**
 * A pickup becomes ready at the counter: it gets a pickup code and a window (the pickup store's `pickupWindowDays`),
 * and the customer is told (`order.ready_for_pickup`, which the order emails send). Marked by the store once it has
 * prepared the goods, or at once when a ship-to-store transfer has brought all of them (ship-to-store.ts).
 */

export interface ReadyPayload {
  orderId: string;
  groupId: string;
  number: string;
  pickupCode: string;
  pickupBy: string;
  resent?: true;
}

/** Moves a (locked) group to ready_for_pickup, with its code and window, writes the timeline and publishes the event. */
export async function makeReady(
  trx: Trx,
  order: { id: string; number: string },
  group: Selectable<DeliveryGroupsTable>,
  by: { actor: string; channelId: string | null; automatic?: boolean },
  now: Date,
): Promise<ReadyPayload> {
  const status = nextDeliveryStatus(group.status, 'mark_ready');
  const store = await trx.selectFrom('locations').select('pickup_window_days').where('id', '=', group.pickup_location_id!).executeTakeFirstOrThrow();
  const pickupCode = await freshPickupCode(trx, group.pickup_location_id!);
  const pickupBy = pickupDeadline(now, store.pickup_window_days);
  await trx
    .updateTable('delivery_groups')
    .set({ status, pickup_code: pickupCode, pickup_by: pickupBy, ready_at: now, reminded_at: null, updated_at: now })
    .where('id', '=', group.id)
    .execute();
  // The order's work has started, if it had not (ORDER_MACHINE's `start`, from placed only).
  await trx
    .updateTable('orders')
    .set({ status: nextOrderStatus('placed', 'start'), updated_at: now })
    .where('id', '=', order.id)
    .where('status', '=', 'placed')
    .execute();
  const payload: ReadyPayload = { orderId: order.id, groupId: group.id, number: order.number, pickupCode, pickupBy: pickupBy.toISOString() };
  await recordOrderEvent(
    trx,
    order.id,
    'group.ready_for_pickup',
    { groupId: group.id, pickupBy: payload.pickupBy, ...(by.automatic ? { automatic: true } : {}) },
    by.actor,
    by.channelId,
  );
  await publish(trx, [{ type: 'order.ready_for_pickup', subject: `order:${order.id}`, payload: { ...payload } }]);
  return payload;
}

/** The store (or an admin) has prepared a pickup: ready at the counter, the customer told. */
export async function markReadyForPickup(trx: Trx, principal: Principal, orderId: string, groupId: string, now = new Date()) {
  const { order, group } = await lockPickupGroup(trx, principal, orderId, groupId);
  // A store that must scan proves the picking first (goods arriving on a ship-to-store transfer are not asked: makeReady).
  await assertPicked(trx, groupId);
  await makeReady(trx, order, group, principal, now);
  return getOrder(trx, orderId);
}

/** The customer lost the ready email: the same notice again (same code and window), `resent: true`. */
export async function resendReadyEmail(trx: Trx, principal: Principal, orderId: string, groupId: string) {
  const { order, group } = await lockPickupGroup(trx, principal, orderId, groupId);
  if (group.status !== 'ready_for_pickup' || !group.pickup_code || !group.pickup_by)
    throw new RuleViolation('not-ready', 'Only a pickup ready at the counter has a ready email to send again.', { state: group.status });
  const payload: ReadyPayload = {
    orderId,
    groupId,
    number: order.number,
    pickupCode: group.pickup_code,
    pickupBy: group.pickup_by.toISOString(),
    resent: true,
  };
  await recordOrderEvent(trx, orderId, 'pickup.ready_email_resent', { groupId }, principal.actor, principal.channelId);
  await publish(trx, [{ type: 'order.ready_for_pickup', subject: `order:${orderId}`, payload: { ...payload } }]);
  return getOrder(trx, orderId);
}
