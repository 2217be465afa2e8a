import type { Principal } from '../../platform/auth/principal.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { RuleViolation } from '../../platform/errors.ts';
import { getCustomer } from '../customers/service.ts';
import type { Address } from '../locations/tables.ts';
import { nextDeliveryStatus } from '../orders/lifecycle.ts';
import { shipShipment } from '../orders/merge.ts';
import type { PaymentProviders } from '../payments/providers.ts';
import { carrierNamed, type Carriers, type Party } from './carriers.ts';
import { renderLabelPdf } from './label.ts';
import { linesOf, lockWorkGroup, readWorkGroup, type WorkGroup } from './groups.ts';
import { senderOf, shipmentOf } from './parcels.ts';
import { assertPicked } from './picked.ts';
import { renderPackingSlipPdf } from './documents.ts';
import type { Shipment } from './schema.ts';

/**
 * Dispatch: the shipment is booked with a carrier (carriers.ts), which answers its tracking number and label; both
 * are kept, and the group ships as any shipment does (orders' `shipShipment`: stock deducted, payment captured,
 * `order.shipped`, whose email gives the carrier and tracking number; merged groups leave with it). A store that
 * asks for every unit scanned dispatches only what was (`not-scanned`). The manual carrier is local; a carrier
 * integration that calls out does so inside the request's transaction, so a refusal leaves nothing booked in Aisle.
 */

export interface DispatchRequest {
  carrier: string;
  service?: string | undefined;
  carrierName?: string | undefined;
  trackingNumber?: string | undefined;
}

export const addressLines = (address: Address | null) =>
  address
    ? [address.line1, address.line2, `${address.postalCode} ${address.city}`, address.region, address.country].filter((line): line is string => !!line)
    : [];

/** Who the parcel goes to: the recipient named on the group, else the customer. */
async function addressee(db: Executor, group: WorkGroup): Promise<Party> {
  const name = group.recipient || (await getCustomer(db, group.customerId).then((customer) => `${customer.firstName} ${customer.lastName}`.trim()));
  return { name, addressLines: addressLines(group.address), country: group.address?.country ?? '' };
}

async function sender(db: Executor, group: WorkGroup): Promise<Party> {
  const from = await senderOf(db, group.locationId!);
  return { name: from.name, addressLines: addressLines(from.address), country: from.address.country };
}

export async function dispatchShipment(
  trx: Trx,
  principal: Principal,
  orderId: string,
  groupId: string,
  request: DispatchRequest,
  options: { carriers: Carriers; providers: PaymentProviders },
): Promise<Shipment> {
  const group = await lockWorkGroup(trx, principal, orderId, groupId);
  if (group.method !== 'ship_to_address') throw new RuleViolation('not-a-shipment', 'This group is collected in store, not shipped.', { state: group.status });
  // Refused here (422 naming the state) rather than after the carrier has booked it.
  nextDeliveryStatus(group.status, 'ship');
  const carrier = carrierNamed(options.carriers, request.carrier);
  await assertPicked(trx, groupId);
  const parcels = await trx.selectFrom('parcels').select(['id', 'box', 'weight_grams']).where('delivery_group_id', '=', groupId).orderBy('position').execute();
  const booked = await carrier.createShipment({
    orderNumber: group.orderNumber,
    groupId,
    service: request.service,
    parcels: parcels.map((parcel) => ({ box: parcel.box, weightGrams: parcel.weight_grams })),
    from: await sender(trx, group),
    to: await addressee(trx, group),
    typed: { carrierName: request.carrierName, trackingNumber: request.trackingNumber },
  });
  await trx
    .insertInto('dispatches')
    .values({
      delivery_group_id: groupId,
      carrier: carrier.name,
      carrier_name: booked.carrierName,
      service: request.service ?? null,
      tracking_number: booked.trackingNumber,
      tracking_url: booked.trackingUrl ?? null,
      label: booked.label,
      created_by: principal.actor,
    })
    .execute();
  for (const [index, parcel] of parcels.entries()) {
    await trx
      .updateTable('parcels')
      .set({ tracking_number: booked.parcelTrackingNumbers?.[index] ?? booked.trackingNumber })
      .where('id', '=', parcel.id)
      .execute();
  }
  await shipShipment(trx, principal, orderId, groupId, options.providers, { carrier: booked.carrierName, trackingNumber: booked.trackingNumber });
  return shipmentOf(trx, { ...group, status: 'shipped', carrier: booked.carrierName, trackingNumber: booked.trackingNumber });
}

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
