import type { Principal } from '../../platform/auth/principal.ts';
import type { Executor } from '../../platform/db/database.ts';
import { RuleViolation } from '../../platform/errors.ts';
import { renderPackingSlipPdf } from './documents.ts';
import { linesOf, readWorkGroup } from './groups.ts';
import { renderLabelPdf } from './label.ts';
import { addressee, sender } from './parties.ts';

/**
 * The shipping label: the carrier's, kept when the shipment was dispatched; for one shipped with a carrier and
 * tracking number typed elsewhere (`/ship`), Aisle's own, drawn now.
 */
export async function labelPdf(db: Executor, principal: Principal, orderId: string, groupId: string): Promise<Buffer> {
  const group = await readWorkGroup(db, principal, orderId, groupId);
  const kept = await db.selectFrom('dispatches').select('label').where('delivery_group_id', '=', groupId).executeTakeFirst();
  if (kept) return Buffer.from(kept.label);
  if (group.method !== 'ship_to_address' || !group.trackingNumber) {
    throw new RuleViolation('not-dispatched', 'This shipment has no carrier yet: dispatch it (POST …/dispatch) to get its label.', { state: group.status });
  }
  const parcels = await db.selectFrom('parcels').select(['box', 'weight_grams']).where('delivery_group_id', '=', groupId).orderBy('position').execute();
  return renderLabelPdf({
    carrierName: group.carrier ?? '',
    service: null,
    trackingNumber: group.trackingNumber,
    orderNumber: group.orderNumber,
    from: await sender(db, group),
    to: await addressee(db, group),
    parcels: parcels.map((parcel) => ({ box: parcel.box, weightGrams: parcel.weight_grams })),
  });
}

/** The packing slip of a group: what goes in the parcel, no prices. */
export async function packingSlipPdf(
  db: Executor,
  principal: Principal,
  orderId: string,
  groupId: string,
  retailer: { name: string; addressLines: string[]; locale: string },
): Promise<Buffer> {
  const group = await readWorkGroup(db, principal, orderId, groupId);
  const [lines, parcels, from, to] = await Promise.all([
    linesOf(db, [groupId]),
    db.selectFrom('parcels').select('id').where('delivery_group_id', '=', groupId).execute(),
    sender(db, group),
    addressee(db, group),
  ]);
  return renderPackingSlipPdf({
    retailer: { name: retailer.name, addressLines: retailer.addressLines },
    orderNumber: group.orderNumber,
    orderedAt: group.createdAt.toISOString(),
    locale: retailer.locale,
    from,
    shipTo: to.addressLines.length ? to : { name: to.name, addressLines: [`Collect at ${from.name}`, ...from.addressLines] },
    lines: (lines.get(groupId) ?? []).map((line) => ({ sku: line.sku, title: line.title, quantity: line.required })),
    parcels: parcels.length,
  });
}
