import { sql, type Selectable } from 'kysely';
import { assertActsForLocation, type Principal } from '../../platform/auth/principal.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import type { IncomingStockTable } from './tables.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage, type Page } from '../../platform/http/pagination.ts';
import { NotFound, RuleViolation } from '../../platform/errors.ts';
import { assertLocations, resolveSkus } from './skus.ts';
import { changeStock } from './stock.ts';
import type { ExpectedPurchase, ExpectedReceipt } from './transfer-schema.ts';

/**
 * Expected receipts: goods a supplier has confirmed for a date. They count as incoming at the location from the
 * moment they are announced, so routing can promise from them, and become on hand as they are unpacked.
 */

type IncomingRow = Selectable<IncomingStockTable> & { sku: string };

const remainingOf = (row: Pick<IncomingRow, 'status' | 'quantity' | 'received'>) => (row.status === 'open' ? row.quantity - row.received : 0);

function toExpectedReceipt(row: IncomingRow): ExpectedReceipt {
  return {
    id: row.id,
    sku: row.sku,
    variantId: row.variant_id,
    locationId: row.location_id,
    source: row.source,
    reference: row.reference_id,
    quantity: row.quantity,
    received: row.received,
    remaining: remainingOf(row),
    expectedAt: row.expected_at?.toISOString() ?? null,
    status: row.status,
    createdAt: row.created_at.toISOString(),
  };
}

const selectIncoming = (db: Executor) => db.selectFrom('incoming_stock as i').innerJoin('variants as v', 'v.id', 'i.variant_id').selectAll('i').select('v.sku');

