import { z } from 'zod';
import { requestExample } from '../../platform/http/openapi.ts';
import { pageQuery } from '../../platform/http/pagination.ts';
import { DELIVERY_STATUSES } from '../orders/lifecycle.ts';
import { DELIVERY_METHODS } from '../pricing/terms.ts';
import { WORK_STAGES } from './stages.ts';

/** Request and answer shapes of the store's work: queue, pick lists, scans, parcels, dispatch. */

const stageSchema = z
  .enum(WORK_STAGES)
  .describe(
    'to_pick: shipment not started; picking: shipment being picked; to_pack: every unit scanned; to_ship: packed, waiting for the carrier; ' +
      'to_prepare: pickup to take to the counter; ready_for_pickup: waiting for its customer; incoming: pickup whose goods are on a transfer to this store.',
  );

export const workQueueQuery = z.object({ ...pageQuery, stage: stageSchema.optional().describe('Only the groups at this stage.') });

const stockSchema = z
  .object({
    onHand: z.number().int().describe('Units on the shelves here.'),
    reserved: z.number().int().describe('Units here promised to orders (this one included).'),
    available: z.number().int().describe('Units here still free to sell: on hand − reserved − safety stock.'),
  })
  .describe("This location's stock of the SKU now.");

export const workQueueSchema = z
  .object({
    locationId: z.uuid(),
    mustScan: z.boolean().describe('The location packs, ships and hands over only what was scanned (its `mustScan` setting).'),
    counts: z.record(z.enum(WORK_STAGES), z.number().int()).describe('How many groups are at each stage (the whole queue, not this page).'),
    items: z.array(
      z.object({
        groupId: z.uuid(),
        orderId: z.uuid(),
        orderNumber: z.string(),
        customerName: z.string(),
        recipient: z.string().describe('The name on the parcel, when not the customer’s.'),
        method: z.enum(DELIVERY_METHODS),
        status: z.enum(DELIVERY_STATUSES),
        stage: stageSchema,
        promisedAt: z.string().nullable(),
        createdAt: z.string(),
        mergedShipmentId: z.uuid().nullable().describe('Merged with other groups into one parcel: pack and dispatch them together.'),
        transfer: z
          .object({ id: z.uuid(), number: z.string(), status: z.string(), expectedAt: z.string().nullable() })
          .nullable()
          .describe('Ship to store: the transfer bringing the goods here.'),
        lines: z.array(
          z.object({ lineId: z.uuid(), sku: z.string(), title: z.string(), quantity: z.number().int(), picked: z.number().int(), stock: stockSchema }),
        ),
      }),
    ),
    nextCursor: z.string().nullable().describe('Pass as `cursor` to get the next page; null on the last page.'),
  })
  .meta({ id: 'WorkQueue' });
export type WorkQueue = z.infer<typeof workQueueSchema>;

export const pickListBody = z
  .object({
    groupIds: z.array(z.uuid()).min(1).max(100).optional().describe("A picker's batch: delivery groups of this location, reserved or being picked."),
    limit: z.number().int().min(1).max(100).optional().describe('Or: the next N groups to pick or prepare, oldest promise first.'),
  })
  .refine((body) => (body.groupIds === undefined) !== (body.limit === undefined), { message: 'name either groupIds or limit', path: ['groupIds'] })
  .meta(requestExample({ limit: 10 }));

export const pickListSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    locationId: z.uuid(),
    createdBy: z.string(),
    createdAt: z.string(),
    groups: z.array(z.object({ groupId: z.uuid(), orderId: z.uuid(), orderNumber: z.string(), customerName: z.string(), status: z.enum(DELIVERY_STATUSES) })),
    lines: z
      .array(
        z.object({
          sku: z.string(),
          title: z.string(),
          quantity: z.number().int().describe('Units of the SKU to take for the whole batch.'),
          picked: z.number().int(),
          orders: z.array(
            z.object({ orderNumber: z.string(), orderId: z.uuid(), groupId: z.uuid(), lineId: z.uuid(), quantity: z.number().int(), picked: z.number().int() }),
          ),
        }),
      )
      .describe('One row per SKU, in SKU order (the walk along the shelves), with how many units go to each order.'),
  })
  .meta({ id: 'PickList' });
