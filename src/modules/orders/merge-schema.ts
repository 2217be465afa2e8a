import { z } from 'zod';
import { requestExample } from '../../platform/http/openapi.ts';
import { addressSchema } from '../locations/schema.ts';
import { DELIVERY_STATUSES } from './lifecycle.ts';

export const mergeCandidatesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('How many sets to return (1–200), oldest first.'),
});

export const mergeCandidatesSchema = z
  .object({
    locationId: z.uuid(),
    items: z.array(
      z.object({
        customerId: z.uuid(),
        address: addressSchema,
        deliveryGroups: z.array(
          z.object({
            id: z.uuid(),
            orderId: z.uuid(),
            orderNumber: z.string(),
            mergedShipmentId: z.uuid().nullable().describe('Already merged with some of the others.'),
            createdAt: z.string(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'MergeCandidates' });
export type MergeCandidates = z.infer<typeof mergeCandidatesSchema>;

export const mergeShipmentsBody = z
  .object({
    deliveryGroupIds: z
      .array(z.uuid())
      .min(2)
      .max(50)
      .describe('Open groups (reserved, not yet picked) of one customer, to one address, from one location: they leave as one parcel.'),
  })
  .meta(requestExample({ deliveryGroupIds: ['0196f3a1-2b4c-7d5e-8f60-000000007001', '0196f3a1-2b4c-7d5e-8f60-000000007002'] }));

export const mergedShipmentSchema = z
  .object({
    id: z.uuid().describe("The merge: each group's mergedShipmentId."),
    locationId: z.uuid(),
    customerId: z.uuid(),
    address: addressSchema,
    deliveryGroups: z.array(z.object({ id: z.uuid(), orderId: z.uuid(), orderNumber: z.string(), status: z.enum(DELIVERY_STATUSES) })),
  })
  .meta({ id: 'MergedShipment' });
export type MergedShipment = z.infer<typeof mergedShipmentSchema>;
