import type { FastifyReply, FastifyRequest } from 'fastify';
import { sha256 } from '../auth/passwords.ts';
import type { Executor, Trx } from '../db/database.ts';
import { InvalidInput, RuleViolation } from './problem.ts';

/**
 * Runs a state-changing request as one transaction: all of its effects commit, or none.
 *
 * With an `Idempotency-Key` header the key is claimed inside the same transaction and the answer is stored with
 * it, so a retry gets the stored answer and never a second effect, even when the two copies race (the second waits
 * on the first's key row). The same key with another request is refused with a 422. A request that fails stores
 * nothing, so it can be retried with the same key.
 */
export async function inTransaction<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  work: (trx: Trx) => Promise<T>,
): Promise<T> {
  const key = idempotencyKey(request);
  const db = request.server.db;
  if (key === undefined) {
    const body = await retrying(() => db.transaction().execute(work));
    reply.code(status);
    return body;
  }

  const { scope, requestHash } = fingerprint(request);
  const outcome = await retrying(() => db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('idempotency_keys')
      .values({ scope, key, request_hash: requestHash, response_body: null })
      .onConflict((conflict) => conflict.columns(['scope', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) return { replayed: true, ...(await storedAnswer(trx, scope, key, requestHash))! };
    const body = await work(trx);
    await trx
      .updateTable('idempotency_keys')
      .set({ status_code: status, response_body: JSON.stringify(body ?? null) })
      .where('scope', '=', scope)
      .where('key', '=', key)
      .execute();
    return { replayed: false, status, body: body as unknown };
  }));
  if (outcome.replayed) reply.header('idempotent-replayed', 'true');
  reply.code(outcome.status);
  // A replay answers with what was stored: the same JSON the first answer sent.
  return outcome.body as T;
}

function fingerprint(request: FastifyRequest) {
  return {
    scope: request.principal?.actor ?? 'anonymous',
    requestHash: sha256(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`),
  };
}

async function storedAnswer(db: Executor, scope: string, key: string, requestHash: string) {
  const stored = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'response_body'])
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!stored) return undefined;
  if (stored.request_hash !== requestHash) {
    throw new RuleViolation('idempotency-key-reused', 'This Idempotency-Key was already used for a different request.', { idempotencyKey: key });
  }
  return { status: stored.status_code ?? 200, body: stored.response_body };
}

/**
 * For a request that does outside work before its transaction (a payment authorisation): answers a retry whose first
 * copy has already committed, so the outside work is not done twice. Returns undefined when there is nothing stored.
 */
export async function replayIfAnswered(request: FastifyRequest, reply: FastifyReply): Promise<{ body: unknown } | undefined> {
  const key = idempotencyKey(request);
  if (key === undefined) return undefined;
  const { scope, requestHash } = fingerprint(request);
  const stored = await storedAnswer(request.server.db, scope, key, requestHash);
  if (!stored || stored.body === null) return undefined;
  reply.header('idempotent-replayed', 'true').code(stored.status);
  return { body: stored.body };
}

function idempotencyKey(request: FastifyRequest): string | undefined {
  const header = request.headers['idempotency-key'];
  if (header === undefined) return undefined;
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || key.length > 255) {
    throw new InvalidInput([{ field: 'header.idempotency-key', message: 'must be 1 to 255 characters' }]);
  }
  return key;
}

const RETRYABLE = new Set(['40001', '40P01']);

/** A deadlock or serialization failure rolled everything back: the whole transaction can safely run again. */
export async function retrying<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: string } | null)?.code;
      if (attempt >= attempts || code === undefined || !RETRYABLE.has(code)) throw error;
    }
  }
}
