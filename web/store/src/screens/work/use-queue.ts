import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { api, must } from '../../../../api/client.ts';
import type { components } from '../../../../api/schema.ts';

/**
 * The work queue's server state, in one place: every query of the screen lives under the key ['work', locationId],
 * so that one invalidation (a server-sent event, an action of this screen) refreshes them all. Until the live events
 * arrive, the queue also refetches every 15 s.
 */

export type WorkQueue = components['schemas']['WorkQueue'];
export type WorkItem = WorkQueue['items'][number];
export type Stage = WorkItem['stage'];
export type PickState = components['schemas']['PickState'];
export type Order = components['schemas']['Order'];

export const STAGES: Stage[] = ['to_pick', 'picking', 'to_pack', 'to_ship', 'to_prepare', 'ready_for_pickup', 'incoming'];
export const REFRESH_MS = 15_000;
/** The most a queue page holds (the API's limit). */
const PAGE = 200;

export const workKeys = {
  all: (locationId: string) => ['work', locationId] as const,
  queue: (locationId: string, stage: Stage | 'all') => ['work', locationId, stage] as const,
  order: (locationId: string, orderId: string) => ['work', locationId, 'order', orderId] as const,
  pick: (locationId: string, groupId: string) => ['work', locationId, 'pick', groupId] as const,
  carriers: ['carriers'] as const,
};

/** The location's queue at a stage (or all of it), oldest promise first, with the counts of every stage. */
export function useQueue(locationId: string, stage: Stage | 'all') {
  return useQuery({
    queryKey: workKeys.queue(locationId, stage),
    queryFn: () =>
      must(
        api.GET('/v1/locations/{id}/work', {
          params: { path: { id: locationId }, query: { limit: PAGE, ...(stage === 'all' ? {} : { stage }) } },
        }),
      ),
    refetchInterval: REFRESH_MS,
  });
}

/** One delivery group of the queue: its queue row (stage, stock of each line), its order, its picking. */
export function useWorkItem(locationId: string, orderId: string, groupId: string) {
  const queue = useQueue(locationId, 'all');
  const order = useQuery({
    queryKey: workKeys.order(locationId, orderId),
    queryFn: () => must(api.GET('/v1/orders/{id}', { params: { path: { id: orderId } } })),
    refetchInterval: REFRESH_MS,
  });
  const pick = useQuery({
    queryKey: workKeys.pick(locationId, groupId),
    queryFn: () => must(api.GET('/v1/orders/{id}/delivery-groups/{groupId}/scans', { params: { path: { id: orderId, groupId } } })),
    refetchInterval: REFRESH_MS,
  });
  const item = queue.data?.items.find((row) => row.groupId === groupId) ?? null;
  // Once done (shipped, handed over, rejected) the group leaves the queue: its customer and lines are still shown.
  const seen = useRef<WorkItem | null>(null);
  if (item) seen.current = item;
  const group = order.data?.deliveryGroups.find((row) => row.id === groupId) ?? null;
  return { queue, order, pick, item, lastSeen: seen.current, group };
}

/** The carriers a shipment can be dispatched with (`manual`: staff type the carrier and tracking number). */
export function useCarriers() {
  return useQuery({ queryKey: workKeys.carriers, queryFn: () => must(api.GET('/v1/carriers')), staleTime: 10 * 60_000 });
}

/** After an action: the whole queue of the location again (counts, stages, picking). */
export function useRefreshWork(locationId: string) {
  const queries = useQueryClient();
  return () => queries.invalidateQueries({ queryKey: workKeys.all(locationId) });
}

/** A fresh Idempotency-Key: a request retried after a lost answer counts once. */
export const idempotent = () => ({ headers: { 'Idempotency-Key': crypto.randomUUID() } });
