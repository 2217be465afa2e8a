import { describe, expect, it } from 'vitest';
import { amountToPay, collectionOf } from '../../payments/counter.ts';
import { pickupCodeCandidate, pickupDeadline, reminderDue } from './code.ts';

/** The pickup's rules without a database: the code, the window, the reminder, and how the goods handed over are paid. */

const HOUR = 3_600_000;
const payment = (method: string, status: string, authorizedAmount: number, capturedAmount = 0) =>
  ({ method, status, authorizedAmount, capturedAmount }) as Parameters<typeof amountToPay>[0][number];

describe('the pickup code and window', () => {
  it('draws six digits, zeros kept', () => {
    for (let index = 0; index < 200; index++) expect(pickupCodeCandidate()).toMatch(/^\d{6}$/);
  });

  it('ends the window whole days after the group is ready', () => {
    expect(pickupDeadline(new Date('2026-12-07T10:15:00Z'), 7).toISOString()).toBe('2026-12-14T10:15:00.000Z');
  });

  it('reminds from the given hours before the end, not after it, and never with 0 hours', () => {
    const end = new Date('2026-12-14T10:00:00Z');
    expect(reminderDue(end, 24, new Date(end.getTime() - 25 * HOUR))).toBe(false);
    expect(reminderDue(end, 24, new Date(end.getTime() - 24 * HOUR))).toBe(true);
    expect(reminderDue(end, 24, new Date(end.getTime() - 1))).toBe(true);
    expect(reminderDue(end, 24, end)).toBe(false);
    expect(reminderDue(end, 0, new Date(end.getTime() - HOUR))).toBe(false);
  });
});

describe('paying for the goods handed over', () => {
  it('leaves to pay what the pay-at-pickup payments still await', () => {
    expect(amountToPay([payment('pay_at_pickup', 'awaiting_pickup', 4230), payment('card_online', 'authorized', 1000)])).toBe(4230);
    expect(amountToPay([payment('pay_at_pickup', 'cancelled', 0)])).toBe(0);
  });

  it('takes the card hold first, then the pay-at-pickup rest', () => {
    const mixed = [payment('card_online', 'authorized', 1000), payment('pay_at_pickup', 'awaiting_pickup', 3000)];
    expect(collectionOf(mixed, 2500, false)).toEqual({ fromHolds: 1000, atCounter: 1500 });
    expect(collectionOf(mixed, 800, false)).toEqual({ fromHolds: 800, atCounter: 0 });
  });

  it('settles everything still open with the last goods, and nothing for goods already paid', () => {
    expect(collectionOf([payment('card_online', 'partially_captured', 5000, 3001), payment('pay_at_pickup', 'awaiting_pickup', 12)], 1, true)).toEqual({
      fromHolds: 1999,
      atCounter: 12,
    });
    expect(collectionOf([payment('card_register', 'captured', 5000, 5000)], 5000, false)).toEqual({ fromHolds: 0, atCounter: 0 });
  });
});
