import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { balanceOf, type PaymentFacts } from './balance.ts';
import { documentLanguage, languageOfLocale, LANGUAGES, localeOf } from './language.ts';
import { messagesFor } from './messages/index.ts';

describe("a customer document's language", () => {
  it("is the customer's own, else the channel's default, else the retailer's", () => {
    expect(documentLanguage({ customer: 'en', channel: 'fr', retailerLocale: 'fr-FR' })).toBe('en');
    expect(documentLanguage({ customer: null, channel: 'en', retailerLocale: 'fr-FR' })).toBe('en');
    expect(documentLanguage({ customer: null, channel: null, retailerLocale: 'fr-FR' })).toBe('fr');
    expect(documentLanguage({ retailerLocale: 'en-IE' })).toBe('en');
  });

  it('is the one asked for, before all three', () => {
    expect(documentLanguage({ requested: 'fr', customer: 'en', channel: 'en', retailerLocale: 'en-GB' })).toBe('fr');
  });

  it('passes over a language Aisle does not write (a value left from an older list), and falls back to English for a retailer in another', () => {
    expect(documentLanguage({ customer: 'de', channel: 'en', retailerLocale: 'fr-FR' })).toBe('en');
    expect(documentLanguage({ customer: null, channel: null, retailerLocale: 'pl-PL' })).toBe('en');
    expect(languageOfLocale('fr-BE')).toBe('fr');
  });

  it("writes amounts and dates in the retailer's locale when it speaks that language, else the language's usual one", () => {
    expect(localeOf('fr', 'fr-FR')).toBe('fr-FR');
    expect(localeOf('fr', 'fr-BE')).toBe('fr-BE');
    expect(localeOf('en', 'fr-FR')).toBe('en-GB');
    expect(localeOf('en', 'en-IE')).toBe('en-IE');
    expect(localeOf('fr', 'pl-PL')).toBe('fr-FR');
  });
});

describe('the message catalogues', () => {
  /** Every message of a catalogue, functions called with sample values, by its path. */
  const flatten = (value: unknown, path = ''): [string, string][] => {
    if (typeof value === 'string') return [[path, value]];
    if (typeof value === 'function') return [[path, String(value('A', 'B', 'C', 'D'))]];
    return Object.entries(value as object).flatMap(([key, inner]) => flatten(inner, path ? `${path}.${key}` : key));
  };

  it('say every message in every language, none left empty or in the other language', () => {
    const [first, ...others] = LANGUAGES.map((language) => new Map(flatten(messagesFor(language))));
    for (const other of others) expect([...other.keys()]).toEqual([...first!.keys()]);
    for (const catalogue of [first!, ...others]) for (const [path, text] of catalogue) expect(text.trim(), path).not.toBe('');
    // Labels that differ between the languages (a name or a code may read the same: "Total", "Date").
    const different = [...first!].filter(([path, text]) => others[0]!.get(path) !== text);
    expect(different.length).toBeGreaterThan([...first!.keys()].length * 0.8);
  });
});

describe("what a document says of the customer's payments", () => {
  const payment = (method: PaymentFacts['method'], status: string, amounts: Partial<PaymentFacts> = {}): PaymentFacts => ({
    method,
    status,
    authorizedAmount: 0,
    capturedAmount: 0,
    refundedAmount: 0,
    ...amounts,
  });

  it('is money still to pay, not paid, while a pay-at-pickup waits for the counter', () => {
    expect(balanceOf([payment('pay_at_pickup', 'awaiting_pickup', { authorizedAmount: 4230 })])).toEqual({ paid: [], refunded: [], toPayAtPickup: 4230 });
  });

  it('is paid at pickup once the counter takes it, in part or in whole', () => {
    expect(balanceOf([payment('pay_at_pickup', 'partially_captured', { authorizedAmount: 4230, capturedAmount: 1000 })])).toEqual({
      paid: [{ method: 'pay_at_pickup', amount: 1000 }],
      refunded: [],
      toPayAtPickup: 3230,
    });
    expect(balanceOf([payment('pay_at_pickup', 'captured', { authorizedAmount: 4230, capturedAmount: 4230 })]).toPayAtPickup).toBe(0);
  });

  it('counts a card authorised online as paid, and what was taken once captured, merged per method', () => {
    expect(
      balanceOf([
        payment('card_online', 'authorized', { authorizedAmount: 3000 }),
        payment('cash', 'captured', { authorizedAmount: 500, capturedAmount: 500 }),
        payment('cash', 'captured', { authorizedAmount: 700, capturedAmount: 700 }),
      ]),
    ).toEqual({
      paid: [
        { method: 'card_online', amount: 3000 },
        { method: 'cash', amount: 1200 },
      ],
      refunded: [],
      toPayAtPickup: 0,
    });
  });

  it('leaves out what never went through or was called off: declined, failed, voided, cancelled', () => {
    const calledOff = ['pending', 'declined', 'failed', 'voided'].map((status) => payment('card_online', status, { authorizedAmount: 999 }));
    expect(balanceOf([...calledOff, payment('pay_at_pickup', 'cancelled', { authorizedAmount: 0 })])).toEqual({ paid: [], refunded: [], toPayAtPickup: 0 });
  });

  it('shows a refund apart from what was paid', () => {
    expect(balanceOf([payment('card_online', 'partially_refunded', { authorizedAmount: 3000, capturedAmount: 3000, refundedAmount: 1200 })])).toEqual({
      paid: [{ method: 'card_online', amount: 3000 }],
      refunded: [{ method: 'card_online', amount: 1200 }],
      toPayAtPickup: 0,
    });
  });
});

describe("the retailer's settings for documents", () => {
  it('default to the demo shop in Lyon, with fake legal mentions, and dates in Paris time', () => {
    expect(loadConfig({}).retailer).toEqual({
      name: 'Maison Rhône',
      addressLines: ['45 rue de la République', '69002 Lyon', 'France'],
      vatNumber: 'FR12123456789',
      companyId: '123 456 789 00012',
      legalNotice: 'SAS au capital de 10 000 € · RCS Lyon 123 456 789',
      locale: 'fr-FR',
      timeZone: 'Europe/Paris',
    });
  });

  it('take a real time zone only', () => {
    expect(loadConfig({ RETAILER_TIMEZONE: 'Europe/Warsaw' }).retailer.timeZone).toBe('Europe/Warsaw');
    expect(() => loadConfig({ RETAILER_TIMEZONE: 'Mars/Olympus_Mons' })).toThrow(/RETAILER_TIMEZONE: must be an IANA time zone/);
  });
});
