import { defineMachine, next, type ActionOf } from '../../platform/state-machine.ts';

export const PURCHASE_REQUEST_STATUSES = ['requested', 'confirmed', 'shipped', 'cancelled'] as const;
export type PurchaseRequestStatus = (typeof PURCHASE_REQUEST_STATUSES)[number];

const DONE = { confirm: 'confirmed', ship: 'shipped', cancel: 'cancelled' } as const;

/**
 * A purchase request's life (platform/state-machine.ts): requested with its order, confirmed by the vendor (optional),
 * shipped when the vendor says the parcel left (its delivery group ships with it), or cancelled with the order's
 * lines. Shipped and cancelled are final: a parcel on its way is the carrier's, a request withdrawn is asked anew.
 */
export const PURCHASE_REQUEST_MACHINE = defineMachine({
  subject: 'a purchase request',
  states: PURCHASE_REQUEST_STATUSES,
  actions: ['confirm', 'ship', 'cancel'],
  transitions: [
    { from: 'requested', on: 'confirm', to: 'confirmed' },
    { from: ['requested', 'confirmed'], on: 'ship', to: 'shipped' },
    { from: ['requested', 'confirmed'], on: 'cancel', to: 'cancelled', emits: 'dropship.purchase_request_cancelled' },
  ],
  refusal: (state, action) => `A purchase request that is ${state} cannot be ${DONE[action]}.`,
});

export type PurchaseRequestAction = ActionOf<typeof PURCHASE_REQUEST_MACHINE>;

/** The state a request moves to, or a 422 naming the state it is in and the actions allowed there. */
export const nextPurchaseRequestStatus = (status: PurchaseRequestStatus, action: PurchaseRequestAction): PurchaseRequestStatus =>
  next(PURCHASE_REQUEST_MACHINE, status, action);

/** Still with the vendor to send: its address follows the order's, its lines the order's cancellations. */
export const isOutstanding = (status: PurchaseRequestStatus) => status === 'requested' || status === 'confirmed';
