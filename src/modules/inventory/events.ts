import { z } from 'zod';
import { defineEvent } from '../../platform/events/event.ts';
import { transferSchema } from './transfer-schema.ts';

/** The events inventory writes to the outbox (the catalog: platform/events/catalog.ts, docs/events.md). */

const units = z.number().int();

export const stockChanged = defineEvent({
  type: 'stock.changed',
  version: 1,
  description:
    'The quantities of one SKU at one location changed (received, counted, reserved, shipped, transferred, a feed); carries the new levels and availability.',
  subject: 'stock:<variantId>:<locationId>',
  payload: z.strictObject({
    variantId: z.uuid(),
    locationId: z.uuid(),
    onHand: units,
    reserved: units,
    damaged: units,
    incoming: units.describe('On its way: shipped transfers and expected purchases.'),
    safetyStock: units.describe("Effective safety stock: the SKU's own, else its location's."),
    available: units.describe('Available to promise: on hand − reserved − safety stock, never below 0.'),
    availableBefore: units.describe('Available to promise before this change.'),
  }),
});

export const safetyStockChanged = defineEvent({
  type: 'stock.safety_stock_changed',
  version: 1,
  description: "A location's default safety stock changed: the availability of each SKU there without its own override may have changed.",
  subject: 'location:<locationId>',
  payload: z.strictObject({ locationId: z.uuid(), safetyStock: units }),
});

export const stockShortfallRecorded = defineEvent({
  type: 'stock.shortfall_recorded',
  version: 1,
  description:
    "A register sold units offline that the store's stock no longer had when the sale reached Aisle: the sale stands, the stock stays at zero, and the missing units wait for the store to resolve them (GET /v1/locations/{id}/stock-shortfalls).",
  subject: 'stock:<variantId>:<locationId>',
  payload: z.strictObject({
    shortfallId: z.uuid(),
    locationId: z.uuid(),
    variantId: z.uuid(),
    sku: z.string(),
    quantity: units.describe('Units sold that the stock did not cover.'),
    orderId: z.uuid(),
    orderNumber: z.string(),
    soldAt: z.string().describe('When the register sold them.'),
  }),
});

const transferPayload = z.strictObject({
  id: z.uuid(),
  number: z.string(),
  status: transferSchema.shape.status,
  fromLocationId: z.uuid(),
  toLocationId: z.uuid(),
  lines: z.array(z.strictObject({ sku: z.string(), variantId: z.uuid(), quantity: units, received: units })),
});

const transferEvent = <const T extends string>(type: T, description: string) =>
  defineEvent({ type, version: 1, description, subject: 'transfer:<transferId>', payload: transferPayload });

export const transferShipped = transferEvent('transfer.shipped', 'A transfer left its source: the units are off its shelves and incoming at the destination.');
export const transferPartiallyReceived = transferEvent(
  'transfer.partially_received',
  'Part of a transfer arrived at its destination (`lines[].received` says how much so far).',
);
export const transferReceived = transferEvent('transfer.received', 'The last units of a transfer arrived at its destination.');
export const transferCancelled = transferEvent(
  'transfer.cancelled',
  'A transfer was cancelled: a draft dropped, or a shipped transfer with nothing received whose goods went back to the source.',
);

export const INVENTORY_EVENTS = [
  stockChanged,
  safetyStockChanged,
  stockShortfallRecorded,
  transferShipped,
  transferPartiallyReceived,
  transferReceived,
  transferCancelled,
] as const;
