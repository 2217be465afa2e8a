import { z } from 'zod';
import { currencySchema, minorUnits } from '../../platform/http/params.ts';
import { requestExample } from '../../platform/http/openapi.ts';

export const PRODUCT_STATUSES = ['active', 'archived'] as const;
export const MAX_PRICES_PER_REQUEST = 5_000;

/** PostgreSQL text cannot hold the NUL character: refuse it as bad input here rather than fail in the database. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the NUL character is what this refuses.
const withoutNul = [/^[^\u0000]*$/, 'must not contain the NUL character'] as const;
const text = (max: number) =>
  z
    .string()
    .max(max)
    .regex(...withoutNul);
const name = text(200).trim().min(1);

const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be 1–64 letters, digits, dot, dash or underscore');

export const skuSchema = z.string().regex(/^[\x21-\x7E]{1,64}$/, 'must be 1–64 printable characters without spaces');

/** GTIN-8, UPC-A (12), EAN-13 or GTIN-14: digits whose last one checks the others, so a misread scan is refused. */
export function isGtin(value: string): boolean {
  if (!/^(\d{8}|\d{12,14})$/.test(value)) return false;
  const digits = [...value].map(Number);
  const check = digits.pop()!;
  const sum = digits.reverse().reduce((total, digit, index) => total + digit * (index % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
}
export const barcodeSchema = z.string().max(14).refine(isGtin, 'must be an EAN/GTIN of 8, 12, 13 or 14 digits with a valid check digit');

const optionsSchema = z
  .record(text(50).min(1), text(100).min(1))
  .refine((options) => Object.keys(options).length <= 10, 'must have at most 10 options')
  .describe('What tells the variants of a product apart, e.g. {"size": "M", "colour": "Navy"}.');

/** Refuses a list that names the same thing twice, pointing at the second entry. */
function uniqueBy<T>(key: (entry: T) => string | undefined, field: string, what: string) {
  return (list: T[], context: z.RefinementCtx) => {
    const seen = new Map<string, number>();
    list.forEach((entry, index) => {
      const value = key(entry);
      if (value === undefined) return;
      const earlier = seen.get(value);
      if (earlier === undefined) seen.set(value, index);
      else context.addIssue({ code: 'custom', path: [index, field], message: `repeats the ${what} of entry ${earlier}` });
    });
  };
}

const minimumPricesSchema = z
  .array(z.object({ currency: currencySchema, amount: minorUnits }))
  .max(50)
  .superRefine(uniqueBy((floor) => floor.currency, 'currency', 'currency'))
  .describe('The floor no discount may go under, in every channel: one amount per currency, in minor units.');

export const newVariantBody = z
  .object({
    sku: skuSchema,
    barcode: barcodeSchema.optional(),
    title: name.optional().describe('Defaults to the option values, e.g. "M / Navy".'),
    options: optionsSchema.default({}),
    weightGrams: z.number().int().min(0).max(1_000_000).optional(),
    minimumPrices: minimumPricesSchema.default([]),
    prices: z
      .array(z.object({ priceListId: z.uuid(), amount: minorUnits }))
      .max(100)
      .superRefine(uniqueBy((price) => price.priceListId, 'priceListId', 'price list'))
      .default([]),
  })
  .meta(
    requestExample({
      sku: 'TSHIRT-NAVY-L',
      barcode: '4006381333931',
      options: { size: 'L', colour: 'Navy' },
      weightGrams: 180,
      prices: [{ priceListId: '0196f3a1-2b4c-7d5e-8f60-00000000b001', amount: 2500 }],
    }),
  );
export type NewVariant = z.infer<typeof newVariantBody>;

const imageUrls = z
  .array(
    z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .regex(...withoutNul),
  )
  .max(20);

/** The product's category and tags, as routing rules name them (`productTags`). */
const tags = z.array(text(64).min(1)).max(50).describe('Its category and any tags, e.g. ["apparel", "fragile"]: routing rules choose orders by them.');

export const createProductBody = z
  .object({
    title: name,
    description: text(10_000).default(''),
    taxClass: code.describe('The code of a tax class.'),
    imageUrls: imageUrls.default([]),
    tags: tags.default([]),
    status: z.enum(PRODUCT_STATUSES).default('active'),
    variants: z
      .array(newVariantBody)
      .min(1)
      .max(100)
      .superRefine(uniqueBy((variant) => variant.sku, 'sku', 'SKU'))
      .superRefine(uniqueBy((variant) => variant.barcode, 'barcode', 'barcode')),
  })
  .meta(
    requestExample({
      title: 'Organic cotton T-shirt',
      taxClass: 'standard',
      tags: ['apparel', 't-shirts'],
      variants: [
        {
          sku: 'TSHIRT-NAVY-M',
          options: { size: 'M', colour: 'Navy' },
          minimumPrices: [{ currency: 'EUR', amount: 1500 }],
          prices: [{ priceListId: '0196f3a1-2b4c-7d5e-8f60-00000000b001', amount: 2500 }],
        },
      ],
    }),
  );
export type NewProduct = z.infer<typeof createProductBody>;

export const updateProductBody = z
  .object({
    title: name,
    description: text(10_000),
    taxClass: code,
    imageUrls,
    status: z.enum(PRODUCT_STATUSES),
    tags: tags.describe('Replaces all its tags.'),
  })
  .partial()
  .meta(requestExample({ title: 'Organic cotton T-shirt, regular fit', status: 'active', tags: ['apparel', 'organic'] }));
export type ProductChanges = z.infer<typeof updateProductBody>;

export const updateVariantBody = z
  .object({
    barcode: barcodeSchema.nullable().describe('null removes the barcode.'),
    title: name,
    options: optionsSchema,
    weightGrams: z.number().int().min(0).max(1_000_000).nullable(),
  })
  .partial()
  .meta(requestExample({ barcode: '4006381333931', weightGrams: 185 }));
export type VariantChanges = z.infer<typeof updateVariantBody>;

export const minimumPricesBody = z
  .object({ minimumPrices: minimumPricesSchema.describe('Replaces all the floors of the variant.') })
  .meta(requestExample({ minimumPrices: [{ currency: 'EUR', amount: 1500 }] }));
export type MinimumPrice = z.infer<typeof minimumPricesSchema>[number];

export const createTaxClassBody = z
  .object({
    code,
    name,
    rateBasisPoints: z.number().int().min(0).max(10_000).describe('2000 = 20 %.'),
  })
  .meta(requestExample({ code: 'standard', name: 'Standard VAT', rateBasisPoints: 2000 }));
export type NewTaxClass = z.infer<typeof createTaxClassBody>;

export const createPriceListBody = z
  .object({
    code,
    name,
    currency: currencySchema,
    pricesIncludeTax: z.boolean().default(true).describe('Gross (VAT included) prices, as shelf prices are in Europe.'),
  })
  .meta(requestExample({ code: 'retail-eur', name: 'Retail EUR', currency: 'EUR', pricesIncludeTax: true }));
export type NewPriceList = z.infer<typeof createPriceListBody>;

export const priceEntrySchema = z
  .object({ sku: skuSchema.optional(), variantId: z.uuid().optional(), amount: minorUnits })
  .refine((entry) => (entry.sku === undefined) !== (entry.variantId === undefined), 'must name the variant by exactly one of sku or variantId');
export type PriceEntry = z.infer<typeof priceEntrySchema>;

export const upsertPricesBody = z.object({ prices: z.array(priceEntrySchema).min(1).max(MAX_PRICES_PER_REQUEST) }).meta(
  requestExample({
    prices: [
      { sku: 'TSHIRT-NAVY-M', amount: 2500 },
      { sku: 'TSHIRT-NAVY-L', amount: 2500 },
    ],
  }),
);

export const listProductsQuery = z.object({
  q: text(200).optional().describe('Matches title, description, SKU or barcode.'),
  sku: text(64).optional(),
  barcode: text(14).optional(),
  status: z.enum(PRODUCT_STATUSES).optional(),
});
export const listVariantsQuery = z.object({
  q: text(200).optional().describe('Matches SKU, barcode, variant or product title.'),
  sku: text(64).optional(),
  barcode: text(14).optional(),
});
export const listPriceListsQuery = z.object({ currency: currencySchema.optional() });
export const listPricesQuery = z.object({ sku: text(64).optional() });

// Answers.

export const taxClassSchema = z.object({ code: z.string(), name: z.string(), rateBasisPoints: z.number().int() }).meta({ id: 'TaxClass' });
export type TaxClass = z.infer<typeof taxClassSchema>;

export const priceListSchema = z
  .object({ id: z.uuid(), code: z.string(), name: z.string(), currency: z.string(), pricesIncludeTax: z.boolean(), createdAt: z.string() })
  .meta({ id: 'PriceList' });
export type PriceList = z.infer<typeof priceListSchema>;

export const variantSchema = z
  .object({
    id: z.uuid(),
    productId: z.uuid(),
    sku: z.string(),
    barcode: z.string().nullable(),
    title: z.string(),
    options: z.record(z.string(), z.string()),
    weightGrams: z.number().int().nullable(),
    minimumPrices: z.array(z.object({ currency: z.string(), amount: z.number().int() })),
    prices: z.array(z.object({ priceListId: z.uuid(), currency: z.string(), amount: z.number().int() })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Variant' });
export type Variant = z.infer<typeof variantSchema>;

export const variantWithProductSchema = variantSchema.extend({ productTitle: z.string() }).meta({ id: 'VariantWithProduct' });
export type VariantWithProduct = z.infer<typeof variantWithProductSchema>;

export const productSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string(),
    taxClass: z.string(),
    imageUrls: z.array(z.string()),
    status: z.enum(PRODUCT_STATUSES),
    tags: z.array(z.string()),
    variants: z.array(variantSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Product' });
export type Product = z.infer<typeof productSchema>;

export const listedPriceSchema = z.object({ variantId: z.uuid(), sku: z.string(), amount: z.number().int() }).meta({ id: 'ListedPrice' });
export type ListedPrice = z.infer<typeof listedPriceSchema>;

export const pricesWrittenSchema = z.object({
  priceListId: z.uuid(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type PricesWritten = z.infer<typeof pricesWrittenSchema>;
