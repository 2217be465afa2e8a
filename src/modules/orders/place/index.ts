import type { Db } from '../../../platform/db/database.ts';
import { voidApproved, type PaymentProviders } from '../../payments/service.ts';
import { sellingSetupCache, type SellingSetups } from '../selling-setup.ts';
import { placedAtOnce } from './at-once.ts';
import { writeInBatches } from './in-transaction.ts';
import { prepareBatch } from './prepare.ts';
import type { BatchWrite, OrderOutcome, OrderRequest, PreparedOrder } from './types.ts';

export { prepareBatch } from './prepare.ts';
export type { BatchWrite, OrderOutcome, OrderRequest, PreparedOrder } from './types.ts';

/**
 * Placing orders, the same way from every channel. Orders arriving together are placed together (the order desk,
 * service.ts): each step below costs a fixed number of queries for the whole batch, and each order succeeds or fails
 * on its own.
 *  1. check the channel, the lines and the delivery groups (groups.ts);
 *  2. price each order with the quote's own function (the order's totals are the quote's), then route the groups
 *     that leave their location to Aisle with the channel's rule set (route.ts, routing/): a group may be split
 *     into shipments, or wait (backordered, parked);
 *  3. authorise the payments OUTSIDE any transaction (a declined card never touches stock);
 *     (1 to 3: prepare.ts)
 *  4. write the batch, all of it or none: Idempotency-Keys, new customer profiles, stock reservations, orders,
 *     groups, lines, payments, timeline and outbox events in one statement when the whole batch fits (at-once.ts);
 *     otherwise one transaction that also counts promotion uses and decides order by order: an order short of stock
 *     or of promotion uses is left out (a 409 for it alone) and its authorisations are voided (in-transaction.ts).
 *     The rows are built in memory the same way for both (rows.ts).
 * A register order of goods on the shelf, paid at the counter, is completed and deducted at once.
 */

/**
 * Places a batch of orders; never throws for one order's fault: each outcome says what became of its request. The
 * order desk passes the set-up it keeps (`setups`), and `wrote` to count how batches were written. Groups that leave
 * their location to Aisle are routed by their channel's rule set (route.ts).
 */
export async function placeOrders(
  db: Db,
  requests: OrderRequest[],
  providers: PaymentProviders,
  now = new Date(),
  setups: SellingSetups = sellingSetupCache(db),
  wrote?: (how: BatchWrite) => void,
): Promise<OrderOutcome[]> {
  const steps = await prepareBatch(db, requests, providers, now, setups);
  const ready = steps.filter(isPrepared);
  const written = new Map(await writePrepared(db, ready, providers, now, wrote));
  return steps.map((step) => (isPrepared(step) ? (written.get(step) ?? { error: new Error('the order was not written') }) : step));
}

const isPrepared = (step: PreparedOrder | OrderOutcome): step is PreparedOrder => 'tenders' in step;

/**
 * Step 4 for orders ready to be written: one statement if the whole batch fits, else one transaction, or each order
 * alone if that fails as a whole (so that one bad order fails only itself). `wrote` is told which way the batch took.
 * The authorisations of an order not placed, or placed by an earlier copy of the same request, are voided. The
 * outcomes are in the order of `prepared`.
 */
export async function writeBatch(
  db: Db,
  prepared: PreparedOrder[],
  providers: PaymentProviders,
  now: Date,
  wrote?: (how: BatchWrite) => void,
): Promise<OrderOutcome[]> {
  const written = new Map(await writePrepared(db, prepared, providers, now, wrote));
  return prepared.map((order) => written.get(order) ?? { error: new Error('the order was not written') });
}

async function writePrepared(
  db: Db,
  prepared: PreparedOrder[],
  providers: PaymentProviders,
  now: Date,
  wrote?: (how: BatchWrite) => void,
): Promise<[PreparedOrder, OrderOutcome][]> {
  if (!prepared.length) return [];
  const atOnce = await placedAtOnce(db, prepared, now);
  wrote?.(Array.isArray(atOnce) ? 'one_statement' : atOnce);
  const written = Array.isArray(atOnce) ? atOnce : await writeInBatches(db, prepared, now);
  await Promise.all(
    written.map(async ({ prepared: order, outcome }) => {
      if ('error' in outcome || outcome.replayed) await voidApproved(order.tenders, providers);
    }),
  );
  return written.map(({ prepared: order, outcome }) => [order, outcome]);
}
