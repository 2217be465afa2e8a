import type { PaymentMethod } from '../../payments/schema.ts';

/**
 * Every sentence and label a customer reads in an email or a PDF, in English. The French catalogue (fr.ts) has the
 * type of this one, so the compiler refuses a message missing from it, or one too many. Messages with values are
 * functions: each language puts the values where its grammar wants them.
 */

const methods: Record<PaymentMethod, string> = {
  card_online: 'card',
  card_register: 'card',
  cash: 'cash',
  pay_at_pickup: 'payment at pickup',
  gift_card: 'gift card',
  loyalty_points: 'loyalty points',
  store_credit: 'store credit',
};

/** Tender names on the register's receipts and X/Z reports. */
const tenders: Record<PaymentMethod, string> = {
  cash: 'Cash',
  card_register: 'Card',
  card_online: 'Card (online)',
  pay_at_pickup: 'To pay at pickup',
  gift_card: 'Gift card',
  loyalty_points: 'Points',
  store_credit: 'Store credit',
};

export const en = {
  invoice: {
    title: 'Invoice',
    documentTitle: (invoice: string) => `Invoice ${invoice}`,
    documentSubject: (order: string) => `Order ${order}`,
    fileName: (order: string) => `invoice-${order}.pdf`,
    showCode: 'Show this code at the store',
    vatNumber: (number: string) => `VAT number: ${number}`,
    companyId: (label: string, id: string) => `${label}: ${id}`,
    companyIdLabel: 'Company number',
    number: 'Invoice number',
    date: 'Date',
    order: 'Order',
    orderedIn: 'Ordered in',
    billedTo: 'Billed to',
    columns: { sku: 'SKU', title: 'Item', quantity: 'Qty', unitPrice: 'Unit price', discount: 'Discount', tax: 'VAT', lineTotal: 'Total' },
    fees: { shipping: 'Shipping', packing: 'Packing' },
    continued: (retailer: string, invoice: string, order: string) => `${retailer} · Invoice ${invoice} · Order ${order} (continued)`,
    vatIncluded: 'VAT included in prices',
    vat: 'VAT',
    rate: 'Rate',
    base: 'Base',
    tax: 'Tax',
    subtotal: 'Subtotal',
    discounts: 'Discounts',
    feesTotal: 'Fees',
    ofWhichVat: 'of which VAT',
    total: 'Total',
    paidBy: {
      card_online: 'Paid by card',
      card_register: 'Paid by card',
      cash: 'Paid in cash',
      pay_at_pickup: 'Paid at pickup',
      gift_card: 'Paid by gift card',
      loyalty_points: 'Paid with loyalty points',
      store_credit: 'Paid with store credit',
    } satisfies Record<PaymentMethod, string>,
    refunded: (method: PaymentMethod) => `Refunded (${methods[method]})`,
    toPayAtPickup: 'To pay at pickup',
    thanks: (retailer: string) => `Thank you for shopping with ${retailer}.`,
  },
  /** The register's receipt, printed (42 columns) or as a narrow PDF. */
  receipt: {
    title: 'Receipt',
    documentTitle: (order: string) => `Receipt ${order}`,
    documentSubject: (order: string) => `Order ${order}`,
    fileName: (order: string) => `receipt-${order}.pdf`,
    register: (name: string) => `Register: ${name}`,
    date: (when: string) => `Date: ${when}`,
    order: (order: string) => `Order: ${order}`,
    lineDiscount: (reason: string) => `incl. discount: ${reason}`,
    discounts: 'Discounts',
    shipping: 'Shipping',
    packing: 'Packing',
    total: 'TOTAL',
    vat: (rate: string, base: string) => `VAT ${rate} (base ${base})`,
    vatOnFees: (base: string) => `VAT on fees (base ${base})`,
    tenders,
    cashTendered: 'Cash (tendered)',
    change: 'Change',
    deliverTo: (recipientAndAddress: string) => `Delivered to: ${recipientAndAddress}`,
    expected: (day: string) => `(expected ${day})`,
    thanks: 'Thank you for your visit!',
  },
  /** A register session's X or Z report as a PDF, for the store's paperwork (in the retailer's language). */
  report: {
    x: 'X report (session open)',
    z: 'Z report (session closed)',
    fileName: (kind: 'x' | 'z', session: string) => `${kind}-report-${session}.pdf`,
    register: 'Register',
    session: 'Session',
    opened: 'Opened',
    closed: 'Closed',
    by: (when: string, who: string) => `${when} by ${who}`,
    sales: 'Sales',
    tenders: 'Taken per tender',
    refunds: 'Refunds per tender',
    tender: (method: string, count: number) => `${tenders[method as PaymentMethod] ?? method} (${count})`,
    cash: 'Cash drawer',
    openingFloat: 'Opening float',
    cashTaken: 'Cash taken (net of change)',
    cashRefunded: 'Cash refunded',
    tendered: 'Cash tendered by customers',
    change: 'Change given',
    paidIn: 'Paid in',
    paidOut: 'Paid out',
    expected: 'Expected cash',
    counted: 'Counted cash',
    difference: 'Difference',
    movements: 'Cash movements',
    movement: (kind: 'paid_in' | 'paid_out', reason: string) => `${kind === 'paid_in' ? 'Paid in' : 'Paid out'}: ${reason}`,
    note: 'Note',
    none: 'None',
  },
  email: {
    hello: (name: string) => `Hello ${name},`,
    seeYouSoon: 'See you soon!',
    qrAlt: 'QR code of your order',
    item: (quantity: number, title: string, sku: string) => `${quantity} × ${title} (${sku})`,
    toPayAtPickup: (amount: string) => `To pay at pickup: ${amount}`,
    pickupCode: (code: string) => `Your pickup code: ${code}`,
    showAtCounter: (order: string) =>
      `At the counter, show this QR code (or give your pickup code or the order number ${order}) and we will find your order straight away.`,
    confirmation: {
      subject: (order: string) => `Your order ${order} is confirmed`,
      thanks: (order: string, file: string) => `Thank you for your order ${order}. It is confirmed, and your invoice is attached (${file}).`,
      total: (amount: string) => `Total: ${amount}`,
      pickupAt: (store: string, address: string) => `You will collect it at ${store}, ${address}.`,
      pickupNext:
        'We will email you again as soon as it is ready. At the store, show the QR code on the invoice (on your phone or printed) and we will find your order straight away.',
    },
    ready: {
      subject: (order: string) => `Your order ${order} is ready for pickup`,
      waiting: (order: string, store: string, address: string) => `Your order ${order} is waiting for you at ${store}, ${address}.`,
      until: (end: string) => `It will be kept for you until ${end}.`,
    },
    reminder: {
      subject: (order: string) => `Reminder: your order ${order} is waiting for you`,
      waiting: (order: string, store: string, address: string, end: string) =>
        `Your order ${order} is still waiting for you at ${store}, ${address}. Please collect it before ${end}: after that, it will be cancelled.`,
    },
    expired: {
      subject: (order: string) => `Your order ${order} was not collected and has been cancelled`,
      cancelled: (order: string, store: string) => `Your order ${order} waited for you at ${store}, but was not collected in time, so we have cancelled it.`,
      refunded: (amount: string) => `We have refunded ${amount} to you.`,
      released: 'The amount reserved on your card has been released: you will not be charged.',
      nothingCharged: 'You had not paid anything for it: nothing will be charged.',
      sorry: 'We hope to see you again soon.',
    },
    shipped: {
      subject: (order: string) => `Your order ${order} has been shipped`,
      onItsWay: (order: string) => `Good news: your order ${order} is on its way.`,
      carrier: (carrier: string, tracking: string) => `Carrier: ${carrier}, tracking number ${tracking}.`,
      carrierOnly: (carrier: string) => `Carrier: ${carrier}.`,
      track: 'Follow your parcel:',
    },
    newDate: {
      subject: (order: string) => `Your order ${order}: a new date`,
      waiting: (order: string) => `Some items of your order ${order} are waiting for stock to arrive:`,
      expected: (day: string) => `We now expect to deliver them by ${day}.`,
      sorry: 'We are sorry for the wait, and will write again as soon as they are on their way.',
    },
  },
};

export type Messages = typeof en;
