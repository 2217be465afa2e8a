import { ApiProblem } from '../../../api/client.ts';
import { ServerNeeded, sellableOffline } from './cash-sale.ts';
import { outcomeOf } from './outcome.ts';
import { type Order, postSale } from './post-sale.ts';
import { enqueue, pendingSales, type CashSaleBody } from './sales-queue.ts';
import { offlineState, sendQueued, serverReached } from './sync.ts';

export type CashSaleResult = { kind: 'placed'; order: Order } | { kind: 'queued'; position: number };

/**
 * A register's sale: placed on the server when it answers, otherwise — a cash sale of shelf stock only — kept in this
 * browser and sent later (sync.ts) with the same Idempotency-Key. While sales already wait, or the register knows it
 * is offline, a new cash sale goes straight behind them, so the server receives them in the order they were sold. A
 * refusal of the sale itself (a 4xx problem) is thrown as an ApiProblem, as for any request; only the server's
 * absence queues it. Any other sale (card, split, delivery) is sent as is, and throws `ServerNeeded` when the server
 * cannot be reached: the register may send every sale through here.
 */
export async function submitCashSale(body: CashSaleBody, idempotencyKey: string): Promise<CashSaleResult> {
  const soldAt = new Date().toISOString();
  const cashFromShelf = sellableOffline(body);
  // Known to be offline (the browser says so, or the last contact failed): no waiting for a server that is not there.
  const knownOffline = !navigator.onLine || !offlineState().online;
  if (cashFromShelf && (knownOffline || (await pendingSales()).length > 0)) return queue(body, idempotencyKey, soldAt, false);
  const sent = await postSale(body, idempotencyKey);
  const outcome = outcomeOf(sent.answer, false);
  serverReached(outcome !== 'unreachable');
  if (outcome === 'unreachable') {
    if (!cashFromShelf) throw new ServerNeeded();
    return queue(body, idempotencyKey, soldAt, true);
  }
  if (outcome === 'placed' && sent.order) return { kind: 'placed', order: sent.order };
  throw new ApiProblem(sent.problem ?? { status: sent.answer === 'no-answer' ? 0 : sent.answer.status });
}

async function queue(body: CashSaleBody, idempotencyKey: string, soldOfflineAt: string, triedOnline: boolean): Promise<CashSaleResult> {
  const position = await enqueue({ idempotencyKey, body, soldOfflineAt, queuedAt: new Date().toISOString(), triedOnline });
  void sendQueued();
  return { kind: 'queued', position };
}
