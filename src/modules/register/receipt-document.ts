import { orderQrPng } from '../documents/qr.ts';
import { INK, MUTED, RULE, renderPdf } from '../documents/pdf.ts';
import { messagesFor } from '../documents/messages/index.ts';
import type { Receipt } from './receipt.ts';

/** The receipt as a narrow PDF (80 mm roll), as tall as it needs: the same words as the printer's text (receipt-text.ts). */

const WIDTH = 227; // 80 mm
const MARGIN = 12;
const QR = 96;
/** The tallest page a PDF may have (200 inches): the first drawing measures the receipt on it. */
const TALLEST = 14_400;

export async function renderReceiptPdf(receipt: Receipt): Promise<Buffer> {
  const qrPng = await orderQrPng(receipt.qrPayload);
  // Drawn once to learn how tall it is, then on a page of that height.
  let height = TALLEST;
  await render(receipt, qrPng, TALLEST, (end) => {
    height = Math.min(TALLEST, Math.ceil(end) + MARGIN + 4);
  });
  return render(receipt, qrPng, height, () => {});
}

function render(receipt: Receipt, qrPng: Buffer, height: number, ended: (y: number) => void): Promise<Buffer> {
  const T = messagesFor(receipt.language).receipt;
  return renderPdf(
    {
      size: [WIDTH, height],
      margin: MARGIN,
      lang: receipt.locale,
      info: { Title: T.documentTitle(receipt.orderNumber), Subject: T.documentSubject(receipt.orderNumber) },
    },
    (pdf) => {
      const inner = WIDTH - 2 * MARGIN;
      let y = MARGIN;
      const rule = () => {
        y += 3;
        pdf
          .moveTo(MARGIN, y)
          .lineTo(WIDTH - MARGIN, y)
          .strokeColor(RULE)
          .lineWidth(0.6)
          .stroke();
        y += 6;
      };
      const text = (value: string, options: { font?: 'regular' | 'bold'; size?: number; align?: 'left' | 'center'; color?: string } = {}) => {
        pdf
          .font(options.font ?? 'regular')
          .fontSize(options.size ?? 8)
          .fillColor(options.color ?? INK);
        pdf.text(value, MARGIN, y, { width: inner, align: options.align ?? 'left' });
        y += pdf.heightOfString(value, { width: inner }) + 1;
      };
      const pair = (label: string, amount: string, font: 'regular' | 'bold' = 'regular') => {
        pdf.font(font).fontSize(8).fillColor(INK);
        const amountWidth = pdf.widthOfString(amount) + 2;
        const labelHeight = pdf.heightOfString(label, { width: inner - amountWidth - 4 });
        pdf.text(label, MARGIN, y, { width: inner - amountWidth - 4 });
        pdf.text(amount, WIDTH - MARGIN - amountWidth, y, { width: amountWidth, align: 'right' });
        y += labelHeight + 1;
      };
      const [name, ...address] = receipt.header;
      text(name ?? '', { font: 'bold', size: 10, align: 'center' });
      for (const line of address) text(line, { align: 'center', color: MUTED });
      rule();
      text(T.title, { font: 'bold', align: 'center' });
      if (receipt.register) text(T.register(receipt.register));
      text(T.date(receipt.issuedAt));
      text(T.order(receipt.orderNumber));
      rule();
      for (const line of receipt.lines) {
        text(line.title);
        pair(`  ${line.quantity}`, line.amount);
        if (line.discount) pair(line.discount[0], line.discount[1]);
      }
      rule();
      for (const [label, amount] of receipt.amounts) pair(label, amount);
      pair(T.total, receipt.total, 'bold');
      for (const [label, amount] of receipt.taxes) pair(label, amount);
      rule();
      for (const [label, amount] of receipt.tenders) pair(label, amount);
      if (receipt.deliveries.length) {
        rule();
        for (const line of receipt.deliveries) text(line);
      }
      rule();
      pdf.image(qrPng, (WIDTH - QR) / 2, y, { width: QR, height: QR });
      y += QR + 2;
      text(receipt.orderNumber, { align: 'center', color: MUTED });
      text(T.thanks, { align: 'center' });
      ended(y);
    },
  );
}
