import type { VendorShipments } from '../dropship/service.ts';
import type { PaymentProviders } from '../payments/service.ts';
import { dispatchGroup } from './service.ts';

/**
 * Drop ship as the orders module sees it: a vendor's shipment is its delivery group's shipment, made by the same
 * `dispatchGroup` as any other (the vendor's reservations deducted, payments captured, order.shipped published), which
 * also marks the group's purchase request shipped. The app passes this to the drop ship routes.
 */
export const vendorShipments = (providers: PaymentProviders): VendorShipments => ({
  async shipped(trx, principal, request, shipment) {
    await dispatchGroup(trx, principal, request.order_id, request.delivery_group_id, 'ship', providers, shipment);
  },
});
