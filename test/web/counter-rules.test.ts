import { describe, expect, it } from 'vitest';
import type { components } from '../../web/api/schema.ts';
import { changeFor, dueNow, lookupsFor, openHolds, parseAmount, quickTenders } from '../../web/store/src/screens/counter/rules.ts';

type Order = components['schemas']['Order'];
type Payment = components['schemas']['Payment'];

const payment = (method: Payment['method'], status: Payment['status'], authorizedAmount: number, capturedAmount = 0) =>
  ({ method, status, authorizedAmount, capturedAmount }) as Payment;
const line = (id: string, quantity: number, lineTotal: number) =>
  ({ id, quantity, cancelledQuantity: 0, lineTotal }) as Order['deliveryGroups'][number]['lines'][number];
const group = (id: string, lines: ReturnType<typeof line>[], status: Order['deliveryGroups'][number]['status'] = 'ready_for_pickup') =>
  ({ id, status, lines, shippingFee: 0, packingFee: 0 }) as unknown as Order['deliveryGroups'][number];

describe('the counter’s arithmetic', () => {
  it('reads a scanned QR payload, a 6-digit pickup code (then an order number) or an order number', () => {
    expect(lookupsFor(' AISLE-ORDER:100231 ')).toEqual([{ qr: 'AISLE-ORDER:100231' }]);
    expect(lookupsFor('482913')).toEqual([{ pickupCode: '482913' }, { number: '482913' }]);
    expect(lookupsFor('1002315')).toEqual([{ number: '1002315' }]);
    expect(lookupsFor('  ')).toEqual([]);
  });

  it('offers the exact amount, the next round amounts and the notes above as quick amounts given', () => {
    expect(quickTenders(4230)).toEqual([4230, 4500, 5000, 10000]);
    expect(quickTenders(5000)).toEqual([5000, 10000, 20000]);
    expect(quickTenders(0)).toEqual([]);
  });

  it('gives the change, or nothing when the cash does not cover', () => {
    expect(changeFor(4230, 5000)).toBe(770);
    expect(changeFor(4230, 4230)).toBe(0);
    expect(changeFor(4230, 4000)).toBeNull();
  });

  it('reads amounts typed the French or the English way', () => {
    expect(parseAmount('42,30')).toBe(4230);
    expect(parseAmount('42.3')).toBe(4230);
    expect(parseAmount('50 €')).toBe(5000);
    expect(parseAmount('4,2,3')).toBeNull();
    expect(parseAmount('')).toBeNull();
  });

  it('takes what is left to pay for a whole pickup, and only the goods taken for a partial one, card holds first', () => {
    const cap = line('cap', 2, 4230);
    const mug = line('mug', 1, 1500);
    const ready = group('g1', [cap, mug]);
    const atPickup = { amountToPay: 5730, payments: [payment('pay_at_pickup', 'awaiting_pickup', 5730)], deliveryGroups: [ready] };
    const all = new Map([
      ['cap', 2],
      ['mug', 1],
    ]);
    expect(dueNow(atPickup, ready, all, null)).toBe(5730);
    // One cap of two, the mug left: the rest kept waiting at the counter, or cancelled.
    const some = new Map([
      ['cap', 1],
      ['mug', 0],
    ]);
    expect(dueNow(atPickup, ready, some, 'keep')).toBe(2115);
    expect(dueNow(atPickup, ready, some, 'cancel')).toBe(2115);
    // Paid online: the card hold pays for the goods, nothing to take at the counter.
    const online = { amountToPay: 0, payments: [payment('card_online', 'authorized', 5730)], deliveryGroups: [ready] };
    expect(openHolds(online.payments)).toBe(5730);
    expect(dueNow(online, ready, all, null)).toBe(0);
    expect(dueNow(online, ready, some, 'keep')).toBe(0);
  });
});
