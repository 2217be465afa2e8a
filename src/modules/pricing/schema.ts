// Over 300 lines: the zod schemas of pricing's requests and answers (quotes, promotions, delivery rates), each with its OpenAPI example.
import { z } from 'zod';
import { currencySchema, minorUnits } from '../../platform/http/params.ts';
import { skuSchema } from '../catalog/schema.ts';
import { requestExample } from '../../platform/http/openapi.ts';
import { DELIVERY_METHODS, PROMOTION_KINDS, SHIPPING_PRICINGS } from './terms.ts';

export { DELIVERY_METHODS, PROMOTION_KINDS, SHIPPING_PRICINGS };
export const MAX_QUOTE_LINES = 500;

const instant = z.iso.datetime({ offset: true }).describe('ISO 8601 with a time zone, e.g. 2025-06-01T00:00:00+02:00.');
const taxClassCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be 1–64 letters, digits, dot, dash or underscore');
export const promotionCodeSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be 1–64 letters, digits, dash or underscore')
  .transform((code) => code.toUpperCase())
  .describe('Case does not matter: summer10 and SUMMER10 are one code.');

// Quotes.

export const lineDiscountSchema = z
  .object({
    percentBasisPoints: z.number().int().min(1).max(10_000).optional().describe('Basis points of the line’s list total: 1500 is 15 %.'),
    amount: minorUnits.min(1).optional().describe('Off the whole line (not each unit), in minor units.'),
    reason: z.string().trim().min(1).max(200).describe('Why: shown on the order and the receipt.'),
  })
  .refine((discount) => (discount.percentBasisPoints === undefined) !== (discount.amount === undefined), {
    message: 'must give exactly one of percentBasisPoints or amount',
    path: ['percentBasisPoints'],
  })
  .describe(
    'A discount staff give on this line at the counter (admin or store staff; a channel key may not): after the customer’s and the promotion’s, never under the minimum price.',
  );

export const quoteBody = z
  .object({
    channelId: z.uuid().optional().describe('Required except with a channel key, which always quotes for its own channel.'),
    customerId: z.uuid().optional().describe('Applies the customer’s group and individual discounts.'),
    lines: z
      .array(z.object({ sku: skuSchema, quantity: z.number().int().min(1).max(10_000), discount: lineDiscountSchema.optional() }))
      .min(1)
      .max(MAX_QUOTE_LINES),
    deliveryGroups: z
      .array(
        z
          .object({
            method: z.enum(DELIVERY_METHODS),
            lineIndexes: z
              .array(
                z
                  .number()
                  .int()
                  .min(0)
                  .max(MAX_QUOTE_LINES - 1),
              )
              .min(1)
              .max(MAX_QUOTE_LINES)
              .optional(),
            skus: z.array(skuSchema).min(1).max(MAX_QUOTE_LINES).optional(),
            locationId: z.uuid().optional().describe('The store of a pickup or ship-to-store group.'),
          })
          .refine((group) => (group.lineIndexes === undefined) !== (group.skus === undefined), {
            message: 'must name its lines by exactly one of lineIndexes or skus',
            path: ['lineIndexes'],
          }),
      )
      .max(50)
      .default([])
      .describe('Lines delivered together and how; fees are per group. Lines in no group are carried out of the store.'),
    promotionCode: promotionCodeSchema.optional(),
  })
  .meta(
    requestExample({
      channelId: '0196f3a1-2b4c-7d5e-8f60-00000000c001',
      customerId: '0196f3a1-2b4c-7d5e-8f60-00000000cc01',
      lines: [{ sku: 'TSHIRT-NAVY-M', quantity: 2 }],
      deliveryGroups: [{ method: 'ship_to_address' }],
      promotionCode: 'SUMMER10',
    }),
  );
export type QuoteRequest = z.infer<typeof quoteBody>;

const discountSchema = z.object({
  source: z.enum(['customer_group', 'customer', 'promotion', 'manual']),
  amount: z.number().int(),
  reason: z.string().optional().describe('Why staff gave it (manual discounts).'),
});

