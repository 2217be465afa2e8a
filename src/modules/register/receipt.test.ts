import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { TEST_RETAILER } from '../../../test/support/policies.ts';
import type { OrderView } from '../orders/schema.ts';
import { receipt } from './receipt.ts';
import { renderReceiptPdf } from './receipt-document.ts';
import { sessionReport } from './report.ts';
import { renderReportPdf } from './report-document.ts';
import { RECEIPT_COLUMNS, receiptText, wrap } from './receipt-text.ts';

/** The receipt's words and the printer's 42 columns, without a database. */

const line = (sku: string, title: string, quantity: number, unitPrice: number) => ({
  id: '01900000-0000-7000-8000-0000000000a1',
  sku,
  title,
  quantity,
  cancelledQuantity: 0,
  unitListPrice: unitPrice,
  unitPrice,
  discountTotal: 0,
  minimumPriceApplied: false,
  manualDiscount: null as { amount: number; reason: string } | null,
  taxRateBasisPoints: 2000,
  taxAmount: Math.round((quantity * unitPrice) / 6),
  lineTotal: quantity * unitPrice,
});

const order = (overrides: Partial<OrderView> = {}): OrderView => ({
  id: '01900000-0000-7000-8000-000000000001',
  number: '100042',
  channelId: '01900000-0000-7000-8000-000000000002',
  customerId: '01900000-0000-7000-8000-000000000003',
  status: 'completed',
  currency: 'EUR',
  totals: { subtotal: 12_490, discounts: 0, shipping: 490, packing: 150, tax: 2190, total: 13_130 },
  promotionCode: null,
  email: null,
  phone: null,
  qrPayload: 'AISLE-ORDER:100042',
  amountToPay: 0,
  deliveryGroups: [
    {
      id: '01900000-0000-7000-8000-000000000004',
      method: 'ship_to_address',
      status: 'reserved',
      fulfilmentLocationId: null,
      queue: null,
      pickupLocationId: null,
      pickupCode: null,
      pickupBy: null,
      readyAt: null,
      collectedBy: null,
      trackingUrl: null,
      address: { line1: '8 quai Saint-Antoine', postalCode: '69002', city: 'Lyon', country: 'FR' },
      recipient: 'Noé Girard',
      shippingFee: 490,
      packingFee: 150,
      promisedAt: '2026-12-09T10:00:00.000Z',
      carrier: null,
      trackingNumber: null,
      transferId: null,
      mergedShipmentId: null,
      lines: [line('LAMP', 'Lampe de chevet en laiton brossé, abat-jour en lin naturel, grand modèle', 1, 8900), line('TEA', 'Thé vert', 3, 1196)],
    },
  ],
  payments: [
    {
      id: '01900000-0000-7000-8000-000000000005',
      orderId: '01900000-0000-7000-8000-000000000001',
      method: 'cash',
      provider: null,
      status: 'captured',
      currency: 'EUR',
      amount: 13_130,
      authorizedAmount: 13_130,
      capturedAmount: 13_130,
      refundedAmount: 0,
      cardBrand: null,
      cardLast4: null,
      providerReference: null,
      cashTendered: 15_000,
      changeGiven: 1870,
      registerId: '01900000-0000-7000-8000-000000000006',
      createdAt: '2026-12-07T09:15:00.000Z',
      updatedAt: '2026-12-07T09:15:00.000Z',
    },
  ],
  createdAt: '2026-12-07T09:15:00.000Z',
  updatedAt: '2026-12-07T09:15:00.000Z',
  ...overrides,
});

