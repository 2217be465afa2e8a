import { z } from 'zod';
import { currencySchema } from '../../platform/http/params.ts';
import { requestExample } from '../../platform/http/openapi.ts';
import { languageSchema } from '../documents/language.ts';

export const CHANNEL_TYPES = ['web', 'register', 'marketplace', 'social', 'phone'] as const;

export const channelLocationSchema = z
  .object({
    locationId: z.uuid(),
    sells: z.boolean().default(true).describe("The location's stock is offered in this channel."),
    fulfils: z.boolean().default(true).describe("The location ships or hands over this channel's orders."),
  })
  .meta({ id: 'ChannelLocation' });

export const channelSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    type: z.enum(CHANNEL_TYPES),
    currency: z.string(),
    priceListId: z.uuid(),
    storeLocationId: z.uuid().nullable().describe('For a register: the store it stands in.'),
    enabled: z.boolean(),
    language: languageSchema
      .nullable()
      .describe("The language of customers' emails and documents when the customer has none; null: the retailer's (RETAILER_LOCALE)."),
    locations: z.array(z.object({ locationId: z.uuid(), sells: z.boolean(), fulfils: z.boolean() })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Channel' });
export type Channel = z.infer<typeof channelSchema>;

const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be 1–64 letters, digits, dot, dash or underscore');
const locations = z
  .array(channelLocationSchema)
  .max(10_000)
  .refine((list) => new Set(list.map((entry) => entry.locationId)).size === list.length, 'must not name a location twice');

export const createChannelBody = z
  .object({
    code,
    name: z.string().min(1).max(200),
    type: z.enum(CHANNEL_TYPES),
    currency: currencySchema,
    priceListId: z.uuid(),
    storeLocationId: z.uuid().optional(),
    enabled: z.boolean().default(true),
    language: languageSchema.optional(),
    locations: locations.default([]),
  })
  .refine((body) => body.type !== 'register' || body.storeLocationId !== undefined, { path: ['storeLocationId'], message: 'is required for a register' })
  .meta(
    requestExample({
      code: 'web-fr',
      name: 'Web shop France',
      type: 'web',
      currency: 'EUR',
      priceListId: '0196f3a1-2b4c-7d5e-8f60-00000000b001',
      language: 'fr',
      locations: [{ locationId: '0196f3a1-2b4c-7d5e-8f60-000000005102' }, { locationId: '0196f3a1-2b4c-7d5e-8f60-000000005101', sells: true, fulfils: true }],
    }),
  );
export type NewChannel = z.infer<typeof createChannelBody>;

export const updateChannelBody = z
  .object({
    name: z.string().min(1).max(200),
    priceListId: z.uuid(),
    enabled: z.boolean(),
    language: languageSchema.nullable().describe("null: the retailer's language."),
    locations: locations.describe('Replaces the whole list.'),
  })
  .partial()
  .meta(requestExample({ enabled: false }));
export type ChannelChanges = z.infer<typeof updateChannelBody>;

export const listChannelsQuery = z.object({
  type: z.enum(CHANNEL_TYPES).optional(),
  enabled: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
