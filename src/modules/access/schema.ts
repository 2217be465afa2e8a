import { z } from 'zod';
import { requestExample } from '../../platform/http/openapi.ts';

export const roleSchema = z.enum(['admin', 'store', 'channel']);
const email = z
  .email()
  .max(254)
  .transform((value) => value.toLowerCase());

export const loginBody = z
  .object({
    email,
    password: z.string().min(1).max(200),
  })
  .meta(requestExample({ email: 'marie.dupont@example.com', password: 'correct horse battery' }));

export const staffUserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['admin', 'store']),
    locationId: z.uuid().nullable(),
    active: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'StaffUser' });
export type StaffUser = z.infer<typeof staffUserSchema>;

export const createStaffUserBody = z
  .object({
    email,
    name: z.string().min(1).max(200),
    password: z.string().min(10, 'must be at least 10 characters').max(200),
    role: z.enum(['admin', 'store']),
    locationId: z.uuid().optional().describe('Required for store staff: the one store they work for.'),
  })
  .refine((body) => body.role !== 'store' || body.locationId !== undefined, { path: ['locationId'], message: 'is required for store staff' })
  .meta(
    requestExample({
      email: 'lucas.martin@example.com',
      name: 'Lucas Martin',
      password: 'a long passphrase',
      role: 'store',
      locationId: '0196f3a1-2b4c-7d5e-8f60-000000005101',
    }),
  );

export const updateStaffUserBody = z
  .object({
    name: z.string().min(1).max(200),
    password: z.string().min(10, 'must be at least 10 characters').max(200),
    active: z.boolean(),
  })
  .partial()
  .meta(requestExample({ name: 'Lucas Martin-Petit', active: true }));

export const apiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    role: roleSchema,
    locationId: z.uuid().nullable(),
    channelId: z.uuid().nullable(),
    tokenHint: z.string().describe('The last characters of the key, to recognise it.'),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKey = z.infer<typeof apiKeySchema>;

export const createApiKeyBody = z
  .object({
    name: z.string().min(1).max(200),
    role: roleSchema,
    locationId: z.uuid().optional().describe('Required for the store role.'),
    channelId: z.uuid().optional().describe('Required for the channel role.'),
  })
  .refine((body) => body.role !== 'store' || body.locationId !== undefined, { path: ['locationId'], message: 'is required for the store role' })
  .refine((body) => body.role !== 'channel' || body.channelId !== undefined, { path: ['channelId'], message: 'is required for the channel role' })
  .meta(requestExample({ name: 'Web shop', role: 'channel', channelId: '0196f3a1-2b4c-7d5e-8f60-00000000c001' }));

export const createdApiKeySchema = apiKeySchema.extend({
  token: z.string().describe('The secret. Shown once: only its hash is stored.'),
});

export const whoAmISchema = z.object({
  role: roleSchema,
  locationId: z.uuid().nullable(),
  channelId: z.uuid().nullable(),
  userId: z.uuid().nullable(),
  apiKeyId: z.uuid().nullable(),
  actor: z.string(),
});
