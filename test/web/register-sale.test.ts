import { describe, expect, it } from 'vitest';
import type { components } from '../../web/api/schema.ts';
import { cartReducer, deliveryOf, EMPTY_CART, parseAmount, type Cart, type Customer } from '../../web/store/src/screens/register/cart.ts';
import { orderOf, quoteOf, WALK_IN } from '../../web/store/src/screens/register/sale.ts';

const item = (sku: string) => ({ sku, title: sku, productTitle: sku }) as components['schemas']['VariantWithProduct'];
const where = { storeId: 'store', channelId: 'channel', registerId: 'till' };
const customer = { id: 'c1', firstName: 'Noé', lastName: 'Girard' } as Customer;
const ring = (...actions: Parameters<typeof cartReducer>[1][]) => actions.reduce(cartReducer, EMPTY_CART);

describe('the register cart', () => {
  it('given an item scanned twice and another once, then it has two lines, the first at quantity 2', () => {
    const cart = ring({ type: 'add', item: item('TEA') }, { type: 'add', item: item('MUG') }, { type: 'add', item: item('TEA') });
    expect(cart.lines.map((line) => [line.sku, line.quantity, line.mode])).toEqual([
      ['TEA', 2, 'shelf'],
      ['MUG', 1, 'shelf'],
    ]);
  });

  it('given a quantity set under 1 or a line removed, then the line is gone', () => {
    const cart = ring({ type: 'add', item: item('TEA') }, { type: 'add', item: item('MUG') }, { type: 'quantity', sku: 'TEA', quantity: 0 });
    expect(cart.lines.map((line) => line.sku)).toEqual(['MUG']);
    expect(cartReducer(cart, { type: 'remove', sku: 'MUG' }).lines).toEqual([]);
  });

  it('given lines to deliver, then the delivery is all, none or mixed', () => {
    const both = ring({ type: 'add', item: item('TEA') }, { type: 'add', item: item('LAMP') });
    expect(deliveryOf(both)).toBe('none');
    expect(deliveryOf(cartReducer(both, { type: 'mode', sku: 'LAMP', mode: 'deliver' }))).toBe('mixed');
    expect(deliveryOf(ring({ type: 'add', item: item('LAMP') }, { type: 'mode', sku: 'LAMP', mode: 'deliver' }))).toBe('all');
  });

  it('reads amounts as typed in French or English, and refuses what is not one', () => {
    expect([parseAmount('50'), parseAmount('12,5'), parseAmount('12.50 €'), parseAmount('1 234,56'), parseAmount('abc'), parseAmount('1,234')]).toEqual([
      5000,
      1250,
      1250,
      123456,
      null,
      null,
    ]);
  });
});

describe('the sale a cart becomes', () => {
  it('given a shelf cart without a customer, then it is quoted and ordered as a pickup from this store’s shelf, by the walk-in customer', () => {
    const cart = ring({ type: 'add', item: item('TEA') }, { type: 'add', item: item('TEA') });
    expect(quoteOf(cart, where)).toEqual({
      channelId: 'channel',
      lines: [{ sku: 'TEA', quantity: 2 }],
      deliveryGroups: [{ method: 'pickup_in_store', lineIndexes: [0], locationId: 'store' }],
    });
    const tenders = [{ method: 'cash' as const, amount: 1780, tendered: 2000 }];
    expect(orderOf(cart, where, tenders, null)).toEqual({
      channelId: 'channel',
      registerId: 'till',
      customer: WALK_IN,
      lines: [{ sku: 'TEA', quantity: 2, deliveryGroup: 0 }],
      deliveryGroups: [{ method: 'pickup_in_store', pickupLocationId: 'store', fulfilmentLocationId: 'store' }],
      payments: tenders,
    });
  });

  it('given a delivered cart with a customer, then it is quoted with home delivery fees and ordered to the address, for the customer', () => {
    const cart: Cart = ring({ type: 'add', item: item('LAMP') }, { type: 'mode', sku: 'LAMP', mode: 'deliver' }, { type: 'customer', customer });
    expect(quoteOf(cart, where).deliveryGroups).toEqual([{ method: 'ship_to_address', lineIndexes: [0] }]);
    expect(quoteOf(cart, where).customerId).toBe('c1');
    const address = { line1: '8 quai Saint-Antoine', postalCode: '69002', city: 'Lyon', country: 'FR' };
    const order = orderOf(cart, where, [{ method: 'card_register', amount: 5000, reference: 'TPE-1' }], address);
    expect(order.customer).toEqual({ id: 'c1' });
    expect(order.deliveryGroups).toEqual([{ method: 'ship_to_address', address, recipient: 'Noé Girard' }]);
  });
});
