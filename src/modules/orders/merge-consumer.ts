import type { Principal } from '../../platform/auth/principal.ts';
import type { Db, Trx } from '../../platform/db/database.ts';
import { RuleViolation } from '../../platform/errors.ts';
import { retrying } from '../../platform/http/unit-of-work.ts';
import type { OutboxConsumer } from '../../platform/outbox.ts';
import { getLocation } from '../locations/service.ts';
import { activeRuleSetOptions } from '../routing/options.ts';
import { addressKey, mergeShipments } from './merge.ts';

/** The consumer's row in `outbox_consumers` (migration 0017) and the events it reads. */
export const SHIPMENT_MERGES = { name: 'shipment-merges', types: ['order.placed'] };

/** Who merges automatically: Aisle itself, as an admin would (the timeline says `system`). */
const SYSTEM: Principal = { role: 'admin', locationId: null, channelId: null, userId: null, apiKeyId: null, actor: 'system' };

/**
 * The automatic shipment merges: when the channel's active rule set says `mergeShipments`, each new order's open
 * shipment joins an open one of the same customer, to the same address, from the same location (merge.ts). Done from
 * the outbox after the order is written, not by the order itself: placing orders stays one statement with no read of
 * other orders' groups, and a channel that does not merge costs one indexed read per order here. An order's group is
 * merged within a second or so of the order; one already picked by then simply ships alone. A merge the groups no
 * longer allow when it is made (one was picked meanwhile) is left undone.
 */
export function shipmentMerges(db: Db): OutboxConsumer {
  return {
    ...SHIPMENT_MERGES,
    async handle(event) {
      const options = await activeRuleSetOptions(db, String(event.payload.channelId));
      if (!options?.mergeShipments) return;
      await retrying(() => db.transaction().execute((trx) => mergeNewShipments(trx, String(event.payload.orderId))));
    },
  };
}

/** Each open shipment of the order, merged with the customer's open shipments to the same address from the same place. */
async function mergeNewShipments(trx: Trx, orderId: string): Promise<void> {
  const groups = await trx
    .selectFrom('delivery_groups as g')
    .innerJoin('orders as o', 'o.id', 'g.order_id')
    .select(['g.id', 'g.address', 'g.fulfilment_location_id', 'o.customer_id'])
    .where('g.order_id', '=', orderId)
    .where('g.status', '=', 'reserved')
    .where('g.method', '=', 'ship_to_address')
    .where('g.merged_shipment_id', 'is', null)
    .execute();
  for (const group of groups) {
    if (group.fulfilment_location_id === null) continue;
    if ((await getLocation(trx, group.fulfilment_location_id)).type === 'dropship_vendor') continue;
    const open = await trx
      .selectFrom('delivery_groups as g')
      .innerJoin('orders as o', 'o.id', 'g.order_id')
      .select(['g.id', 'g.address'])
      .where('o.customer_id', '=', group.customer_id)
      .where('g.fulfilment_location_id', '=', group.fulfilment_location_id)
      .where('g.status', '=', 'reserved')
      .where('g.method', '=', 'ship_to_address')
      .where('g.id', '<>', group.id)
      .execute();
    const same = open.filter((other) => addressKey(other.address) === addressKey(group.address));
    if (!same.length) continue;
    try {
      await mergeShipments(trx, SYSTEM, [group.id, ...same.map((other) => other.id)], true);
    } catch (error) {
      // Checked under lock before anything is written: the transaction goes on without this merge.
      if (!(error instanceof RuleViolation)) throw error;
    }
  }
}
