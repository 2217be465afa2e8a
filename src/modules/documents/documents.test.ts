import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qrCodesIn, startSmtpInbox, type Inbox } from '../../../test/support/mail.ts';
import { sendOrderConfirmation, sendShipped } from './customer-emails.ts';
import { orderQrPayload, parseOrderQrPayload, renderInvoicePdf, type InvoiceDocument, type InvoiceLine } from './invoice.ts';
import type { Language } from './language.ts';
import { createMailer, type Mailer, type OutgoingMail } from './mailer.ts';
import { formatMoney, formatRate } from './money.ts';

const FROM = 'Maison Dupont <commandes@maison-dupont.example>';

function anInvoice(
  orderNumber: string,
  language: Language = 'fr',
  lines: InvoiceLine[] = [
    { sku: 'TSH-BLK-M', title: 'T-shirt coton bio, noir, M', quantity: 2, unitPrice: 2490, discount: 500, taxRateBasisPoints: 2000, lineTotal: 4480 },
    { sku: 'MUG-ŁÓDŹ', title: 'Kubek „Łódź”', quantity: 1, unitPrice: 118476, discount: 0, taxRateBasisPoints: 550, lineTotal: 118476 },
  ],
): InvoiceDocument {
  return {
    retailer: {
      name: 'Maison Dupont',
      addressLines: ['12 rue de Rivoli', '75004 Paris'],
      vatNumber: 'FR12345678901',
      companyId: '987 654 321 00034',
      companyIdLabel: 'SIRET',
      legalNotice: 'SARL au capital de 5 000 € · RCS Paris 987 654 321',
    },
    number: 'F-2025-000123',
    orderNumber,
    issuedAt: '2025-11-23T18:30:00Z',
    currency: 'EUR',
    language,
    locale: language === 'fr' ? 'fr-FR' : 'en-GB',
    timeZone: 'Europe/Paris',
    customer: { name: 'Zofia Łukasiewicz', email: 'zofia@example.com', phone: '+48600700800' },
    channelName: 'Web shop',
    pricesIncludeTax: true,
    lines,
    fees: [{ kind: 'packing', amount: 500 }],
    taxes: [
      { rateBasisPoints: 2000, base: 3733, amount: 747 },
      { rateBasisPoints: 550, base: 112300, amount: 6176 },
    ],
    totals: { subtotal: 123456, discounts: 500, fees: 500, tax: 6923, total: 123456 },
    // Part paid online by card, the rest to pay at the store: not "paid".
    payments: { paid: [{ method: 'card_online', amount: 119226 }], refunded: [], toPayAtPickup: 4230 },
    qrPayload: orderQrPayload(orderNumber),
  };
}

/** The PDF's text with every kind of space (Intl uses no-break ones) made plain, so amounts compare as printed. */
async function textOf(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const { text, totalPages } = await extractText(new Uint8Array(pdf), { mergePages: true });
  return { text: plain(text), pages: totalPages };
}
const plain = (text: string) => text.replace(/\s+/g, ' ');

describe('amounts as customers read them', () => {
  it('formats minor units for the currency and locale, without going through floating point', () => {
    expect(formatMoney(123456, 'EUR', 'fr-FR')).toBe('1\u202f234,56\u00a0€');
    expect(formatMoney(123456, 'EUR', 'en')).toBe('€1,234.56');
    expect(formatMoney(-500, 'EUR', 'fr-FR')).toBe('-5,00\u00a0€');
    expect(formatMoney(5, 'PLN', 'pl-PL')).toBe('0,05\u00a0zł');
    expect(formatMoney(1234, 'JPY', 'en')).toBe('¥1,234');
    expect(formatMoney(1234567, 'KWD', 'en')).toBe('KWD\u00a01,234.567');
    // 2^53 − 1 cents: a float division by 100 would already round the last digit.
    expect(formatMoney(9007199254740991, 'EUR', 'en')).toBe('€90,071,992,547,409.91');
    expect(() => formatMoney(12.5, 'EUR', 'en')).toThrow(RangeError);
  });

  it('prints tax rates kept in basis points', () => {
    expect(formatRate(2000, 'fr-FR')).toBe('20\u00a0%');
    expect(formatRate(550, 'fr-FR')).toBe('5,5\u00a0%');
    expect(formatRate(2300, 'pl-PL')).toBe('23%');
  });
});

