import type { Db, Trx } from '../../../platform/db/database.ts';
import { isConnectionLost } from '../../../platform/db/connection-errors.ts';
import { paired, present } from '../../../platform/batches.ts';
import { writeTogether } from '../../../platform/db/statements.ts';
import { answerIdempotencyKeys, claimIdempotencyKeys, releaseIdempotencyKeys } from '../../../platform/http/idempotency.ts';
import { retrying } from '../../../platform/http/unit-of-work.ts';
import { createGuests } from '../../customers/service.ts';
import type { Guest } from '../../customers/schema.ts';
import { decideReservations, deductReservation } from '../../inventory/reservations.ts';
import { coverOfflineSales, shortfallWrites, type NewShortfall } from '../../inventory/shortfalls.ts';
import { InsufficientStock, withSkus } from '../../inventory/stock.ts';
import { capturePayments, NO_PROVIDERS } from '../../payments/service.ts';
import { decidePromotionUses, promotionUsesWrites } from '../../pricing/promotion-uses.ts';
import { registerClosed } from '../../register/sessions.ts';
import { registersStillOpen } from '../../register/order-check.ts';
import { loadOrders } from '../read.ts';
import type { OrderView } from '../schema.ts';
import { orderRows, orderWrites, placedView, reserveRequest, toWrite, type OrderToWrite } from './rows.ts';
import type { OrderOutcome, PreparedOrder, Written } from './types.ts';

/**
 * The batch in one transaction that decides order by order (when the one statement of at-once.ts cannot be used or
 * did not hold); if the transaction fails as a whole, each order alone, so that one bad order fails only itself.
 */
export async function writeInBatches(db: Db, prepared: PreparedOrder[], now: Date): Promise<Written[]> {
  if (!prepared.length) return [];
  try {
    return await retrying(() => db.transaction().execute((trx) => writeOrders(trx, prepared, now)));
  } catch (error) {
    // A lost connection is not one bad order: the whole batch answers 503 (unknown whether the commit got through).
    if (prepared.length === 1 || isConnectionLost(error)) return prepared.map((order) => ({ prepared: order, outcome: { error } }));
    return (await Promise.all(prepared.map((order) => writeInBatches(db, [order], now)))).flat();
  }
}

/**
 * The offline sales among `orders` (cash, from the shelf, already handed over): the stock covers what it still has
 * (their lines then reserve, and deduct, only that), and the rest is a stock shortfall for the store to resolve, never
 * a refusal. Locks every level of the batch, in key order, as the reservations after it will.
 */
async function coverOfflineSalesOf(trx: Trx, orders: InWriting[]): Promise<NewShortfall[]> {
  const offline = orders.filter((order) => order.prepared.request.input.soldOfflineAt !== undefined);
  if (!offline.length) return [];
  const reserving = (order: InWriting) =>
    order.groups.flatMap(({ group, lines }) =>
      group.fulfilmentLocationId === null
        ? []
        : lines.flatMap((line) => (line.reservationId === null ? [] : [{ line, locationId: group.fulfilmentLocationId! }])),
    );
  const toKey = ({ line, locationId }: ReturnType<typeof reserving>[number]) => ({ variantId: line.variantId, locationId, quantity: line.quantity });
  const { covered } = await coverOfflineSales(
    trx,
    orders.flatMap((order) => reserving(order).map(toKey)),
    offline.map((order) => reserving(order).map(toKey)),
  );
  const shortfalls: NewShortfall[] = [];
  for (const [order, units] of paired(offline, covered)) {
    const soldAt = new Date(order.prepared.request.input.soldOfflineAt!);
    order.shortfalls = [];
    for (const [{ line, locationId }, cover] of paired(reserving(order), units)) {
      if (cover >= line.quantity) continue;
      const missing = line.quantity - cover;
      shortfalls.push({
        variantId: line.variantId,
        locationId,
        sku: line.sku,
        quantity: missing,
        orderId: order.id,
        orderNumber: order.prepared.number,
        soldAt,
      });
      order.shortfalls.push({ sku: line.sku, quantity: missing });
      if (cover === 0) line.reservationId = null;
      else line.reserveQuantity = cover;
    }
  }
  return shortfalls;
}

/** An order in the transaction, with what became of it once decided. */
type InWriting = OrderToWrite & { outcome?: OrderOutcome; claimed: boolean; promotionCounted: boolean };

/**
 * Idempotency-Keys first (a retry finds the answer stored), then promotion uses in arrival order up to each code's
 * limit, then stock: one locking read for every line of the batch, decided in memory (an order is reserved whole or
 * not at all). The orders still standing are written with their reservations, new guest profiles and promotion uses
 * in one statement. An order short of stock or of promotion uses gets its 409 alone.
 */
