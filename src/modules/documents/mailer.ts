import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { orderQrPng } from './qr.ts';

export interface MailerConfig {
  /** smtp://user:password@host:587 or smtps://…:465; nodemailer options may ride along as query parameters (?pool=false). */
  smtpUrl?: string;
  /** The sender customers see: `Maison Dupont <orders@maison-dupont.fr>`. */
  from: string;
  /** Without smtpUrl, each message is written here as an .eml file instead of being sent. */
  outboxDir?: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** With a `cid`, an image the HTML body shows (`<img src="cid:…">`). */
  attachments?: { filename: string; content: Buffer; contentType: string; cid?: string }[];
  /** A stable key for the message: sent again (a retry), it keeps the same Message-ID, so mail programs show it once. */
  key?: string;
}

export interface Mailer {
  /** Sends one message and answers its Message-ID. Rejects when the SMTP server refuses it; the caller retries. */
  send(mail: OutgoingMail): Promise<string>;
  close(): void;
}

export function createMailer(config: MailerConfig): Mailer {
  const domain = /@([^>\s]+)>?\s*$/.exec(config.from)?.[1] ?? 'localhost';
  const message = ({ key, ...mail }: OutgoingMail) => ({ from: config.from, ...mail, ...(key ? { messageId: `<${key}@${domain}>` } : {}) });
  if (config.smtpUrl) {
    // Pooled unless the URL says otherwise: a new SMTP connection per email cost ~110 ms against a local server, an
    // eighth of the rate (BENCHMARKS.md, order confirmations).
    const url = new URL(config.smtpUrl);
    if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
    const transport = nodemailer.createTransport(url.toString());
    return {
      async send(mail) {
        const info = await transport.sendMail(message(mail));
        return info.messageId;
      },
      close: () => transport.close(),
    };
  }
  const outboxDir = config.outboxDir;
  if (!outboxDir) throw new Error('Mail needs SMTP_URL, or an outbox folder to write messages into during development.');
  // The stream transport builds the exact message SMTP would carry; an .eml file of it opens in any mail program.
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    async send(mail) {
      const info = await transport.sendMail(message(mail));
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const name = `${stamp}-${info.messageId.replace(/[^A-Za-z0-9@.-]/g, '')}.eml`;
      await mkdir(outboxDir, { recursive: true });
      await writeFile(path.join(outboxDir, name), info.message as Buffer);
      return info.messageId;
    },
    close: () => transport.close(),
  };
}

export interface OrderConfirmation {
  to: string;
  orderNumber: string;
  customerName: string;
  /** The order total as printed on the invoice: `formatMoney(total, currency, locale)`. */
  totalFormatted: string;
  /** For Click & Collect: where the customer collects the order. */
  pickup?: { storeName: string; address: string };
  /** The invoice, from `renderInvoicePdf`. */
  pdf: Buffer;
  /** The same key for every attempt at this confirmation (see `OutgoingMail.key`). */
  key?: string;
}

/** Emails the customer that the order is confirmed, with the invoice attached; answers the Message-ID. */
export async function sendOrderConfirmation(mailer: Mailer, order: OrderConfirmation): Promise<string> {
  const invoiceFile = `invoice-${order.orderNumber}.pdf`;
  const pickup = order.pickup
    ? [
        `You will collect it at ${order.pickup.storeName}, ${order.pickup.address}.`,
        'We will email you again as soon as it is ready. At the store, show the QR code on the invoice (on your phone or printed) and we will find your order straight away.',
      ]
    : [];
  return mailer.send({
    to: order.to,
    subject: `Your order ${order.orderNumber} is confirmed`,
    ...bodies([
      `Hello ${order.customerName},`,
      `Thank you for your order ${order.orderNumber}. It is confirmed, and your invoice is attached (${invoiceFile}).`,
      { strong: `Total: ${order.totalFormatted}` },
      ...pickup,
      'See you soon!',
    ]),
    attachments: [{ filename: invoiceFile, content: order.pdf, contentType: 'application/pdf' }],
    ...(order.key ? { key: order.key } : {}),
  });
}

