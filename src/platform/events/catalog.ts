import type { z } from 'zod';
import { DROPSHIP_EVENTS } from '../../modules/dropship/events.ts';
import { INVENTORY_EVENTS } from '../../modules/inventory/events.ts';
import { ORDER_EVENTS } from '../../modules/orders/events.ts';
import { PAYMENT_EVENTS } from '../../modules/payments/events.ts';
import { ROUTING_EVENTS } from '../../modules/routing/events.ts';

/**
 * Every type of event Aisle writes to its outbox, with its payload's schema and version: the contract of the events
 * feed (and of the webhooks to come). docs/events.md is generated from it (`npm run events:docs`). The outbox's
 * `publish` accepts only these, so a new event type is written here first.
 */
export const EVENT_CATALOG = [...INVENTORY_EVENTS, ...ORDER_EVENTS, ...PAYMENT_EVENTS, ...ROUTING_EVENTS, ...DROPSHIP_EVENTS] as const;

type Catalog = (typeof EVENT_CATALOG)[number];
export type EventType = Catalog['type'];
export type EventPayload<T extends EventType> = z.input<Extract<Catalog, { type: T }>['payload']>;

/** An event as written: one member per catalogued type, so the payload must be that type's. */
export type CataloguedEvent = { [T in EventType]: { type: T; subject: string; payload: EventPayload<T> } }[EventType];

/** The definition of a type, by name (undefined for a type not in the catalog, e.g. one read back from an old row). */
export const eventDefinition = (type: string) => EVENT_CATALOG.find((definition) => definition.type === type);
