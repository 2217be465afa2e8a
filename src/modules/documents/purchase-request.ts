import { drawTable, INK, MARGIN, MUTED, renderPdf, room } from './pdf.ts';

/** Everything printed on a purchase request to a drop-ship vendor: what to send, to whom, for which order. No prices. */
export interface PurchaseRequestDocument {
  /** Who asks: the retailer. */
  retailer: { name: string; addressLines: string[] };
  vendor: { name: string; code: string; addressLines: string[] };
  /** PR-<order number>-<delivery group>. */
  number: string;
  orderNumber: string;
  /** ISO 8601 timestamp. */
  requestedAt: string;
  /** BCP 47 language tag the date is written in. */
  locale: string;
  shipTo: { name: string; addressLines: string[] };
  lines: { sku: string; title: string; quantity: number }[];
}

const COLUMNS = [
  { key: 'sku', label: 'SKU', width: 120, align: 'left' },
  { key: 'title', label: 'Item', width: 319, align: 'left' },
  { key: 'quantity', label: 'Quantity', width: 60, align: 'right' },
] as const;

/**
 * The purchase request as a PDF: the vendor reads what to send and where, and quotes the request and order numbers on
 * the parcel and in its shipment confirmation. Cancelled lines (quantity 0) are left out.
 */
export function renderPurchaseRequestPdf(request: PurchaseRequestDocument): Promise<Buffer> {
  return renderPdf(
    {
      lang: request.locale,
      info: { Title: `Purchase request ${request.number}`, Author: request.retailer.name, Subject: `Order ${request.orderNumber}` },
    },
    (pdf) => drawRequest(pdf, request),
  );
}

function drawRequest(pdf: PDFKit.PDFDocument, request: PurchaseRequestDocument): void {
  const left = MARGIN;
  const right = pdf.page.width - MARGIN;
  const width = right - left;
  const half = width / 2;

  pdf.font('bold').fontSize(16).fillColor(INK).text(request.retailer.name, left, MARGIN, { width });
  pdf.font('regular').fontSize(9).fillColor(MUTED);
  for (const line of request.retailer.addressLines) pdf.text(line, { width });

  let y = pdf.y + 18;
  pdf.font('bold').fontSize(20).fillColor(INK).text('Purchase request (drop ship)', left, y, { width });
  y = pdf.y + 8;
  const requested = new Intl.DateTimeFormat(request.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(request.requestedAt));
  let factsY = y;
  for (const [label, value] of [
    ['Request', request.number],
    ['Order', request.orderNumber],
    ['Date', requested],
  ] as const) {
    pdf.font('regular').fontSize(9).fillColor(MUTED).text(label, left, factsY, { width: 70 });
    pdf
      .font('bold')
      .fillColor(INK)
      .text(value, left + 70, factsY, { width: half - 80 });
    factsY = pdf.y + 3;
  }
  pdf
    .font('regular')
    .fontSize(9)
    .fillColor(MUTED)
    .text('Vendor', left + half, y, { width: half });
  pdf.font('bold').fillColor(INK).text(`${request.vendor.name} (${request.vendor.code})`, { width: half });
  pdf.font('regular');
  for (const line of request.vendor.addressLines) pdf.text(line, { width: half });
  y = Math.max(factsY, pdf.y) + 18;

  pdf.font('regular').fontSize(9).fillColor(MUTED).text('Ship to', left, y, { width });
  pdf.font('bold').fontSize(11).fillColor(INK).text(request.shipTo.name, { width });
  pdf.font('regular').fontSize(10);
  for (const line of request.shipTo.addressLines) pdf.text(line, { width });
  y = pdf.y + 22;

  const rows = request.lines
    .filter((candidate) => candidate.quantity > 0)
    .map((line) => ({ sku: line.sku, title: line.title, quantity: String(line.quantity) }));
  y = drawTable(pdf, COLUMNS, rows, y, { continued: `${request.number} (continued)`, fontSize: 10 });

  y = room(pdf, y + 24, 60);
  pdf
    .font('regular')
    .fontSize(9)
    .fillColor(MUTED)
    .text(
      `Please send these goods directly to the address above, with no prices or invoice in the parcel, quoting ${request.number} and order ${request.orderNumber}. ` +
        `Confirm the shipment to ${request.retailer.name} with the carrier and tracking number.`,
      left,
      y,
      { width },
    );
}