export interface ReadyForPickup {
  to: string;
  orderNumber: string;
  customerName: string;
  storeName: string;
  address: string;
  /** What waits at the counter, one line each: `2 × Mug (MUG-1)`. */
  items: string[];
  /** What is left to pay at the counter, written for the customer, when something is. */
  toPay?: string;
  /** The order's QR code payload (`orderQrPayload`), shown in the email for the counter to scan. */
  qrPayload: string;
  key?: string;
}

/** Emails the customer that a Click & Collect order is ready, with the QR code the counter scans; answers the Message-ID. */
export async function sendReadyForPickup(mailer: Mailer, notice: ReadyForPickup): Promise<string> {
  const qr = await orderQrPng(notice.qrPayload);
  return mailer.send({
    to: notice.to,
    subject: `Your order ${notice.orderNumber} is ready for pickup`,
    ...bodies([
      `Hello ${notice.customerName},`,
      `Your order ${notice.orderNumber} is waiting for you at ${notice.storeName}, ${notice.address}.`,
      notice.items.map((item) => `- ${item}`).join('\n'),
      ...(notice.toPay ? [{ strong: `To pay at pickup: ${notice.toPay}` }] : []),
      `At the counter, show this QR code (or give the order number ${notice.orderNumber}) and we will find your order straight away.`,
      { image: 'order-qr' },
      'See you soon!',
    ]),
    attachments: [{ filename: `order-${notice.orderNumber}.png`, content: qr, contentType: 'image/png', cid: 'order-qr' }],
    ...(notice.key ? { key: notice.key } : {}),
  });
}

export interface NewPromisedDate {
  to: string;
  orderNumber: string;
  customerName: string;
  /** The new date, written for the customer: `formatDate(promisedAt, locale)`. */
  promisedOn: string;
  /** What waits for the stock, one line each: `2 × Mug (MUG-1)`. */
  items: string[];
  key?: string;
}

/** Emails the customer that part of an order waits for stock, and the date now promised; answers the Message-ID. */
export async function sendNewPromisedDate(mailer: Mailer, notice: NewPromisedDate): Promise<string> {
  return mailer.send({
    to: notice.to,
    subject: `Your order ${notice.orderNumber}: a new date`,
    ...bodies([
      `Hello ${notice.customerName},`,
      `Some items of your order ${notice.orderNumber} are waiting for stock to arrive:`,
      notice.items.map((item) => `- ${item}`).join('\n'),
      { strong: `We now expect to deliver them by ${notice.promisedOn}.` },
      'We are sorry for the wait, and will write again as soon as they are on their way.',
    ]),
    ...(notice.key ? { key: notice.key } : {}),
  });
}

/** The text and HTML bodies of a customer email, from its paragraphs: plain, in bold, or an attached image by its cid. */
function bodies(paragraphs: (string | { strong: string } | { image: string })[]): { text: string; html: string } {
  const text = `${paragraphs.flatMap((paragraph) => (typeof paragraph === 'string' ? [paragraph] : 'strong' in paragraph ? [paragraph.strong] : [])).join('\n\n')}\n`;
  const html = [
    '<!doctype html><html><body style="font-family: Arial, sans-serif; color: #1f2328; line-height: 1.5">',
    ...paragraphs.map((paragraph) => {
      if (typeof paragraph === 'string') return `<p>${escapeHtml(paragraph).replaceAll('\n', '<br>')}</p>`;
      if ('strong' in paragraph) return `<p><strong>${escapeHtml(paragraph.strong)}</strong></p>`;
      return `<p><img src="cid:${paragraph.image}" alt="QR code of the order" width="200" height="200"></p>`;
    }),
    '</body></html>',
  ].join('\n');
  return { text, html };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
