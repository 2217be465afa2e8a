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
