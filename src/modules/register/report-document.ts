import { formatShortDateAndTime } from '../documents/dates.ts';
import { languageOfLocale } from '../documents/language.ts';
import { messagesFor } from '../documents/messages/index.ts';
import { formatMoney } from '../documents/money.ts';
import { INK, MARGIN, MUTED, RULE, renderPdf, room, tableRow } from '../documents/pdf.ts';
import { timeZoneOf, type Retailer } from '../documents/retailer.ts';
import type { SessionReport } from './schema.ts';

/**
 * A register session's X or Z report as an A4 PDF: the figures of the JSON report, for the till's paperwork. It is the
 * store's document, not a customer's: in the retailer's language and locale (RETAILER_LOCALE), times in its time zone.
 */

export function renderReportPdf(report: SessionReport, retailer: Pick<Retailer, 'locale' | 'timeZone'>): Promise<Buffer> {
  const { locale } = retailer;
  const S = messagesFor(languageOfLocale(locale)).report;
  const money = (amount: number) => formatMoney(amount, report.session.currency, locale).replaceAll('\u202f', '\u00a0');
  const when = (iso: string) => formatShortDateAndTime(iso, locale, timeZoneOf(retailer));
  return renderPdf({ lang: locale, info: { Title: `${report.kind === 'X' ? S.x : S.z} ${report.register.name}` } }, (pdf) => {
    const width = pdf.page.width - 2 * MARGIN;
    let y = MARGIN;
    const heading = (value: string, size = 11) => {
      y = room(pdf, y + 6, size + 8 + 14);
      pdf.font('bold').fontSize(size).fillColor(INK).text(value, MARGIN, y);
      y += size + 8;
    };
    const row = (label: string, value: string, bold = false) => {
      pdf
        .font(bold ? 'bold' : 'regular')
        .fontSize(9)
        .fillColor(INK);
      tableRow(
        pdf,
        y,
        [
          [label, width - 160, 'left'],
          [value, 160, 'right'],
        ],
        MARGIN,
      );
      y += 14;
      pdf
        .moveTo(MARGIN, y - 2)
        .lineTo(MARGIN + width, y - 2)
        .strokeColor(RULE)
        .lineWidth(0.3)
        .stroke();
    };
    heading(report.kind === 'X' ? S.x : S.z, 16);
    pdf.font('regular').fontSize(9).fillColor(MUTED);
    row(S.register, report.register.name);
    row(S.session, report.session.id);
    row(S.opened, S.by(when(report.session.openedAt), report.session.openedBy));
    if (report.session.closedAt) row(S.closed, S.by(when(report.session.closedAt), report.session.closedBy ?? ''));
    row(S.sales, String(report.sales));
    heading(S.tenders);
    if (!report.tenders.length) row(S.none, '');
    for (const total of report.tenders) row(S.tender(total.method, total.count), money(total.amount));
    heading(S.refunds);
    if (!report.refunds.length) row(S.none, '');
    for (const total of report.refunds) row(S.tender(total.method, total.count), money(-total.amount));
    heading(S.cash);
    row(S.openingFloat, money(report.cash.openingFloat));
    row(S.cashTaken, money(report.cash.taken));
    row(S.cashRefunded, money(-report.cash.refunded));
    row(S.paidIn, money(report.cash.paidIn));
    row(S.paidOut, money(-report.cash.paidOut));
    row(S.tendered, money(report.cash.tendered));
    row(S.change, money(report.cash.changeGiven));
    row(S.expected, money(report.expectedCash), true);
    if (report.countedCash !== null) row(S.counted, money(report.countedCash), true);
    if (report.difference !== null) row(S.difference, money(report.difference), true);
    if (report.session.note) row(S.note, report.session.note);
    heading(S.movements);
    if (!report.cashMovements.length) row(S.none, '');
    for (const movement of report.cashMovements)
      row(S.movement(movement.kind, movement.reason), money(movement.kind === 'paid_in' ? movement.amount : -movement.amount));
  });
}
