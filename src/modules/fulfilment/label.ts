import QRCode from 'qrcode';
import { INK, MUTED, renderPdf } from '../documents/pdf.ts';
import type { Party } from './carriers.ts';

/** What Aisle's own shipping label prints (the manual carrier's): one A6 page per parcel. */
export interface LabelDocument {
  carrierName: string;
  service: string | null;
  trackingNumber: string;
  orderNumber: string;
  from: Party;
  to: Party;
  parcels: { box: string; weightGrams: number }[];
}

const EDGE = 18;

/**
 * The label: sender, addressee in large type, the carrier, and the tracking number in writing and as a QR code that a
 * driver's or a counter's scanner reads. One page per parcel ("1 of 2"), or one page when nothing was packed yet.
 */
export async function renderLabelPdf(label: LabelDocument): Promise<Buffer> {
  const qr = await QRCode.toBuffer(label.trackingNumber, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 6 });
  const parcels = label.parcels.length ? label.parcels : [null];
  return renderPdf({ size: 'A6', margin: EDGE, info: { Title: `Label ${label.trackingNumber}`, Subject: `Order ${label.orderNumber}` } }, (pdf) => {
    parcels.forEach((parcel, index) => {
      if (index > 0) pdf.addPage({ size: 'A6', margin: EDGE });
      drawLabel(pdf, label, qr, parcel, index, parcels.length);
    });
  });
}

function drawLabel(pdf: PDFKit.PDFDocument, label: LabelDocument, qr: Buffer, parcel: LabelDocument['parcels'][number] | null, index: number, count: number) {
  const width = pdf.page.width - 2 * EDGE;
  pdf
    .font('bold')
    .fontSize(12)
    .fillColor(INK)
    .text(label.carrierName + (label.service ? ` · ${label.service}` : ''), EDGE, EDGE, { width });
  pdf.font('regular').fontSize(7).fillColor(MUTED).text('From', { width });
  pdf.fillColor(INK).text([label.from.name, ...label.from.addressLines].join(', '), { width });
  pdf.moveDown(0.8);
  pdf.font('regular').fontSize(8).fillColor(MUTED).text('To', { width });
  pdf.font('bold').fontSize(14).fillColor(INK).text(label.to.name, { width });
  pdf.font('regular').fontSize(12);
  for (const line of label.to.addressLines) pdf.text(line, { width });
  const y = pdf.y + 10;
  const size = 110;
  pdf.image(qr, EDGE, y, { width: size, height: size });
  const x = EDGE + size + 10;
  const facts: [string, string][] = [
    ['Tracking number', label.trackingNumber],
    ['Order', label.orderNumber],
    ['Parcel', `${index + 1} of ${count}`],
    ...(parcel ? ([['Box, weight', `${parcel.box}, ${(parcel.weightGrams / 1000).toFixed(2)} kg`]] as [string, string][]) : []),
  ];
  let factsY = y;
  for (const [name, value] of facts) {
    pdf
      .font('regular')
      .fontSize(7)
      .fillColor(MUTED)
      .text(name, x, factsY, { width: width - size - 10 });
    pdf
      .font('bold')
      .fontSize(10)
      .fillColor(INK)
      .text(value, x, pdf.y, { width: width - size - 10 });
    factsY = pdf.y + 4;
  }
}
