import type { Executor } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { Forbidden, NotFound } from '../../platform/errors.ts';
import type { CustomerFilter } from './service.ts';

/** Who may see and change which customer profile: the rules, apart from what they guard. */

/**
 * Who may see which profile (docs/architecture.md, "Access model"). A profile is the retailer's, shared by every
 * channel, but a channel key sees only the profiles its channel needs: those with an order through it and those it
 * created. Admins and store staff (who serve any customer at the counter) see every profile. A profile the caller
 * may not see answers 404, as one that does not exist: an id tells nothing about who shops elsewhere.
 */
export async function assertMaySeeCustomer(db: Executor, principal: Principal, id: string): Promise<void> {
  if (principal.role !== 'channel') return;
  const channelId = principal.channelId!;
  const visible = await db
    .selectFrom('customers')
    .select('id')
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('created_by_channel_id', '=', channelId),
        eb.exists(eb.selectFrom('orders').select('orders.id').whereRef('orders.customer_id', '=', 'customers.id').where('orders.channel_id', '=', channelId)),
      ]),
    )
    .executeTakeFirst();
  if (!visible) throw new NotFound('Customer', id);
}

export /** Groups and individual discounts are the retailer's pricing policy: set by admins only. */
function assertMaySetDiscounts(principal: Principal, changes: { customerGroupId?: unknown; discountBasisPoints?: unknown }) {
  if (principal.role === 'admin') return;
  const fields = (['customerGroupId', 'discountBasisPoints'] as const).filter((field) => changes[field] !== undefined);
  if (fields.length) throw new Forbidden(`Only admins set a customer's group and discount; not ${fields.join(', ')}.`);
}

export /**
 * Admins list and export every profile. Store staff search (a name, email or phone: `q`, `email` or `phone`) to serve
 * the customer at the counter. A channel key only looks a buyer up by the exact email or phone they gave at its
 * checkout: never browsing by name or part of a number. The refusals are 403s: the question is refused, not an object.
 */
function assertMayList(principal: Principal, filter: CustomerFilter) {
  if (principal.role === 'admin') return;
  const exact = filter.email !== undefined || filter.phone !== undefined;
  if (principal.role === 'channel') {
    if (!exact || filter.q !== undefined || filter.customerGroupId !== undefined) {
      throw new Forbidden('A channel key looks customers up by exact email or phone only; only admins list customers.');
    }
    return;
  }
  if (!exact && !filter.q) throw new Forbidden('Store staff search for a customer by q, email or phone; only admins list every customer.');
}
