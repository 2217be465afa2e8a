import { drawTable, INK, MARGIN, MUTED, renderPdf, room } from '../documents/pdf.ts';
import type { PickList } from './schema.ts';

/** The store's paper: the pick list a picker walks the shelves with, and the packing slip that goes in the box. */

const PICK_COLUMNS = [
  { key: 'check', label: 'Done', width: 30, align: 'left' },
  { key: 'sku', label: 'SKU', width: 100, align: 'left' },
  { key: 'title', label: 'Item', width: 160, align: 'left' },
  { key: 'quantity', label: 'Take', width: 40, align: 'right' },
  { key: 'orders', label: 'For orders', width: 169, align: 'left' },
] as const;

/** The pick list: one row per SKU in shelf-walk order, with the units to take and how many go to each order. */
export function renderPickListPdf(list: PickList, location: { name: string; code: string }, locale: string): Promise<Buffer> {
  return renderPdf({ lang: locale, info: { Title: `Pick list ${list.number}`, Subject: location.name } }, (pdf) => {
    const width = pdf.page.width - 2 * MARGIN;
    pdf.font('bold').fontSize(18).fillColor(INK).text(`Pick list ${list.number}`, MARGIN, MARGIN, { width });
    const created = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(list.createdAt));
    pdf
      .font('regular')
      .fontSize(9)
      .fillColor(MUTED)
      .text(
        `${location.name} (${location.code}) · ${created} UTC · ${list.groups.length} orders · ${list.lines.reduce((sum, line) => sum + line.quantity, 0)} units`,
        {
          width,
        },
      );
    const rows = list.lines.map((line) => ({
      check: '[  ]',
      sku: line.sku,
      title: line.title,
      quantity: String(line.quantity),
      orders: line.orders.map((order) => `${order.orderNumber} × ${order.quantity}`).join(', '),
    }));
    let y = drawTable(pdf, PICK_COLUMNS, rows, pdf.y + 16, { continued: `Pick list ${list.number} (continued)`, fontSize: 9 });
    y = room(pdf, y + 18, 20 + 14 * list.groups.length);
    pdf.font('bold').fontSize(10).fillColor(INK).text('Orders in this batch', MARGIN, y, { width });
    pdf.font('regular').fontSize(9);
    for (const group of list.groups) pdf.text(`${group.orderNumber} · ${group.customerName}`, { width });
  });
}

export interface PackingSlipDocument {
  retailer: { name: string; addressLines: string[] };
  orderNumber: string;
  orderedAt: string;
  locale: string;
  from: { name: string; addressLines: string[] };
  shipTo: { name: string; addressLines: string[] };
  lines: { sku: string; title: string; quantity: number }[];
  parcels: number;
}

const SLIP_COLUMNS = [
  { key: 'sku', label: 'SKU', width: 120, align: 'left' },
  { key: 'title', label: 'Item', width: 319, align: 'left' },
  { key: 'quantity', label: 'Quantity', width: 60, align: 'right' },
] as const;

/** The packing slip: what is in the parcel, for whom, from where. No prices (a parcel may be a gift). */
export function renderPackingSlipPdf(slip: PackingSlipDocument): Promise<Buffer> {
  return renderPdf({ lang: slip.locale, info: { Title: `Packing slip ${slip.orderNumber}`, Author: slip.retailer.name } }, (pdf) => {
    const width = pdf.page.width - 2 * MARGIN;
    const half = width / 2;
    pdf.font('bold').fontSize(16).fillColor(INK).text(slip.retailer.name, MARGIN, MARGIN, { width });
    pdf.font('regular').fontSize(9).fillColor(MUTED);
    for (const line of slip.retailer.addressLines) pdf.text(line, { width });
    let y = pdf.y + 18;
    pdf.font('bold').fontSize(20).fillColor(INK).text('Packing slip', MARGIN, y, { width });
    y = pdf.y + 8;
    const ordered = new Intl.DateTimeFormat(slip.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(slip.orderedAt));
    pdf.font('regular').fontSize(9).fillColor(MUTED).text('Order', MARGIN, y, { width: half });
    pdf.font('bold').fontSize(11).fillColor(INK).text(slip.orderNumber, { width: half });
    pdf
      .font('regular')
      .fontSize(9)
      .fillColor(MUTED)
      .text(`Ordered ${ordered} · ${slip.parcels || 1} parcel${slip.parcels > 1 ? 's' : ''}`, { width: half });
    pdf.moveDown(0.6);
    pdf.text('Sent from', { width: half });
    pdf.fillColor(INK).text([slip.from.name, ...slip.from.addressLines].join(', '), { width: half });
    const leftEnd = pdf.y;
    pdf
      .font('regular')
      .fontSize(9)
      .fillColor(MUTED)
      .text('Ship to', MARGIN + half, y, { width: half });
    pdf.font('bold').fontSize(11).fillColor(INK).text(slip.shipTo.name, { width: half });
    pdf.font('regular').fontSize(10);
    for (const line of slip.shipTo.addressLines) pdf.text(line, { width: half });
    y = Math.max(leftEnd, pdf.y) + 22;
    const rows = slip.lines.map((line) => ({ sku: line.sku, title: line.title, quantity: String(line.quantity) }));
    drawTable(pdf, SLIP_COLUMNS, rows, y, { continued: `Packing slip ${slip.orderNumber} (continued)`, fontSize: 10 });
  });
}
