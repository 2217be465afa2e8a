import { z } from 'zod';
import { requestExample } from '../../platform/http/openapi.ts';
import { currencySchema } from '../../platform/http/params.ts';
import { languageSchema } from '../documents/language.ts';
import { PAYMENT_METHODS } from '../payments/schema.ts';

const money = z.number().int();
const amount = z.number().int().min(0).max(1_000_000_000_000).describe('Minor units (cents).');

export const createRegisterBody = z.object({ name: z.string().min(1).max(100) }).meta(requestExample({ name: 'Till 1' }));

export const sessionSchema = z
  .object({
    id: z.uuid(),
    registerId: z.uuid(),
    currency: z.string(),
    openingFloat: money,
    openedBy: z.string(),
    openedAt: z.string(),
    closedBy: z.string().nullable(),
    closedAt: z.string().nullable(),
    countedCash: money.nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'RegisterSession' });
export type SessionView = z.infer<typeof sessionSchema>;

export const registerSchema = z
  .object({
    id: z.uuid(),
    locationId: z.uuid(),
    name: z.string(),
    createdAt: z.string(),
    openSession: sessionSchema.nullable().describe('The session open at the register, if any.'),
  })
  .meta({ id: 'Register' });
export type RegisterView = z.infer<typeof registerSchema>;

export const openSessionBody = z
  .object({ openingFloat: amount.describe('The cash in the drawer at the opening (minor units).'), currency: currencySchema })
  .meta(requestExample({ openingFloat: 15000, currency: 'EUR' }));

export const cashMovementBody = z
  .object({
    kind: z.enum(['paid_in', 'paid_out']).describe('paid_in: cash put in the drawer (more change); paid_out: cash taken out (a supplier paid, a bank drop).'),
    amount: amount.min(1),
    reason: z.string().min(1).max(500),
  })
  .meta(requestExample({ kind: 'paid_out', amount: 2000, reason: 'Window cleaner' }));
export type CashMovementInput = z.infer<typeof cashMovementBody>;

export const cashMovementSchema = z
  .object({
    id: z.uuid(),
    sessionId: z.uuid(),
    kind: z.enum(['paid_in', 'paid_out']),
    amount: money,
    reason: z.string(),
    actor: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'RegisterCashMovement' });

export const closeSessionBody = z
  .object({ countedCash: amount.describe('The cash counted in the drawer at the close.'), note: z.string().max(2000).optional() })
  .meta(requestExample({ countedCash: 18450, note: 'One 5 € note short' }));

const tenderTotal = z.object({ method: z.enum(PAYMENT_METHODS), count: z.number().int(), amount: money });

export const sessionReportSchema = z
  .object({
    kind: z.enum(['X', 'Z']).describe('X while the session is open (a reading that changes nothing), Z once it is closed.'),
    session: sessionSchema,
    register: z.object({ id: z.uuid(), name: z.string(), locationId: z.uuid() }),
    generatedAt: z.string(),
    sales: z.number().int().describe('Orders with money taken at the register during the session.'),
    tenders: z.array(tenderTotal).describe('Captured at the register during the session, per tender (cash net of change).'),
    refunds: z.array(tenderTotal).describe('Given back during the session on payments taken at the register, per tender.'),
    cash: z.object({
      openingFloat: money,
      taken: money,
      refunded: money,
      tendered: money.describe('Cash handed over by customers (before change).'),
      changeGiven: money,
      paidIn: money,
      paidOut: money,
    }),
    cashMovements: z.array(cashMovementSchema),
    expectedCash: money.describe('Float + cash taken − cash refunded + paid in − paid out (at the close, as worked out then).'),
    countedCash: money.nullable(),
    difference: money.nullable().describe('Counted − expected: negative when cash is missing.'),
  })
  .meta({ id: 'RegisterSessionReport' });
export type SessionReport = z.infer<typeof sessionReportSchema>;

export const nearbyQuery = z.object({ from: z.uuid().describe('The location the distances are measured from (the asking store).') });
export const nearbySchema = z.object({
  sku: z.string(),
  from: z.uuid(),
  items: z.array(
    z.object({
      locationId: z.uuid(),
      code: z.string(),
      name: z.string(),
      type: z.string(),
      distanceKm: z.number().describe('As the crow flies from `from`, rounded to 0.1 km.'),
      onHand: z.number().int(),
      reserved: z.number().int(),
      available: z.number().int(),
    }),
  ),
});

export const receiptQuery = z.object({
  format: z.enum(['pdf', 'text']).default('pdf').describe('pdf (default), or text: 42 columns for a receipt printer.'),
  language: languageSchema.optional().describe("Print in this language instead of the customer's (else the channel's, else the retailer's)."),
});
