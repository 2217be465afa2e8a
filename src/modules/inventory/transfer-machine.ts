import { defineMachine, next, type ActionOf } from '../../platform/state-machine.ts';

export const TRANSFER_STATUSES = ['draft', 'shipped', 'partially_received', 'received', 'cancelled'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

const DONE = { ship: 'shipped', receive_some: 'received', receive_rest: 'received', cancel: 'cancelled' } as const;

/**
 * What may happen to a transfer in each state, the state it leads to and the event it writes
 * (platform/state-machine.ts). A shipped transfer may be cancelled only while nothing has arrived: the goods are then
 * back at the source (a truck turned round, a box never left the back room). Once a unit has arrived, units can only
 * go back by a new transfer, so the ledger tells what happened.
 */
export const TRANSFER_MACHINE = defineMachine({
  subject: 'a transfer',
  states: TRANSFER_STATUSES,
  actions: ['ship', 'receive_some', 'receive_rest', 'cancel'],
  transitions: [
    { from: 'draft', on: 'ship', to: 'shipped', emits: 'transfer.shipped' },
    { from: ['shipped', 'partially_received'], on: 'receive_some', to: 'partially_received', emits: 'transfer.partially_received' },
    { from: ['shipped', 'partially_received'], on: 'receive_rest', to: 'received', emits: 'transfer.received' },
    { from: ['draft', 'shipped'], on: 'cancel', to: 'cancelled', emits: 'transfer.cancelled' },
  ],
  refusal: (state, action) => `A transfer that is ${state.replaceAll('_', ' ')} cannot be ${DONE[action]}.`,
});

export type TransferAction = ActionOf<typeof TRANSFER_MACHINE>;

/** The state a transfer moves to, or a 422 naming the state it is in and the actions allowed there. */
export const nextTransferStatus = (status: TransferStatus, action: TransferAction): TransferStatus => next(TRANSFER_MACHINE, status, action);
