import { z } from 'zod';
import { defineEvent } from '../../platform/events/event.ts';
import { PAYMENT_STATUSES } from './machine.ts';
import { paymentSchema } from './schema.ts';

/** The events payments write to the outbox (the catalog: platform/events/catalog.ts, docs/events.md). */

/** What happened to a payment: each is the outbox event `payment.<name>`, and the `type` in its timeline. */
export const PAYMENT_EVENT_NAMES = ['authorized', 'captured', 'awaiting_pickup', 'released', 'voided', 'cancelled', 'refunded'] as const;
export type PaymentEventName = (typeof PAYMENT_EVENT_NAMES)[number];

const payload = z.strictObject({
  ...paymentSchema.shape,
  event: z.enum(PAYMENT_EVENT_NAMES).describe('What happened: the event type without `payment.`.'),
  eventAmount: z.number().int().describe('The amount this event moved, in minor units.'),
  fromStatus: z.enum(PAYMENT_STATUSES).describe('The status before the event (`status` is the one after).'),
});

const CARRIES = 'Carries the payment as the order shows it (`payments` of `GET /v1/orders/{id}`).';

const paymentEvent = <const N extends PaymentEventName>(name: N, description: string) =>
  defineEvent({ type: `payment.${name}`, version: 1, description: `${description} ${CARRIES}`, subject: 'payment:<paymentId>', payload });

export const PAYMENT_EVENTS = [
  paymentEvent('authorized', 'A card paid online was authorized when its order was placed: the money is held.'),
  paymentEvent('captured', 'Money was taken: paid at the register, or captured when goods left (all or part of a hold or of a pay-at-pickup).'),
  paymentEvent('awaiting_pickup', 'The customer pays at the counter when collecting; nothing is held.'),
  paymentEvent('released', 'Part of what was not yet captured was given up (part of the order was cancelled).'),
  paymentEvent('voided', 'A card hold was given up entirely.'),
  paymentEvent('cancelled', 'A pay-at-pickup payment will not be collected (its goods were cancelled).'),
  paymentEvent('refunded', 'Captured money was given back, all or part, to the tender it came from.'),
] as const;
