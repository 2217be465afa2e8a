import { randomInt } from 'node:crypto';
import { sql, type RawBuilder, type Selectable } from 'kysely';
import { assertActsForLocation, type Principal } from '../../platform/auth/principal.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import type { TransfersTable } from './tables.ts';
import { newId } from '../../platform/ids.ts';
import { insertRows } from '../../platform/db/statements.ts';
import { decodeCursor, toPage, type Page } from '../../platform/http/pagination.ts';
import { NotFound, RuleViolation } from '../../platform/errors.ts';
import { publish } from '../../platform/outbox.ts';
import { assertLocations, resolveSkus } from './skus.ts';
import { changeStock, type StockChange } from './stock.ts';
import { move } from '../../platform/state-machine.ts';
import { TRANSFER_MACHINE, type TransferStatus } from './transfer-machine.ts';
import type { NewTransfer, Transfer, TransferReceipt } from './transfer-schema.ts';

/**
 * A transfer moves goods between two locations: a draft is prepared, shipping takes the units off the source's
 * shelves and shows them as incoming at the destination, receiving (in as many deliveries as it takes) puts them on
 * the destination's shelves.
 * Over 300 lines: one job, a transfer's life (its states, drafts made for orders, shipping, receiving, cancelling) and
 * its reads; the reads (`getTransfer`, `listTransfers`) are what would go to a file of their own next.
 */

// Crockford's base32: no I, L, O or U, so a number read out over the phone is not misheard.
const DIGITS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const EPOCH = Date.UTC(2020, 0, 1);

/** TR-<seconds since 2020, 7 digits>-<4 random digits>: sorts by creation, and two counters never need to agree. */
export function transferNumber(now = Date.now()): string {
  let seconds = Math.floor((now - EPOCH) / 1000);
  let time = '';
  for (let i = 0; i < 7; i++, seconds = Math.floor(seconds / 32)) time = DIGITS[seconds % 32] + time;
  let random = '';
  for (let i = 0; i < 4; i++) random += DIGITS[randomInt(32)];
  return `TR-${time}-${random}`;
}

/**
 * A draft transfer made for another module's purpose (ship to store: the goods of an order travel to its pickup
 * store), written by that module with its own rows: in the same statement or transaction (`draftTransfersWrites`).
 * The same SKU on several lines travels as one line.
 */
export function draftTransfer(input: {
  number: string;
  fromLocationId: string;
  toLocationId: string;
  expectedAt: Date | null;
  note: string;
  createdBy: string;
  createdAt: Date;
  lines: { variantId: string; quantity: number }[];
}) {
  const quantities = new Map<string, number>();
  for (const line of input.lines) quantities.set(line.variantId, (quantities.get(line.variantId) ?? 0) + line.quantity);
  const id = newId();
  return {
    row: {
      id,
      number: input.number,
      from_location_id: input.fromLocationId,
      to_location_id: input.toLocationId,
      status: 'draft' as TransferStatus,
      expected_at: input.expectedAt,
      note: input.note,
      created_by: input.createdBy,
      created_at: input.createdAt,
    },
    lines: [...quantities].map(([variantId, quantity]) => ({ transfer_id: id, variant_id: variantId, quantity })),
  };
}
export type DraftTransfer = ReturnType<typeof draftTransfer>;

const DRAFT_COLUMNS = {
  id: 'uuid',
  number: 'text',
  from_location_id: 'uuid',
  to_location_id: 'uuid',
  status: 'text',
  expected_at: 'timestamptz',
  note: 'text',
  created_by: 'text',
  created_at: 'timestamptz',
};

/** The inserts of draft transfers, to send with the caller's own writes. */
export function draftTransfersWrites(drafts: DraftTransfer[]): (RawBuilder<unknown> | null)[] {
  return [
    insertRows(
      'transfers',
      DRAFT_COLUMNS,
      drafts.map((draft) => draft.row),
    ),
    insertRows(
      'transfer_lines',
      { transfer_id: 'uuid', variant_id: 'uuid', quantity: 'int' },
      drafts.flatMap((draft) => draft.lines),
    ),
  ];
}

