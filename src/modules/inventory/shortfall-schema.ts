import { z } from 'zod';
import { requestExample } from '../../platform/http/openapi.ts';

export const SHORTFALL_RESOLUTIONS = ['found', 'written_off'] as const;

export const shortfallSchema = z
  .object({
    id: z.uuid(),
    locationId: z.uuid(),
    variantId: z.uuid(),
    sku: z.string(),
    quantity: z.number().int().describe('Units sold offline that the stock did not cover.'),
    orderId: z.uuid(),
    orderNumber: z.string(),
    soldAt: z.string().describe('When the register sold them (offline).'),
    createdAt: z.string().describe('When the sale reached Aisle.'),
    status: z.enum(['open', 'resolved']),
    resolution: z.enum(SHORTFALL_RESOLUTIONS).nullable(),
    resolvedAt: z.string().nullable(),
    resolvedBy: z.string().nullable(),
    note: z.string(),
  })
  .meta({ id: 'StockShortfall' });

export const listShortfallsQuery = z.object({
  status: z.enum(['open', 'resolved']).optional().describe('Only the open, or only the resolved; both by default (open first).'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const resolveShortfallBody = z
  .object({
    resolution: z
      .enum(SHORTFALL_RESOLUTIONS)
      .describe('found: the units are in the stock after all, deducted now as the sale’s; written_off: nothing to deduct (say why in the note).'),
    note: z.string().trim().max(1000).default(''),
  })
  .meta(requestExample({ resolution: 'written_off', note: 'Recounted on Monday: the shelf count already shows the sale.' }));