export const quoteSchema = z
  .object({
    channelId: z.uuid(),
    customerId: z.uuid().nullable(),
    currency: z.string(),
    pricesIncludeTax: z.boolean().describe('Whether line amounts before tax (list total, discounts, floor) are gross; totals are always gross.'),
    lines: z.array(
      z.object({
        variantId: z.uuid(),
        sku: z.string(),
        quantity: z.number().int(),
        unitListPrice: z.number().int(),
        minimumPrice: z.number().int().nullable(),
        listTotal: z.number().int(),
        discounts: z.array(discountSchema).describe('In the order applied, each after the minimum price capped it.'),
        discountTotal: z.number().int(),
        minimumPriceApplied: z.boolean(),
        cappedBy: z.number().int().describe('Discount the minimum price held back on this line.'),
        taxRateBasisPoints: z.number().int(),
        net: z.number().int(),
        tax: z.number().int(),
        lineTotal: z.number().int().describe('Gross.'),
      }),
    ),
    deliveryGroups: z.array(
      z.object({
        method: z.enum(DELIVERY_METHODS),
        locationId: z.uuid().nullable(),
        lineIndexes: z.array(z.number().int()),
        weightGrams: z.number().int(),
        goodsTotal: z.number().int(),
        shippingFee: z.number().int(),
        shippingWaived: z.number().int(),
        shippingTax: z.number().int(),
        packingFee: z.number().int(),
        packingTax: z.number().int(),
      }),
    ),
    promotion: z
      .object({
        id: z.uuid().describe('What the order redeems.'),
        code: z.string(),
        kind: z.enum(PROMOTION_KINDS),
        applied: z.boolean(),
        reason: z
          .string()
          .nullable()
          .describe('Why it was not applied: expired, not-started, exhausted, inactive, not-for-this-channel, other-currency, below-minimum-subtotal.'),
        amount: z.number().int(),
      })
      .nullable(),
    taxes: z.array(z.object({ rateBasisPoints: z.number().int(), net: z.number().int(), tax: z.number().int() })),
    totals: z.object({
      subtotal: z.number().int(),
      discountTotal: z.number().int(),
      shippingTotal: z.number().int(),
      packingTotal: z.number().int(),
      taxTotal: z.number().int(),
      total: z.number().int(),
    }),
    quotedAt: z.string(),
  })
  .meta({ id: 'Quote' });
export type Quote = z.infer<typeof quoteSchema>;

// Promotions.

const promotionFields = {
  name: z.string().trim().max(200),
  value: z
    .number()
    .int()
    .min(0)
    .max(1_000_000_000_000)
    .describe('Basis points for a percentage (1000 = 10 %), minor units for a fixed amount, 0 for free shipping.'),
  currency: currencySchema.nullable().describe('Required for a fixed amount or a minimum subtotal.'),
  minimumSubtotal: minorUnits.describe('Gross amount the goods must reach after customer discounts; 0 for none.'),
  startsAt: instant.nullable(),
  endsAt: instant.nullable(),
  usageLimit: z.number().int().min(0).max(1_000_000_000).nullable().describe('How many orders may use the code; null for no limit.'),
  channelIds: z.array(z.uuid()).max(100).nullable().describe('Channels where the code works; null for every channel.'),
  active: z.boolean(),
};

export const createPromotionBody = z
  .object({
    code: promotionCodeSchema,
    kind: z.enum(PROMOTION_KINDS),
    ...promotionFields,
    name: promotionFields.name.default(''),
    value: promotionFields.value.default(0),
    currency: promotionFields.currency.default(null),
    minimumSubtotal: promotionFields.minimumSubtotal.default(0),
    startsAt: promotionFields.startsAt.default(null),
    endsAt: promotionFields.endsAt.default(null),
    usageLimit: promotionFields.usageLimit.default(null),
    channelIds: promotionFields.channelIds.default(null),
    active: promotionFields.active.default(true),
  })
  .superRefine((promotion, context) => {
    for (const problem of promotionProblems(promotion)) context.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  })
  .meta(
    requestExample({
      code: 'SUMMER10',
      kind: 'percentage',
      name: 'Summer sale',
      value: 1000,
      startsAt: '2025-06-01T00:00:00+02:00',
      endsAt: '2025-06-30T23:59:59+02:00',
      usageLimit: 1000,
    }),
  );
export type NewPromotion = z.infer<typeof createPromotionBody>;

interface PromotionTerms {
  kind: (typeof PROMOTION_KINDS)[number];
  value: number;
  currency: string | null;
  minimumSubtotal: number;
  startsAt: string | Date | null;
  endsAt: string | Date | null;
}

