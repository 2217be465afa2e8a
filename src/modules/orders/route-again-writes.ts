import type { Insertable, Selectable } from 'kysely';
import type { Trx } from '../../platform/db/database.ts';
import { decisionsInsert, storedTrace } from '../routing/decisions.ts';
import { openUnits, type LineRow } from './regroup.ts';
import type { MadeGroup, Placement, Regrouping, Why } from './route-again.ts';
import type { DeliveryGroupsTable } from './tables.ts';

/** The rows route-again.ts writes: groups changed or made, lines moved or cut, and the decision with its explanation. */

type Group = Selectable<DeliveryGroupsTable>;

export type GroupFields = Pick<
  Group,
  | 'id'
  | 'position'
  | 'method'
  | 'status'
  | 'fulfilment_location_id'
  | 'pickup_location_id'
  | 'promised_at'
  | 'transfer_id'
  | 'queue'
  | 'merged_shipment_id'
  | 'updated_at'
>;

/** The group itself changed, or a new group of the order beside it (same address and recipient; its fees stay on the first). */
export async function writeGroup(trx: Trx, r: Regrouping, reuse: boolean, fields: GroupFields) {
  if (reuse) {
    const { id, position: _position, ...changes } = fields;
    await trx.updateTable('delivery_groups').set(changes).where('id', '=', id).execute();
    return;
  }
  const row: Insertable<DeliveryGroupsTable> = {
    ...fields,
    order_id: r.order.id,
    address: r.group.address === null ? null : JSON.stringify(r.group.address),
    recipient: r.group.recipient,
    shipping_fee: 0,
    packing_fee: 0,
    carrier: null,
    tracking_number: null,
    routing_attempts: r.attempts,
    created_at: r.now,
  };
  await trx.insertInto('delivery_groups').values(row).execute();
}

/** Lines made by a split are inserted; the others keep their id and take their new group, quantity, price and reservation. */
export async function writeLines(trx: Trx, lines: LineRow[], created: Set<string>) {
  const fresh = lines.filter((line) => created.has(line.id));
  if (fresh.length) await trx.insertInto('order_lines').values(fresh).execute();
  for (const line of lines.filter((candidate) => !created.has(candidate.id))) {
    await trx
      .updateTable('order_lines')
      .set({
        delivery_group_id: line.delivery_group_id,
        reservation_id: line.reservation_id,
        quantity: line.quantity,
        discount_total: line.discount_total,
        manual_discount: line.manual_discount,
        tax_amount: line.tax_amount,
        line_total: line.line_total,
      })
      .where('id', '=', line.id)
      .execute();
  }
}

export const linesDetail = (lines: LineRow[]) => lines.map((line) => ({ lineId: line.id, sku: line.sku, quantity: openUnits(line) }));

/** The decision as `routing_decisions` keeps it, in the shape of the order path's (place/rows.ts), with what it made. */
export async function writeDecision(trx: Trx, r: Regrouping, placement: Placement, why: Why, made: MadeGroup[]) {
  const engine = 'decision' in why ? why : null;
  await decisionsInsert([
    {
      order_id: r.order.id,
      trigger: r.trigger,
      rule_set_id: engine?.ruleSet?.id ?? null,
      rule_set_version: engine?.ruleSet?.version ?? null,
      outcome: placement.kind === 'routed' && placement.shipments.length > 1 ? 'split' : placement.kind,
      explanation: {
        deliveryGroup: r.group.position,
        fromDeliveryGroupId: r.group.id,
        rule: engine?.decision.rule ?? null,
        outcome: placement.kind === 'routed' ? { kind: 'routed' } : placement,
        excluded: why.excluded,
        ...('reason' in why ? { reason: why.reason } : {}),
        shipments: made.map((entry) => ({
          deliveryGroupId: entry.id,
          locationId: entry.locationId,
          status: entry.status,
          lines: entry.lines.map((line) => ({ lineId: line.id, sku: line.sku, quantity: openUnits(line) })),
        })),
        trace: engine ? storedTrace(engine.decision) : [],
      },
      actor: r.actor,
      created_at: r.now,
    },
  ])?.execute(trx);
}
