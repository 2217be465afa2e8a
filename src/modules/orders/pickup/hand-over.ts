import type { Principal } from '../../../platform/auth/principal.ts';
import type { Trx } from '../../../platform/db/database.ts';
import { InvalidInput, RuleViolation } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox.ts';
import { deductReservation } from '../../inventory/reservations.ts';
import { settleAtCounter } from '../../payments/counter.ts';
import type { PaymentProviders } from '../../payments/providers.ts';
import { registerOfStore } from '../../register/lookup.ts';
import { assertRegisterOpen } from '../../register/sessions.ts';
import { isOpen, nextDeliveryStatus, nextOrderStatus } from '../lifecycle.ts';
import { getOrder, recordOrderEvent } from '../read.ts';
import { openUnits, type LineRow } from '../regroup.ts';
import { cancelOrder } from '../service.ts';
import type { CollectedBy } from '../tables.ts';
import { lockPickupGroup } from './group.ts';
import type { HandOverInput } from './schema.ts';
import { splitCollected } from './split.ts';

/**
 * The counter hands a pickup over (Click & Collect). Who collects is recorded (and the pickup code, when given, must
 * be the group's); what is left to pay is taken in the same request (payments/counter.ts: cash with change, the card
 * terminal, or both; a card authorised online is captured instead, and nothing is charged twice); the reservations
 * are deducted; the order completes with its last group. A partial pickup takes some units: the rest is cancelled
 * (stock released, its share voided or refunded) or kept waiting at the counter as the same ready group.
 */
export async function handOver(
  trx: Trx,
  principal: Principal,
  orderId: string,
  groupId: string,
  input: HandOverInput,
  providers: PaymentProviders,
  now = new Date(),
) {
  const { order, group } = await lockPickupGroup(trx, principal, orderId, groupId);
  // A group not yet marked ready may still be handed over (the customer is at the counter): it passes through ready.
  const status =
    group.status === 'ready_for_pickup'
      ? nextDeliveryStatus(group.status, 'hand_over')
      : nextDeliveryStatus(nextDeliveryStatus(group.status, 'mark_ready'), 'hand_over');
  const given = input.collectedBy.pickupCode;
  if (given !== undefined && given !== group.pickup_code)
    throw new RuleViolation('wrong-pickup-code', 'This is not the pickup code of this order: ask for the code in the ready email, or check an ID.', {
      field: 'body.collectedBy.pickupCode',
    });
  if (input.registerId) {
    if (!(await registerOfStore(trx, input.registerId, group.pickup_location_id!)))
      throw new RuleViolation('register-not-at-store', "The register is not one of the pickup store's.", { field: 'body.registerId' });
    // Money taken at a register needs its session open (kept locked until the commit, so a close counts it).
    await assertRegisterOpen(trx, principal, input.registerId);
  }

  const lines = await trx.selectFrom('order_lines').selectAll().where('delivery_group_id', '=', groupId).orderBy('position').execute();
  const collect = unitsCollected(lines, input);
  const rest = lines.flatMap((line) => {
    const left = openUnits(line) - (collect.get(line.id) ?? 0);
    return left > 0 ? [{ lineId: line.id, quantity: left }] : [];
  });
  if (rest.length && !input.rest)
    throw new InvalidInput([{ field: 'body.rest', message: 'is required when units are left: cancel them, or keep them waiting at the counter' }]);

  let collectedGroupId = groupId;
  if (rest.length && input.rest === 'cancel') {
    await cancelOrder(trx, principal, orderId, { lines: rest, reason: 'not taken at a partial pickup' }, providers);
  } else if (rest.length && input.rest === 'keep') {
    collectedGroupId = await splitCollected(trx, group, lines, collect, { actor: principal.actor, channelId: order.channel_id, now });
  }

  const taken = await trx.selectFrom('order_lines').selectAll().where('delivery_group_id', '=', collectedGroupId).orderBy('position').execute();
  const kept = collectedGroupId !== groupId;
  let due = kept ? 0 : group.shipping_fee + group.packing_fee;
  for (const line of taken) {
    if (line.reservation_id && openUnits(line) > 0) await deductReservation(trx, line.reservation_id, principal.actor, 'collected');
    due += Math.round((line.line_total * openUnits(line)) / line.quantity);
  }
  const collectedBy: CollectedBy = {
    name: input.collectedBy.name,
    relation: input.collectedBy.relation ?? 'customer',
    idChecked: input.collectedBy.idChecked ?? false,
    codeGiven: given !== undefined,
  };
  await trx
    .updateTable('delivery_groups')
    .set({ status, collected_by: JSON.stringify(collectedBy), pickup_code: group.pickup_code, updated_at: now })
    .where('id', '=', collectedGroupId)
    .execute();

  const groups = await trx.selectFrom('delivery_groups').select('status').where('order_id', '=', orderId).execute();
  const finished = groups.every((row) => !isOpen(row.status));
  const money = await settleAtCounter(trx, orderId, {
    due,
    last: finished,
    tenders: input.payments,
    registerId: input.registerId ?? null,
    currency: order.currency,
    reference: order.number,
    actor: principal.actor,
    providers,
    now,
  });
  const current = (await trx.selectFrom('orders').select('status').where('id', '=', orderId).executeTakeFirstOrThrow()).status;
  const orderStatus = finished ? nextOrderStatus(current, 'complete') : current === 'placed' ? nextOrderStatus(current, 'start') : current;
  await trx.updateTable('orders').set({ status: orderStatus, updated_at: now }).where('id', '=', orderId).execute();
  await recordOrderEvent(
    trx,
    orderId,
    'group.collected',
    {
      groupId: collectedGroupId,
      ...(kept ? { from: groupId, keptWaiting: rest } : {}),
      ...(rest.length && input.rest === 'cancel' ? { cancelled: rest } : {}),
      collectedBy,
      due,
      capturedOnline: money.capturedOnline,
      paidAtCounter: money.paidAtCounter,
      changeGiven: money.changeGiven,
      ...(money.taken.length ? { payments: money.taken.map((payment) => payment.id), replaces: money.replaced.map((payment) => payment.id) } : {}),
      ...(input.registerId ? { registerId: input.registerId } : {}),
    },
    principal.actor,
    principal.channelId,
  );
  await publish(trx, [{ type: 'order.collected', subject: `order:${orderId}`, payload: { orderId, groupId: collectedGroupId, number: order.number } }]);
  return getOrder(trx, orderId);
}

/** The units taken of each line: those named (each at most its open units), or every open unit. */
function unitsCollected(lines: LineRow[], input: HandOverInput): Map<string, number> {
  if (!input.lines) return new Map(lines.map((line) => [line.id, openUnits(line)]));
  const collect = new Map<string, number>();
  for (const [index, wanted] of input.lines.entries()) {
    const line = lines.find((candidate) => candidate.id === wanted.lineId);
    if (!line) throw new InvalidInput([{ field: `body.lines.${index}.lineId`, message: 'is not a line of this delivery group' }]);
    if (collect.has(line.id)) throw new InvalidInput([{ field: `body.lines.${index}.lineId`, message: 'is named twice' }]);
    if (wanted.quantity > openUnits(line))
      throw new RuleViolation('over-collect', `Line ${line.sku} has ${openUnits(line)} units to hand over.`, {
        field: `body.lines.${index}.quantity`,
        left: openUnits(line),
      });
    collect.set(line.id, wanted.quantity);
  }
  return collect;
}
