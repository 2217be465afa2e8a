import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { en, type Words } from './en.ts';
import { fr } from './fr.ts';

export type Language = 'fr' | 'en';
const WORDS: Record<Language, Words> = { fr, en };
const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };
const STORAGE_KEY = 'aisle.store.language';

interface LanguageContext {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Words;
  /** An amount in minor units, in the staff member's locale: 1234 EUR → "12,34 €". */
  money: (amount: number, currency: string) => string;
  /** A UTC ISO time, shown in the device's time zone and the staff member's locale. */
  dateTime: (iso: string) => string;
}

const Context = createContext<LanguageContext | null>(null);

function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'fr' || saved === 'en') return saved;
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

/** The staff member's language (French or English), kept on the device. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const value = useMemo<LanguageContext>(() => {
    const locale = LOCALES[language];
    const moneyFormats = new Map<string, Intl.NumberFormat>();
    const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      language,
      setLanguage: (next) => {
        localStorage.setItem(STORAGE_KEY, next);
        document.documentElement.lang = next;
        setLanguageState(next);
      },
      t: WORDS[language],
      money: (amount, currency) => {
        let format = moneyFormats.get(currency);
        if (!format) moneyFormats.set(currency, (format = new Intl.NumberFormat(locale, { style: 'currency', currency })));
        const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
        return format.format(amount / 10 ** digits);
      },
      dateTime: (iso) => dates.format(new Date(iso)),
    };
  }, [language]);
  document.documentElement.lang = language;
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useLanguage(): LanguageContext {
  const context = useContext(Context);
  if (!context) throw new Error('useLanguage outside LanguageProvider');
  return context;
}

/** A screen's own words (`{ en, fr }` beside the screen), in the staff member's language. */
export function useWords<T>(words: { en: T; fr: T }): T {
  return words[useLanguage().language];
}
