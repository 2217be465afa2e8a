/**
 * What an attempt to send a cash sale to the server tells the register, in plain rules (no browser, no clock):
 * - `placed`: the server answered 2xx — the order exists (a replay of the same Idempotency-Key answers 2xx too).
 * - `unreachable`: the server could not be reached — fetch threw (no network, timeout), or a gateway answered 502,
 *   503 or 504 in its place. The sale is kept and sent again later with the same Idempotency-Key.
 * - `later`: the server was reached but cannot take it now, through no fault of the sale — signed out (401), the
 *   same key still being processed (409 `request-in-progress`), too many requests (429), a server error (500).
 *   Kept, sent again later; it does not make the register "offline".
 * - `refused`: any other 4xx — the sale itself was refused. It is never sent again by itself: it is kept aside,
 *   visible, for the staff to deal with.
 * - `already-placed`: a 422 `idempotency-key-reused` for a sale whose first, direct attempt may have reached the
 *   server: the key was stored with that first copy's answer, and a key is stored only with a success, so the sale
 *   was placed by that first copy (whose body had no `soldOfflineAt`).
 */
export type SendOutcome = 'placed' | 'unreachable' | 'later' | 'refused' | 'already-placed';

/** An answer as the register saw it: its status and the problem's code, or `'no-answer'` when fetch threw. */
export type Answer = { status: number; code?: string | undefined } | 'no-answer';

const GATEWAY = new Set([502, 503, 504]);
const NOT_NOW = new Set([401, 408, 429]);

export function outcomeOf(answer: Answer, triedOnline: boolean): SendOutcome {
  if (answer === 'no-answer') return 'unreachable';
  const { status, code } = answer;
  if (status >= 200 && status < 300) return 'placed';
  if (GATEWAY.has(status)) return 'unreachable';
  if (NOT_NOW.has(status) || status >= 500) return 'later';
  if (status === 409 && code === 'request-in-progress') return 'later';
  if (status === 422 && code === 'idempotency-key-reused' && triedOnline) return 'already-placed';
  return 'refused';
}

/** True when an outcome means the server cannot be reached: the register is offline. */
export const meansOffline = (outcome: SendOutcome) => outcome === 'unreachable';

/**
 * Keys of the queue: each new sale gets the next number after the highest one held (pending or refused), so the
 * queue's key order is the order the sales were made in, whatever tab made them.
 */
export const nextSequence = (highest: number | undefined) => (highest ?? 0) + 1;

/** The pending sales to send, in the order they were made; refused ones stay aside. */
export function sendingOrder<T extends { seq: number; refused?: unknown }>(sales: T[]): T[] {
  return sales.filter((sale) => sale.refused === undefined).sort((a, b) => a.seq - b.seq);
}
