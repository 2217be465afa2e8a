import { z } from 'zod';
import { requestExample } from '../../platform/http/openapi.ts';
import { TRANSFER_STATUSES, type TransferStatus } from './transfer-machine.ts';

const sku = z.string().min(1).max(100);
const quantity = z.number().int().min(1).max(1_000_000);
const when = z.iso.datetime({ offset: true });

/** A SKU may appear once per request: two lines of the same SKU would be ambiguous for receipts. */
const lines = z
  .array(z.object({ sku, quantity }))
  .min(1)
  .max(500)
  .refine((list) => new Set(list.map((line) => line.sku)).size === list.length, 'must not name a SKU twice');

export { TRANSFER_STATUSES, type TransferStatus };

export const transferSchema = z
  .object({
    id: z.uuid(),
    number: z.string().describe('What people say and write on the delivery note, e.g. TR-01KQ3ZD-7F3X.'),
    fromLocationId: z.uuid(),
    toLocationId: z.uuid(),
    status: z.enum(TRANSFER_STATUSES),
    expectedAt: z.string().nullable().describe('When the goods are expected at the destination.'),
    note: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
    shippedAt: z.string().nullable(),
    receivedAt: z.string().nullable().describe('When the last unit arrived.'),
    lines: z.array(z.object({ sku: z.string(), variantId: z.uuid(), quantity: z.number().int(), received: z.number().int() })),
  })
  .meta({ id: 'Transfer' });
export type Transfer = z.infer<typeof transferSchema>;

export const createTransferBody = z
  .object({
    fromLocationId: z.uuid(),
    toLocationId: z.uuid(),
    lines,
    expectedAt: when.optional(),
    note: z.string().max(2000).default(''),
  })
  .refine((body) => body.fromLocationId !== body.toLocationId, { path: ['toLocationId'], message: 'must differ from fromLocationId' })
  .meta(
    requestExample({
      fromLocationId: '0196f3a1-2b4c-7d5e-8f60-000000005102',
      toLocationId: '0196f3a1-2b4c-7d5e-8f60-000000005101',
      lines: [{ sku: 'TSHIRT-NAVY-M', quantity: 12 }],
      expectedAt: '2025-06-03T09:00:00+02:00',
      note: 'Weekly replenishment',
    }),
  );
export type NewTransfer = z.infer<typeof createTransferBody>;

export const receiveTransferBody = z.object({ lines }).meta(requestExample({ lines: [{ sku: 'TSHIRT-NAVY-M', quantity: 12 }] }));
export type TransferReceipt = z.infer<typeof receiveTransferBody>;

export const listTransfersQuery = z.object({
  status: z.enum(TRANSFER_STATUSES).optional(),
  fromLocationId: z.uuid().optional(),
  toLocationId: z.uuid().optional(),
});

export const INCOMING_STATUSES = ['open', 'closed', 'cancelled'] as const;

export const expectedReceiptSchema = z
  .object({
    id: z.uuid(),
    sku: z.string(),
    variantId: z.uuid(),
    locationId: z.uuid(),
    source: z.enum(['purchase', 'transfer']),
    reference: z.string().describe('The purchase order number, or the id of the transfer.'),
    quantity: z.number().int(),
    received: z.number().int(),
    remaining: z.number().int().describe('Still on its way: quantity − received while open, else 0.'),
    expectedAt: z.string().nullable(),
    status: z.enum(INCOMING_STATUSES),
    createdAt: z.string(),
  })
  .meta({ id: 'ExpectedReceipt' });
export type ExpectedReceipt = z.infer<typeof expectedReceiptSchema>;

export const expectPurchaseBody = z
  .object({
    locationId: z.uuid(),
    lines,
    expectedAt: when,
    reference: z.string().min(1).max(200).describe('The purchase order number.'),
  })
  .meta(
    requestExample({
      locationId: '0196f3a1-2b4c-7d5e-8f60-000000005102',
      lines: [{ sku: 'TSHIRT-NAVY-M', quantity: 200 }],
      expectedAt: '2025-06-10T08:00:00+02:00',
      reference: 'PO-2025-0042',
    }),
  );
export type ExpectedPurchase = z.infer<typeof expectPurchaseBody>;

export const receivePurchaseBody = z.object({ quantity }).meta(requestExample({ quantity: 120 }));

export const listIncomingQuery = z.object({
  sku: sku.optional(),
  locationId: z.uuid().optional(),
  status: z.enum(INCOMING_STATUSES).optional(),
});