type TransferRow = Selectable<TransfersTable>;
type Line = Transfer['lines'][number];

/**
 * A module whose goods travel on a transfer made for it: ship to store (orders/ship-to-store.ts). Inventory calls it
 * in the transfer's own transaction when the transfer moves, and knows nothing else of it. The composition root
 * (src/policies.ts) chooses it and the transfer routes pass it in.
 */
export interface TransferFollower {
  /** The transfer is leaving: the reservations at the source that set its units aside (they are deducted with it). */
  leaving(trx: Trx, transfer: TransferRow, actor: string): Promise<string[]>;
  /** Units have arrived at the destination and are on its shelves (`received` per line); `complete` when all have. */
  arrived(trx: Trx, transfer: TransferRow, complete: boolean, actor: string): Promise<void>;
  /** Someone asks to cancel the transfer: a follower that still needs the goods refuses (throws). */
  cancelling(trx: Trx, transfer: TransferRow): Promise<void>;
}

function toTransfer(row: TransferRow, lines: Line[]): Transfer {
  return {
    id: row.id,
    number: row.number,
    fromLocationId: row.from_location_id,
    toLocationId: row.to_location_id,
    status: row.status,
    expectedAt: row.expected_at?.toISOString() ?? null,
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    shippedAt: row.shipped_at?.toISOString() ?? null,
    receivedAt: row.received_at?.toISOString() ?? null,
    lines,
  };
}

async function linesOf(db: Executor, transferIds: string[]): Promise<Map<string, Line[]>> {
  const byTransfer = new Map<string, Line[]>(transferIds.map((id) => [id, []]));
  if (!transferIds.length) return byTransfer;
  const rows = await db
    .selectFrom('transfer_lines as l')
    .innerJoin('variants as v', 'v.id', 'l.variant_id')
    .select(['l.transfer_id', 'l.variant_id', 'l.quantity', 'l.received', 'v.sku'])
    .where('l.transfer_id', 'in', transferIds)
    .orderBy('v.sku')
    .execute();
  for (const row of rows) byTransfer.get(row.transfer_id)!.push({ sku: row.sku, variantId: row.variant_id, quantity: row.quantity, received: row.received });
  return byTransfer;
}

async function withLines(db: Executor, row: TransferRow): Promise<Transfer> {
  return toTransfer(row, (await linesOf(db, [row.id])).get(row.id)!);
}

/** Store staff prepare and see the transfers that leave or reach their own store. */
function assertActsForEitherEnd(principal: Principal, fromLocationId: string, toLocationId: string) {
  if (principal.role === 'store' && principal.locationId === fromLocationId) return;
  assertActsForLocation(principal, toLocationId);
}

/**
 * Store staff see only the transfers that leave or reach their store; any other answers 404, as one that does not
 * exist. (Acting on the wrong end of a transfer they see, such as shipping one that comes to them, is a 403.)
 */
function assertMaySeeTransfer(principal: Principal, row: TransferRow) {
  if (principal.role === 'store' && principal.locationId !== row.from_location_id && principal.locationId !== row.to_location_id) {
    throw new NotFound('Transfer', row.id);
  }
}

