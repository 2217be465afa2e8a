import type { Executor } from '../../platform/db/database.ts';
import type { OutboxConsumer } from '../../platform/outbox.ts';
import { renderInvoicePdf, type InvoiceDocument } from '../documents/invoice.ts';
import { sendNewPromisedDate, sendOrderConfirmation, sendReadyForPickup, type Mailer } from '../documents/mailer.ts';
import { formatMoney } from '../documents/money.ts';
import { getOrder, recordOrderEvent } from './read.ts';
import type { OrderView } from './schema.ts';

export interface Retailer {
  name: string;
  addressLines: string[];
  vatNumber?: string | undefined;
  /** How amounts and dates are written on invoices, e.g. fr-FR. */
  locale: string;
}

const METHOD_NAMES: Record<string, string> = {
  card_online: 'card',
  card_register: 'card',
  cash: 'cash',
  pay_at_pickup: 'to pay at pickup',
  gift_card: 'gift card',
  loyalty_points: 'points',
  store_credit: 'store credit',
};

/** The invoice of an order, as printed and attached to the confirmation. */
export async function invoiceOf(db: Executor, order: OrderView, retailer: Retailer): Promise<InvoiceDocument> {
  const [customer, channel] = await Promise.all([
    db.selectFrom('customers').select(['first_name', 'last_name']).where('id', '=', order.customerId).executeTakeFirstOrThrow(),
    db
      .selectFrom('channels')
      .innerJoin('price_lists', 'price_lists.id', 'channels.price_list_id')
      .select(['channels.name', 'price_lists.prices_include_tax'])
      .where('channels.id', '=', order.channelId)
      .executeTakeFirstOrThrow(),
  ]);
  const lines = order.deliveryGroups.flatMap((group) => group.lines);
  const taxes = new Map<number, { base: number; amount: number }>();
  for (const line of lines) {
    const rate = taxes.get(line.taxRateBasisPoints) ?? { base: 0, amount: 0 };
    rate.base += line.lineTotal - line.taxAmount;
    rate.amount += line.taxAmount;
    taxes.set(line.taxRateBasisPoints, rate);
  }
  const shipping = order.totals.shipping;
  const packing = order.totals.packing;
  const shippingAddress = order.deliveryGroups.find((group) => group.address)?.address;
  return {
    retailer: { name: retailer.name, addressLines: retailer.addressLines, ...(retailer.vatNumber ? { vatNumber: retailer.vatNumber } : {}) },
    number: `INV-${order.number}`,
    orderNumber: order.number,
    issuedAt: order.createdAt,
    currency: order.currency,
    locale: retailer.locale,
    customer: {
      name: `${customer.first_name} ${customer.last_name}`.trim(),
      ...(order.email ? { email: order.email } : {}),
      ...(order.phone ? { phone: order.phone } : {}),
      ...(shippingAddress
        ? {
            addressLines: [
              shippingAddress.line1,
              shippingAddress.line2 ?? '',
              `${shippingAddress.postalCode} ${shippingAddress.city}`,
              shippingAddress.country,
            ].filter(Boolean),
          }
        : {}),
    },
    channelName: channel.name,
    pricesIncludeTax: channel.prices_include_tax,
    lines: lines.map((line) => ({
      sku: line.sku,
      title: line.title,
      quantity: line.quantity,
      unitPrice: line.unitListPrice,
      discount: line.discountTotal,
      taxRateBasisPoints: line.taxRateBasisPoints,
      lineTotal: line.lineTotal,
    })),
    fees: [...(shipping ? [{ label: 'Shipping', amount: shipping }] : []), ...(packing ? [{ label: 'Packing', amount: packing }] : [])],
    taxes: [...taxes].map(([rateBasisPoints, rate]) => ({ rateBasisPoints, ...rate })),
    totals: { subtotal: order.totals.subtotal, discounts: order.totals.discounts, fees: shipping + packing, tax: order.totals.tax, total: order.totals.total },
    payments: order.payments.map((payment) => ({ method: METHOD_NAMES[payment.method] ?? payment.method, amount: payment.amount })),
    qrPayload: order.qrPayload,
  };
}

/** The consumer's row in `outbox_consumers` (migration 0012) and the events it reads. */
export const ORDER_EMAILS = { name: 'order-emails', types: ['order.placed', 'order.ready_for_pickup', 'order.backordered'] };

/**
 * The customer's emails about an order, sent from the outbox by whichever process holds them: the confirmation with
 * its invoice (`order.placed`) and, for Click & Collect, the notice that it is ready at the store with the QR code
 * the counter scans (`order.ready_for_pickup`), and the new date of goods that wait for stock (`order.backordered`). So an email outlives a crash or an SMTP outage: a message the server
 * refuses for a while is tried again (1 s, 2 s, 4 s … up to a minute apart), every attempt with the same Message-ID.
 * Each email is written in the order's timeline: `email.sent`, or `email.failed` for an address refused for good
 * (5xx), after which the next emails go on.
 */
