import { describe, expect, it } from 'vitest';
import { expectMoves } from '../../../test/support/machines.ts';
import { nextPurchaseRequestStatus, PURCHASE_REQUEST_MACHINE } from './machine.ts';

describe('the purchase request state machine', () => {
  it('given a request, when the vendor confirms or ships it, or its order is cancelled, then it moves as the table says and refuses the rest', () => {
    expectMoves(PURCHASE_REQUEST_MACHINE, [
      ['requested', 'confirm', 'confirmed'],
      ['requested', 'ship', 'shipped'],
      ['requested', 'cancel', 'cancelled'],
      ['confirmed', 'ship', 'shipped'],
      ['confirmed', 'cancel', 'cancelled'],
    ]);
  });

  it('when a shipped request is cancelled, then the 422 says it is shipped and allows nothing more', () => {
    expect(() => nextPurchaseRequestStatus('shipped', 'cancel')).toThrow(
      expect.objectContaining({
        message: 'A purchase request that is shipped cannot be cancelled.',
        details: { state: 'shipped', action: 'cancel', allowed: [] },
      }),
    );
  });

  it('tells the vendor of a cancellation only', () => {
    expect(PURCHASE_REQUEST_MACHINE.moves.filter((move) => move.emits).map((move) => [move.from, move.emits])).toEqual([
      ['requested', 'dropship.purchase_request_cancelled'],
      ['confirmed', 'dropship.purchase_request_cancelled'],
    ]);
  });
});
