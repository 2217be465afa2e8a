import type { Language } from './language.ts';
import { bodies, type Mailer, type Paragraph } from './mailer.ts';
import { messagesFor } from './messages/index.ts';
import { orderQrPng } from './qr.ts';

/**
 * The emails a customer receives about an order, each in the customer's language (`messages/`): subject, text and
 * HTML. Amounts and dates come written already (in the document's locale and the retailer's time zone: the caller
 * knows both); the words come from the catalogue. Each answers the Message-ID.
 */

export interface CustomerEmail {
  to: string;
  language: Language;
  orderNumber: string;
  customerName: string;
  /** The same key for every attempt at this email (see `OutgoingMail.key`). */
  key?: string;
}

/** A line of goods as an email lists it: `2 × Mug (MUG-1)`. */
export interface ItemLine {
  quantity: number;
  title: string;
  sku: string;
}

export interface OrderConfirmation extends CustomerEmail {
  /** The order total as printed on the invoice: `formatMoney(total, currency, locale)`. */
  totalFormatted: string;
  /** What is left to pay at the store, written as an amount, when something is. */
  toPayAtPickup?: string;
  /** For Click & Collect: where the customer collects the order. */
  pickup?: { storeName: string; address: string };
  /** The invoice, from `renderInvoicePdf`. */
  pdf: Buffer;
}

/** The order is confirmed, with the invoice attached. */
export async function sendOrderConfirmation(mailer: Mailer, order: OrderConfirmation): Promise<string> {
  const words = messagesFor(order.language);
  const file = words.invoice.fileName(order.orderNumber);
  const said = words.email.confirmation;
  return mailer.send({
    to: order.to,
    subject: said.subject(order.orderNumber),
    ...bodies(order.language, [
      words.email.hello(order.customerName),
      said.thanks(order.orderNumber, file),
      { strong: said.total(order.totalFormatted) },
      ...(order.toPayAtPickup ? [{ strong: words.email.toPayAtPickup(order.toPayAtPickup) }] : []),
      ...(order.pickup ? [said.pickupAt(order.pickup.storeName, order.pickup.address), said.pickupNext] : []),
      words.email.seeYouSoon,
    ]),
    attachments: [{ filename: file, content: order.pdf, contentType: 'application/pdf' }],
    ...keyOf(order),
  });
}

export interface PickupNotice extends CustomerEmail {
  storeName: string;
  address: string;
  items: ItemLine[];
  /** What is left to pay at the counter, written as an amount, when something is. */
  toPay?: string;
  /** The code the customer gives at the counter, when the store issued one. */
  pickupCode?: string;
  /** When the pickup window ends, written as a day and time, when there is one. */
  pickupBy?: string;
  /** The order's QR code payload (`orderQrPayload`), shown in the email for the counter to scan. */
  qrPayload: string;
}

/** A Click & Collect order is ready: where, what, until when, the pickup code and the QR code the counter scans. */
export async function sendReadyForPickup(mailer: Mailer, notice: PickupNotice): Promise<string> {
  const words = messagesFor(notice.language);
  const said = words.email.ready;
  return sendPickupNotice(mailer, notice, said.subject(notice.orderNumber), [
    said.waiting(notice.orderNumber, notice.storeName, notice.address),
    ...(notice.pickupBy ? [said.until(notice.pickupBy)] : []),
  ]);
}

/** The pickup window is about to end: the same facts, and what happens after it. */
export async function sendPickupReminder(mailer: Mailer, notice: PickupNotice & { pickupBy: string }): Promise<string> {
  const said = messagesFor(notice.language).email.reminder;
  return sendPickupNotice(mailer, notice, said.subject(notice.orderNumber), [
    said.waiting(notice.orderNumber, notice.storeName, notice.address, notice.pickupBy),
  ]);
}