export function orderEmails(db: Executor, mailer: Mailer, retailer: Retailer): OutboxConsumer {
  return {
    ...ORDER_EMAILS,
    async handle(event) {
      const order = await getOrder(db, String(event.payload.orderId));
      const to = order.email;
      if (!to) return;
      const kind = event.type === 'order.placed' ? 'confirmation' : event.type === 'order.backordered' ? 'new_date' : 'ready_for_pickup';
      try {
        const messageId =
          kind === 'confirmation'
            ? await sendConfirmation(db, mailer, retailer, order, to)
            : kind === 'new_date'
              ? await sendNewDate(db, mailer, retailer, order, String(event.payload.groupId), String(event.payload.promisedAt), to)
              : await sendReadyNotice(db, mailer, retailer, order, String(event.payload.groupId), to);
        if (messageId === null) return;
        await recordOrderEvent(db, order.id, 'email.sent', { kind, to, messageId }, 'system', null);
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

/** Emails the order confirmation with its invoice to the order's email; answers the Message-ID. */
async function sendConfirmation(db: Executor, mailer: Mailer, retailer: Retailer, order: OrderView, to: string): Promise<string> {
  const invoice = await invoiceOf(db, order, retailer);
  const pickupGroup = order.deliveryGroups.find((group) => group.pickupLocationId);
  const store = pickupGroup
    ? await db.selectFrom('locations').select(['name', 'address']).where('id', '=', pickupGroup.pickupLocationId!).executeTakeFirst()
    : undefined;
  return sendOrderConfirmation(mailer, {
    to,
    orderNumber: order.number,
    customerName: invoice.customer.name,
    totalFormatted: formatMoney(order.totals.total, order.currency, retailer.locale),
    ...(store ? { pickup: { storeName: store.name, address: storeAddress(store.address) } } : {}),
    pdf: await renderInvoicePdf(invoice),
    key: `order-${order.id}.confirmation`,
  });
}

/**
 * Emails that a pickup group waits at its store: what is in it, what is left to pay there, and the QR code. Null, and
 * nothing sent, for a group that is not collected (no such event is published; were one, it must not hold up the rest).
 */
async function sendReadyNotice(db: Executor, mailer: Mailer, retailer: Retailer, order: OrderView, groupId: string, to: string): Promise<string | null> {
  const group = order.deliveryGroups.find((candidate) => candidate.id === groupId);
  if (!group?.pickupLocationId) return null;
  const [store, customer] = await Promise.all([
    db.selectFrom('locations').select(['name', 'address']).where('id', '=', group.pickupLocationId).executeTakeFirstOrThrow(),
    db.selectFrom('customers').select(['first_name', 'last_name']).where('id', '=', order.customerId).executeTakeFirstOrThrow(),
  ]);
  const toPay = order.payments
    .filter((payment) => payment.method === 'pay_at_pickup' && payment.status === 'awaiting_pickup')
    .reduce((sum, payment) => sum + payment.amount, 0);
  return sendReadyForPickup(mailer, {
    to,
    orderNumber: order.number,
    customerName: `${customer.first_name} ${customer.last_name}`.trim(),
    storeName: store.name,
    address: storeAddress(store.address),
    items: group.lines
      .filter((line) => line.quantity > line.cancelledQuantity)
      .map((line) => `${line.quantity - line.cancelledQuantity} × ${line.title} (${line.sku})`),
    ...(toPay ? { toPay: formatMoney(toPay, order.currency, retailer.locale) } : {}),
    qrPayload: order.qrPayload,
    key: `order-${order.id}.ready-${groupId}`,
  });
}

/** Emails the date now promised for a group that waits for stock (its event's date: a later one has its own email). */
async function sendNewDate(db: Executor, mailer: Mailer, retailer: Retailer, order: OrderView, groupId: string, promisedAt: string, to: string) {
  const group = order.deliveryGroups.find((candidate) => candidate.id === groupId);
  if (!group) return null;
  const customer = await db.selectFrom('customers').select(['first_name', 'last_name']).where('id', '=', order.customerId).executeTakeFirstOrThrow();
  return sendNewPromisedDate(mailer, {
    to,
    orderNumber: order.number,
    customerName: `${customer.first_name} ${customer.last_name}`.trim(),
    // The day as the retailer writes it (in UTC: the shop's time zone is not configured).
    promisedOn: new Intl.DateTimeFormat(retailer.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(promisedAt)),
    items: group.lines
      .filter((line) => line.quantity > line.cancelledQuantity)
      .map((line) => `${line.quantity - line.cancelledQuantity} × ${line.title} (${line.sku})`),
    key: `order-${order.id}.date-${groupId}-${Date.parse(promisedAt)}`,
  });
}

const storeAddress = (address: { line1: string; postalCode: string; city: string }) => `${address.line1}, ${address.postalCode} ${address.city}`;