export async function expectPurchase(trx: Trx, principal: Principal, input: ExpectedPurchase): Promise<ExpectedReceipt[]> {
  assertActsForLocation(principal, input.locationId);
  await assertLocations(trx, [input.locationId], () => 'body.locationId');
  const variantIds = await resolveSkus(
    trx,
    input.lines.map((line) => line.sku),
    (index) => `body.lines.${index}.sku`,
  );
  const rows = input.lines.map((line) => ({
    id: newId(),
    variant_id: variantIds.get(line.sku)!,
    location_id: input.locationId,
    source: 'purchase' as const,
    reference_id: input.reference,
    quantity: line.quantity,
    expected_at: input.expectedAt,
  }));
  await changeStock(
    trx,
    rows.map((row) => ({
      variantId: row.variant_id,
      locationId: row.location_id,
      kind: 'incoming',
      quantity: row.quantity,
      incoming: row.quantity,
      referenceType: 'expected_receipt',
      referenceId: row.id,
      reason: `purchase order ${input.reference}`,
    })),
    principal.actor,
  );
  await trx.insertInto('incoming_stock').values(rows).execute();
  const created = await selectIncoming(trx)
    .where(
      'i.id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('i.id')
    .execute();
  return created.map(toExpectedReceipt);
}

/** Locks an expected purchase receipt the caller may act on and that is still open. */
async function lockOpenPurchase(trx: Trx, principal: Principal, id: string, action: 'receive' | 'cancel'): Promise<IncomingRow> {
  const row = await selectIncoming(trx).where('i.id', '=', id).forUpdate('i').executeTakeFirst();
  // Another store's expected deliveries answer 404, as ones that do not exist.
  if (!row || (principal.role === 'store' && row.location_id !== principal.locationId)) throw new NotFound('Expected receipt', id);
  // A transfer's incoming stock is received through the transfer, which keeps its lines in step.
  if (row.source === 'transfer') {
    throw new RuleViolation('managed-by-transfer', `This incoming stock belongs to transfer ${row.reference_id}; use the transfer's ${action} instead.`, {
      transferId: row.reference_id,
    });
  }
  if (row.status !== 'open')
    throw new RuleViolation('invalid-transition', `An expected receipt that is ${row.status} cannot be ${action === 'receive' ? 'received' : 'cancelled'}.`, {
      state: row.status,
    });
  return row;
}

/** Units of an expected receipt unpacked at the location; the rest stays expected. */
export async function receivePurchase(trx: Trx, principal: Principal, id: string, quantity: number): Promise<ExpectedReceipt> {
  const row = await lockOpenPurchase(trx, principal, id, 'receive');
  const remaining = remainingOf(row);
  if (quantity > remaining) {
    throw new RuleViolation('over-receipt', `${quantity} received but only ${remaining} of ${row.sku} are still expected.`, {
      sku: row.sku,
      receiving: quantity,
      outstanding: remaining,
    });
  }
  await changeStock(
    trx,
    [
      {
        variantId: row.variant_id,
        locationId: row.location_id,
        kind: 'receipt',
        quantity,
        onHand: quantity,
        incoming: -quantity,
        referenceType: 'expected_receipt',
        referenceId: row.id,
        reason: `purchase order ${row.reference_id}`,
      },
    ],
    principal.actor,
  );
  const received = row.received + quantity;
  const updated = await trx
    .updateTable('incoming_stock')
    .set({ received, status: received === row.quantity ? 'closed' : 'open' })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toExpectedReceipt({ ...updated, sku: row.sku });
}

/** The supplier will not deliver what is still expected; whatever already arrived stays on hand. */
export async function cancelPurchase(trx: Trx, principal: Principal, id: string): Promise<ExpectedReceipt> {
  const row = await lockOpenPurchase(trx, principal, id, 'cancel');
  const remaining = remainingOf(row);
  await changeStock(
    trx,
    [
      {
        variantId: row.variant_id,
        locationId: row.location_id,
        kind: 'incoming_cancelled',
        quantity: remaining,
        incoming: -remaining,
        referenceType: 'expected_receipt',
        referenceId: row.id,
        reason: `purchase order ${row.reference_id} cancelled`,
      },
    ],
    principal.actor,
  );
  const updated = await trx.updateTable('incoming_stock').set({ status: 'cancelled' }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return toExpectedReceipt({ ...updated, sku: row.sku });
}

export interface IncomingFilter {
  limit: number;
  cursor?: string | undefined;
  sku?: string | undefined;
  locationId?: string | undefined;
  status?: ExpectedReceipt['status'] | undefined;
}

/** Purchases and shipped transfers on their way, oldest announcement first. */
/** Store staff see what is on its way to their store (naming another store is a 403); admins see everything. */
export async function listIncoming(db: Executor, principal: Principal, filter: IncomingFilter): Promise<Page<ExpectedReceipt>> {
  if (filter.locationId !== undefined) assertActsForLocation(principal, filter.locationId);
  const store = principal.role === 'store' ? principal.locationId! : undefined;
  const after = decodeCursor(filter.cursor);
  const rows = await selectIncoming(db)
    .$if(after !== undefined, (q) => q.where('i.id', '>', after!))
    .$if(filter.sku !== undefined, (q) => q.where('v.sku', '=', filter.sku!))
    .$if(filter.locationId !== undefined, (q) => q.where('i.location_id', '=', filter.locationId!))
    .$if(store !== undefined, (q) => q.where('i.location_id', '=', store!))
    .$if(filter.status !== undefined, (q) => q.where('i.status', '=', filter.status!))
    .orderBy('i.id')
    .limit(filter.limit + 1)
    .execute();
  return toPage(rows, filter.limit, (row) => row.id, toExpectedReceipt);
}

export interface IncomingArrival {
  id: string;
  variantId: string;
  locationId: string;
  source: 'purchase' | 'transfer';
  reference: string;
  /** Units still on their way. */
  quantity: number;
  /** Null for a transfer shipped without a date: nothing can be promised from it. */
  expectedAt: Date | null;
}

/**
 * The stock still on its way to each SKU × location, earliest expected first (undated last), so that a promise
 * date can be read off by walking the list until the quantity wanted is covered.
 */
export async function incomingFor(db: Executor, variantIds: string[], locationIds?: string[]): Promise<IncomingArrival[]> {
  if (!variantIds.length || locationIds?.length === 0) return [];
  const rows = await db
    .selectFrom('incoming_stock')
    .select(['id', 'variant_id', 'location_id', 'source', 'reference_id', 'quantity', 'received', 'expected_at'])
    .where('status', '=', sql.lit('open')) // a literal: the generic plan uses the partial index incoming_stock_key
    .where('variant_id', 'in', variantIds)
    .$if(locationIds !== undefined, (q) => q.where('location_id', 'in', locationIds!))
    .orderBy(sql`expected_at asc nulls last`)
    .orderBy('variant_id')
    .orderBy('location_id')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    variantId: row.variant_id,
    locationId: row.location_id,
    source: row.source,
    reference: row.reference_id,
    quantity: row.quantity - row.received,
    expectedAt: row.expected_at,
  }));
}
