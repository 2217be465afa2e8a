import { promisifyRequest, type UseStore } from 'idb-keyval';
import type { operations } from '../../../api/schema.ts';
import { nextSequence, sendingOrder } from './outcome.ts';

/**
 * The register's cash sales not yet on the server, kept in the browser (IndexedDB, its own database) so that closing
 * the browser loses nothing. A first-in first-out queue: each sale's key is its sequence number, taken in the same
 * transaction that stores it, so two tabs selling at once still queue in the order they sold. A sale leaves the
 * queue only once the server confirmed it (sync.ts); a sale the server refused stays, marked `refused`, for the staff.
 */

/** The body of `POST /v1/orders` (a register cash sale), as the typed client knows it. */
export type CashSaleBody = operations['placeOrder']['requestBody']['content']['application/json'];

/** Why the server refused a queued sale: its problem, as answered. */
export interface Refusal {
  at: string;
  status: number;
  code?: string | undefined;
  detail?: string | undefined;
}

export interface QueuedSale {
  /** Its place in the queue: the order it was sold in. */
  seq: number;
  /** Sent with every attempt: the server applies the sale once, however often it is sent. */
  idempotencyKey: string;
  body: CashSaleBody;
  /** When the register sold it (UTC ISO): sent as `soldOfflineAt`. */
  soldOfflineAt: string;
  queuedAt: string;
  /** A direct attempt was made before queueing and may have reached the server (see outcome.ts, already-placed). */
  triedOnline: boolean;
  refused?: Refusal;
}

let opened: Promise<IDBDatabase> | undefined;
/**
 * The queue's store, as idb-keyval's `createStore` opens it, but each write transaction `strict`: it is complete only
 * once on disk, so a sale the register showed as queued survives a power cut, not only a closed tab.
 */
const sales: UseStore = (mode, callback) => {
  opened ??= (() => {
    const request = indexedDB.open('aisle-offline-sales');
    request.onupgradeneeded = () => request.result.createObjectStore('sales');
    return promisifyRequest(request);
  })();
  return opened.then((db) => callback(db.transaction('sales', mode, { durability: 'strict' }).objectStore('sales')));
};
const changes = typeof BroadcastChannel === 'function' ? new BroadcastChannel('aisle-offline-sales') : undefined;
const listeners = new Set<() => void>();

/** Calls `listener` whenever the queue changes, in this tab or another one. */
export function onQueueChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
changes?.addEventListener('message', () => {
  for (const listener of listeners) listener();
});
function changed() {
  changes?.postMessage('changed');
  for (const listener of listeners) listener();
}

/** Queues a sale behind the others; answers its position among the sales waiting to be sent (1 = next). */
export async function enqueue(sale: Omit<QueuedSale, 'seq' | 'refused'>): Promise<number> {
  const position = await sales('readwrite', async (store) => {
    const last = await promisifyRequest(store.openKeyCursor(null, 'prev'));
    const seq = nextSequence(last ? (last.key as number) : undefined);
    await promisifyRequest(store.add({ ...sale, seq } satisfies QueuedSale, seq));
    const held = (await promisifyRequest(store.getAll())) as QueuedSale[];
    await promisifyRequest(store.transaction);
    return sendingOrder(held).length;
  });
  changed();
  return position;
}

/** Every sale held, pending and refused, in the order they were sold. */
export async function heldSales(): Promise<QueuedSale[]> {
  return sales('readonly', (store) => promisifyRequest(store.getAll() as IDBRequest<QueuedSale[]>));
}

/** The sales waiting to be sent, in the order they were sold. */
export async function pendingSales(): Promise<QueuedSale[]> {
  return sendingOrder(await heldSales());
}

/** How many sales wait to be sent, and how many the server refused. */
export async function queueCounts(): Promise<{ queued: number; refused: number }> {
  const held = await heldSales();
  const refused = held.filter((sale) => sale.refused !== undefined).length;
  return { queued: held.length - refused, refused };
}

/** The server confirmed the sale: it leaves the queue. */
export async function confirmed(seq: number): Promise<void> {
  await sales('readwrite', (store) => (store.delete(seq), promisifyRequest(store.transaction)));
  changed();
}

/** The server refused the sale: it stays, aside, with the refusal, and is not sent again. */
export async function refused(seq: number, refusal: Refusal): Promise<void> {
  await sales('readwrite', async (store) => {
    const sale = (await promisifyRequest(store.get(seq))) as QueuedSale | undefined;
    if (sale) store.put({ ...sale, refused: refusal } satisfies QueuedSale, seq);
    await promisifyRequest(store.transaction);
  });
  changed();
}

/** The staff dealt with a refused sale (took the goods back, sold it again online): it leaves the queue. */
export async function dismissRefused(seq: number): Promise<void> {
  await sales('readwrite', async (store) => {
    const sale = (await promisifyRequest(store.get(seq))) as QueuedSale | undefined;
    if (sale?.refused) store.delete(seq);
    await promisifyRequest(store.transaction);
  });
  changed();
}
