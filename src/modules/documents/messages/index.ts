import type { Language } from '../language.ts';
import { en, type Messages } from './en.ts';
import { fr } from './fr.ts';

/**
 * The message catalogues, one typed object per language. Plain dictionaries rather than an i18n library (i18next,
 * FormatJS): two languages and a few dozen messages, no plural that depends on a number (quantities are written
 * "2 × Mug"), and amounts and dates are Intl's (`formatMoney`, `dates.ts`); the type system checks that every
 * language has every message, with the same values, which a JSON catalogue would only find at run time.
 */
const CATALOGUES: Record<Language, Messages> = { fr, en };

export const messagesFor = (language: Language): Messages => CATALOGUES[language];
export type { Messages };