/** What makes a promotion's terms inconsistent; checked on creation and again on the merged row of a change. */
export function promotionProblems(terms: PromotionTerms): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const { kind, value } = terms;
  if (kind === 'percentage' && (value < 1 || value > 10_000)) problems.push({ field: 'value', message: 'must be 1 to 10000 basis points for a percentage' });
  if (kind === 'fixed_amount' && value < 1) problems.push({ field: 'value', message: 'must be at least 1 (minor units) for a fixed amount' });
  if (kind === 'free_shipping' && value !== 0) problems.push({ field: 'value', message: 'must be 0 for free shipping' });
  if ((kind === 'fixed_amount' || terms.minimumSubtotal > 0) && terms.currency === null) {
    problems.push({ field: 'currency', message: 'is required for a fixed amount or a minimum subtotal' });
  }
  if (terms.startsAt !== null && terms.endsAt !== null && new Date(terms.startsAt).getTime() >= new Date(terms.endsAt).getTime()) {
    problems.push({ field: 'endsAt', message: 'must be after startsAt' });
  }
  return problems;
}

export const updatePromotionBody = z
  .object(promotionFields)
  .partial()
  .meta(requestExample({ endsAt: '2025-07-15T23:59:59+02:00', active: true }));
export type PromotionChanges = z.infer<typeof updatePromotionBody>;

export const listPromotionsQuery = z.object({
  code: z
    .string()
    .max(64)
    .transform((code) => code.toUpperCase())
    .optional(),
  active: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});

export const promotionSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(PROMOTION_KINDS),
    value: z.number().int(),
    currency: z.string().nullable(),
    minimumSubtotal: z.number().int(),
    startsAt: z.string().nullable(),
    endsAt: z.string().nullable(),
    usageLimit: z.number().int().nullable(),
    timesUsed: z.number().int(),
    channelIds: z.array(z.uuid()).nullable(),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Promotion' });
export type Promotion = z.infer<typeof promotionSchema>;

// Delivery rates.

const weightBandsSchema = z
  .array(z.object({ upToGrams: z.number().int().min(0).max(100_000_000), amount: minorUnits }))
  .min(1)
  .max(50)
  .superRefine((bands, context) => {
    const seen = new Set<number>();
    bands.forEach((band, index) => {
      if (seen.has(band.upToGrams)) context.addIssue({ code: 'custom', path: [index, 'upToGrams'], message: 'repeats the weight of another band' });
      seen.add(band.upToGrams);
    });
  })
  .describe('The group pays the amount of the lightest band its weight fits in; heavier groups cannot use the method.');

export const putDeliveryRateBody = z
  .object({
    channelId: z.uuid().nullable().default(null).describe('null: the default for every channel selling in this currency.'),
    method: z.enum(DELIVERY_METHODS),
    pricing: z.enum(SHIPPING_PRICINGS),
    amount: minorUnits.default(0).describe('Gross shipping fee (flat, and below the threshold for free_above).'),
    freeAboveAmount: minorUnits.nullable().default(null).describe('free_above: shipping is free from this gross amount of goods after discounts.'),
    weightBands: weightBandsSchema.nullable().default(null),
    packingFee: minorUnits.default(0).describe('Gross, charged per delivery group, never waived by a code.'),
    currency: currencySchema,
    taxClass: taxClassCode.describe('The tax class the fees are taxed at.'),
  })
  .superRefine((rate, context) => {
    if (rate.pricing === 'free_above' && rate.freeAboveAmount === null)
      context.addIssue({ code: 'custom', path: ['freeAboveAmount'], message: 'is required for free_above' });
    if (rate.pricing === 'weight_band' && rate.weightBands === null)
      context.addIssue({ code: 'custom', path: ['weightBands'], message: 'is required for weight_band' });
  })
  .meta(
    requestExample({
      channelId: '0196f3a1-2b4c-7d5e-8f60-00000000c001',
      method: 'ship_to_address',
      pricing: 'free_above',
      amount: 490,
      freeAboveAmount: 5000,
      packingFee: 0,
      currency: 'EUR',
      taxClass: 'standard',
    }),
  );
export type DeliveryRateInput = z.infer<typeof putDeliveryRateBody>;

export const listDeliveryRatesQuery = z.object({
  channelId: z.uuid().optional().describe('Only the rates this channel uses: its own, else the defaults in its currency.'),
});

export const deliveryRateSchema = z
  .object({
    id: z.uuid(),
    channelId: z.uuid().nullable(),
    method: z.enum(DELIVERY_METHODS),
    pricing: z.enum(SHIPPING_PRICINGS),
    amount: z.number().int(),
    freeAboveAmount: z.number().int().nullable(),
    weightBands: z.array(z.object({ upToGrams: z.number().int(), amount: z.number().int() })).nullable(),
    packingFee: z.number().int(),
    currency: z.string(),
    taxClass: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'DeliveryRate' });
export type DeliveryRateView = z.infer<typeof deliveryRateSchema>;
