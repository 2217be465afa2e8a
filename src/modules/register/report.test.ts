import fc from 'fast-check';
import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { TEST_RETAILER } from '../../../test/support/policies.ts';
import type { RegisterTakings } from '../payments/register-totals.ts';
import { expectedCash, sessionReport, type ReportFacts } from './report.ts';
import { renderReportPdf } from './report-document.ts';

/** The X and Z reports' arithmetic, without a database or a clock. */

const takings = (cash: number, card: number, cashRefunded: number): RegisterTakings => ({
  sales: 3,
  taken: [
    { method: 'card_register', count: 1, amount: card },
    { method: 'cash', count: 2, amount: cash },
  ],
  refunded: cashRefunded ? [{ method: 'cash', count: 1, amount: cashRefunded }] : [],
  cashTendered: cash + 500,
  changeGiven: 500,
});

const session = (closed: { countedCash: number; expectedCash: number } | null): ReportFacts['session'] => ({
  id: '01900000-0000-7000-8000-000000000001',
  registerId: '01900000-0000-7000-8000-000000000002',
  currency: 'EUR',
  openingFloat: 10_000,
  openedBy: 'user:1',
  openedAt: '2026-12-07T08:00:00.000Z',
  closedBy: closed ? 'user:1' : null,
  closedAt: closed ? '2026-12-07T19:00:00.000Z' : null,
  countedCash: closed?.countedCash ?? null,
  expectedCash: closed?.expectedCash ?? null,
  note: null,
});

const facts = (overrides: Partial<ReportFacts>): ReportFacts => ({
  session: session(null),
  register: { id: '01900000-0000-7000-8000-000000000002', name: 'Till 1', locationId: '01900000-0000-7000-8000-000000000003' },
  takings: takings(4000, 2500, 1000),
  movements: [
    { id: 'm1', sessionId: 's', kind: 'paid_in', amount: 300, reason: 'Coins', actor: 'a', createdAt: '2026-12-07T09:00:00.000Z' },
    { id: 'm2', sessionId: 's', kind: 'paid_out', amount: 700, reason: 'Stamps', actor: 'a', createdAt: '2026-12-07T10:00:00.000Z' },
  ],
  generatedAt: new Date('2026-12-07T12:00:00.000Z'),
  ...overrides,
});

describe('session report', () => {
  it('expects float + cash taken − cash refunded + paid in − paid out; cards never count in the drawer', () => {
    const report = sessionReport(facts({}));
    expect(report).toMatchObject({
      kind: 'X',
      expectedCash: 10_000 + 4000 - 1000 + 300 - 700,
      countedCash: null,
      difference: null,
      cash: { openingFloat: 10_000, taken: 4000, refunded: 1000, paidIn: 300, paidOut: 700, tendered: 4500, changeGiven: 500 },
    });
  });

  it('reads a closed session as a Z report with the expected cash kept at the close, and the difference counted − expected', () => {
    const report = sessionReport(facts({ session: session({ countedCash: 12_450, expectedCash: 12_600 }) }));
    expect(report).toMatchObject({ kind: 'Z', expectedCash: 12_600, countedCash: 12_450, difference: -150 });
    expect(report.session).not.toHaveProperty('expectedCash');
  });

  it('adds up whatever the movements and tenders are', () => {
    fc.assert(
      fc.property(
        fc.nat(1_000_000),
        fc.nat(1_000_000),
        fc.nat(1_000_000),
        fc.array(fc.record({ kind: fc.constantFrom('paid_in' as const, 'paid_out' as const), amount: fc.integer({ min: 1, max: 100_000 }) }), {
          maxLength: 10,
        }),
        (float, cash, card, movements) => {
          const expected = expectedCash(float, takings(cash, card, 0), movements);
          const net = movements.reduce((sum, movement) => sum + (movement.kind === 'paid_in' ? movement.amount : -movement.amount), 0);
          expect(expected).toBe(float + cash + net);
        },
      ),
    );
  });
});

describe('session report as a PDF', () => {
  const closed = sessionReport(facts({ session: session({ countedCash: 12_450, expectedCash: 12_600 }) }));
  const textOf = async (retailer: { locale: string; timeZone?: string }) =>
    (await extractText(new Uint8Array(await renderReportPdf(closed, retailer)), { mergePages: true })).text.replaceAll('\u202f', ' ').replaceAll('\u00a0', ' ');

  it('is written in the retailer’s language, amounts in its locale and times in its time zone', async () => {
    const text = await textOf(TEST_RETAILER); // fr-FR, Europe/Paris
    for (const words of [
      'Rapport Z (clôture de caisse)',
      'Caisse',
      'Ouverture',
      '07/12/2026 09:00 par user:1', // 08:00 UTC is 09:00 in Lyon
      'Clôture',
      '07/12/2026 20:00 par user:1',
      'Encaissements par moyen de paiement',
      'Carte bancaire (1)',
      'Espèces (2)',
      'Fond de caisse',
      '100,00 €',
      'Espèces théoriques',
      '126,00 €',
      'Espèces comptées',
      '124,50 €',
      'Écart de caisse',
      '-1,50 €',
      'Apport : Coins',
      'Retrait : Stamps',
    ])
      expect(text).toContain(words);
    expect(text).not.toMatch(/Expected cash|Opening float|Card|UTC/);
  });

  it('is in English for an English-speaking retailer', async () => {
    const text = await textOf({ locale: 'en-IE', timeZone: 'Europe/Dublin' });
    for (const words of [
      'Z report (session closed)',
      'Opened',
      '07/12/2026, 08:00 by user:1',
      'Card (1)',
      'Cash (2)',
      'Expected cash',
      '€126.00',
      'Paid in: Coins',
    ])
      expect(text).toContain(words);
    expect(text).not.toMatch(/Rapport|Espèces/);
  });
});
