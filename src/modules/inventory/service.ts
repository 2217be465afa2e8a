import { sql } from 'kysely';
import { assertActsForLocation, type Principal } from '../../platform/auth/principal.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { isUuid } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { Forbidden, InvalidInput } from '../../platform/errors.ts';
import { publish } from '../../platform/outbox.ts';
import type { Reservation } from './reservations.ts';
import { assertLocations, resolveSkus } from './skus.ts';
import { changeStock, keyOf, lockLevels, readLevels, toLevel, type Level, type StockChange } from './stock.ts';
import { stockChangedEventsOf } from './stock-events.ts';

/** The everyday stock operations of a location: receive, sell at the register, adjust, count, write off damage. */

interface Reference {
  type: string;
  id: string;
}
interface Line {
  sku: string;
  quantity: number;
}

async function skuNames(db: Executor, variantIds: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(variantIds)];
  const rows = unique.length ? await db.selectFrom('variants').select(['id', 'sku']).where('id', 'in', unique).execute() : [];
  return new Map(rows.map((row) => [row.id, row.sku]));
}

export async function withSku(db: Executor, levels: Level[]) {
  const skus = await skuNames(
    db,
    levels.map((level) => level.variantId),
  );
  return levels.map((level) => ({ sku: skus.get(level.variantId)!, ...level }));
}

export async function reservationsWithSku(db: Executor, reservations: Reservation[]) {
  const skus = await skuNames(
    db,
    reservations.map((reservation) => reservation.variantId),
  );
  return reservations.map((reservation) => ({ ...reservation, sku: skus.get(reservation.variantId)! }));
}

async function linesToChanges(trx: Trx, locationId: string, lines: Line[], toChange: (variantId: string, line: Line) => StockChange) {
  await assertLocations(trx, [locationId], () => 'body.locationId');
  const ids = await resolveSkus(
    trx,
    lines.map((line) => line.sku),
    (index) => `body.lines.${index}.sku`,
  );
  return lines.map((line) => toChange(ids.get(line.sku)!, line));
}

async function applied(trx: Trx, changes: StockChange[], actor: string) {
  const levels = await changeStock(trx, changes, actor);
  return { levels: await withSku(trx, [...levels.values()]) };
}

/** Goods arrive (a delivery without an expected receipt, a found item): on hand goes up. */
export async function receiveStock(trx: Trx, input: { locationId: string; lines: Line[]; reason: string; reference?: Reference | undefined }, actor: string) {
  const changes = await linesToChanges(trx, input.locationId, input.lines, (variantId, line) => ({
    variantId,
    locationId: input.locationId,
    kind: 'receipt',
    quantity: line.quantity,
    onHand: line.quantity,
    reason: input.reason,
    referenceType: input.reference?.type ?? '',
    referenceId: input.reference?.id ?? '',
  }));
  return applied(trx, changes, actor);
}

/**
 * A register sale of goods on the shelf: deducted at once. It may use the safety stock (the customer holds the item)
 * but never a unit reserved for another order.
 */
export async function sellFromShelf(trx: Trx, input: { locationId: string; lines: Line[]; reference?: Reference | undefined }, actor: string) {
  const changes = await linesToChanges(trx, input.locationId, input.lines, (variantId, line) => ({
    variantId,
    locationId: input.locationId,
    kind: 'sale',
    quantity: line.quantity,
    onHand: -line.quantity,
    reason: 'register sale',
    referenceType: input.reference?.type ?? '',
    referenceId: input.reference?.id ?? '',
  }));
  return applied(trx, changes, actor);
}

export async function adjustStock(trx: Trx, input: { locationId: string; sku: string; quantity: number; reason: string }, actor: string) {
  const changes = await linesToChanges(trx, input.locationId, [{ sku: input.sku, quantity: input.quantity }], (variantId) => ({
    variantId,
    locationId: input.locationId,
    kind: 'adjustment',
    quantity: input.quantity,
    onHand: input.quantity,
    reason: input.reason,
  }));
  return applied(trx, changes, actor);
}

/** Damaged or unsellable units leave on hand and are kept apart as damaged. */
export async function recordDamage(trx: Trx, input: { locationId: string; sku: string; quantity: number; reason: string }, actor: string) {
  const changes = await linesToChanges(trx, input.locationId, [{ sku: input.sku, quantity: input.quantity }], (variantId) => ({
    variantId,
    locationId: input.locationId,
    kind: 'damage',
    quantity: input.quantity,
    onHand: -input.quantity,
    damaged: input.quantity,
    reason: input.reason,
  }));
  return applied(trx, changes, actor);
}

/** A cycle count: on hand becomes what was counted, with one `count` movement per SKU that differed. */
export async function countStock(trx: Trx, input: { locationId: string; lines: { sku: string; counted: number }[]; reason: string }, actor: string) {
  await assertLocations(trx, [input.locationId], () => 'body.locationId');
  const ids = await resolveSkus(
    trx,
    input.lines.map((line) => line.sku),
    (index) => `body.lines.${index}.sku`,
  );
  const seen = new Set<string>();
  input.lines.forEach((line, index) => {
    if (seen.has(line.sku)) throw new InvalidInput([{ field: `body.lines.${index}.sku`, message: `SKU ${line.sku} is counted twice` }]);
    seen.add(line.sku);
  });
  const keys = input.lines.map((line) => ({ variantId: ids.get(line.sku)!, locationId: input.locationId }));
  const levels = await lockLevels(trx, keys, { create: true });
  const changes: StockChange[] = input.lines.flatMap((line) => {
    const variantId = ids.get(line.sku)!;
    const difference = line.counted - levels.get(keyOf(variantId, input.locationId))!.onHand;
    return difference === 0
      ? []
      : [{ variantId, locationId: input.locationId, kind: 'count' as const, quantity: line.counted, onHand: difference, reason: input.reason }];
  });
  await changeStock(trx, changes, actor);
  return { levels: await withSku(trx, [...(await readLevels(trx, keys)).values()]) };
}

