import { z } from 'zod';
import { requestExample } from '../../platform/http/openapi.ts';

const sku = z.string().min(1).max(100);
const quantity = z.number().int().min(1).max(1_000_000);

export const levelSchema = z
  .object({
    sku: z.string(),
    variantId: z.uuid(),
    locationId: z.uuid(),
    onHand: z.number().int(),
    reserved: z.number().int(),
    damaged: z.number().int(),
    incoming: z.number().int(),
    safetyStock: z.number().int(),
    available: z.number().int().describe('Available to promise: on hand − reserved − safety stock, never below 0.'),
  })
  .meta({ id: 'StockLevel' });
export type LevelView = z.infer<typeof levelSchema>;

export const levelsQuery = z
  .object({ sku: sku.optional(), locationId: z.uuid().optional() })
  .refine((query) => query.sku !== undefined || query.locationId !== undefined, { message: 'name a sku, a locationId or both', path: ['sku'] });

export const movementSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    quantity: z.number().int(),
    onHandChange: z.number().int(),
    reservedChange: z.number().int(),
    damagedChange: z.number().int(),
    incomingChange: z.number().int(),
    reason: z.string(),
    referenceType: z.string(),
    referenceId: z.string(),
    actor: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'StockMovement' });

export const movementsQuery = z.object({ sku, locationId: z.uuid() });

const reference = z.object({ type: z.string().min(1).max(50), id: z.string().min(1).max(200) }).optional();
const lines = z.array(z.object({ sku, quantity })).min(1).max(500);

export const receiptBody = z.object({ locationId: z.uuid(), lines, reason: z.string().max(500).default('received'), reference }).meta(
  requestExample({
    locationId: '0196f3a1-2b4c-7d5e-8f60-000000005102',
    lines: [{ sku: 'TSHIRT-NAVY-M', quantity: 24 }],
    reference: { type: 'purchase_order', id: 'PO-2025-0042' },
  }),
);
export const saleBody = z.object({ locationId: z.uuid(), lines, reference }).meta(
  requestExample({
    locationId: '0196f3a1-2b4c-7d5e-8f60-000000005101',
    lines: [{ sku: 'TSHIRT-NAVY-M', quantity: 1 }],
    reference: { type: 'receipt', id: 'R-0001-000123' },
  }),
);
export const adjustmentBody = z
  .object({
    locationId: z.uuid(),
    sku,
    quantity: z
      .number()
      .int()
      .min(-1_000_000)
      .max(1_000_000)
      .refine((value) => value !== 0, 'must not be 0')
      .describe('Units added (positive) or removed (negative).'),
    reason: z.string().min(1).max(500),
  })
  .meta(requestExample({ locationId: '0196f3a1-2b4c-7d5e-8f60-000000005101', sku: 'TSHIRT-NAVY-M', quantity: -2, reason: 'found in the wrong bin' }));
export const countBody = z
  .object({
    locationId: z.uuid(),
    lines: z
      .array(z.object({ sku, counted: z.number().int().min(0).max(1_000_000) }))
      .min(1)
      .max(5000),
    reason: z.string().max(500).default('cycle count'),
  })
  .meta(
    requestExample({
      locationId: '0196f3a1-2b4c-7d5e-8f60-000000005101',
      lines: [
        { sku: 'TSHIRT-NAVY-M', counted: 11 },
        { sku: 'TSHIRT-NAVY-L', counted: 7 },
      ],
    }),
  );
export const damageBody = z
  .object({ locationId: z.uuid(), sku, quantity, reason: z.string().min(1).max(500) })
  .meta(requestExample({ locationId: '0196f3a1-2b4c-7d5e-8f60-000000005101', sku: 'TSHIRT-NAVY-M', quantity: 1, reason: 'stained' }));
export const safetyStockBody = z
  .object({
    locationId: z.uuid(),
    sku: sku.optional().describe('Omit to set the location default.'),
    quantity: z.number().int().min(0).max(1_000_000).nullable().describe('null removes a SKU override.'),
  })
  .meta(requestExample({ locationId: '0196f3a1-2b4c-7d5e-8f60-000000005101', sku: 'TSHIRT-NAVY-M', quantity: 2 }));

export const reservationSchema = z
  .object({
    id: z.uuid(),
    sku: z.string(),
    variantId: z.uuid(),
    locationId: z.uuid(),
    quantity: z.number().int(),
    kind: z.enum(['hold', 'order']),
    status: z.enum(['active', 'released', 'expired', 'deducted']),
    channelId: z.uuid().nullable(),
    referenceType: z.string(),
    referenceId: z.string(),
    expiresAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Reservation' });

export const reserveBody = z
  .object({
    lines: z
      .array(z.object({ sku, locationId: z.uuid(), quantity }))
      .min(1)
      .max(200),
    kind: z.enum(['hold', 'order']).default('hold'),
    ttlSeconds: z
      .number()
      .int()
      .min(10)
      .max(7 * 24 * 3600)
      .default(900)
      .describe('Holds only: seconds until the hold lapses.'),
    channelId: z.uuid().optional().describe('The channel selling; a channel key always reserves for its own channel.'),
    reference,
  })
  .describe('All lines are reserved, or none.')
  .meta(
    requestExample({
      lines: [{ sku: 'TSHIRT-NAVY-M', locationId: '0196f3a1-2b4c-7d5e-8f60-000000005102', quantity: 2 }],
      kind: 'hold',
      ttlSeconds: 900,
      reference: { type: 'cart', id: 'cart-8842' },
    }),
  );

export const availabilityQuery = z
  .object({
    skus: z.array(sku).min(1).max(200),
    channelId: z.uuid().optional().describe('Only the locations this channel sells from (a channel key: always its own).'),
    locationIds: z.array(z.uuid()).max(1000).optional(),
  })
  .meta(requestExample({ skus: ['TSHIRT-NAVY-M', 'TSHIRT-NAVY-L'], channelId: '0196f3a1-2b4c-7d5e-8f60-00000000c001' }));

export const availabilitySchema = z
  .object({
    sku: z.string(),
    variantId: z.uuid(),
    available: z.number().int().describe('Network-wide (or channel-wide) available to promise.'),
    locations: z
      .array(z.object({ locationId: z.uuid(), available: z.number().int(), onHand: z.number().int(), incoming: z.number().int() }))
      .describe(
        'The active locations in scope with something to promise (available above 0), most available first. A location where nothing can be promised (no stock, all reserved or kept as safety stock) is not listed; `GET /v1/inventory/levels` has every level.',
      ),
  })
  .meta({ id: 'Availability' });

export const pickupStoresBody = z
  .object({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    radiusKm: z.number().min(0).max(20_000).default(50),
    channelId: z.uuid().optional(),
    lines: z.array(z.object({ sku, quantity })).min(1).max(200),
    limit: z.number().int().min(1).max(100).default(10),
  })
  .meta(requestExample({ latitude: 48.8566, longitude: 2.3522, radiusKm: 20, lines: [{ sku: 'TSHIRT-NAVY-M', quantity: 1 }] }));

export const pickupStoreSchema = z.object({
  locationId: z.uuid(),
  code: z.string(),
  name: z.string(),
  distanceKm: z.number(),
  allAvailable: z.boolean().describe('Every line of the cart can be picked up here now.'),
  lines: z.array(z.object({ sku: z.string(), requested: z.number().int(), available: z.number().int() })),
});
