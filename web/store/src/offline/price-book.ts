import type { Variant } from '../items.ts';

/**
 * What the register has learnt of the items it sold or priced (the item and its shelf price), kept on the device so
 * that a cash sale can still be rung up when the server cannot be reached. The server prices the sale again when it
 * arrives; offline, the shelf price is what the customer pays.
 */
const STORAGE_KEY = 'aisle.store.price-book';
const MAX_ITEMS = 2_000;

export interface PricedItem {
  item: Variant;
  /** The shelf price of one unit, VAT included, in minor units (the last the server quoted). */
  unitPrice: number | null;
  currency: string | null;
}

type Book = Record<string, PricedItem>;

function read(): Book {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Book;
  } catch {
    return {};
  }
}

function write(book: Book): void {
  const skus = Object.keys(book);
  for (const sku of skus.slice(0, Math.max(0, skus.length - MAX_ITEMS))) delete book[sku];
  localStorage.setItem(STORAGE_KEY, JSON.stringify(book));
}

/** Remembers an item the register has looked up. */
export function rememberItem(item: Variant): void {
  const book = read();
  book[item.sku] = { unitPrice: null, currency: null, ...book[item.sku], item };
  write(book);
}

/** Remembers the shelf prices of a quote the server gave (list price per unit, before any discount). */
export function rememberPrices(currency: string, lines: readonly { sku: string; unitListPrice: number }[]): void {
  const book = read();
  for (const line of lines) {
    const known = book[line.sku];
    if (known) book[line.sku] = { ...known, unitPrice: line.unitListPrice, currency };
  }
  write(book);
}

/** The remembered item a scanned or typed code names (its SKU or barcode), if any. */
export function rememberedItem(code: string): PricedItem | undefined {
  const wanted = code.trim();
  return Object.values(read()).find((known) => known.item.sku === wanted || known.item.barcode === wanted);
}

/** The cart's total at remembered shelf prices, or null when an item's price is not known on this device. */
export function shelfTotal(lines: readonly { sku: string; quantity: number }[]): { total: number; currency: string } | null {
  const book = read();
  let total = 0;
  let currency: string | null = null;
  for (const line of lines) {
    const known = book[line.sku];
    if (!known || known.unitPrice === null || known.currency === null || (currency !== null && known.currency !== currency)) return null;
    currency = known.currency;
    total += known.unitPrice * line.quantity;
  }
  return currency === null ? null : { total, currency };
}
