import type { Executor } from '../../platform/db/database.ts';
import type { OutboxConsumer, StoredEvent } from '../../platform/outbox.ts';
import { balanceOf } from '../documents/balance.ts';
import {
  sendNewPromisedDate,
  sendOrderConfirmation,
  sendPickupExpired,
  sendPickupReminder,
  sendReadyForPickup,
  sendShipped,
  type ItemLine,
} from '../documents/customer-emails.ts';
import { formatDay, formatDayAndTime } from '../documents/dates.ts';
import { renderInvoicePdf } from '../documents/invoice.ts';
import type { Mailer } from '../documents/mailer.ts';
import { formatMoney } from '../documents/money.ts';
import type { Retailer } from '../documents/retailer.ts';
import { invoiceOf, readerOf, type Reader } from './customer-documents.ts';
import { getOrder, recordOrderEvent } from './read.ts';
import type { OrderView } from './schema.ts';

export type { Retailer } from '../documents/retailer.ts';
export { invoiceOf } from './customer-documents.ts';

/** The consumer's row in `outbox_consumers` (migration 0012) and the events it reads. */
export const ORDER_EMAILS = {
  name: 'order-emails',
  types: ['order.placed', 'order.ready_for_pickup', 'order.pickup_reminder', 'order.pickup_expired', 'order.shipped', 'order.backordered'],
};

type Kind = 'confirmation' | 'ready_for_pickup' | 'pickup_reminder' | 'pickup_expired' | 'shipped' | 'new_date';
const KINDS: Record<string, Kind> = {
  'order.placed': 'confirmation',
  'order.ready_for_pickup': 'ready_for_pickup',
  'order.pickup_reminder': 'pickup_reminder',
  'order.pickup_expired': 'pickup_expired',
  'order.shipped': 'shipped',
  'order.backordered': 'new_date',
};

/** What every email of an order needs: where it goes, the order, its reader (name, language, locale, time zone). */
interface Letter {
  db: Executor;
  mailer: Mailer;
  retailer: Retailer;
  order: OrderView;
  to: string;
  reader: Reader;
  event: StoredEvent;
}

/**
 * The customer's emails about an order, sent from the outbox by whichever process holds them, each in the customer's
 * language (else the channel's, else the retailer's): the confirmation with its invoice (`order.placed`); for Click &
 * Collect, that it is ready at the store with the pickup code, the end of the pickup window and the QR code the
 * counter scans (`order.ready_for_pickup`, sent again when staff resend it), a reminder before the window ends
 * (`order.pickup_reminder`) and its cancellation when not collected (`order.pickup_expired`); that a delivery left
 * with its carrier and tracking number (`order.shipped`); and the new date of goods that wait for stock
 * (`order.backordered`). So an email outlives a crash or an SMTP outage: a message the server refuses for a while is
 * tried again (1 s, 2 s, 4 s … up to a minute apart), every attempt with the same Message-ID. Each email is written
 * in the order's timeline: `email.sent`, or `email.failed` for an address refused for good (5xx), after which the
 * next emails go on.
 */
export function orderEmails(db: Executor, mailer: Mailer, retailer: Retailer): OutboxConsumer {
  return {
    ...ORDER_EMAILS,
    async handle(event) {
      const kind = KINDS[event.type];
      if (!kind) return;
      const order = await getOrder(db, String(event.payload.orderId));
      const to = order.email;
      if (!to) return;
      const letter: Letter = { db, mailer, retailer, order, to, reader: await readerOf(db, order, retailer), event };
      try {
        const messageId = await SENDERS[kind](letter);
        if (messageId === null) return;
        await recordOrderEvent(db, order.id, 'email.sent', { kind, to, messageId, language: letter.reader.language }, 'system', null);
      } catch (error) {
        if (!refusedForGood(error)) throw error;
        await recordOrderEvent(db, order.id, 'email.failed', { kind, to, reason: (error as Error).message }, 'system', null);
      }
    },
  };
}

/** nodemailer's SMTP errors carry the server's reply code: 5xx is final, 4xx and connection errors are worth a retry. */
const refusedForGood = (error: unknown) => {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
};

/** Each kind of email; null (and nothing sent) for an event about a group it does not concern. */
const SENDERS: Record<Kind, (letter: Letter) => Promise<string | null>> = {
  confirmation: sendConfirmation,
  ready_for_pickup: (letter) => sendPickupNotice(letter, 'ready'),
  pickup_reminder: (letter) => sendPickupNotice(letter, 'reminder'),
  pickup_expired: sendExpired,
  shipped: sendShippedNotice,
  new_date: sendNewDate,
};

/** The order confirmation with its invoice, in the reader's language. */
async function sendConfirmation({ db, mailer, retailer, order, to, reader }: Letter): Promise<string> {
  const invoice = await invoiceOf(db, order, retailer);
  const pickupGroup = order.deliveryGroups.find((group) => group.pickupLocationId);
  const store = pickupGroup ? await storeOf(db, pickupGroup.pickupLocationId!) : undefined;
  const toPay = invoice.payments.toPayAtPickup;
  return sendOrderConfirmation(mailer, {
    to,
    language: reader.language,
    orderNumber: order.number,
    customerName: reader.name,
    totalFormatted: formatMoney(order.totals.total, order.currency, reader.locale),
    ...(toPay ? { toPayAtPickup: formatMoney(toPay, order.currency, reader.locale) } : {}),
    ...(store ? { pickup: store } : {}),
    pdf: await renderInvoicePdf(invoice),
    key: `order-${order.id}.confirmation`,
  });
}

