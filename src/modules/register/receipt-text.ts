import { messagesFor } from '../documents/messages/index.ts';
import type { Receipt } from './receipt.ts';

/**
 * A receipt as plain text for a receipt printer: 42 columns (80 mm paper, font A), no line longer. Long words are
 * wrapped; an amount is always right-aligned on the line of its label.
 */
export const RECEIPT_COLUMNS = 42;

export function receiptText(receipt: Receipt, width = RECEIPT_COLUMNS): string {
  const T = messagesFor(receipt.language).receipt;
  const rule = '-'.repeat(width);
  const out: string[] = [];
  const centred = (text: string) => wrap(text, width).map((part) => ' '.repeat(Math.floor((width - length(part)) / 2)) + part);
  out.push(...receipt.header.flatMap(centred), rule, ...centred(T.title));
  if (receipt.register) out.push(...pair(T.register(receipt.register), '', width));
  out.push(...pair(T.date(receipt.issuedAt), '', width), ...pair(T.order(receipt.orderNumber), '', width), rule);
  for (const line of receipt.lines) {
    out.push(...wrap(line.title, width), ...pair(`  ${line.quantity}`, line.amount, width));
    if (line.discount) out.push(...pair(line.discount[0], line.discount[1], width));
  }
  out.push(rule);
  for (const [label, amount] of receipt.amounts) out.push(...pair(label, amount, width));
  out.push(...pair(T.total, receipt.total, width));
  for (const [label, amount] of receipt.taxes) out.push(...pair(label, amount, width));
  out.push(rule);
  for (const [label, amount] of receipt.tenders) out.push(...pair(label, amount, width));
  if (receipt.deliveries.length) out.push(rule, ...receipt.deliveries.flatMap((text) => wrap(text, width)));
  out.push(rule, ...centred(receipt.qrPayload), ...centred(T.thanks));
  return `${out.map((line) => line.replaceAll('\u00a0', ' ')).join('\n')}\n`;
}

/** Characters as a printer counts them (code points). */
const length = (text: string) => [...text].length;

/** `label …… amount` on one line when they fit, else the label wrapped and the amount right-aligned under it. */
function pair(label: string, amount: string, width: number): string[] {
  const room = width - length(amount) - 1;
  if (amount && length(label) <= room) return [label + ' '.repeat(width - length(label) - length(amount)) + amount];
  const lines = wrap(label, width);
  if (amount) lines.push(' '.repeat(Math.max(0, width - length(amount))) + amount);
  return lines;
}

/** Words into lines of at most `width` characters; a word longer than a line is cut. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  // A no-break space keeps its neighbours on one line ("Caisse : Till 1", "131,30 €"); the printer gets a plain space.
  for (const word of text.split(/[^\S\u00a0]+/).filter(Boolean)) {
    let rest = word;
    while (length(rest) > width) {
      if (current) lines.push(current);
      current = '';
      lines.push([...rest].slice(0, width).join(''));
      rest = [...rest].slice(width).join('');
    }
    if (!current) current = rest;
    else if (length(current) + 1 + length(rest) <= width) current += ` ${rest}`;
    else {
      lines.push(current);
      current = rest;
    }
  }
  if (current) lines.push(current);
  return lines.length ? lines : [''];
}
