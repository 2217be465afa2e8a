import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { PaymentMethod } from './tables.ts';

/**
 * The money a register took and gave back between two instants, read from the payments that name it
 * (`payments.register_id`) and their timeline: what a register session's X and Z reports add up. No second ledger: a
 * payment taken at the register is captured when it is written (cash, the card terminal), a card captured at a
 * hand-over is captured then (counted here when the payment names the register), and a refund of a payment taken at
 * the register is a `refunded` event of it.
 */

export interface TenderTotal {
  method: PaymentMethod;
  /** How many captures (or refunds). */
  count: number;
  amount: number;
}

export interface RegisterTakings {
  /** Orders with money captured at the register in the window (a sale, or a payment taken at a hand-over). */
  sales: number;
  /** Captured in the window, per tender. */
  taken: TenderTotal[];
  /** Refunded in the window, per tender. */
  refunded: TenderTotal[];
  /** Cash handed over by customers, and change given back, for the payments taken in the window. */
  cashTendered: number;
  changeGiven: number;
}

/** What register `registerId` took from `from` until `to` (still open: until now). Two queries, on indexed columns. */
export async function registerTakings(db: Executor, registerId: string, from: Date, to: Date | null): Promise<RegisterTakings> {
  const until = to ?? new Date('9999-12-31T00:00:00Z');
  const [events, taken] = await Promise.all([
    sql<{ method: PaymentMethod; type: 'captured' | 'refunded'; count: number; amount: number }>`
      select p.method, e.type, count(*)::int as count, sum(e.amount)::bigint as amount
      from payments p join payment_events e on e.payment_id = p.id
      where p.register_id = ${registerId} and e.type in ('captured', 'refunded')
        and e.created_at >= ${from} and e.created_at <= ${until}
      group by p.method, e.type
      order by p.method`.execute(db),
    sql<{ sales: number; cash_tendered: number; change_given: number }>`
      select
        (select count(distinct p.order_id) from payments p join payment_events e on e.payment_id = p.id
         where p.register_id = ${registerId} and e.type = 'captured' and e.created_at >= ${from} and e.created_at <= ${until})::int as sales,
        coalesce(sum(cash_tendered), 0)::bigint as cash_tendered, coalesce(sum(change_given), 0)::bigint as change_given
      from payments
      where register_id = ${registerId} and created_at >= ${from} and created_at <= ${until}`.execute(db),
  ]);
  const of = (type: 'captured' | 'refunded') =>
    events.rows.filter((row) => row.type === type).map((row) => ({ method: row.method, count: Number(row.count), amount: Number(row.amount) }));
  const row = taken.rows[0];
  return {
    sales: Number(row?.sales ?? 0),
    taken: of('captured'),
    refunded: of('refunded'),
    cashTendered: Number(row?.cash_tendered ?? 0),
    changeGiven: Number(row?.change_given ?? 0),
  };
}
