import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { z } from 'zod';
import { countrySchema } from '../../platform/http/params.ts';
import { requestExample } from '../../platform/http/openapi.ts';
import { languageSchema } from '../documents/language.ts';

/** The country of phone numbers written without + when nobody says otherwise (Aisle's demo retailer is French). */
export const DEFAULT_PHONE_REGION = 'FR';

/**
 * The region `phoneSchema` reads national numbers in. zod hands a schema nothing but the value, so the app's validator
 * sets it for the length of one synchronous parse (`readingPhonesIn`) and puts the previous one back: two apps in one
 * process (tests) each read with their own region, and no configuration is left behind in this module.
 */
let readingIn: CountryCode = DEFAULT_PHONE_REGION;

/** `parse(value)` (synchronous: a zod parse) with `phoneSchema` reading national numbers in `region`. */
export function readingPhonesIn<Value, Result>(region: string, parse: (value: Value) => Result, value: Value): Result {
  const outer = readingIn;
  readingIn = region as CountryCode;
  try {
    return parse(value);
  } finally {
    readingIn = outer;
  }
}

/**
 * A phone number in E.164 (+33612345678), however it was written: "06 12 34 56 78" in the retailer's country
 * (`region`), "+33 (0)6 12-34-56-78", "0048 612 345 678". Undefined when it cannot be a number. One customer typing
 * their number two ways is still one customer.
 */
export function normalisePhone(phone: string, region: string): string | undefined {
  const parsed = parsePhoneNumberFromString(phone, region as CountryCode);
  return parsed?.isPossible() ? parsed.number : undefined;
}

export const emailSchema = z.string().trim().toLowerCase().max(254).regex(z.regexes.email, 'must be an email address');
export const phoneSchema = z
  .string()
  .max(40)
  .transform((value, context) => {
    const e164 = normalisePhone(value, readingIn);
    if (e164 === undefined)
      context.addIssue({ code: 'custom', message: "must be a phone number: international with +, or national in the retailer's country" });
    return e164 ?? z.NEVER;
  })
  .describe('Stored in E.164: "06 12 34 56 78" (in France) and "+33 6 12 34 56 78" are both +33612345678.');

const basisPoints = z.number().int().min(0).max(10_000);
const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be 1–64 letters, digits, dot, dash or underscore');

export const customerGroupSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    discountBasisPoints: z.number().int().describe('Discount every member gets, in hundredths of a percent (250 = 2.5 %).'),
    createdAt: z.string(),
  })
  .meta({ id: 'CustomerGroup' });
export type CustomerGroup = z.infer<typeof customerGroupSchema>;

export const createCustomerGroupBody = z
  .object({
    code,
    name: z.string().trim().min(1).max(200),
    discountBasisPoints: basisPoints.default(0),
  })
  .meta(requestExample({ code: 'vip', name: 'VIP', discountBasisPoints: 500 }));
export type NewCustomerGroup = z.infer<typeof createCustomerGroupBody>;

export const customerAddressSchema = z
  .object({
    id: z.uuid(),
    label: z.string().describe('What the customer calls it: Home, Work…'),
    name: z.string().describe('Who receives the parcel.'),
    line1: z.string(),
    line2: z.string(),
    postalCode: z.string(),
    city: z.string(),
    region: z.string(),
    country: z.string(),
    phone: z.string(),
    isDefault: z.boolean(),
  })
  .meta({ id: 'CustomerAddress' });
export type CustomerAddress = z.infer<typeof customerAddressSchema>;

const addressFields = {
  label: z.string().trim().max(50),
  name: z.string().trim().min(1).max(200),
  line1: z.string().trim().min(1).max(200),
  line2: z.string().trim().max(200),
  postalCode: z.string().trim().min(1).max(20),
  city: z.string().trim().min(1).max(100),
  region: z.string().trim().max(100),
  country: countrySchema,
  phone: z.literal('').or(phoneSchema).describe('A phone for the carrier; empty for none.'),
  isDefault: z.boolean(),
};
export const newAddressBody = z
  .object({
    ...addressFields,
    label: addressFields.label.default(''),
    line2: addressFields.line2.default(''),
    region: addressFields.region.default(''),
    phone: addressFields.phone.optional(),
    isDefault: addressFields.isDefault.default(false),
  })
  .meta(
    requestExample({
      label: 'Home',
      name: 'Marie Dupont',
      line1: '12 rue de Rivoli',
      postalCode: '75004',
      city: 'Paris',
      country: 'FR',
      phone: '+33 6 12 34 56 78',
      isDefault: true,
    }),
  );
