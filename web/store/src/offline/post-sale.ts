import { api, type Problem } from '../../../api/client.ts';
import type { components } from '../../../api/schema.ts';
import type { Answer } from './outcome.ts';
import type { CashSaleBody } from './sales-queue.ts';

export type Order = components['schemas']['Order'];

/** A sale sent once: the server's answer (its order or its problem), or no answer at all. */
export interface Sent {
  answer: Answer;
  order?: Order | undefined;
  problem?: Problem | undefined;
}

/** A server that has not answered in this time is treated as unreachable; the same key makes a resend safe. */
const PATIENCE_MS = 20_000;

/** Sends a sale to `POST /v1/orders` with its Idempotency-Key; never throws. */
export async function postSale(body: CashSaleBody, idempotencyKey: string): Promise<Sent> {
  try {
    const { data, error, response } = await api.POST('/v1/orders', {
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
      signal: AbortSignal.timeout(PATIENCE_MS),
    });
    const problem = error === undefined ? undefined : (error as Problem);
    return { answer: { status: response.status, code: problem?.code }, order: data, problem };
  } catch {
    return { answer: 'no-answer' };
  }
}
