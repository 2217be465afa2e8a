import type { Balance } from './balance.ts';
import { formatDay } from './dates.ts';
import type { Language } from './language.ts';
import { messagesFor, type Messages } from './messages/index.ts';
import { formatMoney, formatRate } from './money.ts';
import { drawTable, INK, MARGIN, MUTED, RULE, renderPdf, room, tableRow } from './pdf.ts';
import { orderQrPng } from './qr.ts';

export { orderQrPayload, parseOrderQrPayload } from './qr.ts';

/** Everything printed on an invoice. Amounts are integers in minor units of `currency`. */
export interface InvoiceDocument {
  /**
   * The seller and its legal mentions. A French invoice must name the seller (name, address), its SIRET, its VAT
   * number and its legal form, capital and trade register: each is printed when given (`legalMentions`).
   */
  retailer: {
    name: string;
    addressLines: string[];
    vatNumber?: string;
    companyId?: string;
    /** What the company id is called where the retailer is registered: SIRET in France. */
    companyIdLabel?: string;
    legalNotice?: string;
  };
  /** The invoice number, from the retailer's invoice sequence. */
  number: string;
  orderNumber: string;
  /** ISO 8601 timestamp. */
  issuedAt: string;
  /** ISO 4217 code, e.g. EUR. */
  currency: string;
  /** The language of the words (`messages/`). */
  language: Language;
  /** BCP 47 language tag the amounts and dates are written in, e.g. fr-FR. */
  locale: string;
  /** IANA zone the issue date is shown in (the store's); UTC when absent. */
  timeZone?: string;
  customer: { name: string; email?: string; phone?: string; addressLines?: string[] };
  /** The channel the order was placed in: "Web shop", "Paris Rivoli register"… */
  channelName: string;
  /** Whether unit prices and line totals already include the tax (gross) or not (net). */
  pricesIncludeTax: boolean;
  lines: InvoiceLine[];
  /** Shipping and packing fees. */
  fees: { kind: 'shipping' | 'packing'; amount: number }[];
  /** One row per tax rate: the base it applies to and the tax it comes to. */
  taxes: { rateBasisPoints: number; base: number; amount: number }[];
  totals: { subtotal: number; discounts: number; fees: number; tax: number; total: number };
  /** What was paid (by method), refunded, and is left to pay at pickup: `balanceOf(order.payments)`. */
  payments: Balance;
  /** What the QR code encodes: `orderQrPayload(orderNumber)`. */
  qrPayload: string;
}

export interface InvoiceLine {
  sku: string;
  title: string;
  quantity: number;
  unitPrice: number;
  /** The discount on the whole line, not per unit. */
  discount: number;
  taxRateBasisPoints: number;
  lineTotal: number;
}

const QR_SIZE = 104;

/** Columns of the lines table, left to right; widths add up to the A4 width inside the margins. */
const COLUMNS = [
  { key: 'sku', width: 78, align: 'left' },
  { key: 'title', width: 157, align: 'left' },
  { key: 'quantity', width: 30, align: 'right' },
  { key: 'unitPrice', width: 68, align: 'right' },
  { key: 'discount', width: 62, align: 'right' },
  { key: 'tax', width: 42, align: 'right' },
  { key: 'lineTotal', width: 62, align: 'right' },
] as const;

type Cells = Record<(typeof COLUMNS)[number]['key'], string>;

export async function renderInvoicePdf(invoice: InvoiceDocument): Promise<Buffer> {
  const qrPng = await orderQrPng(invoice.qrPayload);
  const words = messagesFor(invoice.language).invoice;
  return renderPdf(
    {
      lang: invoice.locale,
      info: { Title: words.documentTitle(invoice.number), Author: invoice.retailer.name, Subject: words.documentSubject(invoice.orderNumber) },
    },
    (pdf) => drawInvoice(pdf, invoice, qrPng, words),
  );
}

/** The seller's registration lines under its address: its company id (SIRET) and VAT number, when known. */
export function legalMentions(retailer: InvoiceDocument['retailer'], words: Messages['invoice']): string[] {
  return [
    ...(retailer.companyId ? [words.companyId(retailer.companyIdLabel ?? words.companyIdLabel, retailer.companyId)] : []),
    ...(retailer.vatNumber ? [words.vatNumber(retailer.vatNumber)] : []),
  ];
}

