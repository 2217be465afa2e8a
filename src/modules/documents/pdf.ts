import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';

/** What Aisle's PDF documents share: their fonts, and a document drawn into a Buffer. */

// Open Sans covers Latin Extended (Polish, Czech, …) and €, which the PDF standard fonts (Windows-1252 only) would
// print wrong in "zł" or "Łódź"; and pdfkit shapes text with it several times faster than with Inter or Noto Sans.
// Each font is parsed once per process rather than once per document (~40 ms each).
const openSans = (file: string) => {
  const font = fontkit.create(readFileSync(createRequire(import.meta.url).resolve(`@expo-google-fonts/open-sans/${file}`)));
  // pdfkit takes a parsed fontkit font, though its type definitions only list files and buffers.
  return font as unknown as PDFKit.Mixins.PDFFontSource;
};
const REGULAR = openSans('400Regular/OpenSans_400Regular.ttf');
const BOLD = openSans('600SemiBold/OpenSans_600SemiBold.ttf');

export const MARGIN = 48;
export const INK = '#1f2328';
export const MUTED = '#59636e';
export const RULE = '#d1d9e0';

/** An A4 document with the fonts `regular` and `bold`, drawn by `draw`, as the bytes of a PDF file. */
export function renderPdf(options: PDFKit.PDFDocumentOptions, draw: (pdf: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: MARGIN, displayTitle: true, ...options });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont('regular', REGULAR);
  pdf.registerFont('bold', BOLD);
  draw(pdf);
  pdf.end();
  return done;
}

type Cell = [text: string, width: number, align: 'left' | 'right'];

/** One row of cells from `left`, each padded 3 pt on both sides (right-aligned amounts stay off the next column). */
export function tableRow(pdf: PDFKit.PDFDocument, y: number, cells: readonly Cell[], left: number): void {
  let x = left;
  for (const [text, width, align] of cells) {
    pdf.text(text, x + 3, y, { width: width - 6, align });
    x += width;
  }
}

/** `y` when `height` more points fit on the page, else the top of a new page. */
export function room(pdf: PDFKit.PDFDocument, y: number, height: number): number {
  if (y + height <= pdf.page.height - MARGIN) return y;
  pdf.addPage();
  return MARGIN;
}

export interface Column<K extends string> {
  key: K;
  label: string;
  width: number;
  align: 'left' | 'right';
}

/**
 * A table from `top`: its header, then a row per entry, each as tall as its tallest cell, ruled underneath; a row that
 * does not fit starts a new page headed `continued` and the header again. Returns where the table ends.
 */
export function drawTable<K extends string>(
  pdf: PDFKit.PDFDocument,
  columns: readonly Column<K>[],
  rows: Record<K, string>[],
  top: number,
  options: { continued: string; fontSize: number },
): number {
  const left = MARGIN;
  const right = pdf.page.width - MARGIN;
  const rule = (y: number, width: number) => pdf.moveTo(left, y).lineTo(right, y).strokeColor(RULE).lineWidth(width).stroke();
  const header = (y: number) => {
    pdf.font('bold').fontSize(8).fillColor(MUTED);
    tableRow(
      pdf,
      y,
      columns.map((column) => [column.label, column.width, column.align]),
      left,
    );
    rule(y + 13, 0.8);
    return y + 19;
  };
  let y = header(room(pdf, top, 40));
  for (const row of rows) {
    pdf.font('regular').fontSize(options.fontSize);
    const height = Math.max(...columns.map((column) => pdf.heightOfString(row[column.key], { width: column.width - 6 }))) + 8;
    if (y + height > pdf.page.height - MARGIN) {
      pdf.addPage();
      pdf.font('regular').fontSize(8).fillColor(MUTED).text(options.continued, left, MARGIN);
      y = header(MARGIN + 20);
    }
    pdf.font('regular').fontSize(options.fontSize).fillColor(INK);
    tableRow(
      pdf,
      y,
      columns.map((column) => [row[column.key], column.width, column.align]),
      left,
    );
    rule(y + height - 3, 0.4);
    y += height;
  }
  return y;
}
