import { outcomeOf, type SendOutcome } from './outcome.ts';
import { postSale } from './post-sale.ts';
import { confirmed, onQueueChange, pendingSales, queueCounts, refused, type QueuedSale } from './sales-queue.ts';

/**
 * The one sender of the queued cash sales. One tab at a time sends (the Web Lock `aisle-offline-sync`); the others
 * only show the counts. It sends when the browser comes back online, and every 5 s while sales wait and
 * `GET /health` answers. Sales go in the order they were sold, each with its own Idempotency-Key and
 * `soldOfflineAt`; one leaves the queue only once the server confirmed it (a replay of its key confirms it too),
 * so a tab closed or reloaded mid-send, or two tabs, send a sale twice at worst and the server applies it once.
 * The first failure to reach the server stops the round; a refusal puts the sale aside and the next one goes.
 */

export interface OfflineState {
  /** The server answers: cash sales go straight to it (when nothing waits), card payments and hand-overs may be done. */
  online: boolean;
  /** Cash sales kept in this browser, waiting to be sent. */
  queued: number;
  /** Cash sales the server refused, kept for the staff to resolve. */
  refused: number;
}

const LOCK = 'aisle-offline-sync';
const PROBE_EVERY_MS = 5_000;

let reachable = typeof navigator === 'undefined' ? true : navigator.onLine;
let counts = { queued: 0, refused: 0 };
let state: OfflineState = { online: reachable, ...counts };
const watchers = new Set<() => void>();

function publish() {
  const next = { online: reachable && navigator.onLine, ...counts };
  if (next.online === state.online && next.queued === state.queued && next.refused === state.refused) return;
  state = next;
  for (const watcher of watchers) watcher();
}

/** The state as it is now (the same object until it changes, for useSyncExternalStore). */
export const offlineState = (): OfflineState => state;

/** Calls `watcher` when the state changes; starts the sender on first use. */
export function watchOffline(watcher: () => void): () => void {
  startOfflineSync();
  watchers.add(watcher);
  return () => watchers.delete(watcher);
}

/** What the last contact with the server said: it answered, or it could not be reached. */
export function serverReached(answered: boolean) {
  reachable = answered;
  publish();
}

async function refreshCounts() {
  counts = await queueCounts();
  publish();
}

let started = false;
/** Starts listening and sending (once per tab). */
export function startOfflineSync() {
  if (started) return;
  started = true;
  window.addEventListener('online', () => {
    publish();
    void probe().then((up) => {
      if (up) void sendQueued();
    });
  });
  window.addEventListener('offline', publish);
  onQueueChange(() => void refreshCounts());
  // Whether the server answers is known at once, not at the first sale.
  void probe();
  void refreshCounts().then(sendQueued);
  setInterval(() => {
    if (counts.queued > 0 || !reachable)
      void probe().then((up) => {
        if (up) void sendQueued();
      });
  }, PROBE_EVERY_MS);
}

async function probe(): Promise<boolean> {
  try {
    const response = await fetch('/health', { cache: 'no-store', signal: AbortSignal.timeout(PROBE_EVERY_MS) });
    serverReached(response.ok);
    return response.ok;
  } catch {
    serverReached(false);
    return false;
  }
}

let round: Promise<void> | undefined;
/**
 * Sends the waiting sales now, unless this tab or another one is already sending them. Without Web Locks (a page not
 * served over HTTPS or localhost) tabs may send at the same time: the Idempotency-Keys still apply each sale once.
 */
export function sendQueued(): Promise<void> {
  if (round) return round;
  const locks = navigator.locks as LockManager | undefined;
  const sending = locks
    ? locks.request(LOCK, { ifAvailable: true }, async (lock) => {
        if (lock) await sendInOrder();
      })
    : sendInOrder();
  round = sending
    .catch((error: unknown) => console.error('offline cash sales: sending stopped', error))
    .finally(() => {
      round = undefined;
    });
  return round;
}

async function sendInOrder() {
  for (;;) {
    const [next] = await pendingSales();
    if (!next) return;
    const outcome = await send(next);
    if (outcome === 'unreachable' || outcome === 'later') return;
  }
}

async function send(sale: QueuedSale): Promise<SendOutcome> {
  const withTime = { ...sale.body, soldOfflineAt: sale.soldOfflineAt };
  const sent = await postSale(withTime, sale.idempotencyKey);
  let outcome = outcomeOf(sent.answer, sale.triedOnline);
  if (outcome === 'already-placed') {
    // The first, direct attempt was placed: its own body, resent with its key, is answered with its stored order.
    const replay = await postSale(sale.body, sale.idempotencyKey);
    outcome = outcomeOf(replay.answer, false);
  }
  serverReached(outcome !== 'unreachable');
  if (outcome === 'placed') await confirmed(sale.seq);
  if (outcome === 'refused') {
    const status = sent.answer === 'no-answer' ? 0 : sent.answer.status;
    await refused(sale.seq, { at: new Date().toISOString(), status, code: sent.problem?.code, detail: sent.problem?.detail });
  }
  return outcome;
}