async function sendPickupNotice(mailer: Mailer, notice: PickupNotice, subject: string, opening: Paragraph[]): Promise<string> {
  const words = messagesFor(notice.language);
  const qr = await orderQrPng(notice.qrPayload);
  return mailer.send({
    to: notice.to,
    subject,
    ...bodies(notice.language, [
      words.email.hello(notice.customerName),
      ...opening,
      itemList(notice.language, notice.items),
      ...(notice.pickupCode ? [{ strong: words.email.pickupCode(notice.pickupCode) }] : []),
      ...(notice.toPay ? [{ strong: words.email.toPayAtPickup(notice.toPay) }] : []),
      words.email.showAtCounter(notice.orderNumber),
      { image: 'order-qr', alt: words.email.qrAlt },
      words.email.seeYouSoon,
    ]),
    attachments: [{ filename: `order-${notice.orderNumber}.png`, content: qr, contentType: 'image/png', cid: 'order-qr' }],
    ...keyOf(notice),
  });
}

export interface PickupExpired extends CustomerEmail {
  storeName: string;
  items: ItemLine[];
  /** What became of the money: refunded (the amount, written), released from the card, or nothing was paid. */
  money: { refunded: string } | 'released' | 'nothing_paid';
}

/** The order was not collected in time: it is cancelled, and the customer is told what became of the money. */
export async function sendPickupExpired(mailer: Mailer, notice: PickupExpired): Promise<string> {
  const words = messagesFor(notice.language);
  const said = words.email.expired;
  const money = notice.money === 'released' ? said.released : notice.money === 'nothing_paid' ? said.nothingCharged : said.refunded(notice.money.refunded);
  return mailer.send({
    to: notice.to,
    subject: said.subject(notice.orderNumber),
    ...bodies(notice.language, [
      words.email.hello(notice.customerName),
      said.cancelled(notice.orderNumber, notice.storeName),
      itemList(notice.language, notice.items),
      { strong: money },
      said.sorry,
    ]),
    ...keyOf(notice),
  });
}

export interface Shipped extends CustomerEmail {
  items: ItemLine[];
  carrier?: string;
  trackingNumber?: string;
  /** The carrier's tracking page, when the shipment has one (http or https only). */
  trackingUrl?: string;
}

/** A delivery left for the customer's address: what, with which carrier, the tracking number and link. */
export async function sendShipped(mailer: Mailer, notice: Shipped): Promise<string> {
  const words = messagesFor(notice.language);
  const said = words.email.shipped;
  const carrier = notice.carrier ? (notice.trackingNumber ? said.carrier(notice.carrier, notice.trackingNumber) : said.carrierOnly(notice.carrier)) : undefined;
  const link = notice.trackingUrl && /^https?:\/\//i.test(notice.trackingUrl) ? notice.trackingUrl : undefined;
  return mailer.send({
    to: notice.to,
    subject: said.subject(notice.orderNumber),
    ...bodies(notice.language, [
      words.email.hello(notice.customerName),
      said.onItsWay(notice.orderNumber),
      itemList(notice.language, notice.items),
      ...(carrier ? [{ strong: carrier }] : []),
      ...(link ? [said.track, { link }] : []),
      words.email.seeYouSoon,
    ]),
    ...keyOf(notice),
  });
}

export interface NewPromisedDate extends CustomerEmail {
  /** The new date, written as a day: `formatDay(promisedAt, locale, timeZone)`. */
  promisedOn: string;
  /** What waits for the stock. */
  items: ItemLine[];
}

/** Part of an order waits for stock: the date now promised. */
export async function sendNewPromisedDate(mailer: Mailer, notice: NewPromisedDate): Promise<string> {
  const words = messagesFor(notice.language);
  const said = words.email.newDate;
  return mailer.send({
    to: notice.to,
    subject: said.subject(notice.orderNumber),
    ...bodies(notice.language, [
      words.email.hello(notice.customerName),
      said.waiting(notice.orderNumber),
      itemList(notice.language, notice.items),
      { strong: said.expected(notice.promisedOn) },
      said.sorry,
    ]),
    ...keyOf(notice),
  });
}

const itemList = (language: Language, items: ItemLine[]) =>
  items.map((item) => `- ${messagesFor(language).email.item(item.quantity, item.title, item.sku)}`).join('\n');

const keyOf = (email: CustomerEmail) => (email.key ? { key: email.key } : {});
