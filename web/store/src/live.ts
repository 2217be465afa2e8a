import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

/**
 * The events that change what a store's screens show (its orders, its stock, its transfers). EventSource hands each
 * named event (`event: order.placed`) only to a listener of that name, hence the list.
 */
const TYPES = [
  'order.placed',
  'order.cancelled',
  'order.lines_cancelled',
  'order.allocated',
  'order.shipped',
  'order.ready_for_pickup',
  'order.arrived_at_store',
  'order.collected',
  'order.pickup_expired',
  'stock.changed',
  'stock.shortfall_recorded',
  'transfer.shipped',
  'transfer.partially_received',
  'transfer.received',
  'transfer.cancelled',
];
/** What a burst of events (an order's placement writes several) waits for before the screens read again. */
const SETTLE_MS = 300;

/**
 * Keeps the screens current without reload: the server's event stream (`GET /v1/events/stream`, only what this
 * store may see) marks the store's data stale, and the screens on display read it again. EventSource reconnects by
 * itself and resumes from the last event it had (`Last-Event-ID`).
 */
export function useLiveUpdates(): void {
  const queries = useQueryClient();
  useEffect(() => {
    const stream = new EventSource(`/v1/events/stream?types=${encodeURIComponent(TYPES.join(','))}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => queries.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'me' }), SETTLE_MS);
    };
    for (const type of TYPES) stream.addEventListener(type, refresh);
    return () => {
      clearTimeout(timer);
      stream.close();
    };
  }, [queries]);
}
