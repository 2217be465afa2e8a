import { z } from 'zod';

export const idParams = z.object({ id: z.uuid() });

/** ISO 4217 currency code, upper case. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR');
/** ISO 3166-1 alpha-2 country code, upper case. */
export const countrySchema = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as FR');
/** Money is always an integer amount of the currency's minor unit (cents). */
export const minorUnits = z.number().int().min(0).max(1_000_000_000_000);
