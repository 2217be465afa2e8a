import { formatMoney, formatRate } from './money.ts';
import { drawTable, INK, MARGIN, MUTED, RULE, renderPdf, room, tableRow } from './pdf.ts';
import { orderQrPng } from './qr.ts';

export { orderQrPayload, parseOrderQrPayload } from './qr.ts';

/** Everything printed on an invoice. Amounts are integers in minor units of `currency`. */
export interface InvoiceDocument {
  retailer: { name: string; addressLines: string[]; vatNumber?: string };
  /** The invoice number, from the retailer's invoice sequence. */
  number: string;
  orderNumber: string;
  /** ISO 8601 timestamp. */
  issuedAt: string;
  /** ISO 4217 code, e.g. EUR. */
  currency: string;
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
  /** Shipping, packing and other fees. */
  fees: { label: string; amount: number }[];
  /** One row per tax rate: the base it applies to and the tax it comes to. */
  taxes: { rateBasisPoints: number; base: number; amount: number }[];
  totals: { subtotal: number; discounts: number; fees: number; tax: number; total: number };
  /** How the customer paid, as the customer would say it: "card", "gift card", "cash"… */
  payments: { method: string; amount: number }[];
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
  { key: 'sku', label: 'SKU', width: 78, align: 'left' },
  { key: 'title', label: 'Item', width: 157, align: 'left' },
  { key: 'quantity', label: 'Qty', width: 30, align: 'right' },
  { key: 'unitPrice', label: 'Unit price', width: 68, align: 'right' },
  { key: 'discount', label: 'Discount', width: 62, align: 'right' },
  { key: 'tax', label: 'VAT', width: 42, align: 'right' },
  { key: 'lineTotal', label: 'Total', width: 62, align: 'right' },
] as const;

type Cells = Record<(typeof COLUMNS)[number]['key'], string>;

export async function renderInvoicePdf(invoice: InvoiceDocument): Promise<Buffer> {
  const qrPng = await orderQrPng(invoice.qrPayload);
  return renderPdf(
    {
      lang: invoice.locale,
      info: { Title: `Invoice ${invoice.number}`, Author: invoice.retailer.name, Subject: `Order ${invoice.orderNumber}` },
    },
    (pdf) => drawInvoice(pdf, invoice, qrPng),
  );
}

function drawInvoice(pdf: PDFKit.PDFDocument, invoice: InvoiceDocument, qrPng: Buffer): void {
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
    .text('Show this code at the store', qrLeft - 20, pdf.y, { width: QR_SIZE + 40, align: 'center' });

  const headerWidth = width - QR_SIZE - 40;
  pdf.font('bold').fontSize(16).fillColor(INK).text(invoice.retailer.name, left, MARGIN, { width: headerWidth });
  pdf.font('regular').fontSize(9).fillColor(MUTED);
  for (const line of invoice.retailer.addressLines) pdf.text(line, { width: headerWidth });
  if (invoice.retailer.vatNumber) pdf.text(`VAT number: ${invoice.retailer.vatNumber}`, { width: headerWidth });

  let y = Math.max(pdf.y, MARGIN + QR_SIZE + 30) + 18;
  pdf.font('bold').fontSize(20).fillColor(INK).text('Invoice', left, y);
  y = pdf.y + 8;

  const issued = printable(
    new Intl.DateTimeFormat(invoice.locale, { dateStyle: 'long', timeZone: invoice.timeZone ?? 'UTC' }).format(new Date(invoice.issuedAt)),
  );
  const facts: [string, string][] = [
    ['Invoice number', invoice.number],
    ['Date', issued],
    ['Order', invoice.orderNumber],
    ['Ordered in', invoice.channelName],
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
    .text('Billed to', left + half, y, { width: half });
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
  for (const fee of invoice.fees) rows.push({ sku: '', title: fee.label, quantity: '', unitPrice: '', discount: '', tax: '', lineTotal: money(fee.amount) });
  y = drawTable(pdf, COLUMNS, rows, y, {
    continued: `${invoice.retailer.name} · Invoice ${invoice.number} · Order ${invoice.orderNumber} (continued)`,
    fontSize: 9,
  });

  // Tax breakdown on the left, totals on the right, kept together on one page.
  const blockHeight = 28 + 16 * Math.max(invoice.taxes.length + 2, 5) + 16 * invoice.payments.length;
  y = room(pdf, y + 14, blockHeight);
  let taxY = y;
  pdf
    .font('bold')
    .fontSize(9)
    .fillColor(INK)
    .text(invoice.pricesIncludeTax ? 'VAT included in prices' : 'VAT', left + 3, taxY);
  taxY += 16;
  pdf.font('bold').fontSize(8).fillColor(MUTED);
  tableRow(
    pdf,
    taxY,
    [
      ['Rate', 60, 'left'],
      ['Base', 80, 'right'],
      ['Tax', 80, 'right'],
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
    ['Subtotal', money(invoice.totals.subtotal)],
    ['Discounts', money(-invoice.totals.discounts)],
    ['Fees', money(invoice.totals.fees)],
    [invoice.pricesIncludeTax ? 'of which VAT' : 'VAT', money(invoice.totals.tax)],
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
      ['Total', 100, 'left'],
      [money(invoice.totals.total), 120, 'right'],
    ],
    totalsLeft,
  );
  totalsY += 22;
  pdf.font('regular').fontSize(9).fillColor(MUTED);
  for (const payment of invoice.payments) {
    tableRow(
      pdf,
      totalsY,
      [
        [`Paid by ${payment.method}`, 120, 'left'],
        [money(payment.amount), 100, 'right'],
      ],
      totalsLeft,
    );
    totalsY += 15;
  }

  y = room(pdf, Math.max(taxY, totalsY) + 28, 20);
  pdf.font('regular').fontSize(9).fillColor(MUTED).text(`Thank you for shopping with ${invoice.retailer.name}.`, left, y, { width, align: 'center' });
}

/** Open Sans has no narrow no-break space (French digit grouping); a plain no-break space keeps amounts whole. */
const printable = (text: string) => text.replaceAll('\u202f', '\u00a0');
