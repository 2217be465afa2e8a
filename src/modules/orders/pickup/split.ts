import type { Selectable } from 'kysely';
import type { Trx } from '../../../platform/db/database.ts';
import { newId } from '../../../platform/ids.ts';
import { releaseReservation, reserveStock } from '../../inventory/reservations.ts';
import { openUnits, splitOff, type LineRow } from '../regroup.ts';
import type { DeliveryGroupsTable } from '../tables.ts';

/**
 * Partial pickup, the rest kept at the counter: the units collected leave their group for a new one (handed over
 * now), and the group keeps the rest, still ready, with its pickup code, window and fees (paid or cancelled with the
 * last of its goods). A line taken in part is cut in two with its share of the price (regroup.ts `splitOff`), and its
 * reservation in two as well, at the same store, so each part is deducted or released on its own.
 */
export async function splitCollected(
  trx: Trx,
  group: Selectable<DeliveryGroupsTable>,
  lines: LineRow[],
  collect: Map<string, number>,
  context: { actor: string; channelId: string; now: Date },
): Promise<string> {
  const partId = newId();
  const [{ position }, { linePosition }] = await Promise.all([
    trx
      .selectFrom('delivery_groups')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('order_id', '=', group.order_id)
      .executeTakeFirstOrThrow(),
    trx
      .selectFrom('order_lines')
      .select((eb) => eb.fn.max('position').as('linePosition'))
      .where('order_id', '=', group.order_id)
      .executeTakeFirstOrThrow(),
  ]);
  await trx
    .insertInto('delivery_groups')
    .values({
      id: partId,
      order_id: group.order_id,
      position: Number(position) + 1,
      method: group.method,
      status: group.status,
      fulfilment_location_id: group.fulfilment_location_id,
      pickup_location_id: group.pickup_location_id,
      address: group.address === null ? null : JSON.stringify(group.address),
      recipient: group.recipient,
      shipping_fee: 0,
      packing_fee: 0,
      promised_at: group.promised_at,
      carrier: null,
      tracking_number: null,
      transfer_id: null,
      pickup_by: group.pickup_by,
      ready_at: group.ready_at,
      created_at: context.now,
      updated_at: context.now,
    })
    .execute();
  let nextPosition = Number(linePosition) + 1;
  for (const line of lines) {
    const units = collect.get(line.id) ?? 0;
    if (units === 0) continue;
    if (units === openUnits(line)) {
      await trx.updateTable('order_lines').set({ delivery_group_id: partId }).where('id', '=', line.id).execute();
      continue;
    }
    const { kept, part } = splitOff(line, units, newId(), nextPosition++);
    let keptReservation: string | null = null;
    let partReservation: string | null = null;
    if (line.reservation_id) {
      const released = await releaseReservation(trx, line.reservation_id, context.actor, 'partial pickup: the reservation is cut in two');
      const reserve = async (quantity: number) =>
        (
          await reserveStock(trx, {
            kind: 'order',
            actor: context.actor,
            channelId: context.channelId,
            referenceType: 'order',
            referenceId: group.order_id,
            fromSafetyStock: true,
            lines: [{ variantId: line.variant_id, locationId: released.locationId, quantity }],
          })
        )[0]!.id;
      keptReservation = await reserve(openUnits(kept));
      partReservation = await reserve(units);
    }
    await trx
      .insertInto('order_lines')
      .values({ ...part, delivery_group_id: partId, reservation_id: partReservation })
      .execute();
    await trx
      .updateTable('order_lines')
      .set({
        quantity: kept.quantity,
        discount_total: kept.discount_total,
        tax_amount: kept.tax_amount,
        line_total: kept.line_total,
        reservation_id: keptReservation,
      })
      .where('id', '=', line.id)
      .execute();
  }
  return partId;
}
