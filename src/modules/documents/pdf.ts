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
