import { ApiProblem } from '../../../api/client.ts';
import { outcomeOf } from './outcome.ts';
import { type Order, postSale } from './post-sale.ts';
import { enqueue, pendingSales, type CashSaleBody } from './sales-queue.ts';
import { offlineState, sendQueued, serverReached } from './sync.ts';

export type CashSaleResult = { kind: 'placed'; order: Order } | { kind: 'queued'; position: number };

/**
 * A register's cash sale: placed on the server when it answers, otherwise kept in this browser and sent later
 * (sync.ts) with the same Idempotency-Key. While sales already wait, or the browser knows it is offline, a new sale
 * goes straight behind them, so the server receives them in the order they were sold. A refusal of the sale
 * itself (a 4xx problem) is thrown as an ApiProblem, as for any request; only the server's absence queues it.
 * Only cash sales of shelf stock belong here: card payments and hand-overs need the server.
 */
export async function submitCashSale(body: CashSaleBody, idempotencyKey: string): Promise<CashSaleResult> {
  const soldAt = new Date().toISOString();
  // Known to be offline (the browser says so, or the last contact failed): no waiting for a server that is not there.
  if (!navigator.onLine || !offlineState().online || (await pendingSales()).length > 0) return queue(body, idempotencyKey, soldAt, false);
  const sent = await postSale(body, idempotencyKey);
  const outcome = outcomeOf(sent.answer, false);
  serverReached(outcome !== 'unreachable');
  if (outcome === 'unreachable') return queue(body, idempotencyKey, soldAt, true);
  if (outcome === 'placed' && sent.order) return { kind: 'placed', order: sent.order };
  throw new ApiProblem(sent.problem ?? { status: sent.answer === 'no-answer' ? 0 : sent.answer.status });
}

async function queue(body: CashSaleBody, idempotencyKey: string, soldOfflineAt: string, triedOnline: boolean): Promise<CashSaleResult> {
  const position = await enqueue({ idempotencyKey, body, soldOfflineAt, queuedAt: new Date().toISOString(), triedOnline });
  void sendQueued();
  return { kind: 'queued', position };
}
