import type { components } from '../../../../api/schema.ts';

type Variant = components['schemas']['VariantWithProduct'];

/** How a line leaves the store: carried out now (the shelf), or delivered to the customer's home from elsewhere. */
export type LineMode = 'shelf' | 'deliver';

/** A discount the associate gives on a line by hand: a percentage or an amount off the line, and why. */
export type LineDiscount = { percentBasisPoints: number; reason: string } | { amount: number; reason: string };

export interface CartLine {
  sku: string;
  title: string;
  quantity: number;
  mode: LineMode;
  discount?: LineDiscount;
}

export type Customer = components['schemas']['Customer'];
export type Address = components['schemas']['Address'];

/** The sale being rung up. */
export interface Cart {
  lines: CartLine[];
  customer: Customer | null;
}

export const EMPTY_CART: Cart = { lines: [], customer: null };

export type CartAction =
  | { type: 'add'; item: Variant }
  | { type: 'quantity'; sku: string; quantity: number }
  | { type: 'remove'; sku: string }
  | { type: 'mode'; sku: string; mode: LineMode }
  | { type: 'discount'; sku: string; discount: LineDiscount | null }
  | { type: 'customer'; customer: Customer | null }
  | { type: 'clear' };

/** The cart after an action: the same item scanned again adds one; a quantity under 1 removes the line. */
export function cartReducer(cart: Cart, action: CartAction): Cart {
  switch (action.type) {
    case 'add': {
      const { sku } = action.item;
      if (cart.lines.some((line) => line.sku === sku))
        return { ...cart, lines: cart.lines.map((line) => (line.sku === sku ? { ...line, quantity: line.quantity + 1 } : line)) };
      const title = action.item.productTitle === action.item.title ? action.item.title : `${action.item.productTitle} · ${action.item.title}`;
      return { ...cart, lines: [...cart.lines, { sku, title, quantity: 1, mode: 'shelf' }] };
    }
    case 'quantity':
      if (action.quantity < 1) return { ...cart, lines: cart.lines.filter((line) => line.sku !== action.sku) };
      return { ...cart, lines: cart.lines.map((line) => (line.sku === action.sku ? { ...line, quantity: Math.min(action.quantity, 10_000) } : line)) };
    case 'remove':
      return { ...cart, lines: cart.lines.filter((line) => line.sku !== action.sku) };
    case 'mode':
      return { ...cart, lines: cart.lines.map((line) => (line.sku === action.sku ? { ...line, mode: action.mode } : line)) };
    case 'discount':
      return {
        ...cart,
        lines: cart.lines.map((line) => {
          if (line.sku !== action.sku) return line;
          const { discount: _, ...rest } = line;
          return action.discount ? { ...rest, discount: action.discount } : rest;
        }),
      };
    case 'customer':
      return { ...cart, customer: action.customer };
    case 'clear':
      return EMPTY_CART;
  }
}

/** A shelf sale and a delivery are not mixed in one sale: the order would keep the shelf goods waiting for pickup. */
export const deliveryOf = (cart: Cart): 'none' | 'all' | 'mixed' => {
  const delivered = cart.lines.filter((line) => line.mode === 'deliver').length;
  return delivered === 0 ? 'none' : delivered === cart.lines.length ? 'all' : 'mixed';
};

/** "12,5" or "12.50" (euros, as typed) → 1250 minor units; null when it is not an amount. */
export function parseAmount(text: string): number | null {
  const cleaned = text.replace(/\s|€/g, '').replace(',', '.');
  if (!/^\d+(\.\d{0,2})?$/.test(cleaned)) return null;
  return Math.round(Number.parseFloat(cleaned) * 100);
}
