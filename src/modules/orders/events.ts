import { z } from 'zod';
import { defineEvent } from '../../platform/events/event.ts';

/** The events orders write to the outbox (the catalog: platform/events/catalog.ts, docs/events.md). */

const number = z.string().describe('The order number customers see.');
const ofOrder = z.strictObject({ orderId: z.uuid(), number });
const ofGroup = z.strictObject({ orderId: z.uuid(), groupId: z.uuid().describe('The delivery group.'), number });
const subject = 'order:<orderId>';

export const orderPlaced = defineEvent({
  type: 'order.placed',
  version: 1,
  description: "An order was placed, from any channel (the customer's confirmation is sent from it).",
  subject,
  payload: z.strictObject({
    orderId: z.uuid(),
    number,
    channelId: z.uuid(),
    total: z.number().int().describe('Minor units (cents).'),
    currency: z.string().describe('ISO 4217 code.'),
  }),
});

export const orderCancelled = defineEvent({ type: 'order.cancelled', version: 1, description: 'The whole order was cancelled.', subject, payload: ofOrder });
export const orderLinesCancelled = defineEvent({
  type: 'order.lines_cancelled',
  version: 1,
  description: 'Some lines (or part of their quantities) were cancelled; the order goes on.',
  subject,
  payload: ofOrder,
});
export const orderShipped = defineEvent({
  type: 'order.shipped',
  version: 1,
  description: "A delivery group's goods left for the customer's address.",
  subject,
  payload: ofGroup,
});
export const orderDelivered = defineEvent({
  type: 'order.delivered',
  version: 1,
  description: 'The carrier delivered a delivery group.',
  subject,
  payload: ofGroup,
});
const ofPickup = z.strictObject({
  ...ofGroup.shape,
  pickupCode: z.string().describe('The 6-digit code the customer gives at the counter.'),
  pickupBy: z.string().describe('UTC ISO-8601: when the pickup window ends (the group is cancelled and restocked after it).'),
});
export const orderReadyForPickup = defineEvent({
  type: 'order.ready_for_pickup',
  version: 1,
  description:
    'A delivery group waits at the store for the customer (who is told, with a QR code and the pickup code): marked ready by the store, or at once when a ship-to-store transfer brought all its goods. Published again with `resent: true` when staff resend the ready email.',
  subject,
  payload: z.strictObject({ ...ofPickup.shape, resent: z.literal(true).optional().describe('Staff asked to send the ready email again.') }),
});
export const orderPickupReminder = defineEvent({
  type: 'order.pickup_reminder',
  version: 1,
  description: "A ready pickup's window ends soon (the store's pickupReminderHours before it): the customer is reminded, once.",
  subject,
  payload: ofPickup,
});
export const orderPickupExpired = defineEvent({
  type: 'order.pickup_expired',
  version: 1,
  description: 'A ready pickup was not collected in its window: cancelled, stock released, its payment voided or refunded.',
  subject,
  payload: ofGroup,
});
export const orderCollected = defineEvent({
  type: 'order.collected',
  version: 1,
  description: 'The customer collected a delivery group at the store.',
  subject,
  payload: ofGroup,
});
export const orderArrivedAtStore = defineEvent({
  type: 'order.arrived_at_store',
  version: 1,
  description: "Ship to store: the transfer brought all of a delivery group's goods to the pickup store.",
  subject,
  payload: z.strictObject({ ...ofGroup.shape, locationId: z.uuid().describe('The pickup store.') }),
});

export const orderAllocated = defineEvent({
  type: 'order.allocated',
  version: 1,
  description: 'A delivery group that waited (a backorder, or parked for a person) has its stock reserved at a location.',
  subject,
  payload: ofGroup,
});
export const orderParked = defineEvent({
  type: 'order.parked',
  version: 1,
  description: 'Routing found no location for a delivery group: it waits in a queue for a person.',
  subject,
  payload: z.strictObject({ ...ofGroup.shape, queue: z.string() }),
});
export const orderBackordered = defineEvent({
  type: 'order.backordered',
  version: 1,
  description: 'A delivery group waits for incoming stock, with a new promised date (the customer is told).',
  subject,
  payload: z.strictObject({ ...ofGroup.shape, promisedAt: z.string().describe('UTC ISO-8601.') }),
});
export const orderPickupUnavailable = defineEvent({
  type: 'order.pickup_unavailable',
  version: 1,
  description: 'The pickup store rejected lines and the channel asks the customer what to do (another store, delivery, or cancel).',
  subject,
  payload: z.strictObject({ ...ofGroup.shape, lineIds: z.array(z.uuid()) }),
});

export const ORDER_EVENTS = [
  orderPlaced,
  orderCancelled,
  orderLinesCancelled,
  orderShipped,
  orderDelivered,
  orderReadyForPickup,
  orderPickupReminder,
  orderPickupExpired,
  orderCollected,
  orderArrivedAtStore,
  orderAllocated,
  orderParked,
  orderBackordered,
  orderPickupUnavailable,
] as const;
