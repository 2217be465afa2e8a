import type { Selectable } from 'kysely';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Trx } from '../../../platform/db/database.ts';
import { NotFound, RuleViolation } from '../../../platform/errors.ts';
import { lockOrder } from '../service.ts';
import type { DeliveryGroupsTable, OrdersTable } from '../tables.ts';

/**
 * A pickup group and its order, locked (order first, as every order write does), for a step at the counter: only an
 * admin or the pickup store may take it (another store that may see the order gets 403 `not-your-store`; one that
 * may not, 404), and only a group collected in store (422 `not-a-pickup`).
 */
export async function lockPickupGroup(
  trx: Trx,
  principal: Principal,
  orderId: string,
  groupId: string,
): Promise<{ order: Selectable<OrdersTable>; group: Selectable<DeliveryGroupsTable> }> {
  const order = await lockOrder(trx, principal, orderId);
  const group = await trx.selectFrom('delivery_groups').selectAll().where('id', '=', groupId).where('order_id', '=', orderId).forUpdate().executeTakeFirst();
  if (!group) throw new NotFound('Delivery group', groupId);
  if (principal.role === 'store' && group.pickup_location_id !== principal.locationId)
    throw new RuleViolation('not-your-store', 'Only the pickup store may do this at its counter.');
  if (group.method === 'ship_to_address' || !group.pickup_location_id)
    throw new RuleViolation('not-a-pickup', 'This group is shipped, not collected.', { state: group.status });
  return { order, group };
}
