import type { Db } from '../../../platform/db/database.ts';
import { isConnectionLost } from '../../../platform/db/connection-errors.ts';
import { paired, present } from '../../../platform/batches.ts';
import { isConditionFailed, writeIf } from '../../../platform/db/statements.ts';
import { claimedWithAnswers } from '../../../platform/http/idempotency.ts';
import { newGuestProfiles } from '../../customers/service.ts';
import type { Guest } from '../../customers/schema.ts';
import { reservationsIfAllFit } from '../../inventory/reservations.ts';
import { orderRows, orderWrites, placedView, reserveRequest, toWrite } from './rows.ts';
import type { BatchWrite, PreparedOrder, Written } from './types.ts';

/**
 * The batch in one statement, without a transaction (`writeIf`), when every order in it can be taken as placed: the
 * statement reserves the stock, creates the guests' profiles, writes the orders and stores the answers under their
 * Idempotency-Keys only if, when it runs, every level has the stock for the whole batch and every guest contact and
 * key is still free. Otherwise it writes nothing, and the batch goes to the transaction (in-transaction.ts), which
 * decides order by order. Not for orders with a promotion code (its uses are counted under lock, in arrival order, up
 * to its limit), nor for sales at the register, which capture and deduct after the write or check that the register
 * is still open under lock. One round trip instead of
 * four: begin, lock, write, commit.
 */
export async function placedAtOnce(db: Db, batch: PreparedOrder[], now: Date): Promise<Written[] | Exclude<BatchWrite, 'one_statement'>> {
  if (batch.some((order) => order.priced.promotion || order.shelfSale || order.request.input.registerId)) return 'transaction';
  const orders = batch.map(toWrite);
  const stock = reservationsIfAllFit(orders.map(reserveRequest));
  const guests = orders.filter((order) => order.prepared.customerId === undefined);
  const profiles = newGuestProfiles(guests.map((order) => order.prepared.request.input.customer as Guest));
  const guestProfiles = new Map(paired(guests, profiles.ids));
  const placed = orders.map((order) => {
    const rows = orderRows(order, order.prepared.customerId ?? present(guestProfiles.get(order), "a guest's new profile"), now);
    return { order, rows, outcome: { order: placedView(rows), replayed: false } };
  });
  const answers = claimedWithAnswers(placed.map(({ order, outcome }) => ({ claim: order.prepared.request.idempotency, status: 201, body: outcome.order })));
  const written = placed.map(({ order, outcome }): Written => ({ prepared: order.prepared, outcome }));
  try {
    // Checked, and so locked, in the transaction's order: keys, stock rows, then the guests' contacts.
    await writeIf(db, [answers, stock.guard, profiles.guard], [...stock.writes, ...orderWrites(placed.map(({ rows }) => rows))]);
    return written;
  } catch (error) {
    // The connection was lost: whether the statement committed is unknown. It wrote all or nothing, so the batch's
    // first order tells, asked on another connection: all placed, or none (every order answers 503, and the client's
    // retry with its Idempotency-Key finds its answer, or places it).
    if (isConnectionLost(error)) {
      const first = orders[0];
      return first && (await placedAfterAll(db, first.id)) ? written : written.map(({ prepared }) => ({ prepared, outcome: { error } }));
    }
    // Nothing was written: the transaction says which order fails, and why.
    return isConditionFailed(error) ? 'transaction' : 'transaction_after_error';
  }
}

/** Whether an order a lost statement was writing is there after all (false if that cannot be told either). */
async function placedAfterAll(db: Db, orderId: string): Promise<boolean> {
  try {
    return (await db.selectFrom('orders').select('id').where('id', '=', orderId).executeTakeFirst()) !== undefined;
  } catch {
    return false;
  }
}