export type NewAddress = z.infer<typeof newAddressBody>;
export const updateAddressBody = z
  .object(addressFields)
  .partial()
  .meta(requestExample({ line2: 'Bâtiment B', isDefault: true }));
export type AddressChanges = z.infer<typeof updateAddressBody>;

export const consentSchema = z
  .object({
    marketingEmail: z.boolean(),
    marketingEmailAt: z.string().nullable().describe('When the customer last gave or withdrew email marketing consent.'),
    marketingSms: z.boolean(),
    marketingSmsAt: z.string().nullable().describe('When the customer last gave or withdrew SMS marketing consent.'),
  })
  .meta({ id: 'CustomerConsent' });
export type Consent = z.infer<typeof consentSchema>;
const consentBody = z.object({ marketingEmail: z.boolean(), marketingSms: z.boolean() }).partial();
export type ConsentChanges = z.infer<typeof consentBody>;

export const customerSchema = z
  .object({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    emails: z.array(z.string()),
    phones: z.array(z.string()),
    addresses: z.array(customerAddressSchema),
    group: customerGroupSchema.nullable(),
    discountBasisPoints: z.number().int().describe('Individual discount, in hundredths of a percent.'),
    consent: consentSchema,
    note: z.string(),
    language: languageSchema.nullable().describe("The language of the customer's emails and documents; null: the channel's default, else the retailer's."),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Customer' });
export type Customer = z.infer<typeof customerSchema>;

const names = {
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().max(100).describe('May be empty when a channel knows only one name.'),
};
const emails = z.array(emailSchema).max(10);
const phones = z.array(phoneSchema).max(10);
const note = z.string().max(4000);

export const createCustomerBody = z
  .object({
    ...names,
    emails: emails.default([]),
    phones: phones.default([]),
    addresses: z
      .array(newAddressBody)
      .max(20)
      .default([])
      .refine((list) => list.filter((address) => address.isDefault).length <= 1, 'may have at most one default address'),
    customerGroupId: z.uuid().optional(),
    discountBasisPoints: basisPoints.default(0),
    consent: consentBody.default({}),
    note: note.default(''),
    language: languageSchema.optional(),
  })
  .refine((body) => body.emails.length + body.phones.length > 0, { path: ['emails'], message: 'at least one email or phone is required' })
  .meta(
    requestExample({
      firstName: 'Marie',
      lastName: 'Dupont',
      emails: ['marie.dupont@example.com'],
      phones: ['+33 6 12 34 56 78'],
      consent: { marketingEmail: true },
      language: 'fr',
    }),
  );
export type NewCustomer = z.infer<typeof createCustomerBody>;

export const updateCustomerBody = z
  .object({
    ...names,
    emails: emails.describe('Replaces the whole list.'),
    phones: phones.describe('Replaces the whole list.'),
    customerGroupId: z.uuid().nullable().describe('null takes the customer out of their group.'),
    discountBasisPoints: basisPoints,
    consent: consentBody,
    note,
    language: languageSchema.nullable().describe("null: no language of their own (the channel's default applies)."),
  })
  .partial()
  .meta(requestExample({ phones: ['+33 6 12 34 56 78', '+33 1 42 00 00 00'], customerGroupId: '0196f3a1-2b4c-7d5e-8f60-000000006001', language: 'en' }));
export type CustomerChanges = z.infer<typeof updateCustomerBody>;

export const listCustomersQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Matches first or last name, "first last", email or phone; empty matches everyone.'),
  email: emailSchema.optional(),
  phone: phoneSchema.optional(),
  customerGroupId: z.uuid().optional(),
});

/** A buyer as a channel knows them at checkout; the orders module matches it to a profile. */
export const guestSchema = z
  .object({
    ...names,
    email: emailSchema.optional(),
    phone: phoneSchema.optional(),
    language: languageSchema.optional().describe("The language the buyer shopped in: a new guest profile's language."),
  })
  .refine((guest) => guest.email !== undefined || guest.phone !== undefined, { path: ['email'], message: 'an email or a phone is required' });
export type Guest = z.input<typeof guestSchema>;

export const addressParams = z.object({ id: z.uuid(), addressId: z.uuid() });
