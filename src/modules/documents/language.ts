import { z } from 'zod';

/**
 * The languages Aisle writes customer documents and emails in. To add one: its code here, its locale in `LOCALES`,
 * and its message catalogue in `messages/` (the type system then asks for every message).
 */
export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const languageSchema = z.enum(LANGUAGES).describe('The language of documents and emails: fr or en (ISO 639-1).');

/**
 * How each language writes amounts and dates when the retailer's own locale is not in that language. English is
 * en-GB: Aisle's retailers are European, and en-GB writes days before months ("7 December 2026") as the customers
 * reading an English email from a French shop expect, where en-US would write "December 7, 2026"; euros come first
 * ("€42.30") in both.
 */
const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** The language of a locale such as fr-FR or fr-BE; English for a locale whose language Aisle does not write. */
export function languageOfLocale(locale: string): Language {
  const language = locale.split('-')[0]?.toLowerCase();
  return isLanguage(language) ? language : 'en';
}

/**
 * The language a customer's document or email is written in: the customer's own, else the default of the channel
 * the order came through, else the retailer's (RETAILER_LOCALE's). An explicit choice (`?language=` on the invoice)
 * comes before all three.
 */
export function documentLanguage(choices: {
  requested?: Language | null | undefined;
  customer?: string | null | undefined;
  channel?: string | null | undefined;
  retailerLocale: string;
}): Language {
  for (const choice of [choices.requested, choices.customer, choices.channel]) if (isLanguage(choice)) return choice;
  return languageOfLocale(choices.retailerLocale);
}

/**
 * The locale amounts and dates are written in for `language`: the retailer's own when it is in that language (a
 * Belgian retailer's French is fr-BE), else the language's usual one.
 */
export function localeOf(language: Language, retailerLocale: string): string {
  return retailerLocale.split('-')[0]?.toLowerCase() === language ? retailerLocale : LOCALES[language];
}
