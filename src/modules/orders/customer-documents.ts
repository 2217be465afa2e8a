import type { Executor } from '../../platform/db/database.ts';
import { balanceOf } from '../documents/balance.ts';
import { renderInvoicePdf, type InvoiceDocument } from '../documents/invoice.ts';
import { documentLanguage, localeOf, type Language } from '../documents/language.ts';
import { countryOf, timeZoneOf, type Retailer } from '../documents/retailer.ts';
import type { OrderView } from './schema.ts';

/** Who an order's documents and emails are written for: the customer's name and language, the locale and time zone. */
export interface Reader {
  name: string;
  language: Language;
  /** How amounts and dates are written: fr-FR, en-GB… (`localeOf`). */
  locale: string;
  timeZone: string;
}

/** The company id's name where the retailer is registered, printed before it on invoices. */
const COMPANY_ID_NAMES: Record<string, string> = { FR: 'SIRET' };

/**
 * The reader of an order's documents: the customer's language, else the order's channel's, else the retailer's
 * (`documentLanguage`); `requested` (the invoice's `?language=`) comes first.
 */
export async function readerOf(
  db: Executor,
  order: OrderView,
  retailer: Retailer,
  requested?: Language,
): Promise<Reader & { channelName: string; pricesIncludeTax: boolean }> {
  const [customer, channel] = await Promise.all([
    db.selectFrom('customers').select(['first_name', 'last_name', 'language']).where('id', '=', order.customerId).executeTakeFirstOrThrow(),
    db
      .selectFrom('channels')
      .innerJoin('price_lists', 'price_lists.id', 'channels.price_list_id')
      .select(['channels.name', 'channels.language', 'price_lists.prices_include_tax'])
      .where('channels.id', '=', order.channelId)
      .executeTakeFirstOrThrow(),
  ]);
  const language = documentLanguage({ requested, customer: customer.language, channel: channel.language, retailerLocale: retailer.locale });
  return {
    name: `${customer.first_name} ${customer.last_name}`.trim(),
    language,
    locale: localeOf(language, retailer.locale),
    timeZone: timeZoneOf(retailer),
    channelName: channel.name,
    pricesIncludeTax: channel.prices_include_tax,
  };
}

/** The invoice of an order, as printed, attached to the confirmation and served by `GET /v1/orders/{id}/invoice`. */
export async function invoiceOf(db: Executor, order: OrderView, retailer: Retailer, requested?: Language): Promise<InvoiceDocument> {
  const reader = await readerOf(db, order, retailer, requested);
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
  const companyIdLabel = COMPANY_ID_NAMES[countryOf(retailer)];
  return {
    retailer: {
      name: retailer.name,
      addressLines: retailer.addressLines,
      ...(retailer.vatNumber ? { vatNumber: retailer.vatNumber } : {}),
      ...(retailer.companyId ? { companyId: retailer.companyId } : {}),
      ...(companyIdLabel ? { companyIdLabel } : {}),
      ...(retailer.legalNotice ? { legalNotice: retailer.legalNotice } : {}),
    },
    number: `INV-${order.number}`,
    orderNumber: order.number,
    issuedAt: order.createdAt,
    currency: order.currency,
    language: reader.language,
    locale: reader.locale,
    timeZone: reader.timeZone,
    customer: {
      name: reader.name,
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
    channelName: reader.channelName,
    pricesIncludeTax: reader.pricesIncludeTax,
    lines: lines.map((line) => ({
      sku: line.sku,
      title: line.title,
      quantity: line.quantity,
      unitPrice: line.unitListPrice,
      discount: line.discountTotal,
      taxRateBasisPoints: line.taxRateBasisPoints,
      lineTotal: line.lineTotal,
    })),
    fees: [...(shipping ? [{ kind: 'shipping' as const, amount: shipping }] : []), ...(packing ? [{ kind: 'packing' as const, amount: packing }] : [])],
    taxes: [...taxes].map(([rateBasisPoints, rate]) => ({ rateBasisPoints, ...rate })),
    totals: { subtotal: order.totals.subtotal, discounts: order.totals.discounts, fees: shipping + packing, tax: order.totals.tax, total: order.totals.total },
    payments: balanceOf(order.payments),
    qrPayload: order.qrPayload,
  };
}

/** The invoice as a PDF, in the reader's language or `requested`. */
export async function invoicePdf(db: Executor, order: OrderView, retailer: Retailer, requested?: Language): Promise<Buffer> {
  return renderInvoicePdf(await invoiceOf(db, order, retailer, requested));
}