/** The transfer, locked until the transaction ends: two clerks shipping the same transfer are served one after the other. */
async function lockTransfer(trx: Trx, principal: Principal | null, id: string): Promise<TransferRow> {
  const row = await trx.selectFrom('transfers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new NotFound('Transfer', id);
  if (principal) assertMaySeeTransfer(principal, row);
  return row;
}

type TransferMove = (typeof TRANSFER_MACHINE.moves)[number];

/** Applies a move of the machine (transfer-machine.ts) decided earlier: the new status, and the event the move emits. */
async function moveTo(trx: Trx, row: TransferRow, step: TransferMove, times: { shippedAt?: boolean; receivedAt?: boolean } = {}): Promise<Transfer> {
  const status = step.to;
  const updated = await trx
    .updateTable('transfers')
    .set({ status, ...(times.shippedAt ? { shipped_at: new Date() } : {}), ...(times.receivedAt ? { received_at: new Date() } : {}) })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const transfer = await withLines(trx, updated);
  if (step.emits)
    await publish(trx, [
      {
        type: step.emits,
        subject: `transfer:${row.id}`,
        payload: { id: row.id, number: row.number, status, fromLocationId: row.from_location_id, toLocationId: row.to_location_id, lines: transfer.lines },
      },
    ]);
  return transfer;
}

const referenceOf = (row: TransferRow, reason: string) => ({ referenceType: 'transfer', referenceId: row.id, reason: `${reason} ${row.number}` });

export async function createTransfer(trx: Trx, principal: Principal, input: NewTransfer): Promise<Transfer> {
  assertActsForEitherEnd(principal, input.fromLocationId, input.toLocationId);
  await assertLocations(trx, [input.fromLocationId, input.toLocationId], (index) => (index === 0 ? 'body.fromLocationId' : 'body.toLocationId'));
  const variantIds = await resolveSkus(
    trx,
    input.lines.map((line) => line.sku),
    (index) => `body.lines.${index}.sku`,
  );
  let row: TransferRow | undefined;
  // A number drawn twice in the same second is drawn again; the unique index is the arbiter between processes.
  for (let attempt = 0; !row; attempt++) {
    if (attempt === 5) throw new Error('could not draw a free transfer number');
    row = await trx
      .insertInto('transfers')
      .values({
        id: newId(),
        number: transferNumber(),
        from_location_id: input.fromLocationId,
        to_location_id: input.toLocationId,
        expected_at: input.expectedAt ?? null,
        note: input.note,
        created_by: principal.actor,
      })
      .onConflict((conflict) => conflict.column('number').doNothing())
      .returningAll()
      .executeTakeFirst();
  }
  await trx
    .insertInto('transfer_lines')
    .values(input.lines.map((line) => ({ transfer_id: row.id, variant_id: variantIds.get(line.sku)!, quantity: line.quantity })))
    .execute();
  return withLines(trx, row);
}

/** The units leave the source now (never units promised to someone else) and are on their way to the destination. */
export async function shipTransfer(trx: Trx, principal: Principal, id: string, follower: TransferFollower): Promise<Transfer> {
  const row = await lockTransfer(trx, principal, id);
  assertActsForLocation(principal, row.from_location_id);
  const next = move(TRANSFER_MACHINE, row.status, 'ship');
  const lines = await trx.selectFrom('transfer_lines').selectAll().where('transfer_id', '=', id).execute();
  const setAside = await deductSetAside(trx, row, await follower.leaving(trx, row, principal.actor));
  const reference = referenceOf(row, 'transfer');
  await changeStock(
    trx,
    lines.flatMap((line): StockChange[] => [
      {
        variantId: line.variant_id,
        locationId: row.from_location_id,
        kind: 'transfer_out',
        quantity: line.quantity,
        onHand: -line.quantity,
        reserved: -Math.min(line.quantity, setAside.get(line.variant_id) ?? 0),
        ...reference,
      },
      { variantId: line.variant_id, locationId: row.to_location_id, kind: 'incoming', quantity: line.quantity, incoming: line.quantity, ...reference },
    ]),
    principal.actor,
  );
  await trx
    .insertInto('incoming_stock')
    .values(
      lines.map((line) => ({
        id: newId(),
        variant_id: line.variant_id,
        location_id: row.to_location_id,
        source: 'transfer' as const,
        reference_id: row.id,
        quantity: line.quantity,
        expected_at: row.expected_at,
      })),
    )
    .execute();
  return moveTo(trx, row, next, { shippedAt: true });
}

/**
 * Reservations at the source that held the transfer's units (ship to store) end with it: their units leave in the
 * transfer's own movement, which lowers reserved with on hand. Answers the units set aside, by variant.
 */
async function deductSetAside(trx: Trx, row: TransferRow, reservationIds: string[]): Promise<Map<string, number>> {
  const byVariant = new Map<string, number>();
  if (!reservationIds.length) return byVariant;
  const held = await trx
    .updateTable('reservations')
    .set({ status: 'deducted', closed_at: new Date() })
    .where('id', 'in', reservationIds)
    .where('status', '=', sql.lit('active')) // literal predicates match partial indexes (database.ts, GENERIC_PLANS)
    .where('location_id', '=', row.from_location_id)
    .returning(['variant_id', 'quantity'])
    .execute();
  for (const reservation of held) byVariant.set(reservation.variant_id, (byVariant.get(reservation.variant_id) ?? 0) + reservation.quantity);
  return byVariant;
}

/** A delivery at the destination: any part of what is still on its way, never more. */
export async function receiveTransfer(trx: Trx, principal: Principal, id: string, input: TransferReceipt, follower: TransferFollower): Promise<Transfer> {
  const row = await lockTransfer(trx, principal, id);
  assertActsForLocation(principal, row.to_location_id);
  const variantIds = await resolveSkus(
    trx,
    input.lines.map((line) => line.sku),
    (index) => `body.lines.${index}.sku`,
  );
  const arriving = input.lines.map((line) => ({ sku: line.sku, variantId: variantIds.get(line.sku)!, quantity: line.quantity }));
  const lines = new Map((await trx.selectFrom('transfer_lines').selectAll().where('transfer_id', '=', id).execute()).map((line) => [line.variant_id, line]));
  const arrived = new Map(arriving.map((line) => [line.variantId, line.quantity]));
  const complete = [...lines.values()].every((line) => line.received + (arrived.get(line.variant_id) ?? 0) >= line.quantity);
  const next = move(TRANSFER_MACHINE, row.status, complete ? 'receive_rest' : 'receive_some');

  const strangers = arriving.filter((line) => !lines.has(line.variantId)).map((line) => line.sku);
  if (strangers.length) throw new RuleViolation('not-on-transfer', `Not on transfer ${row.number}: ${strangers.join(', ')}.`, { skus: strangers });
  const excess = arriving
    .map((line) => ({ sku: line.sku, receiving: line.quantity, outstanding: lines.get(line.variantId)!.quantity - lines.get(line.variantId)!.received }))
    .filter((line) => line.receiving > line.outstanding);
  if (excess.length) {
    const list = excess.map((line) => `${line.sku}: ${line.receiving} received, ${line.outstanding} still on the way`).join('; ');
    throw new RuleViolation('over-receipt', `More than was shipped on transfer ${row.number} (${list}).`, { lines: excess });
  }

  const reference = referenceOf(row, 'transfer');
  await changeStock(
    trx,
    arriving.map((line) => ({
      variantId: line.variantId,
      locationId: row.to_location_id,
      kind: 'transfer_in',
      quantity: line.quantity,
      onHand: line.quantity,
      incoming: -line.quantity,
      ...reference,
    })),
    principal.actor,
  );
  const variants = arriving.map((line) => line.variantId);
  const quantities = arriving.map((line) => line.quantity);
  await sql`
    update transfer_lines t set received = t.received + v.quantity
    from unnest(${variants}::uuid[], ${quantities}::int[]) as v(variant_id, quantity)
    where t.transfer_id = ${id} and t.variant_id = v.variant_id`.execute(trx);
  await sql`
    update incoming_stock i
    set received = i.received + v.quantity, status = case when i.received + v.quantity = i.quantity then 'closed' else 'open' end
    from unnest(${variants}::uuid[], ${quantities}::int[]) as v(variant_id, quantity)
    where i.source = 'transfer' and i.reference_id = ${id} and i.variant_id = v.variant_id and i.status = 'open'`.execute(trx);
  await follower.arrived(trx, row, next.to === 'received', principal.actor);
  return moveTo(trx, row, next, { receivedAt: next.to === 'received' });
}

/** A draft is simply dropped; a shipped transfer with nothing received puts its goods back on the source's shelves. */
export async function cancelTransfer(trx: Trx, principal: Principal, id: string, follower: TransferFollower): Promise<Transfer> {
  const row = await lockTransfer(trx, principal, id);
  if (row.status === 'draft') assertActsForEitherEnd(principal, row.from_location_id, row.to_location_id);
  else assertActsForLocation(principal, row.from_location_id);
  await follower.cancelling(trx, row);
  return cancelLocked(trx, row, principal.actor);
}

/**
 * The goods of a draft are no longer wanted (the order they were for is cancelled, in part or whole): each variant's
 * quantity goes down by what is given, and a draft left with nothing is cancelled. A transfer already shipped is left
 * as it is: its goods arrive as the destination's own stock.
 */
export async function reduceDraftTransfer(trx: Trx, id: string, unwanted: { variantId: string; quantity: number }[], actor: string): Promise<void> {
  // The order being cancelled has already decided who may (null: no check of the transfer's ends).
  const row = await lockTransfer(trx, null, id);
  if (row.status !== 'draft') return;
  const less = new Map<string, number>();
  for (const line of unwanted) less.set(line.variantId, (less.get(line.variantId) ?? 0) + line.quantity);
  let left = 0;
  for (const line of await trx.selectFrom('transfer_lines').selectAll().where('transfer_id', '=', id).execute()) {
    const quantity = line.quantity - (less.get(line.variant_id) ?? 0);
    if (quantity > 0) left++;
    if (quantity > 0 && quantity < line.quantity)
      await trx.updateTable('transfer_lines').set({ quantity }).where('transfer_id', '=', id).where('variant_id', '=', line.variant_id).execute();
    if (quantity <= 0) await trx.deleteFrom('transfer_lines').where('transfer_id', '=', id).where('variant_id', '=', line.variant_id).execute();
  }
  if (!left) await cancelLocked(trx, row, actor);
}

async function cancelLocked(trx: Trx, row: TransferRow, actor: string): Promise<Transfer> {
  const id = row.id;
  const next = move(TRANSFER_MACHINE, row.status, 'cancel');
  if (row.status === 'shipped') {
    const lines = await trx.selectFrom('transfer_lines').selectAll().where('transfer_id', '=', id).execute();
    const reference = referenceOf(row, 'cancelled transfer');
    await changeStock(
      trx,
      lines.flatMap((line): StockChange[] => [
        {
          variantId: line.variant_id,
          locationId: row.to_location_id,
          kind: 'incoming_cancelled',
          quantity: line.quantity,
          incoming: -line.quantity,
          ...reference,
        },
        { variantId: line.variant_id, locationId: row.from_location_id, kind: 'transfer_in', quantity: line.quantity, onHand: line.quantity, ...reference },
      ]),
      actor,
    );
    await trx
      .updateTable('incoming_stock')
      .set({ status: 'cancelled' })
      .where('source', '=', 'transfer')
      .where('reference_id', '=', id)
      .where('status', '=', sql.lit('open')) // literal predicates match partial indexes (database.ts, GENERIC_PLANS)
      .execute();
  }
  return moveTo(trx, row, next);
}

export async function getTransfer(db: Executor, principal: Principal, id: string): Promise<Transfer> {
  const row = await db.selectFrom('transfers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Transfer', id);
  assertMaySeeTransfer(principal, row);
  return withLines(db, row);
}

export interface TransferFilter {
  limit: number;
  cursor?: string | undefined;
  status?: TransferStatus | undefined;
  fromLocationId?: string | undefined;
  toLocationId?: string | undefined;
}

/** Newest first; store staff see the transfers that leave or reach their store. */
export async function listTransfers(db: Executor, principal: Principal, filter: TransferFilter): Promise<Page<Transfer>> {
  const before = decodeCursor(filter.cursor);
  const store = principal.role === 'store' ? principal.locationId! : undefined;
  const rows = await db
    .selectFrom('transfers')
    .selectAll()
    .$if(store !== undefined, (q) => q.where((eb) => eb.or([eb('from_location_id', '=', store!), eb('to_location_id', '=', store!)])))
    .$if(before !== undefined, (q) => q.where('id', '<', before!))
    .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status!))
    .$if(filter.fromLocationId !== undefined, (q) => q.where('from_location_id', '=', filter.fromLocationId!))
    .$if(filter.toLocationId !== undefined, (q) => q.where('to_location_id', '=', filter.toLocationId!))
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const page = toPage(
    rows,
    filter.limit,
    (row) => row.id,
    (row) => row,
  );
  const lines = await linesOf(
    db,
    page.items.map((row) => row.id),
  );
  return { items: page.items.map((row) => toTransfer(row, lines.get(row.id)!)), nextCursor: page.nextCursor };
}
