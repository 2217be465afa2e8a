import { describe, expect, it } from 'vitest';
import { expectMoves } from '../../../test/support/machines.ts';
import { nextTransferStatus, TRANSFER_MACHINE } from './transfer-machine.ts';

describe('the transfer state machine', () => {
  it('given a transfer, when it is shipped, received or cancelled, then it moves as the table says and refuses the rest', () => {
    expectMoves(TRANSFER_MACHINE, [
      ['draft', 'ship', 'shipped'],
      ['draft', 'cancel', 'cancelled'],
      ['shipped', 'receive_some', 'partially_received'],
      ['shipped', 'receive_rest', 'received'],
      // Nothing has arrived yet: the goods go back to the source.
      ['shipped', 'cancel', 'cancelled'],
      ['partially_received', 'receive_some', 'partially_received'],
      ['partially_received', 'receive_rest', 'received'],
    ]);
  });

  it('when a transfer partly received is cancelled, then the 422 names its state and what it still allows', () => {
    expect(() => nextTransferStatus('partially_received', 'cancel')).toThrow(
      expect.objectContaining({
        message: 'A transfer that is partially received cannot be cancelled.',
        details: { state: 'partially_received', action: 'cancel', allowed: ['receive_some', 'receive_rest'] },
      }),
    );
  });

  it('publishes transfer.<new status> on every move', () => {
    for (const move of TRANSFER_MACHINE.moves) expect(move.emits).toBe(`transfer.${move.to}`);
  });
});