function drawInvoice(pdf: PDFKit.PDFDocument, invoice: InvoiceDocument, qrPng: Buffer, words: Messages['invoice']): void {
  const money = (amount: number) => printable(formatMoney(amount, invoice.currency, invoice.locale));
  const left = MARGIN;
  const right = pdf.page.width - MARGIN;
  const width = right - left;

  // The QR code sits top right, where a register associate looks first, with the order number under it for when
  // the scan fails and the number has to be typed.
  const qrLeft = right - QR_SIZE;
  pdf.image(qrPng, qrLeft, MARGIN, { width: QR_SIZE, height: QR_SIZE });
  pdf
    .font('bold')
    .fontSize(10)
    .fillColor(INK)
    .text(invoice.orderNumber, qrLeft - 20, MARGIN + QR_SIZE + 2, { width: QR_SIZE + 40, align: 'center' });
  pdf
    .font('regular')
    .fontSize(7)
    .fillColor(MUTED)
    .text(words.showCode, qrLeft - 20, pdf.y, { width: QR_SIZE + 40, align: 'center' });

  const headerWidth = width - QR_SIZE - 40;
  pdf.font('bold').fontSize(16).fillColor(INK).text(invoice.retailer.name, left, MARGIN, { width: headerWidth });
  pdf.font('regular').fontSize(9).fillColor(MUTED);
  for (const line of invoice.retailer.addressLines) pdf.text(line, { width: headerWidth });
  for (const line of legalMentions(invoice.retailer, words)) pdf.text(line, { width: headerWidth });

  let y = Math.max(pdf.y, MARGIN + QR_SIZE + 30) + 18;
  pdf.font('bold').fontSize(20).fillColor(INK).text(words.title, left, y);
  y = pdf.y + 8;

  const issued = printable(formatDay(invoice.issuedAt, invoice.locale, invoice.timeZone ?? 'UTC'));
  const facts: [string, string][] = [
    [words.number, invoice.number],
    [words.date, issued],
    [words.order, invoice.orderNumber],
    [words.orderedIn, invoice.channelName],
  ];
  const half = width / 2;
  let factsY = y;
  for (const [label, value] of facts) {
    pdf.font('regular').fontSize(9).fillColor(MUTED).text(label, left, factsY, { width: 90 });
    pdf
      .font('regular')
      .fillColor(INK)
      .text(value, left + 90, factsY, { width: half - 100 });
    factsY = pdf.y + 3;
  }
  const { customer } = invoice;
  pdf
    .font('regular')
    .fontSize(9)
    .fillColor(MUTED)
    .text(words.billedTo, left + half, y, { width: half });
  pdf.font('bold').fillColor(INK).text(customer.name, { width: half });
  pdf.font('regular');
  for (const line of [...(customer.addressLines ?? []), customer.email, customer.phone]) if (line) pdf.text(line, { width: half });
  y = Math.max(factsY, pdf.y) + 22;

  const rate = (basisPoints: number) => printable(formatRate(basisPoints, invoice.locale));
  const rows: Cells[] = invoice.lines.map((line) => ({
    sku: line.sku,
    title: line.title,
    quantity: String(line.quantity),
    unitPrice: money(line.unitPrice),
    discount: line.discount === 0 ? '' : money(-line.discount),
    tax: rate(line.taxRateBasisPoints),
    lineTotal: money(line.lineTotal),
  }));
  for (const fee of invoice.fees)
    rows.push({ sku: '', title: words.fees[fee.kind], quantity: '', unitPrice: '', discount: '', tax: '', lineTotal: money(fee.amount) });
  const columns = COLUMNS.map((column) => ({ ...column, label: words.columns[column.key] }));
  y = drawTable(pdf, columns, rows, y, { continued: words.continued(invoice.retailer.name, invoice.number, invoice.orderNumber), fontSize: 9 });

  // What was paid and refunded, each by method, then what is left to pay: a pay-at-pickup order is not "paid".
  const { paid, refunded, toPayAtPickup } = invoice.payments;
  const settlement: [string, string][] = [
    ...paid.map((payment): [string, string] => [words.paidBy[payment.method], money(payment.amount)]),
    ...refunded.map((refund): [string, string] => [words.refunded(refund.method), money(-refund.amount)]),
  ];

  // Tax breakdown on the left, totals on the right, kept together on one page.
  const blockHeight = 28 + 16 * Math.max(invoice.taxes.length + 2, 5) + 16 * settlement.length + (toPayAtPickup ? 24 : 0);
  y = room(pdf, y + 14, blockHeight);
  let taxY = y;
  pdf
    .font('bold')
    .fontSize(9)
    .fillColor(INK)
    .text(invoice.pricesIncludeTax ? words.vatIncluded : words.vat, left + 3, taxY);
  taxY += 16;
  pdf.font('bold').fontSize(8).fillColor(MUTED);
  tableRow(
    pdf,
    taxY,
    [
      [words.rate, 60, 'left'],
      [words.base, 80, 'right'],
      [words.tax, 80, 'right'],
    ],
    left,
  );
  taxY += 14;
  pdf.font('regular').fontSize(9).fillColor(INK);
  for (const tax of invoice.taxes) {
    tableRow(
      pdf,
      taxY,
      [
        [rate(tax.rateBasisPoints), 60, 'left'],
        [money(tax.base), 80, 'right'],
        [money(tax.amount), 80, 'right'],
      ],
      left,
    );
    taxY += 15;
  }

  const totalsLeft = right - 220;
  const totals: [string, string][] = [
    [words.subtotal, money(invoice.totals.subtotal)],
    [words.discounts, money(-invoice.totals.discounts)],
    [words.feesTotal, money(invoice.totals.fees)],
    [invoice.pricesIncludeTax ? words.ofWhichVat : words.vat, money(invoice.totals.tax)],
  ];
  let totalsY = y;
  pdf.font('regular').fontSize(9);
  for (const [label, value] of totals) {
    pdf.fillColor(MUTED);
    tableRow(
      pdf,
      totalsY,
      [
        [label, 120, 'left'],
        [value, 100, 'right'],
      ],
      totalsLeft,
    );
    totalsY += 15;
  }
  pdf.moveTo(totalsLeft, totalsY).lineTo(right, totalsY).strokeColor(RULE).lineWidth(0.8).stroke();
  totalsY += 6;
  pdf.font('bold').fontSize(12).fillColor(INK);
  tableRow(
    pdf,
    totalsY,
    [
      [words.total, 100, 'left'],
      [money(invoice.totals.total), 120, 'right'],
    ],
    totalsLeft,
  );
  totalsY += 22;
  pdf.font('regular').fontSize(9).fillColor(MUTED);
  for (const [label, amount] of settlement) {
    tableRow(
      pdf,
      totalsY,
      [
        [label, 150, 'left'],
        [amount, 70, 'right'],
      ],
      totalsLeft,
    );
    totalsY += 15;
  }
  if (toPayAtPickup) {
    totalsY += 4;
    pdf.font('bold').fontSize(10).fillColor(INK);
    tableRow(
      pdf,
      totalsY,
      [
        [words.toPayAtPickup, 150, 'left'],
        [money(toPayAtPickup), 70, 'right'],
      ],
      totalsLeft,
    );
    totalsY += 20;
  }

  y = room(pdf, Math.max(taxY, totalsY) + 28, 40);
  pdf.font('regular').fontSize(9).fillColor(MUTED).text(words.thanks(invoice.retailer.name), left, y, { width, align: 'center' });
  // The seller's legal form, capital and trade register at the foot, where French invoices carry them.
  if (invoice.retailer.legalNotice)
    pdf.fontSize(7).text(printable(`${invoice.retailer.name} · ${invoice.retailer.legalNotice}`), left, pdf.y + 6, { width, align: 'center' });
}

/** Open Sans has no narrow no-break space (French digit grouping); a plain no-break space keeps amounts whole. */
const printable = (text: string) => text.replaceAll('\u202f', '\u00a0');
