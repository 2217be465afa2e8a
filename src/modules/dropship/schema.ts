import { z } from 'zod';
import { requestExample } from '../../platform/http/openapi.ts';
import { addressSchema } from '../locations/schema.ts';
import { PURCHASE_REQUEST_STATUSES } from './machine.ts';

export const purchaseRequestSchema = z
  .object({
    id: z.uuid(),
    number: z.string().describe('PR-<order number>-<delivery group>.'),
    status: z.enum(PURCHASE_REQUEST_STATUSES),
    vendorLocationId: z.uuid().describe('The drop-ship vendor: a location of type dropship_vendor.'),
    orderId: z.uuid(),
    orderNumber: z.string(),
    deliveryGroupId: z.uuid(),
    channelId: z.uuid(),
    shipTo: addressSchema.describe("The customer's address: the vendor sends the goods there."),
    recipient: z.string(),
    lines: z.array(z.object({ sku: z.string(), title: z.string(), quantity: z.number().int().describe('0 once the line was cancelled.') })),
    vendorReference: z.string().nullable().describe("The vendor's own reference, given when it confirmed."),
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    createdAt: z.string(),
    confirmedAt: z.string().nullable(),
    shippedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
  })
  .meta({ id: 'PurchaseRequest' });
export type PurchaseRequest = z.infer<typeof purchaseRequestSchema>;

export const listPurchaseRequestsQuery = z.object({
  vendorLocationId: z.uuid().optional(),
  status: z.enum(PURCHASE_REQUEST_STATUSES).optional(),
});

export const confirmPurchaseRequestBody = z
  .object({ vendorReference: z.string().min(1).max(100).optional().describe("The vendor's order number for it, if it gave one.") })
  .meta(requestExample({ vendorReference: 'SO-55012' }));

export const shipPurchaseRequestBody = z
  .object({ carrier: z.string().min(1).max(100), trackingNumber: z.string().min(1).max(100) })
  .meta(requestExample({ carrier: 'DHL', trackingNumber: 'JD014600006281230571' }));
