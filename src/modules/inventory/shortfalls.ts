import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { assertActsForLocation, type Principal } from '../../platform/auth/principal.ts';
import { insertRows } from '../../platform/db/statements.ts';
import { Conflict, NotFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { eventsInsert } from '../../platform/outbox.ts';
import { changeStock, keyOf, lockLevels, type StockKey } from './stock.ts';
import { availableToPromise } from './stock-rule.ts';
import type { ShortfallResolution, StockShortfallsTable } from './tables.ts';

/**
 * Stock shortfalls: units a register sold while offline (cash, from its own shelf) that the store's stock no longer
 * had when the sale reached Aisle, because another order took them meanwhile or the count was wrong. The money was
 * taken and the goods have left, so the sale is recorded whatever the stock says; the stock takes what it still has
 * (never below zero: the ledger only records what it can) and the rest waits here for the store to resolve:
 *  - found:       the units turn out to be in the store's stock after all (miscounted, or received since): they are
 *                 deducted now, as the sale's (refused if the stock still cannot cover them);
 *  - written_off: nothing to deduct (a count has already set the shelf right, or the units are lost), with a note.
 */

/** What the store's stock still covers of each offline sale's lines, in arrival order, and what it cannot. */
export interface OfflineCover {
  /** Per sale, per line: the units the stock covers (reserved and deducted as any shelf sale's). */
  covered: number[][];
}

/**
 * Locks the levels of every line of the batch (`batchKeys`, in key order, as the reservations that follow will; the
 * locks are the transaction's until commit) and shares what each level holds among the offline sales in arrival order:
 * a unit on hand and not promised to anyone (the safety stock is the shelf's too: the customer took the goods). The
 * caller reserves these first, before the batch's other orders.
 */
export async function coverOfflineSales(trx: Trx, batchKeys: StockKey[], sales: (StockKey & { quantity: number })[][]): Promise<OfflineCover> {
  const levels = await lockLevels(trx, batchKeys, { create: false });
  const taken = new Map<string, number>();
  const covered = sales.map((lines) =>
    lines.map((line) => {
      const key = keyOf(line.variantId, line.locationId);
      const level = levels.get(key);
      const free = level ? availableToPromise({ ...level, safetyStock: 0 }) - (taken.get(key) ?? 0) : 0;
      const units = Math.max(0, Math.min(line.quantity, free));
      taken.set(key, (taken.get(key) ?? 0) + units);
      return units;
    }),
  );
  return { covered };
}

/** A shortfall to record with its sale. */
export interface NewShortfall extends StockKey {
  sku: string;
  quantity: number;
  orderId: string;
  orderNumber: string;
  soldAt: Date;
}

const COLUMNS = {
  id: 'uuid',
  location_id: 'uuid',
  variant_id: 'uuid',
  quantity: 'int',
  order_id: 'uuid',
  order_number: 'text',
  sold_at: 'timestamptz',
  created_at: 'timestamptz',
};

/** The inserts of new shortfalls and their `stock.shortfall_recorded` events, to send with the sale's own writes. */
export function shortfallWrites(shortfalls: NewShortfall[], now: Date): (RawBuilder<unknown> | null)[] {
  const rows = shortfalls.map((shortfall) => ({ id: newId(), ...shortfall }));
  return [
    insertRows(
      'stock_shortfalls',
      COLUMNS,
      rows.map((row) => ({
        id: row.id,
        location_id: row.locationId,
        variant_id: row.variantId,
        quantity: row.quantity,
        order_id: row.orderId,
        order_number: row.orderNumber,
        sold_at: row.soldAt,
        created_at: now,
      })),
    ),
    eventsInsert(
      rows.map((row) => ({
        type: 'stock.shortfall_recorded' as const,
        subject: `stock:${row.variantId}:${row.locationId}`,
        payload: {
          shortfallId: row.id,
          locationId: row.locationId,
          variantId: row.variantId,
          sku: row.sku,
          quantity: row.quantity,
          orderId: row.orderId,
          orderNumber: row.orderNumber,
          soldAt: row.soldAt.toISOString(),
        },
      })),
    ),
  ];
}

export interface Shortfall {
  id: string;
  locationId: string;
  variantId: string;
  sku: string;
  quantity: number;
  orderId: string;
  orderNumber: string;
  soldAt: string;
  createdAt: string;
  status: 'open' | 'resolved';
  resolution: ShortfallResolution | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  note: string;
}

const toShortfall = (row: Selectable<StockShortfallsTable> & { sku: string }): Shortfall => ({
  id: row.id,
  locationId: row.location_id,
  variantId: row.variant_id,
  sku: row.sku,
  quantity: row.quantity,
  orderId: row.order_id,
  orderNumber: row.order_number,
  soldAt: row.sold_at.toISOString(),
  createdAt: row.created_at.toISOString(),
  status: row.resolved_at === null ? 'open' : 'resolved',
  resolution: row.resolution,
  resolvedAt: row.resolved_at?.toISOString() ?? null,
  resolvedBy: row.resolved_by,
  note: row.note,
});

const shortfallsWithSku = (db: Executor) =>
  db.selectFrom('stock_shortfalls').innerJoin('variants', 'variants.id', 'stock_shortfalls.variant_id').selectAll('stock_shortfalls').select('variants.sku');

/** A store's shortfalls: the open ones first (oldest first: the longest waiting), then the resolved (latest first). */
export async function listShortfalls(
  db: Executor,
  principal: Principal,
  locationId: string,
  query: { status?: 'open' | 'resolved' | undefined; limit: number },
): Promise<{ items: Shortfall[] }> {
  assertActsForLocation(principal, locationId);
  let select = shortfallsWithSku(db).where('stock_shortfalls.location_id', '=', locationId);
  if (query.status === 'open') select = select.where('stock_shortfalls.resolved_at', 'is', null);
  if (query.status === 'resolved') select = select.where('stock_shortfalls.resolved_at', 'is not', null);
  const rows = await select
    .orderBy(sql`stock_shortfalls.resolved_at is not null`)
    .orderBy(sql`case when stock_shortfalls.resolved_at is null then stock_shortfalls.created_at end`)
    .orderBy('stock_shortfalls.resolved_at', 'desc')
    .orderBy('stock_shortfalls.id')
    .limit(query.limit)
    .execute();
  return { items: rows.map(toShortfall) };
}

/** Resolves an open shortfall of the caller's store (see the top of this file for what each resolution does). */
export async function resolveShortfall(
  trx: Trx,
  principal: Principal,
  id: string,
  input: { resolution: ShortfallResolution; note: string },
  now = new Date(),
): Promise<Shortfall> {
  const row = await shortfallsWithSku(trx).where('stock_shortfalls.id', '=', id).forUpdate('stock_shortfalls').executeTakeFirst();
  // Another store's shortfall is not found (as its other objects are not).
  if (!row || (principal.role === 'store' && principal.locationId !== row.location_id)) throw new NotFound('Stock shortfall', id);
  assertActsForLocation(principal, row.location_id);
  if (row.resolved_at !== null) {
    throw new Conflict('shortfall-already-resolved', `Shortfall ${id} was already resolved (${row.resolution}).`, { resolution: row.resolution });
  }
  if (input.resolution === 'found') {
    await changeStock(
      trx,
      [
        {
          variantId: row.variant_id,
          locationId: row.location_id,
          kind: 'sale',
          quantity: row.quantity,
          onHand: -row.quantity,
          reason: 'offline sale: shortfall found',
          referenceType: 'order',
          referenceId: row.order_id,
        },
      ],
      principal.actor,
    );
  }
  const resolved = await trx
    .updateTable('stock_shortfalls')
    .set({ resolved_at: now, resolved_by: principal.actor, resolution: input.resolution, note: input.note })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toShortfall({ ...resolved, sku: row.sku });
}
