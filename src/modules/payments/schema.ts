import { z } from 'zod';
import type { PaymentMethod } from './tables.ts';
import { PAYMENT_STATUSES } from './machine.ts';
import { passesLuhn } from './providers.ts';

export type { PaymentMethod };

export const PAYMENT_METHODS = [
  'card_online',
  'card_register',
  'cash',
  'pay_at_pickup',
  'gift_card',
  'loyalty_points',
  'store_credit',
] as const satisfies readonly PaymentMethod[];
export { PAYMENT_STATUSES };

/** Methods that come with the loyalty issue: accepted by the schema so that they are refused with a clear 422. */
export const COMING_METHODS = ['gift_card', 'loyalty_points', 'store_credit'] as const;

const amount = z.number().int().min(1).max(1_000_000_000_000).describe('Minor units (cents) applied to the order.');

const cardSchema = z.object({
  number: z
    .string()
    .max(30)
    .refine((value) => /^[\d\s-]+$/.test(value) && passesLuhn(value), 'must be a card number (12–19 digits, Luhn-valid)'),
  expMonth: z.number().int().min(1).max(12),
  expYear: z.number().int().min(2000).max(2100),
  cvc: z.string().regex(/^\d{3,4}$/, 'must be 3 or 4 digits'),
});

export const tenderSchema = z
  .discriminatedUnion('method', [
    z
      .object({
        method: z.literal('card_online'),
        amount,
        provider: z.string().min(1).max(50).optional().describe('The payment provider; the default one when absent.'),
        card: cardSchema.optional(),
        token: z.string().min(1).max(500).optional().describe("A token from the provider's own card form, instead of card details."),
      })
      .refine((tender) => tender.card !== undefined || tender.token !== undefined, { message: 'needs card details or a provider token', path: ['card'] }),
    z.object({
      method: z.literal('card_register'),
      amount,
      reference: z.string().min(1).max(200).describe("The card terminal's reference of the payment, from the register."),
      cardBrand: z.string().min(1).max(30).optional(),
      cardLast4: z
        .string()
        .regex(/^\d{4}$/, 'must be 4 digits')
        .optional(),
    }),
    z
      .object({
        method: z.literal('cash'),
        amount,
        tendered: z.number().int().min(1).max(1_000_000_000_000).optional().describe('Cash handed over, when more than the amount: the rest is change.'),
      })
      .refine((tender) => tender.tendered === undefined || tender.tendered >= tender.amount, { message: 'must be at least the amount', path: ['tendered'] }),
    z.object({ method: z.literal('pay_at_pickup'), amount }),
    z.object({ method: z.enum(COMING_METHODS), amount }),
  ])
  .meta({ id: 'Tender', description: 'One way the customer pays part (or all) of an order.' });

export type Tender = z.input<typeof tenderSchema>;
export const tendersSchema = z.array(tenderSchema).max(10);

export const paymentSchema = z
  .object({
    id: z.uuid(),
    orderId: z.uuid(),
    method: z.enum(PAYMENT_METHODS),
    provider: z.string().nullable(),
    status: z.enum(PAYMENT_STATUSES),
    currency: z.string(),
    amount: z.number().int(),
    authorizedAmount: z.number().int().describe('The most the payment will collect: the card hold or what is due at pickup, less what was released.'),
    capturedAmount: z.number().int(),
    refundedAmount: z.number().int(),
    cardBrand: z.string().nullable(),
    cardLast4: z.string().nullable(),
    providerReference: z.string().nullable(),
    cashTendered: z.number().int().nullable(),
    changeGiven: z.number().int().nullable(),
    registerId: z.uuid().nullable().describe('The register the money was taken at, if any.'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Payment' });
export type Payment = z.infer<typeof paymentSchema>;

export const paymentEventSchema = z
  .object({
    id: z.number().int(),
    paymentId: z.uuid(),
    type: z.string(),
    amount: z.number().int(),
    fromStatus: z.enum(PAYMENT_STATUSES),
    toStatus: z.enum(PAYMENT_STATUSES),
    providerReference: z.string().nullable(),
    actor: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'PaymentEvent' });
export type PaymentEvent = z.infer<typeof paymentEventSchema>;