async function writeOrders(trx: Trx, batch: PreparedOrder[], now: Date): Promise<Written[]> {
  const claims = await claimIdempotencyKeys(
    trx,
    batch.map((order) => order.request.idempotency),
  );
  const orders: InWriting[] = paired(batch, claims).map(([prepared, claim]) => ({
    ...toWrite(prepared),
    claimed: claim === 'claimed',
    promotionCounted: false,
    outcome: claim === 'claimed' ? undefined : claim instanceof Error ? { error: claim } : { order: claim.body as OrderView, replayed: true },
  }));
  const live = () => orders.filter((order) => order.outcome === undefined);

  // Sales at a register: its session still open, and kept open until the commit (a close waits for them).
  const atRegisters = live().flatMap((order) => (order.prepared.request.input.registerId ? [order] : []));
  if (atRegisters.length) {
    const open = await registersStillOpen(
      trx,
      atRegisters.map((order) => order.prepared.request.input.registerId!),
    );
    for (const order of atRegisters) {
      const registerId = order.prepared.request.input.registerId!;
      if (!open.has(registerId)) order.outcome = { error: registerClosed(registerId) };
    }
  }

  // Promotion uses, in arrival order, up to each code's limit (the rows stay locked until commit).
  const uses = await decidePromotionUses(
    trx,
    live().flatMap((order) => (order.prepared.priced.promotion ? [{ promotionId: order.prepared.priced.promotion.id, order }] : [])),
  );
  for (const { order } of uses.granted) order.promotionCounted = true;
  for (const { use, problem } of uses.refused) use.order.outcome = { error: problem };

  // Offline sales first: their goods have left with the customer (stock.ts never lets a level go negative).
  const shortfalls = await coverOfflineSalesOf(trx, live());
  const isOffline = (order: InWriting) => order.prepared.request.input.soldOfflineAt !== undefined;

  // Stock: the writes go with the orders' own.
  const reserving = [...live().filter(isOffline), ...live().filter((order) => !isOffline(order))];
  const { outcomes: grants, writes: stockWrites } = await decideReservations(trx, reserving.map(reserveRequest));
  const short = paired(reserving, grants).flatMap(([order, grant]) => ('shortages' in grant ? [{ order, shortages: grant.shortages }] : []));
  if (short.length) {
    const named = await withSkus(
      trx,
      short.flatMap(({ shortages }) => shortages),
    );
    let at = 0;
    for (const { order, shortages } of short) {
      order.outcome = { error: new InsufficientStock(named.slice(at, at + shortages.length)) };
      at += shortages.length;
    }
  }

  const placing = live();
  if (placing.length) {
    // New profiles for the guests nobody knew, of the orders placed only: a refused order leaves nothing behind.
    const guests = placing.filter((order) => order.prepared.customerId === undefined);
    const created = new Map(
      paired(
        guests,
        await createGuests(
          trx,
          guests.map((order) => order.prepared.request.input.customer as Guest),
        ),
      ),
    );
    const placed = placing.map((order) => ({
      order,
      rows: orderRows(order, order.prepared.customerId ?? present(created.get(order), "a guest's new profile"), now),
    }));
    await writeTogether(trx, [
      ...stockWrites,
      ...orderWrites(placed.map(({ rows }) => rows)),
      ...shortfallWrites(
        shortfalls.filter((shortfall) => placing.some((order) => order.id === shortfall.orderId)),
        now,
      ),
      ...promotionUsesWrites(
        placing.flatMap((order) =>
          order.promotionCounted && order.prepared.priced.promotion ? [{ promotionId: order.prepared.priced.promotion.id, reference: order.id }] : [],
        ),
      ),
    ]);
    // Goods on the shelf, paid at the counter: they leave with the customer now.
    const shelfSales = placing.filter((order) => order.prepared.shelfSale);
    for (const order of shelfSales) {
      const { actor } = order.prepared.request.principal;
      await capturePayments(trx, order.id, 'all', actor, { at: 'pickup', providers: NO_PROVIDERS });
      for (const { lines } of order.groups)
        for (const line of lines) if (line.reservationId) await deductReservation(trx, line.reservationId, actor, 'register sale');
    }
    // The answers are the rows just written (a shelf sale's payments have moved on since: read them back).
    const settled = new Map(
      (
        await loadOrders(
          trx,
          shelfSales.map((order) => order.id),
        )
      ).map((view) => [view.id, view]),
    );
    const answers = placed.map(({ order, rows }) => {
      const view = settled.get(order.id) ?? placedView(rows);
      order.outcome = { order: view, replayed: false };
      return { claim: order.prepared.request.idempotency, status: 201, body: view };
    });
    await answerIdempotencyKeys(trx, answers);
  }
  // A refused order stores nothing under its key, so that it can be sent again with the same one.
  await releaseIdempotencyKeys(
    trx,
    orders.map((order) => (order.claimed && order.outcome && 'error' in order.outcome ? order.prepared.request.idempotency : undefined)),
  );
  return orders.map((order) => ({ prepared: order.prepared, outcome: present(order.outcome, "an order's outcome") }));
}
