/**
 * Every word printed on a receipt, in one place so that they can move to the customer-language catalogue (issue 20,
 * item 10) as they are. Amounts and dates follow the retailer's locale.
 */
export const RECEIPT_STRINGS = {
  title: 'Receipt',
  register: 'Register',
  date: 'Date',
  order: 'Order',
  subtotal: 'Subtotal',
  discounts: 'Discounts',
  lineDiscount: 'incl. discount',
  shipping: 'Shipping',
  packing: 'Packing',
  total: 'TOTAL',
  vat: 'VAT',
  vatOnFees: 'VAT on fees',
  base: 'base',
  tendered: 'tendered',
  change: 'Change',
  deliverTo: 'Delivered to',
  expected: 'expected',
  thanks: 'Thank you for your visit!',
  scan: 'Show this code at the counter',
  tenders: {
    cash: 'Cash',
    card_register: 'Card',
    card_online: 'Card (online)',
    pay_at_pickup: 'To pay at pickup',
    gift_card: 'Gift card',
    loyalty_points: 'Points',
    store_credit: 'Store credit',
  } as Record<string, string>,
};