describe('the order QR code', () => {
  it('recalls the order it was printed for', () => {
    for (const orderNumber of ['100045', 'WEB-2025.77_a']) expect(parseOrderQrPayload(orderQrPayload(orderNumber))).toBe(orderNumber);
    expect(orderQrPayload('100045')).toBe('AISLE-ORDER:100045');
  });

  it('survives what scanners do to a code: a line ending, the letters upper- or lower-cased', () => {
    expect(parseOrderQrPayload('AISLE-ORDER:100045\r\n')).toBe('100045');
    expect(parseOrderQrPayload('aisle-order:100045')).toBe('100045');
  });

  it('answers null for any other code', () => {
    for (const scan of [
      '100045',
      '4006381333931',
      'AISLE-ORDER:',
      'AISLE-ORDER:10 045',
      'AISLE-ORDER:../etc',
      'AISLE-LOYALTY:100045',
      'https://example.com/AISLE-ORDER:1',
    ]) {
      expect(parseOrderQrPayload(scan)).toBeNull();
    }
  });

  it('refuses to print an order number a scan could not give back', () => {
    expect(() => orderQrPayload('10 045')).toThrow(RangeError);
    expect(() => orderQrPayload('')).toThrow(RangeError);
  });
});

describe('the order confirmation over SMTP', () => {
  let inbox: Inbox;
  beforeAll(async () => {
    inbox = await startSmtpInbox();
  });
  afterAll(() => inbox.close());

  it('reaches a French customer in French, with a French invoice whose QR code recalls the order', async () => {
    const invoice = anInvoice('100045');
    const total = formatMoney(invoice.totals.total, invoice.currency, invoice.locale);
    const mailer = createMailer({ smtpUrl: inbox.url, from: FROM });
    const messageId = await sendOrderConfirmation(mailer, {
      to: 'zofia@example.com',
      language: 'fr',
      orderNumber: '100045',
      customerName: 'Zofia <Łukasiewicz> & co',
      totalFormatted: total,
      toPayAtPickup: formatMoney(4230, 'EUR', 'fr-FR'),
      pickup: { storeName: 'Paris Rivoli', address: '12 rue de Rivoli, 75004 Paris' },
      pdf: await renderInvoicePdf(invoice),
    });
    mailer.close();

    const mail = await inbox.next(1);
    expect(inbox.messages[0]!.to).toEqual(['zofia@example.com']);
    expect(mail.messageId).toBe(messageId);
    expect(mail.from?.value).toEqual([{ name: 'Maison Dupont', address: 'commandes@maison-dupont.example' }]);
    expect(mail.subject).toBe('Votre commande 100045 est confirmée');
    expect(plain(mail.text!)).toContain(plain(`Total : ${total}`));
    expect(plain(mail.text!)).toContain(plain('Reste à payer au retrait : 42,30 €'));
    expect(mail.text).toContain('Vous la retirerez à Paris Rivoli, 12 rue de Rivoli, 75004 Paris.');
    expect(mail.html).toContain('<html lang="fr">');
    expect(mail.html).toContain('Bonjour Zofia &#60;Łukasiewicz&#62; &#38; co,');

    expect(mail.attachments).toHaveLength(1);
    const attachment = mail.attachments[0]!;
    expect(attachment.filename).toBe('facture-100045.pdf');
    expect(attachment.contentType).toBe('application/pdf');

    const scanned = await qrCodesIn(attachment.content);
    expect(scanned).toEqual([orderQrPayload('100045')]);
    expect(parseOrderQrPayload(scanned[0]!)).toBe('100045');

    const { text } = await textOf(attachment.content);
    for (const printed of [
      'Facture',
      'N° de facture F-2025-000123',
      'TSH-BLK-M',
      'MUG-ŁÓDŹ',
      'Kubek „Łódź”',
      'Zofia Łukasiewicz',
      'Date 23 novembre 2025',
      'Emballage 5,00 €',
      // The seller's legal mentions: SIRET and VAT number under the address, legal form and register at the foot.
      'SIRET : 987 654 321 00034',
      'N° TVA intracommunautaire : FR12345678901',
      'Maison Dupont · SARL au capital de 5 000 € · RCS Paris 987 654 321',
      // What was paid, and what is still to pay, worded as such.
      'Payé par carte 1 192,26 €',
      'Reste à payer au retrait 42,30 €',
    ])
      expect(text).toContain(plain(printed));
    expect(text).toContain(plain(`Total TTC ${total}`));
    expect(text).not.toMatch(/Paid|Invoice|pickup/);
  });

  it('reaches an English customer in English, amounts and dates as en-GB writes them', async () => {
    const invoice = anInvoice('100048', 'en');
    const mailer = createMailer({ smtpUrl: inbox.url, from: FROM });
    await sendOrderConfirmation(mailer, {
      to: 'jane@example.com',
      language: 'en',
      orderNumber: '100048',
      customerName: 'Jane',
      totalFormatted: formatMoney(invoice.totals.total, 'EUR', 'en-GB'),
      toPayAtPickup: formatMoney(4230, 'EUR', 'en-GB'),
      pdf: await renderInvoicePdf(invoice),
    });
    mailer.close();
    const mail = await inbox.next(inbox.messages.length);
    expect(mail.subject).toBe('Your order 100048 is confirmed');
    expect(mail.text).toContain('Hello Jane,');
    expect(mail.text).toContain('Total: €1,234.56');
    expect(mail.text).toContain('To pay at pickup: €42.30');
    expect(mail.attachments[0]!.filename).toBe('invoice-100048.pdf');
    const { text } = await textOf(mail.attachments[0]!.content);
    for (const printed of [
      'Invoice number F-2025-000123',
      'Date 23 November 2025',
      'SIRET: 987 654 321 00034',
      'VAT number: FR12345678901',
      'Packing €5.00',
      'Paid by card €1,192.26',
      'To pay at pickup €42.30',
      'Total €1,234.56',
    ])
      expect(text).toContain(printed);
    expect(text).not.toMatch(/Payé|Facture|Reste/);
  });

  it('carries long orders over several pages, the header repeated and the totals at the end', async () => {
    const lines = Array.from({ length: 70 }, (_, index) => ({
      sku: `SKU-${String(index).padStart(3, '0')}`,
      title: 'Chaussettes laine',
      quantity: 1,
      unitPrice: 990,
      discount: 0,
      taxRateBasisPoints: 2000,
      lineTotal: 990,
    }));
    const pdf = await renderInvoicePdf(anInvoice('100046', 'fr', lines));
    const { text, pages } = await textOf(pdf);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain('SKU-069');
    expect(text).toContain('Facture F-2025-000123 · Commande 100046 (suite)');
    expect(text).toContain(plain(`Total TTC ${formatMoney(123456, 'EUR', 'fr-FR')}`));
    expect(await qrCodesIn(pdf)).toEqual(['AISLE-ORDER:100046']);
  });
});