/** Safety stock: the location default (no SKU) or one SKU's override; `null` removes the override. */
export async function setSafetyStock(trx: Trx, input: { locationId: string; sku?: string | undefined; quantity: number | null }) {
  await assertLocations(trx, [input.locationId], () => 'body.locationId');
  if (input.sku === undefined) {
    if (input.quantity === null) throw new InvalidInput([{ field: 'body.quantity', message: 'a location default cannot be null' }]);
    await trx.updateTable('locations').set({ safety_stock: input.quantity, updated_at: new Date() }).where('id', '=', input.locationId).execute();
    await publish(trx, [
      { type: 'stock.safety_stock_changed', subject: `location:${input.locationId}`, payload: { locationId: input.locationId, safetyStock: input.quantity } },
    ]);
    return { levels: [] };
  }
  const ids = await resolveSkus(trx, [input.sku], () => 'body.sku');
  const key = { variantId: ids.get(input.sku)!, locationId: input.locationId };
  const before = (await lockLevels(trx, [key], { create: true })).get(keyOf(key.variantId, key.locationId))!;
  await trx
    .updateTable('stock_levels')
    .set({ safety_stock: input.quantity })
    .where('variant_id', '=', key.variantId)
    .where('location_id', '=', key.locationId)
    .execute();
  const after = (await readLevels(trx, [key])).get(keyOf(key.variantId, key.locationId))!;
  if (after.available !== before.available) {
    await stockChangedEventsOf([{ ...after, availableBefore: before.available }])?.execute(trx);
  }
  return { levels: await withSku(trx, [after]) };
}

/**
 * Stock is shared: admins and store staff (who send a customer to the store that has it) see every location. A channel
 * key sees the locations its channel sells or fulfils from, not the rest of the retailer's network.
 */
export async function listLevels(
  db: Executor,
  principal: Principal,
  query: { sku?: string | undefined; locationId?: string | undefined; limit: number; cursor?: string | undefined },
) {
  const channelId = principal.role === 'channel' ? principal.channelId! : undefined;
  if (channelId !== undefined && query.locationId !== undefined) {
    const served = await db
      .selectFrom('channel_locations')
      .select('location_id')
      .where('channel_id', '=', channelId)
      .where('location_id', '=', query.locationId)
      .where((eb) => eb.or([eb('sells', '=', true), eb('fulfils', '=', true)]))
      .executeTakeFirst();
    if (!served) throw new Forbidden(`Channel ${channelId} neither sells nor fulfils from location ${query.locationId}.`);
  }
  const variantId = query.sku === undefined ? undefined : (await resolveSkus(db, [query.sku], () => 'query.sku')).get(query.sku)!;
  const after = decodeCursor(query.cursor, (key) => key.split('|').length === 2 && key.split('|').every(isUuid));
  const { rows } = await sql<{
    variant_id: string;
    location_id: string;
    on_hand: number;
    reserved: number;
    damaged: number;
    incoming: number;
    safety_stock: number;
  }>`
    select s.variant_id, s.location_id, s.on_hand, s.reserved, s.damaged, s.incoming, effective_safety_stock(s.safety_stock, l.safety_stock) as safety_stock
    from stock_levels s join locations l on l.id = s.location_id
    where true
    ${variantId ? sql`and s.variant_id = ${variantId}` : sql``}
    ${query.locationId ? sql`and s.location_id = ${query.locationId}` : sql``}
    ${channelId ? sql`and s.location_id in (select location_id from channel_locations where channel_id = ${channelId} and (sells or fulfils))` : sql``}
    ${after ? sql`and (s.variant_id, s.location_id) > (${after.split('|')[0]}::uuid, ${after.split('|')[1]}::uuid)` : sql``}
    order by s.variant_id, s.location_id
    limit ${query.limit + 1}`.execute(db);
  const page = toPage(rows, query.limit, (row) => keyOf(row.variant_id, row.location_id), toLevel);
  return { items: await withSku(db, page.items), nextCursor: page.nextCursor };
}

/** The ledger of one SKU at one location, newest first. */
export async function listMovements(
  db: Executor,
  principal: Principal,
  query: { sku: string; locationId: string; limit: number; cursor?: string | undefined },
) {
  // A store's ledger (who moved what, sales, counts, losses) is its own: staff read their store's only.
  assertActsForLocation(principal, query.locationId);
  const variantId = (await resolveSkus(db, [query.sku], () => 'query.sku')).get(query.sku)!;
  const before = decodeCursor(query.cursor, (key) => /^\d{1,18}$/.test(key));
  const rows = await db
    .selectFrom('stock_movements')
    .selectAll()
    .where('variant_id', '=', variantId)
    .where('location_id', '=', query.locationId)
    .$if(before !== undefined, (q) => q.where('id', '<', Number(before)))
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(
    rows,
    query.limit,
    (row) => String(row.id),
    (row) => ({
      id: row.id,
      kind: row.kind,
      quantity: row.quantity,
      onHandChange: row.on_hand_change,
      reservedChange: row.reserved_change,
      damagedChange: row.damaged_change,
      incomingChange: row.incoming_change,
      reason: row.reason,
      referenceType: row.reference_type,
      referenceId: row.reference_id,
      actor: row.actor,
      createdAt: row.created_at.toISOString(),
    }),
  );
}
