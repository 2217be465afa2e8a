import type { Principal } from '../../platform/auth/principal.ts';
import type { Trx } from '../../platform/db/database.ts';
import { RuleViolation } from '../../platform/errors.ts';
import { nextDeliveryStatus } from '../orders/lifecycle.ts';
import { shipShipment } from '../orders/merge.ts';
import type { PaymentProviders } from '../payments/providers.ts';
import { carrierNamed, type Carriers } from './carriers.ts';
import { lockWorkGroup } from './groups.ts';
import { shipmentOf } from './parcels.ts';
import { addressee, sender } from './parties.ts';
import { assertPicked } from './picked.ts';
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
  await shipShipment(trx, principal, orderId, groupId, options.providers, {
    carrier: booked.carrierName,
    trackingNumber: booked.trackingNumber,
    ...(booked.trackingUrl ? { trackingUrl: booked.trackingUrl } : {}),
  });
  return shipmentOf(trx, { ...group, status: 'shipped', carrier: booked.carrierName, trackingNumber: booked.trackingNumber });
}
