import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OutboxEvent } from '../outbox.ts';
import { EVENT_CATALOG, eventDefinition } from './catalog.ts';
import { eventsMarkdown } from './docs.ts';
import { EVENTS_DOC } from './write-docs.ts';

describe('the event catalog', () => {
  it('names each type once, with a version and a description', () => {
    const types = EVENT_CATALOG.map((event) => event.type);
    expect(new Set(types).size).toBe(types.length);
    for (const event of EVENT_CATALOG) {
      expect(event.type, event.type).toMatch(/^[a-z]+\.[a-z_]+$/);
      expect(Number.isInteger(event.version) && event.version >= 1, event.type).toBe(true);
      expect(event.description.length, event.type).toBeGreaterThan(10);
    }
    expect(eventDefinition('order.placed')?.version).toBe(1);
    expect(eventDefinition('order.teleported')).toBeUndefined();
  });

  it('refuses a payload that is not the one its type declares', () => {
    const placed = eventDefinition('order.placed')!;
    expect(
      placed.payload.safeParse({
        orderId: '0196f3a1-2b4c-7d5e-8f60-000000001001',
        number: 'A-1',
        channelId: '0196f3a1-2b4c-7d5e-8f60-000000001002',
        total: 100,
        currency: 'EUR',
      }).success,
    ).toBe(true);
    expect(placed.payload.safeParse({ orderId: '0196f3a1-2b4c-7d5e-8f60-000000001001', number: 'A-1' }).success).toBe(false);
    expect(
      placed.payload.safeParse({
        orderId: '0196f3a1-2b4c-7d5e-8f60-000000001001',
        number: 'A-1',
        channelId: '0196f3a1-2b4c-7d5e-8f60-000000001002',
        total: 100,
        currency: 'EUR',
        extra: 1,
      }).success,
    ).toBe(false);
  });

  it('is what docs/events.md says (npm run events:docs writes it again)', () => {
    expect(readFileSync(EVENTS_DOC, 'utf8')).toBe(eventsMarkdown(EVENT_CATALOG));
  });
});

/**
 * Never called: `tsc -p .` (npm test runs it first) fails if any line marked @ts-expect-error compiles, that is if
 * publish would take an event the catalog does not describe.
 */
// biome-ignore lint/suspicious/noExportsInTest: exported only so that tsc checks it without calling it (the checks are its @ts-expect-error lines).
export function publishTakesOnlyCataloguedEvents(publish: (events: OutboxEvent[]) => void) {
  const orderId = '0196f3a1-2b4c-7d5e-8f60-000000001001';
  publish([{ type: 'order.cancelled', subject: `order:${orderId}`, payload: { orderId, number: 'A-1' } }]);
  // @ts-expect-error a type not in the catalog
  publish([{ type: 'order.teleported', subject: `order:${orderId}`, payload: { orderId, number: 'A-1' } }]);
  // @ts-expect-error the payload of order.cancelled is not that of order.arrived_at_store
  publish([{ type: 'order.arrived_at_store', subject: `order:${orderId}`, payload: { orderId, number: 'A-1' } }]);
  // @ts-expect-error a field of the wrong type
  publish([{ type: 'stock.safety_stock_changed', subject: 'location:x', payload: { locationId: orderId, safetyStock: '2' } }]);
}
