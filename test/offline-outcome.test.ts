import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sellableOffline } from '../web/store/src/offline/cash-sale.ts';
import { meansOffline, nextSequence, outcomeOf, sendingOrder } from '../web/store/src/offline/outcome.ts';

describe('what a send of a queued cash sale tells the register (web/store/src/offline/outcome.ts)', () => {
  it('takes no answer, and a gateway answering for the server, as the server being unreachable: the sale is kept', () => {
    for (const answer of ['no-answer', { status: 502 }, { status: 503, code: 'database-unavailable' }, { status: 504 }] as const) {
      expect(outcomeOf(answer, false)).toBe('unreachable');
      expect(meansOffline(outcomeOf(answer, true))).toBe(true);
    }
  });

  it('takes any 2xx, a replay of the same key included, as the sale placed', () => {
    expect(outcomeOf({ status: 201 }, false)).toBe('placed');
    expect(outcomeOf({ status: 200 }, true)).toBe('placed');
  });

  it('keeps for later, without calling the register offline, what is not the sale’s fault', () => {
    for (const answer of [{ status: 401 }, { status: 409, code: 'request-in-progress' }, { status: 429 }, { status: 500 }]) {
      expect(outcomeOf(answer, false)).toBe('later');
      expect(meansOffline(outcomeOf(answer, false))).toBe(false);
    }
  });

  it('puts aside any other 4xx as a refusal of the sale itself', () => {
    for (const answer of [
      { status: 400 },
      { status: 403 },
      { status: 404 },
      { status: 409, code: 'register-open' },
      { status: 422, code: 'register-closed' },
    ]) {
      expect(outcomeOf(answer, false)).toBe('refused');
    }
  });

  it('reads a reused key as already placed only when a direct attempt may have reached the server', () => {
    expect(outcomeOf({ status: 422, code: 'idempotency-key-reused' }, true)).toBe('already-placed');
    expect(outcomeOf({ status: 422, code: 'idempotency-key-reused' }, false)).toBe('refused');
  });

  it('sends the pending sales in the order they were sold, whatever order they are read in, and none refused', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { maxLength: 30 }), fc.array(fc.boolean(), { maxLength: 30 }), (seqs, refusals) => {
        const sales = seqs.map((seq, index) => (refusals[index] ? { seq, refused: { status: 422 } } : { seq }));
        const order = sendingOrder(sales).map((sale) => sale.seq);
        expect(order).toEqual(seqs.filter((_, index) => !refusals[index]).sort((a, b) => a - b));
      }),
    );
  });

  it('numbers a new sale after the highest one held', () => {
    expect(nextSequence(undefined)).toBe(1);
    expect(nextSequence(41)).toBe(42);
  });
});

describe('which sales the register may make without the server (web/store/src/offline/cash-sale.ts)', () => {
  const shelf = { method: 'pickup_in_store', pickupLocationId: 'S1' };
  it('keeps cash sales of shelf stock, paid in one cash tender or several', () => {
    expect(sellableOffline({ payments: [{ method: 'cash' }], deliveryGroups: [shelf] })).toBe(true);
    expect(sellableOffline({ payments: [{ method: 'cash' }, { method: 'cash' }], deliveryGroups: [{ ...shelf, fulfilmentLocationId: 'S1' }] })).toBe(true);
  });

  it('needs the server for a card, a split tender, no payment, a delivery, or goods from elsewhere', () => {
    expect(sellableOffline({ payments: [{ method: 'card_register' }], deliveryGroups: [shelf] })).toBe(false);
    expect(sellableOffline({ payments: [{ method: 'card_register' }, { method: 'cash' }], deliveryGroups: [shelf] })).toBe(false);
    expect(sellableOffline({ payments: [], deliveryGroups: [shelf] })).toBe(false);
    expect(sellableOffline({ deliveryGroups: [shelf] })).toBe(false);
    expect(sellableOffline({ payments: [{ method: 'cash' }], deliveryGroups: [{ method: 'ship_to_address' }] })).toBe(false);
    expect(sellableOffline({ payments: [{ method: 'cash' }], deliveryGroups: [shelf, { method: 'ship_to_address' }] })).toBe(false);
    expect(sellableOffline({ payments: [{ method: 'cash' }], deliveryGroups: [{ ...shelf, fulfilmentLocationId: 'WAREHOUSE' }] })).toBe(false);
    expect(sellableOffline({ payments: [{ method: 'cash' }], deliveryGroups: [] })).toBe(false);
  });
});