export type PickList = z.infer<typeof pickListSchema>;

export const scanBody = z
  .object({
    code: z.string().trim().min(1).max(100).describe('What the scanner read: a barcode (GTIN) or a SKU.'),
    quantity: z.number().int().min(1).max(10_000).default(1).describe('Units taken with this scan (a case of 6: 6).'),
  })
  .meta(requestExample({ code: '3760123456789', quantity: 1 }));

export const pickStateSchema = z
  .object({
    groupId: z.uuid(),
    orderId: z.uuid(),
    status: z.enum(DELIVERY_STATUSES),
    mustScan: z.boolean().describe('The store requires every unit scanned before packing, shipping or the counter.'),
    complete: z.boolean().describe('Every unit of every line scanned.'),
    lines: z.array(z.object({ lineId: z.uuid(), sku: z.string(), title: z.string(), required: z.number().int(), picked: z.number().int() })),
  })
  .meta({ id: 'PickState' });
export type PickState = z.infer<typeof pickStateSchema>;

export const packBody = z
  .object({
    parcels: z
      .array(
        z.object({
          box: z.string().trim().min(1).max(50).describe('The box used, as the store names its boxes (S, M, L, envelope…).'),
          weightGrams: z.number().int().min(1).max(100_000),
          lines: z
            .array(z.object({ lineId: z.uuid(), quantity: z.number().int().min(1).max(10_000) }))
            .max(200)
            .optional()
            .describe('What went in this box, when the parcels are told apart.'),
        }),
      )
      .min(1)
      .max(50),
  })
  .meta(
    requestExample({
      parcels: [
        { box: 'M', weightGrams: 1200 },
        { box: 'S', weightGrams: 400 },
      ],
    }),
  );

export const dispatchBody = z
  .object({
    carrier: z.string().min(1).max(50).describe('A carrier of GET /v1/carriers (`manual`: staff type the carrier and tracking number).'),
    service: z.string().min(1).max(50).optional().describe("One of the carrier's services."),
    carrierName: z.string().trim().min(1).max(100).optional().describe('Manual carrier: the carrier the parcel goes with (Colissimo, DHL…).'),
    trackingNumber: z.string().trim().min(1).max(100).optional().describe('Manual carrier: the tracking number on the carrier’s own label or receipt.'),
  })
  .meta(requestExample({ carrier: 'manual', carrierName: 'Colissimo', trackingNumber: '6A12345678901' }));

export const shipmentSchema = z
  .object({
    groupId: z.uuid(),
    orderId: z.uuid(),
    orderNumber: z.string(),
    status: z.enum(DELIVERY_STATUSES),
    carrier: z.string().nullable().describe('The carrier as the customer knows it.'),
    service: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    trackingUrl: z.string().nullable(),
    parcels: z.array(
      z.object({
        position: z.number().int(),
        box: z.string(),
        weightGrams: z.number().int(),
        trackingNumber: z.string().nullable(),
        lines: z.array(z.object({ lineId: z.uuid(), quantity: z.number().int() })),
      }),
    ),
  })
  .meta({ id: 'Shipment' });
export type Shipment = z.infer<typeof shipmentSchema>;

export const carriersSchema = z
  .object({
    items: z.array(
      z.object({
        name: z.string(),
        title: z.string(),
        services: z.array(z.object({ code: z.string(), name: z.string() })),
        typedByStaff: z.boolean().describe('Staff type the carrier and tracking number (no integration to ask).'),
      }),
    ),
  })
  .meta({ id: 'Carriers' });

export const pdfResponse = {
  200: { description: 'The PDF document.', content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } } },
};
