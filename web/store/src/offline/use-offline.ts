import { useSyncExternalStore } from 'react';
import { type OfflineState, offlineState, watchOffline } from './sync.ts';

/**
 * Whether the server answers, and how many cash sales wait in this browser (queued) or were refused by the server.
 * Screens that need the server (card payments, hand-overs) disable those actions while `online` is false and say why.
 */
export function useOffline(): OfflineState {
  return useSyncExternalStore(watchOffline, offlineState);
}