describe('the shipped email', () => {
  const sent: OutgoingMail[] = [];
  const keeper: Mailer = {
    send: async (mail) => {
      sent.push(mail);
      return '<kept@example.com>';
    },
    close: () => {},
  };
  const notice = { to: 'jane@example.com', orderNumber: '100050', customerName: 'Jane', items: [{ quantity: 1, title: 'Mug', sku: 'MUG-1' }] };

  it('links to the tracking page when there is one, in either language', async () => {
    await sendShipped(keeper, { ...notice, language: 'en', carrier: 'Colissimo', trackingNumber: '6A1', trackingUrl: 'https://track.example/6A1?x=1&y=2' });
    await sendShipped(keeper, { ...notice, language: 'fr', carrier: 'Colissimo', trackingNumber: '6A1', trackingUrl: 'https://track.example/6A1' });
    const [english, french] = sent.splice(0);
    expect(english!.subject).toBe('Your order 100050 has been shipped');
    expect(english!.text).toContain('Carrier: Colissimo, tracking number 6A1.');
    expect(english!.html).toContain('<a href="https://track.example/6A1?x=1&#38;y=2">');
    expect(french!.subject).toBe('Votre commande 100050 a été expédiée');
    expect(plain(french!.text)).toContain('Transporteur : Colissimo, numéro de suivi 6A1.');
    expect(plain(french!.text)).toContain('Suivez votre colis : https://track.example/6A1');
  });

  it('makes no link of anything but a web address, and says what it knows without a tracking number', async () => {
    await sendShipped(keeper, { ...notice, language: 'en', carrier: 'Own van', trackingUrl: 'javascript:alert(1)' });
    const [mail] = sent.splice(0);
    expect(mail!.html).not.toContain('<a ');
    expect(mail!.text).not.toContain('javascript');
    expect(mail!.text).toContain('Carrier: Own van.');
  });
});

describe('mail in development', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'aisle-outbox-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('writes each message into the outbox as an .eml file a mail program opens', async () => {
    const outboxDir = path.join(folder, 'outbox');
    const mailer = createMailer({ from: FROM, outboxDir });
    const pdf = await renderInvoicePdf(anInvoice('100047'));
    const messageId = await sendOrderConfirmation(mailer, {
      to: 'jean@example.com',
      language: 'fr',
      orderNumber: '100047',
      customerName: 'Jean',
      totalFormatted: '1 234,56 €',
      pdf,
    });

    const files = await readdir(outboxDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const mail = await simpleParser(await readFile(path.join(outboxDir, files[0]!)));
    expect(mail.messageId).toBe(messageId);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('jean@example.com');
    expect(mail.text).not.toContain('retirerez');
    expect(mail.attachments.map((attachment) => attachment.filename)).toEqual(['facture-100047.pdf']);
    expect(Buffer.compare(mail.attachments[0]!.content, pdf)).toBe(0);
  });

  it('refuses to start with neither SMTP_URL nor an outbox folder', () => {
    expect(() => createMailer({ from: FROM })).toThrow(/SMTP_URL/);
  });
});
