import type { Executor } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { formatShortDateAndTime, formatShortDay } from '../documents/dates.ts';
import { localeOf, type Language } from '../documents/language.ts';
import { messagesFor } from '../documents/messages/index.ts';
import { formatMoney, formatRate } from '../documents/money.ts';
import { timeZoneOf } from '../documents/retailer.ts';
import { getLocation } from '../locations/service.ts';
import type { Retailer } from '../orders/emails.ts';
import { readerOf } from '../orders/customer-documents.ts';
import { assertMaySeeOrder, getOrder } from '../orders/read.ts';
import type { OrderView } from '../orders/schema.ts';

/**
 * What a receipt says, in the words it prints (no layout): the store and register, when, the lines, fees, the VAT per
 * rate, the total, each tender with the cash handed over and the change, and the order number with its QR payload.
 * The PDF (receipt-document.ts) and the receipt printer's text (receipt-text.ts) lay out the same receipt, in its
 * language (the customer's, as the invoice's: `readerOf`); amounts and dates are written in that language's locale.
 */
export interface Receipt {
  language: Language;
  /** BCP 47 tag amounts and dates are written in (`localeOf`): fr-FR, en-GB… */
  locale: string;
  header: string[];
  register: string | null;
  issuedAt: string;
  orderNumber: string;
  qrPayload: string;
  /** Each line; `discount`: the discount staff gave on it by hand (already in its amount), with the reason. */
  lines: { title: string; quantity: string; amount: string; discount: [string, string] | null }[];
  /** Label and amount rows under the lines: subtotal, discounts, fees. */
  amounts: [string, string][];
  total: string;
  taxes: [string, string][];
  tenders: [string, string][];
  /** Where goods sold at the counter are sent (Endless Aisle), with the promised date. */
  deliveries: string[];
}

/**
 * The receipt of an order the caller may see (as reading the order), in the customer's language, else the channel's,
 * else the retailer's; `requested` (the associate's `?language=`) comes first.
 */
export async function receiptOf(db: Executor, principal: Principal, orderId: string, retailer: Retailer, requested?: Language): Promise<Receipt> {
  const order = await getOrder(db, orderId);
  await assertMaySeeOrder(db, principal, { id: order.id, channel_id: order.channelId });
  const { language } = await readerOf(db, order, retailer, requested);
  const registerId = order.payments.find((payment) => payment.registerId !== null)?.registerId ?? null;
  const register = registerId ? await db.selectFrom('registers').select(['name', 'location_id']).where('id', '=', registerId).executeTakeFirst() : undefined;
  const storeId = register?.location_id ?? order.deliveryGroups.find((group) => group.pickupLocationId)?.pickupLocationId ?? null;
  const store = storeId ? await getLocation(db, storeId) : null;
  return receipt(order, retailer, store, register?.name ?? null, language);
}

type Store = { name: string; address: { line1: string; line2?: string | undefined; postalCode: string; city: string }; timezone: string };

/** The receipt's words in `language`, from the order (no database); times in the store's time zone, else the retailer's. */
export function receipt(order: OrderView, retailer: Retailer, store: Store | null, registerName: string | null, language: Language): Receipt {
  const T = messagesFor(language).receipt;
  const locale = localeOf(language, retailer.locale);
  const timeZone = store?.timezone ?? timeZoneOf(retailer);
  const money = (amount: number) => formatMoney(amount, order.currency, locale).replaceAll('\u202f', '\u00a0');
  const rate = (basisPoints: number) => formatRate(basisPoints, locale).replaceAll('\u202f', '\u00a0');
  const lines = order.deliveryGroups.flatMap((group) => group.lines);
  const taxes = new Map<number, { base: number; amount: number }>();
  for (const line of lines) {
    const row = taxes.get(line.taxRateBasisPoints) ?? { base: 0, amount: 0 };
    row.base += line.lineTotal - line.taxAmount;
    row.amount += line.taxAmount;
    taxes.set(line.taxRateBasisPoints, row);
  }
  const lineTax = lines.reduce((sum, line) => sum + line.taxAmount, 0);
  const fees = order.totals.shipping + order.totals.packing;
  const feeTax = order.totals.tax - lineTax;
  return {
    language,
    locale,
    header: [
      retailer.name,
      ...(store
        ? [store.name, store.address.line1, ...(store.address.line2 ? [store.address.line2] : []), `${store.address.postalCode} ${store.address.city}`]
        : retailer.addressLines),
    ],
    register: registerName,
    issuedAt: formatShortDateAndTime(order.createdAt, locale, timeZone),
    orderNumber: order.number,
    qrPayload: order.qrPayload,
    lines: lines.map((line) => ({
      title: line.title,
      quantity: `${line.quantity} x ${money(line.unitPrice)}`,
      amount: money(line.lineTotal),
      discount: line.manualDiscount?.amount ? [`  ${T.lineDiscount(line.manualDiscount.reason)}`, money(-line.manualDiscount.amount)] : null,
    })),
    amounts: [
      ...(order.totals.discounts ? [[T.discounts, money(-order.totals.discounts)] as [string, string]] : []),
      ...(order.totals.shipping ? [[T.shipping, money(order.totals.shipping)] as [string, string]] : []),
      ...(order.totals.packing ? [[T.packing, money(order.totals.packing)] as [string, string]] : []),
    ],
    total: money(order.totals.total),
    taxes: [
      ...[...taxes].map(([basisPoints, row]): [string, string] => [T.vat(rate(basisPoints), money(row.base)), money(row.amount)]),
      ...(fees && feeTax > 0 ? [[T.vatOnFees(money(fees - feeTax)), money(feeTax)] as [string, string]] : []),
    ],
    tenders: order.payments.flatMap((payment): [string, string][] => {
      const name = `${T.tenders[payment.method] ?? payment.method}${payment.cardLast4 ? ` ****${payment.cardLast4}` : ''}`;
      if (payment.method === 'cash' && payment.cashTendered !== null && payment.changeGiven)
        return [
          [T.cashTendered, money(payment.cashTendered)],
          [T.change, money(payment.changeGiven)],
        ];
      return [[name, money(payment.amount)]];
    }),
    deliveries: order.deliveryGroups.flatMap((group) =>
      group.method === 'ship_to_address' && group.address
        ? [
            T.deliverTo(`${group.recipient ? `${group.recipient}, ` : ''}${group.address.line1}, ${group.address.postalCode} ${group.address.city}`) +
              (group.promisedAt ? ` ${T.expected(formatShortDay(group.promisedAt, locale, timeZone))}` : ''),
          ]
        : [],
    ),
  };
}
