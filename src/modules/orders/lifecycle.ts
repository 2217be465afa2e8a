import { RuleViolation } from '../../platform/http/problem.ts';

/**
 * The order and its delivery groups as state machines: data, not scattered ifs. Each action names the states it may
 * start from and the state it leads to; `advance` applies one or refuses with a 422 naming the current state.
 * docs/orders.md draws them.
 */
export type OrderStatus = 'placed' | 'in_progress' | 'completed' | 'cancelled';
export type DeliveryStatus =
  | 'awaiting_transfer' | 'reserved' | 'picking' | 'packed' | 'shipped' | 'ready_for_pickup' | 'collected' | 'delivered' | 'cancelled';

interface Transition<S extends string> {
  from: readonly S[];
  to: S;
}

export const ORDER_FLOW = {
  start: { from: ['placed'], to: 'in_progress' },
  complete: { from: ['placed', 'in_progress'], to: 'completed' },
  cancel: { from: ['placed', 'in_progress'], to: 'cancelled' },
} as const satisfies Record<string, Transition<OrderStatus>>;

const OPEN: readonly DeliveryStatus[] = ['awaiting_transfer', 'reserved', 'picking', 'packed', 'ready_for_pickup'];

export const DELIVERY_FLOW = {
  /** Ship to store: the transfer has brought the goods to the pickup store. */
  receive_transfer: { from: ['awaiting_transfer'], to: 'reserved' },
  start_picking: { from: ['reserved'], to: 'picking' },
  pack: { from: ['picking'], to: 'packed' },
  ship: { from: ['reserved', 'picking', 'packed'], to: 'shipped' },
  deliver: { from: ['shipped'], to: 'delivered' },
  mark_ready: { from: ['reserved', 'picking', 'packed'], to: 'ready_for_pickup' },
  hand_over: { from: ['ready_for_pickup'], to: 'collected' },
  /** A register sale of goods on the shelf is handed over on the spot. */
  hand_over_at_register: { from: ['reserved'], to: 'collected' },
  change_address: { from: OPEN, to: 'reserved' },
  cancel: { from: OPEN, to: 'cancelled' },
} as const satisfies Record<string, Transition<DeliveryStatus>>;

export type OrderAction = keyof typeof ORDER_FLOW;
export type DeliveryAction = keyof typeof DELIVERY_FLOW;

function advance<S extends string>(flow: Record<string, Transition<S>>, what: string, current: S, action: string): S {
  const transition = flow[action];
  if (!transition || !transition.from.includes(current)) {
    throw new RuleViolation('invalid-transition', `Cannot ${action.replaceAll('_', ' ')} ${what} that is ${current.replaceAll('_', ' ')}.`, { state: current, action });
  }
  return transition.to;
}

export const nextOrderStatus = (current: OrderStatus, action: OrderAction): OrderStatus => advance<OrderStatus>(ORDER_FLOW, 'an order', current, action);

/** `change_address` keeps the state it starts from: it is only allowed, not a move. */
export function nextDeliveryStatus(current: DeliveryStatus, action: DeliveryAction): DeliveryStatus {
  const next = advance<DeliveryStatus>(DELIVERY_FLOW, 'a delivery group', current, action);
  return action === 'change_address' ? current : next;
}

export const isOpen = (status: DeliveryStatus) => OPEN.includes(status);