/**
 * That a pickup group waits at its store (`ready`), or that its window ends soon (`reminder`): what is in it, until
 * when, the pickup code, what is left to pay there, and the QR code. A resent ready notice is a new message (its own
 * Message-ID): mail programs would hide a second copy of the first.
 */
async function sendPickupNotice({ db, mailer, order, to, reader, event }: Letter, which: 'ready' | 'reminder'): Promise<string | null> {
  const groupId = String(event.payload.groupId);
  const group = order.deliveryGroups.find((candidate) => candidate.id === groupId);
  if (!group?.pickupLocationId) return null;
  const pickupBy = typeof event.payload.pickupBy === 'string' ? formatDayAndTime(event.payload.pickupBy, reader.locale, reader.timeZone) : undefined;
  if (which === 'reminder' && !pickupBy) return null;
  const toPay = balanceOf(order.payments).toPayAtPickup;
  const notice = {
    to,
    language: reader.language,
    orderNumber: order.number,
    customerName: reader.name,
    ...(await storeOf(db, group.pickupLocationId)),
    items: itemsOf(group, 'still_ordered'),
    ...(toPay ? { toPay: formatMoney(toPay, order.currency, reader.locale) } : {}),
    ...(typeof event.payload.pickupCode === 'string' ? { pickupCode: event.payload.pickupCode } : {}),
    qrPayload: order.qrPayload,
  };
  if (which === 'reminder') return sendPickupReminder(mailer, { ...notice, pickupBy: pickupBy!, key: `order-${order.id}.reminder-${groupId}` });
  const key = event.payload.resent === true ? `order-${order.id}.ready-${groupId}-resent-${event.id}` : `order-${order.id}.ready-${groupId}`;
  return sendReadyForPickup(mailer, { ...notice, ...(pickupBy ? { pickupBy } : {}), key });
}

/** A pickup group not collected in time was cancelled: what it held, and what became of the money. */
async function sendExpired({ db, mailer, order, to, reader, event }: Letter): Promise<string | null> {
  const groupId = String(event.payload.groupId);
  const group = order.deliveryGroups.find((candidate) => candidate.id === groupId);
  if (!group?.pickupLocationId) return null;
  const store = await storeOf(db, group.pickupLocationId);
  const refunded = balanceOf(order.payments).refunded.reduce((sum, refund) => sum + refund.amount, 0);
  const released = order.payments.some((payment) => payment.status === 'voided' && payment.method !== 'pay_at_pickup');
  return sendPickupExpired(mailer, {
    to,
    language: reader.language,
    orderNumber: order.number,
    customerName: reader.name,
    storeName: store.storeName,
    items: itemsOf(group, 'all'),
    money: refunded ? { refunded: formatMoney(refunded, order.currency, reader.locale) } : released ? 'released' : 'nothing_paid',
    key: `order-${order.id}.expired-${groupId}`,
  });
}

/** A delivery group left for the customer's address: its carrier and tracking number, and link when the group has one. */
async function sendShippedNotice({ mailer, order, to, reader, event }: Letter): Promise<string | null> {
  const groupId = String(event.payload.groupId);
  const group = order.deliveryGroups.find((candidate) => candidate.id === groupId);
  // Goods collected at a store (pickup, ship to store) have their own emails: ready, reminder, expiry.
  if (!group || group.pickupLocationId) return null;
  // A tracking page is the carrier's to give (fulfilment's carriers may add it to the group): used only when there.
  const trackingUrl = group.trackingUrl;
  return sendShipped(mailer, {
    to,
    language: reader.language,
    orderNumber: order.number,
    customerName: reader.name,
    items: itemsOf(group, 'still_ordered'),
    ...(group.carrier ? { carrier: group.carrier } : {}),
    ...(group.trackingNumber ? { trackingNumber: group.trackingNumber } : {}),
    ...(typeof trackingUrl === 'string' && trackingUrl ? { trackingUrl } : {}),
    key: `order-${order.id}.shipped-${groupId}`,
  });
}

/** The date now promised for a group that waits for stock (its event's date: a later one has its own email). */
async function sendNewDate({ mailer, order, to, reader, event }: Letter): Promise<string | null> {
  const groupId = String(event.payload.groupId);
  const promisedAt = String(event.payload.promisedAt);
  const group = order.deliveryGroups.find((candidate) => candidate.id === groupId);
  if (!group) return null;
  return sendNewPromisedDate(mailer, {
    to,
    language: reader.language,
    orderNumber: order.number,
    customerName: reader.name,
    // The day as the retailer's calendar has it (a promise at 23:30 UTC is the next day in Lyon).
    promisedOn: formatDay(promisedAt, reader.locale, reader.timeZone),
    items: itemsOf(group, 'still_ordered'),
    key: `order-${order.id}.date-${groupId}-${Date.parse(promisedAt)}`,
  });
}

/** A group's lines for an email: what is still ordered (cancelled units left out), or all of it (what was cancelled). */
function itemsOf(group: OrderView['deliveryGroups'][number], which: 'still_ordered' | 'all'): ItemLine[] {
  return group.lines
    .map((line) => ({ quantity: which === 'all' ? line.quantity : line.quantity - line.cancelledQuantity, title: line.title, sku: line.sku }))
    .filter((line) => line.quantity > 0);
}

async function storeOf(db: Executor, locationId: string): Promise<{ storeName: string; address: string }> {
  const store = await db.selectFrom('locations').select(['name', 'address']).where('id', '=', locationId).executeTakeFirstOrThrow();
  return { storeName: store.name, address: `${store.address.line1}, ${store.address.postalCode} ${store.address.city}` };
}
