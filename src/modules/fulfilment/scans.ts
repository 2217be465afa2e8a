import type { Principal } from '../../platform/auth/principal.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { RuleViolation } from '../../platform/errors.ts';
import { listVariants } from '../catalog/service.ts';
import { getLocation } from '../locations/service.ts';
import { recordOrderEvent } from '../orders/read.ts';
import { advanceGroup } from '../orders/service.ts';
import { linesOf, lockWorkGroup, readWorkGroup, type WorkGroup, type WorkLine } from './groups.ts';
import type { PickState } from './schema.ts';

/**
 * Picking by scanning: each scan at the shelf names a barcode (the variant's GTIN) or a SKU and a number of units,
 * and is recorded against the line of the group it proves picked. A code that is no line of the group (`wrong-item`),
 * one unit too many (`over-picked`) or a code nobody knows (`unknown-code`) is refused with what was scanned and what
 * the group expects, and nothing is recorded. The first scan of a group nobody started starts its picking. The answer
 * is the group's pick state: each line's units required and picked, and whether all are.
 */

/** What a scanner code names: the line of the group it proves, the variant it is of another product, or nothing. */
export type ScanMatch = { line: WorkLine } | { other: { sku: string; title: string } } | { unknown: true };

/**
 * The ways one GTIN is written: a scanner may read a UPC-A (12 digits) as an EAN-13 with a leading zero, or any of
 * them as a GTIN-14; the catalog keeps the barcode as it was typed. The code as scanned first.
 */
export function gtinForms(code: string): string[] {
  if (!/^\d{8,14}$/.test(code)) return [code];
  const bare = code.replace(/^0+/, '');
  return [...new Set([code, ...[8, 12, 13, 14].filter((length) => length >= bare.length).map((length) => bare.padStart(length, '0'))])];
}

/** Matches a code against the group's lines by SKU (scanners may change the case), the catalog then says what else it is. */
export async function matchCode(db: Executor, code: string, lines: WorkLine[]): Promise<ScanMatch> {
  const bySku = lines.find((line) => line.sku.toLowerCase() === code.toLowerCase());
  if (bySku) return { line: bySku };
  let variant: { id: string; sku: string; title: string } | undefined;
  for (const barcode of gtinForms(code)) {
    variant = (await listVariants(db, { limit: 1, barcode })).items[0];
    if (variant) break;
  }
  variant ??= (await listVariants(db, { limit: 1, sku: code })).items[0];
  if (!variant) return { unknown: true };
  const line = lines.find((candidate) => candidate.variantId === variant.id);
  return line ? { line } : { other: { sku: variant.sku, title: variant.title } };
}

const expected = (lines: WorkLine[]) =>
  lines
    .filter((line) => line.picked < line.required)
    .map((line) => `${line.sku} (${line.title}) ${line.required - line.picked} to go`)
    .join(', ') || 'nothing: every unit is picked';

export async function recordScan(
  trx: Trx,
  principal: Principal,
  orderId: string,
  groupId: string,
  scan: { code: string; quantity: number },
): Promise<PickState> {
  const group = await lockWorkGroup(trx, principal, orderId, groupId);
  if (!['reserved', 'picking'].includes(group.status)) {
    throw new RuleViolation('not-picking', `Order ${group.orderNumber} is ${group.status.replaceAll('_', ' ')}: there is nothing to pick.`, {
      state: group.status,
    });
  }
  const lines = (await linesOf(trx, [groupId])).get(groupId) ?? [];
  const match = await matchCode(trx, scan.code, lines);
  if ('unknown' in match) {
    throw new RuleViolation(
      'unknown-code',
      `Nothing in the catalog has the barcode or SKU ${scan.code}. Order ${group.orderNumber} expects ${expected(lines)}.`,
      {
        field: 'body.code',
        scanned: scan.code,
      },
    );
  }
  if ('other' in match) {
    throw new RuleViolation(
      'wrong-item',
      `Scanned ${match.other.sku} (${match.other.title}), which is not in order ${group.orderNumber}. It expects ${expected(lines)}.`,
      { field: 'body.code', scanned: scan.code, sku: match.other.sku, expected: lines.map((line) => ({ sku: line.sku, left: line.required - line.picked })) },
    );
  }
  const { line } = match;
  if (line.picked + scan.quantity > line.required) {
    throw new RuleViolation(
      'over-picked',
      `Order ${group.orderNumber} needs ${line.required} × ${line.sku} and ${line.picked} ${line.picked === 1 ? 'is' : 'are'} picked: ${scan.quantity} more would be too many.`,
      { field: 'body.quantity', sku: line.sku, required: line.required, picked: line.picked },
    );
  }
  await trx
    .insertInto('pick_scans')
    .values({
      delivery_group_id: groupId,
      order_line_id: line.id,
      location_id: group.locationId!,
      code: scan.code,
      quantity: scan.quantity,
      actor: principal.actor,
    })
    .execute();
  line.picked += scan.quantity;
  let status = group.status;
  if (status === 'reserved' && mayStartPicking(group)) {
    await advanceGroup(trx, principal, orderId, groupId, 'start-picking');
    status = 'picking';
  }
  if (lines.every((candidate) => candidate.picked >= candidate.required)) {
    await recordOrderEvent(trx, orderId, 'group.picked', { groupId, scanned: true }, principal.actor, principal.channelId);
  }
  return pickState({ ...group, status }, lines, (await getLocation(trx, group.locationId!)).mustScan);
}

/**
 * Orders' start-picking is recorded by the group's sender; a ship-to-store pickup whose goods arrived was sent by
 * another location, so its store prepares it without that step (the scans are recorded all the same).
 */
export const mayStartPicking = (group: WorkGroup) => group.fulfilmentLocationId === group.locationId;

export async function readPickState(db: Executor, principal: Principal, orderId: string, groupId: string): Promise<PickState> {
  const group = await readWorkGroup(db, principal, orderId, groupId);
  const lines = (await linesOf(db, [groupId])).get(groupId) ?? [];
  return pickState(group, lines, group.locationId ? (await getLocation(db, group.locationId)).mustScan : false);
}

function pickState(group: WorkGroup, lines: WorkLine[], mustScan: boolean): PickState {
  return {
    groupId: group.id,
    orderId: group.orderId,
    status: group.status,
    mustScan,
    complete: lines.every((line) => line.picked >= line.required),
    lines: lines.map((line) => ({ lineId: line.id, sku: line.sku, title: line.title, required: line.required, picked: line.picked })),
  };
}
