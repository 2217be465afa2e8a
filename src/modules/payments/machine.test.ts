import { describe, expect, it } from 'vitest';
import { expectMoves } from '../../../test/support/machines.ts';
import { finalStates } from '../../platform/state-machine.ts';
import { isCapturable, isRefundable, nextPaymentStatus, PAYMENT_MACHINE } from './machine.ts';

describe('the payment state machine', () => {
  it('given a payment, when each action is taken, then it moves as the table says and refuses the rest', () => {
    expectMoves(PAYMENT_MACHINE, [
      ['pending', 'authorize', 'authorized'],
      ['pending', 'decline', 'declined'],
      ['pending', 'fail', 'failed'],
      ['pending', 'pay_at_register', 'captured'],
      ['pending', 'await_pickup', 'awaiting_pickup'],
      ...(['authorized', 'awaiting_pickup', 'partially_captured'] as const).flatMap((from) => [
        [from, 'capture_some', 'partially_captured'] as const,
        [from, 'capture_rest', 'captured'] as const,
        // Lowering what may still be collected keeps the state.
        [from, 'release_some', from] as const,
      ]),
      ['authorized', 'release_rest', 'voided'],
      ['awaiting_pickup', 'release_rest', 'cancelled'],
      ['partially_captured', 'release_rest', 'captured'],
      ['captured', 'refund_some', 'partially_refunded'],
      ['captured', 'refund_rest', 'refunded'],
      ['partially_refunded', 'refund_some', 'partially_refunded'],
      ['partially_refunded', 'refund_rest', 'refunded'],
    ]);
    expect(finalStates(PAYMENT_MACHINE).sort()).toEqual(['cancelled', 'declined', 'failed', 'refunded', 'voided']);
  });

  it('when a voided payment is captured, then the 422 says so in words and names its state', () => {
    expect(() => nextPaymentStatus('voided', 'capture_rest')).toThrow(
      expect.objectContaining({
        message: 'A payment that is voided cannot be captured.',
        details: { state: 'voided', action: 'capture_rest', allowed: [] },
      }),
    );
  });

  it('may be captured or released while money is still to collect, and refunded once some was taken', () => {
    expect(PAYMENT_MACHINE.states.filter(isCapturable)).toEqual(['authorized', 'partially_captured', 'awaiting_pickup']);
    expect(PAYMENT_MACHINE.states.filter(isRefundable)).toEqual(['captured', 'partially_refunded']);
  });

  it('publishes the event of what happened on each move that changes money', () => {
    const emitted = PAYMENT_MACHINE.moves.map((move) => `${move.from} -${move.on}-> ${move.emits ?? 'nothing'}`);
    expect(emitted).toContain('authorized -release_rest-> payment.voided');
    expect(emitted).toContain('awaiting_pickup -release_rest-> payment.cancelled');
    expect(emitted).toContain('partially_captured -release_rest-> payment.released');
    expect(emitted).toContain('pending -decline-> nothing');
  });
});
