import type { Selectable } from 'kysely';
import type { Trx } from '../../platform/db/database.ts';
import type { TransfersTable } from '../inventory/tables.ts';
import type { DeliveryGroupsTable } from './tables.ts';
import { RuleViolation } from '../../platform/errors.ts';
import { publish } from '../../platform/outbox.ts';
import { releaseReservation, reserveStock } from '../inventory/reservations.ts';
import type { TransferFollower } from '../inventory/transfers.ts';
import { nextDeliveryStatus } from './lifecycle.ts';
import { makeReady } from './pickup/ready.ts';
import { recordOrderEvent } from './read.ts';

/**
 * Ship to store. The order reserves the goods where they are and creates a draft transfer to the pickup store
 * (place.ts). When the sender ships the transfer, those reservations leave with it; when the store receives it, the
 * units that arrived are reserved for the order at once, so nobody else can sell them; once everything is there the
 * group has arrived (`order.arrived_at_store`) and is ready for pickup at once (pickup code, window,
 * `order.ready_for_pickup`: the customer is emailed), then handed over like any pickup. Incoming (awaiting_transfer)
 * → arrived → ready → handed over; the order never completes before the hand-over.
 */
export const shipToStore: TransferFollower = {
  async leaving(trx, transfer, actor) {
    const group = await waitingGroup(trx, transfer);
    if (!group) return [];
    const lines = await trx
      .selectFrom('order_lines')
      .select('reservation_id')
      .where('delivery_group_id', '=', group.id)
      .where('reservation_id', 'is not', null)
      .execute();
    await trx.updateTable('order_lines').set({ reservation_id: null }).where('delivery_group_id', '=', group.id).execute();
    await recordOrderEvent(
      trx,
      group.order_id,
      'transfer.shipped',
      { groupId: group.id, transferId: transfer.id, transferNumber: transfer.number },
      actor,
      null,
    );
    return lines.map((line) => line.reservation_id!);
  },

  async arrived(trx, transfer, complete, actor) {
    const group = await waitingGroup(trx, transfer);
    if (!group) return;
    const order = await trx.selectFrom('orders').select(['id', 'number', 'channel_id']).where('id', '=', group.order_id).forUpdate().executeTakeFirstOrThrow();
    // Everything received so far, shared out over the group's lines in order.
    const received = new Map(
      (await trx.selectFrom('transfer_lines').select(['variant_id', 'received']).where('transfer_id', '=', transfer.id).execute()).map((line) => [
        line.variant_id,
        line.received,
      ]),
    );
    const lines = await trx.selectFrom('order_lines').selectAll().where('delivery_group_id', '=', group.id).orderBy('position').execute();
    let everything = true;
    for (const line of lines) {
      const wanted = line.quantity - line.cancelled_quantity;
      const here = Math.min(wanted, received.get(line.variant_id) ?? 0);
      received.set(line.variant_id, (received.get(line.variant_id) ?? 0) - here);
      if (here < wanted) everything = false;
      const held = line.reservation_id
        ? (await trx.selectFrom('reservations').select('quantity').where('id', '=', line.reservation_id).executeTakeFirstOrThrow()).quantity
        : 0;
      if (here <= held) continue;
      if (line.reservation_id) await releaseReservation(trx, line.reservation_id, actor, `more of transfer ${transfer.number} arrived`);
      const [reservation] = await reserveStock(trx, {
        kind: 'order',
        actor,
        channelId: order.channel_id,
        referenceType: 'order',
        referenceId: order.id,
        fromSafetyStock: true,
        lines: [{ variantId: line.variant_id, locationId: transfer.to_location_id, quantity: here }],
      });
      await trx.updateTable('order_lines').set({ reservation_id: reservation!.id }).where('id', '=', line.id).execute();
    }
    if (!complete && !everything) return;
    const arrivedStatus = nextDeliveryStatus(group.status, 'receive_transfer');
    await trx.updateTable('delivery_groups').set({ status: arrivedStatus, updated_at: new Date() }).where('id', '=', group.id).execute();
    await recordOrderEvent(
      trx,
      order.id,
      'group.arrived_at_store',
      { groupId: group.id, transferId: transfer.id, transferNumber: transfer.number },
      actor,
      null,
    );
    await publish(trx, [
      {
        type: 'order.arrived_at_store',
        subject: `order:${order.id}`,
        payload: { orderId: order.id, groupId: group.id, number: order.number, locationId: transfer.to_location_id },
      },
    ]);
    // Everything is there: ready at the counter at once, with its code and window, and the customer is told. (A
    // transfer closed short leaves the group reserved: the store decides what to do with what is missing.)
    if (everything) await makeReady(trx, order, { ...group, status: arrivedStatus }, { actor, channelId: null, automatic: true }, new Date());
  },

  async cancelling(trx, transfer) {
    if (await waitingGroup(trx, transfer)) {
      throw new RuleViolation(
        'transfer-for-order',
        `Transfer ${transfer.number} brings an order's goods to its pickup store; cancel the order's lines instead.`,
        { state: 'awaiting_transfer' },
      );
    }
  },
};

/** The delivery group still waiting for this transfer, if any (locked). */
async function waitingGroup(trx: Trx, transfer: Selectable<TransfersTable>): Promise<Selectable<DeliveryGroupsTable> | undefined> {
  return trx
    .selectFrom('delivery_groups')
    .selectAll()
    .where('transfer_id', '=', transfer.id)
    .where('status', '=', 'awaiting_transfer')
    .forUpdate()
    .executeTakeFirst();
}