const store = { name: 'Maison Rhône Bellecour', address: { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon' }, timezone: 'Europe/Paris' };

/** An amount as fr-FR or en-GB writes it, with the no-break spaces a receipt keeps. */
const flat = (euros: number, language: 'fr' | 'en') =>
  new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(euros).replaceAll('\u202f', '\u00a0');

describe('receipt', () => {
  it('says the store, register, local time, lines, fees, VAT per rate and on fees, total, cash tendered and change', () => {
    const words = receipt(order(), TEST_RETAILER, store, 'Till 1', 'fr');
    expect(words.header).toEqual(['Maison Rhône', 'Maison Rhône Bellecour', '3 place Bellecour', '69002 Lyon']);
    expect(words.issuedAt).toBe('07/12/2026 10:15'); // Lyon's time, not UTC
    expect(words.amounts.map(([label]) => label)).toEqual(['Livraison', 'Emballage']);
    const lineTax = Math.round(8900 / 6) + Math.round(3588 / 6);
    expect(words.taxes).toHaveLength(2);
    expect(words.taxes[0]![0]).toBe(`TVA 20\u00a0% (base HT ${flat((8900 + 3588 - lineTax) / 100, 'fr')})`);
    expect(words.taxes[1]![0]).toMatch(/^TVA sur frais \(base HT /);
    expect(words.taxes[1]![1]).toContain(((2190 - lineTax) / 100).toFixed(2).replace('.', ','));
    expect(words.tenders).toEqual([
      ['Espèces reçues', '150,00\u00a0€'],
      ['Rendu monnaie', '18,70\u00a0€'],
    ]);
    expect(words.deliveries).toEqual(['Livraison à\u00a0: Noé Girard, 8 quai Saint-Antoine, 69002 Lyon (prévue le 09/12/2026)']);
  });

  it('prints a French customer’s receipt in French: 42 columns at most, amounts right-aligned on their label’s line, long titles wrapped', () => {
    const text = receiptText(receipt(order(), TEST_RETAILER, store, 'Till 1', 'fr'));
    const lines = text.trimEnd().split('\n');
    for (const printed of lines) expect([...printed].length).toBeLessThanOrEqual(RECEIPT_COLUMNS);
    expect(lines).toContain(`TOTAL TTC${' '.repeat(RECEIPT_COLUMNS - 'TOTAL TTC'.length - '131,30 €'.length)}131,30 €`);
    expect(lines).toContain(`Rendu monnaie${' '.repeat(RECEIPT_COLUMNS - 'Rendu monnaie'.length - '18,70 €'.length)}18,70 €`);
    expect(lines.filter((printed) => printed.startsWith('Lampe de chevet')).length).toBe(1);
    for (const words of ['Caisse : Till 1', 'Date : 07/12/2026 10:15', 'Commande : 100042', 'Espèces reçues', 'TVA 20 %', 'Merci de votre visite !'])
      expect(text).toContain(words);
    expect(text).not.toMatch(/Cash|Change|VAT|Register|Thank you/);
    expect(text).not.toContain('\u00a0');
    expect(text).toContain('AISLE-ORDER:100042');
  });

  it('prints an English customer’s receipt in English, amounts and dates as en-GB writes them', () => {
    const words = receipt(order(), TEST_RETAILER, store, 'Till 1', 'en');
    expect(words.issuedAt).toBe('07/12/2026, 10:15');
    expect(words.amounts.map(([label]) => label)).toEqual(['Shipping', 'Packing']);
    expect(words.tenders).toEqual([
      ['Cash (tendered)', '€150.00'],
      ['Change', '€18.70'],
    ]);
    expect(words.deliveries).toEqual(['Delivered to: Noé Girard, 8 quai Saint-Antoine, 69002 Lyon (expected 09/12/2026)']);
    const text = receiptText(words);
    const lines = text.trimEnd().split('\n');
    expect(lines).toContain(`TOTAL${' '.repeat(RECEIPT_COLUMNS - 'TOTAL'.length - '€131.30'.length)}€131.30`);
    for (const expected of ['Register: Till 1', 'Order: 100042', 'VAT 20% (base', 'Thank you for your visit!']) expect(text).toContain(expected);
    expect(text).not.toMatch(/Espèces|Rendu|TVA|Caisse|Merci/);
  });

  it('wraps words, and cuts a word longer than a line', () => {
    expect(wrap('a bb ccc', 4)).toEqual(['a bb', 'ccc']);
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrap('', 4)).toEqual(['']);
  });

  it('names the card’s last digits, and leaves out change when none was given', () => {
    const base = order().payments[0]!;
    const words = receipt(
      order({
        payments: [
          { ...base, method: 'card_register', cashTendered: null, changeGiven: null, cardLast4: '4242', amount: 10_000 },
          { ...base, cashTendered: 3130, changeGiven: 0, amount: 3130 },
        ],
      }),
      TEST_RETAILER,
      null,
      null,
      'fr',
    );
    expect(words.tenders).toEqual([
      ['Carte bancaire ****4242', '100,00\u00a0€'],
      ['Espèces', '31,30\u00a0€'],
    ]);
    expect(words.header).toEqual([TEST_RETAILER.name, ...TEST_RETAILER.addressLines]);
  });
});

describe('documents', () => {
  it('fits a long receipt on one narrow page, and a long report over several A4 pages', async () => {
    const many = order();
    const group = many.deliveryGroups[0]!;
    group.lines = Array.from({ length: 120 }, (_, index) => line(`SKU-${index}`, `Article numéro ${index} avec un nom assez long pour deux lignes`, 1, 100));
    const pdf = await renderReceiptPdf(receipt(many, TEST_RETAILER, store, 'Till 1', 'fr'));
    const { totalPages, text } = await extractText(new Uint8Array(pdf), { mergePages: true });
    expect(totalPages).toBe(1);
    expect(text).toContain('Article numéro 119');
    for (const words of ['Ticket de caisse', 'Caisse', 'TOTAL TTC', 'Rendu monnaie', 'Merci de votre visite']) expect(text).toContain(words);
    const english = (await extractText(new Uint8Array(await renderReceiptPdf(receipt(order(), TEST_RETAILER, store, 'Till 1', 'en'))), { mergePages: true }))
      .text;
    for (const words of ['Register: Till 1', 'TOTAL', 'Change', '€18.70', 'Thank you for your visit!']) expect(english).toContain(words);
    expect(english).not.toContain('Rendu');

    const movements = Array.from({ length: 80 }, (_, index) => ({
      id: `m${index}`,
      sessionId: 's',
      kind: 'paid_in' as const,
      amount: 100,
      reason: `Movement ${index}`,
      actor: 'a',
      createdAt: '2026-12-07T09:00:00.000Z',
    }));
    const report = sessionReport({
      session: { ...toView, expectedCash: null },
      register: { id: toView.registerId, name: 'Till 1', locationId: toView.registerId },
      takings: { sales: 0, taken: [], refunded: [], cashTendered: 0, changeGiven: 0 },
      movements,
      generatedAt: new Date('2026-12-07T12:00:00.000Z'),
    });
    const reportPdf = await extractText(new Uint8Array(await renderReportPdf(report, TEST_RETAILER)), { mergePages: true });
    expect(reportPdf.totalPages).toBeGreaterThan(1);
    expect(reportPdf.text).toContain('Movement 79');
    expect(reportPdf.text).toContain('Rapport X');
  });
});

const toView = {
  id: '01900000-0000-7000-8000-000000000011',
  registerId: '01900000-0000-7000-8000-000000000012',
  currency: 'EUR',
  openingFloat: 0,
  openedBy: 'a',
  openedAt: '2026-12-07T08:00:00.000Z',
  closedBy: null,
  closedAt: null,
  countedCash: null,
  note: null,
};
