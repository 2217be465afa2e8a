import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { sha256 } from '../auth/passwords.ts';
import type { Executor, Trx } from '../db/database.ts';
import type { Guarded } from '../db/statements.ts';
import { Conflict, InvalidInput, RuleViolation } from '../errors.ts';

/**
 * Idempotency-Keys: a state-changing request may carry one, and a retry of it is answered with what the first copy
 * answered, never with a second effect. The key is claimed inside the transaction of the request's effects and the
 * answer stored with it, so two racing copies cannot both act: the second one's claim waits for the first's commit.
 * The same key with another request is refused with a 422. A request that fails stores nothing and may be retried.
 * These functions work on many requests at once (a batch of orders); `inTransaction` uses them for one.
 */

/** A request's key, scoped to who sent it, with a hash of what was asked. */
export interface IdempotencyClaim {
  scope: string;
  key: string;
  requestHash: string;
}

export interface StoredAnswer {
  status: number;
  body: unknown;
}

/** The request's claim, or undefined without an Idempotency-Key header. */
export function idempotencyClaim(request: FastifyRequest): IdempotencyClaim | undefined {
  const header = request.headers['idempotency-key'];
  if (header === undefined) return undefined;
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || key.length > 255) {
    throw new InvalidInput([{ field: 'header.idempotency-key', message: 'must be 1 to 255 characters' }]);
  }
  return {
    scope: request.principal?.actor ?? 'anonymous',
    key,
    requestHash: sha256(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`),
  };
}

const claimKey = (claim: IdempotencyClaim) => `${claim.scope}\n${claim.key}`;

/**
 * The answers already stored for the claims, in one query: undefined where nothing is stored yet (or the first copy
 * is still running), the 422 where the key was used for another request.
 */
export async function storedAnswers(db: Executor, claims: (IdempotencyClaim | undefined)[]): Promise<(StoredAnswer | Error | undefined)[]> {
  const present = claims.filter((claim) => claim !== undefined);
  if (!present.length) return claims.map(() => undefined);
  const { rows } = await sql<{ scope: string; key: string; request_hash: string; status_code: number | null; response_body: unknown }>`
    select k.scope, k.key, k.request_hash, k.status_code, k.response_body
    from idempotency_keys k join unnest(${present.map((claim) => claim.scope)}::text[], ${present.map((claim) => claim.key)}::text[]) as c(scope, key)
      on k.scope = c.scope and k.key = c.key`.execute(db);
  const byKey = new Map(rows.map((row) => [`${row.scope}\n${row.key}`, row]));
  return claims.map((claim) => {
    const row = claim && byKey.get(claimKey(claim));
    if (!claim || !row) return undefined;
    if (row.request_hash !== claim.requestHash) {
      return new RuleViolation('idempotency-key-reused', 'This Idempotency-Key was already used for a different request.', { idempotencyKey: claim.key });
    }
    return row.status_code === null ? undefined : { status: row.status_code, body: row.response_body };
  });
}

/**
 * Claims the keys in the caller's transaction, in key order (so two batches never wait on each other in a circle).
 * Answers per claim: 'claimed' (go ahead; no claim is claimed too), or what an earlier copy stored, or the 422.
 */
export async function claimIdempotencyKeys(trx: Trx, claims: (IdempotencyClaim | undefined)[]): Promise<('claimed' | StoredAnswer | Error)[]> {
  const seen = new Set<string>();
  const unique = claims.filter((claim): claim is IdempotencyClaim => claim !== undefined && !seen.has(claimKey(claim)) && !!seen.add(claimKey(claim)));
  if (!unique.length) return claims.map(() => 'claimed');
  const sorted = [...unique].sort((a, b) => (claimKey(a) < claimKey(b) ? -1 : 1));
  const { rows } = await sql<{ scope: string; key: string }>`
    insert into idempotency_keys (scope, key, request_hash)
    select * from unnest(${sorted.map((claim) => claim.scope)}::text[], ${sorted.map((claim) => claim.key)}::text[], ${sorted.map((claim) => claim.requestHash)}::text[])
    on conflict (scope, key) do nothing
    returning scope, key`.execute(trx);
  const claimed = new Set(rows.map((row) => `${row.scope}\n${row.key}`));
  const taken = claims.map((claim) => (claim && !claimed.has(claimKey(claim)) ? claim : undefined));
  const stored = taken.some((claim) => claim !== undefined) ? await storedAnswers(trx, taken) : [];
  const first = new Set<string>();
  return claims.map((claim, index) => {
    if (!claim) return 'claimed';
    if (claimed.has(claimKey(claim))) {
      if (first.has(claimKey(claim)))
        return new Conflict('request-in-progress', 'A request with this Idempotency-Key is being processed; retry it shortly.', { idempotencyKey: claim.key });
      first.add(claimKey(claim));
      return 'claimed';
    }
    return (
      stored[index] ??
      new Conflict('request-in-progress', 'A request with this Idempotency-Key is being processed; retry it shortly.', { idempotencyKey: claim.key })
    );
  });
}

/** Stores the answers of claimed keys, in the same transaction as the effects. */
export async function answerIdempotencyKeys(trx: Trx, answers: { claim: IdempotencyClaim | undefined; status: number; body: unknown }[]): Promise<void> {
  const stored = answers.filter((answer): answer is typeof answer & { claim: IdempotencyClaim } => answer.claim !== undefined);
  if (!stored.length) return;
  await sql`
    update idempotency_keys k set status_code = a.status, response_body = a.body
    from unnest(${stored.map((answer) => answer.claim.scope)}::text[], ${stored.map((answer) => answer.claim.key)}::text[],
                ${stored.map((answer) => answer.status)}::int[], ${stored.map((answer) => JSON.stringify(answer.body ?? null))}::jsonb[]) as a(scope, key, status, body)
    where k.scope = a.scope and k.key = a.key`.execute(trx);
}

/**
 * Claims keys and stores their answers at once, as a part of a statement written by `writeIf` (for requests whose
 * answers are known before they are written): it holds when every key was free, so a retry racing its first copy
 * makes the statement fail, and the caller then claims the keys the usual way.
 */
export function claimedWithAnswers(answers: { claim: IdempotencyClaim | undefined; status: number; body: unknown }[]): Guarded {
  const stored = answers.filter((answer): answer is typeof answer & { claim: IdempotencyClaim } => answer.claim !== undefined);
  if (!stored.length) return { parts: [], conditions: [] };
  return {
    parts: [
      sql`answered_keys as (
      insert into idempotency_keys (scope, key, request_hash, status_code, response_body)
      select * from unnest(${stored.map((answer) => answer.claim.scope)}::text[], ${stored.map((answer) => answer.claim.key)}::text[],
        ${stored.map((answer) => answer.claim.requestHash)}::text[], ${stored.map((answer) => answer.status)}::int[],
        ${stored.map((answer) => JSON.stringify(answer.body ?? null))}::jsonb[])
      on conflict (scope, key) do nothing
      returning 1)`,
    ],
    conditions: [{ held: sql`(select count(*) from answered_keys) = ${stored.length}::int`, what: 'idempotency keys free' }],
  };
}

/** Lets go of claimed keys whose request failed after all, in the same transaction: a retry may then act. */
export async function releaseIdempotencyKeys(trx: Trx, claims: (IdempotencyClaim | undefined)[]): Promise<void> {
  const present = claims.filter((claim) => claim !== undefined);
  if (!present.length) return;
  await sql`
    delete from idempotency_keys k
    using unnest(${present.map((claim) => claim.scope)}::text[], ${present.map((claim) => claim.key)}::text[]) as c(scope, key)
    where k.scope = c.scope and k.key = c.key and k.status_code is null`.execute(trx);
}
