import { defineMachine, next, type ActionOf } from '../../platform/state-machine.ts';

/**
 * The order and its delivery groups as state machines: data, not scattered ifs (platform/state-machine.ts). Each move
 * names the states it may start from, the state it leads to and the outbox event it publishes; a move not listed is
 * refused with a 422 naming the current state and the actions allowed in it. docs/orders.md draws them.
 */
export const ORDER_STATUSES = ['placed', 'in_progress', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const DELIVERY_STATUSES = [
  'backordered',
  'parked',
  'awaiting_transfer',
  'reserved',
  'picking',
  'packed',
  'shipped',
  'ready_for_pickup',
  'collected',
  'delivered',
  'cancelled',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const ORDER_MACHINE = defineMachine({
  subject: 'an order',
  states: ORDER_STATUSES,
  actions: ['start', 'complete', 'cancel'],
  transitions: [
    { from: 'placed', on: 'start', to: 'in_progress' },
    { from: ['placed', 'in_progress'], on: 'complete', to: 'completed' },
    { from: ['placed', 'in_progress'], on: 'cancel', to: 'cancelled', emits: 'order.cancelled' },
  ],
});

const OPEN = ['backordered', 'parked', 'awaiting_transfer', 'reserved', 'picking', 'packed', 'ready_for_pickup'] as const satisfies readonly DeliveryStatus[];

export const DELIVERY_MACHINE = defineMachine({
  subject: 'a delivery group',
  states: DELIVERY_STATUSES,
  actions: [
    'allocate',
    'backorder',
    'park',
    'reroute',
    'send_to_store',
    'receive_transfer',
    'start_picking',
    'pack',
    'ship',
    'deliver',
    'mark_ready',
    'hand_over',
    'hand_over_at_register',
    'change_address',
    'cancel',
  ],
  transitions: [
    /** Routing found the stock of a group that waited (backorders, a person's decision): reserved where it was found. */
    { from: ['backordered', 'parked'], on: 'allocate', to: 'reserved', emits: 'order.allocated' },
    /** A location rejected lines: they are routed again, wait for incoming stock, or for a person. */
    { from: ['reserved', 'picking', 'backordered'], on: 'reroute', to: 'reserved' },
    { from: ['reserved', 'picking', 'parked'], on: 'backorder', to: 'backordered' },
    { from: ['reserved', 'picking', 'backordered'], on: 'park', to: 'parked' },
    /** Routing found the goods of a pickup elsewhere than at its store: they travel there on a transfer (ship to store). */
    { from: 'reserved', on: 'send_to_store', to: 'awaiting_transfer' },
    /** Ship to store: the transfer has brought the goods to the pickup store. */
    { from: 'awaiting_transfer', on: 'receive_transfer', to: 'reserved', emits: 'order.arrived_at_store' },
    { from: 'reserved', on: 'start_picking', to: 'picking' },
    { from: 'picking', on: 'pack', to: 'packed' },
    { from: ['reserved', 'picking', 'packed'], on: 'ship', to: 'shipped', emits: 'order.shipped' },
    { from: 'shipped', on: 'deliver', to: 'delivered', emits: 'order.delivered' },
    { from: ['reserved', 'picking', 'packed'], on: 'mark_ready', to: 'ready_for_pickup', emits: 'order.ready_for_pickup' },
    { from: 'ready_for_pickup', on: 'hand_over', to: 'collected', emits: 'order.collected' },
    /** A register sale of goods on the shelf is handed over on the spot (the order's own `order.placed` says so). */
    { from: 'reserved', on: 'hand_over_at_register', to: 'collected' },
    /** A new address is allowed while the group is open: it keeps its state. */
    ...OPEN.map((state) => ({ from: state, on: 'change_address' as const, to: state })),
    { from: OPEN, on: 'cancel', to: 'cancelled' },
  ],
});

export type OrderAction = ActionOf<typeof ORDER_MACHINE>;
export type DeliveryAction = ActionOf<typeof DELIVERY_MACHINE>;

export const nextOrderStatus = (current: OrderStatus, action: OrderAction): OrderStatus => next(ORDER_MACHINE, current, action);
export const nextDeliveryStatus = (current: DeliveryStatus, action: DeliveryAction): DeliveryStatus => next(DELIVERY_MACHINE, current, action);

/** Not yet shipped, collected or cancelled: its lines may still be cancelled and its address changed. */
export const isOpen = (status: DeliveryStatus) => (OPEN as readonly DeliveryStatus[]).includes(status);
