import type { FastifyReply, FastifyRequest } from 'fastify';
import { isStalePlan, type Trx } from '../db/database.ts';
import { answerIdempotencyKeys, claimIdempotencyKeys, idempotencyClaim } from './idempotency.ts';

/**
 * Runs a state-changing request as one transaction: all of its effects commit, or none. With an `Idempotency-Key`
 * header the key is claimed in the same transaction and the answer stored with it (see idempotency.ts): a retry is
 * answered with what the first copy answered, marked with the header `idempotent-replayed: true`.
 */
export async function inTransaction<T>(request: FastifyRequest, reply: FastifyReply, status: number, work: (trx: Trx) => Promise<T>): Promise<T> {
  const claim = idempotencyClaim(request);
  const db = request.server.db;
  if (claim === undefined) {
    const body = await retrying(() => db.transaction().execute(work));
    reply.code(status);
    return body;
  }
  const outcome = await retrying(() =>
    db.transaction().execute(async (trx) => {
      const [claimed] = await claimIdempotencyKeys(trx, [claim]);
      if (claimed instanceof Error) throw claimed;
      if (claimed !== 'claimed') return { replayed: true, status: claimed!.status, body: claimed!.body };
      const body = await work(trx);
      await answerIdempotencyKeys(trx, [{ claim, status, body }]);
      return { replayed: false, status, body: body as unknown };
    }),
  );
  if (outcome.replayed) markReplayed(reply);
  reply.code(outcome.status);
  // A replay answers with what was stored: the same JSON the first answer sent.
  return outcome.body as T;
}

/** Says on the answer that it is the stored answer of an earlier copy of the request. */
export function markReplayed(reply: FastifyReply) {
  reply.header('idempotent-replayed', 'true');
}

const RETRYABLE = new Set(['40001', '40P01']);

/**
 * A deadlock or serialization failure, or a prepared statement gone stale (database.ts), rolled everything back: the
 * whole transaction can safely run again.
 */
export async function retrying<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: string } | null)?.code;
      if (attempt >= attempts || code === undefined || !(RETRYABLE.has(code) || isStalePlan(error))) throw error;
    }
  }
}
