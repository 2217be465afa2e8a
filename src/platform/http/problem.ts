import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isConnectionLost, RETRY_AFTER_SECONDS } from '../db/connection-errors.ts';

/** One wrong field of a request: where it is (`body.email`, `query.limit`) and what is wrong with it. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * A failure the client can act on. Business code throws these; one handler turns them into RFC 9457
 * `application/problem+json` answers. `code` is stable and machine-readable; `details` carries the facts
 * (for example how many units are available).
 */
export class Problem extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;
  readonly errors: FieldError[] | undefined;

  constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}, errors?: FieldError[]) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
    this.errors = errors;
  }
}

export class InvalidInput extends Problem {
  constructor(errors: FieldError[], message = 'The request has invalid fields.') {
    super(400, 'invalid-input', message, {}, errors);
  }
}
export class Unauthenticated extends Problem {
  constructor(message = 'Sign in or send an API key (Authorization: Bearer …).') {
    super(401, 'unauthenticated', message);
  }
}
export class Forbidden extends Problem {
  constructor(message: string) {
    super(403, 'forbidden', message);
  }
}
export class NotFound extends Problem {
  constructor(what: string, id: string) {
    super(404, 'not-found', `${what} ${id} does not exist.`, { resource: what, id });
  }
}
export class Conflict extends Problem {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(409, code, message, details);
  }
}
/** The request is well formed but a business rule refuses it (a disabled channel, a wrong state). */
export class RuleViolation extends Problem {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(422, code, message, details);
  }
}

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .catchall(z.unknown())
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export type ProblemBody = z.infer<typeof problemSchema>;

/** A problem answer in a route's `response` schema: OpenAPI then documents it as application/problem+json, as it is sent. */
export const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemSchema } } });

/** The problems every API route may answer (app.ts adds them to each route's documented responses). */
export const COMMON_PROBLEMS = {
  400: problemResponse('The request has invalid fields (`errors` names each).'),
  401: problemResponse('No valid API key or session.'),
  403: problemResponse('These credentials may not do this.'),
  404: problemResponse('The resource does not exist.'),
  409: problemResponse('The request conflicts with the current state (a duplicate, a state already changed).'),
  422: problemResponse('A business rule refuses the request.'),
};

/** For routes that take, capture, void or refund a payment: the provider failed or is not configured, nothing was charged. */
export const PAYMENT_UNAVAILABLE = problemResponse('A payment provider failed or is not configured; nothing was charged, try again.');

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problemBody(problem: Problem, instance?: string): ProblemBody {
  return {
    // The facts first: no detail may overwrite the standard members of a problem.
    ...problem.details,
    type: `/problems/${problem.code}`,
    title: TITLES[problem.status] ?? 'Error',
    status: problem.status,
    detail: problem.message,
    code: problem.code,
    ...(instance ? { instance } : {}),
    ...(problem.errors ? { errors: problem.errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem) {
  // A problem that says when to come back says it in the header too (429, 503).
  if (typeof problem.details.retryAfterSeconds === 'number') reply.header('retry-after', String(problem.details.retryAfterSeconds));
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .serializer((body: unknown) => JSON.stringify(body))
    .send(problemBody(problem, reply.request.url));
}

interface PgError {
  code: string;
  constraint?: string;
  detail?: string;
}
const isPgError = (error: unknown): error is PgError =>
  typeof error === 'object' && error !== null && typeof (error as PgError).code === 'string' && /^[0-9A-Z]{5}$/.test((error as PgError).code);

/** A URL the router could not read (`frameworkErrors`): a malformed %-escape, or a path segment over 100 characters. */
export function urlProblem(error: FastifyError): Problem {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return new InvalidInput([{ field: 'path', message: 'has a segment longer than 100 characters' }]);
  if (error.code === 'FST_ERR_BAD_URL') return new InvalidInput([{ field: 'path', message: 'is not a valid URL: a % must start an escape of UTF-8 bytes (%20, %C3%A9)' }]);
  return new Problem(400, 'bad-request', error.message);
}

/** Maps whatever was thrown to the problem the client sees. Unknown errors become a 500 that leaks nothing. */
export function toProblem(error: unknown, request: FastifyRequest): Problem {
  if (error instanceof Problem) return error;
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
    return new Problem(500, 'internal', 'The server failed to answer.');
  }
  // The database connection was lost (restart, failover): nothing was committed, the request may be sent again.
  if (isConnectionLost(error)) return new Problem(503, 'database-unavailable', 'The database cannot be reached just now; send the request again (with the same Idempotency-Key).', { retryAfterSeconds: RETRY_AFTER_SECONDS });
  if (isPgError(error)) {
    // Services translate the violations they expect; these are the safety net, never a 500 for a client mistake.
    if (error.code === '23505') return new Conflict('duplicate', 'A record with the same unique value already exists.', { constraint: error.constraint });
    if (error.code === '23503') return new RuleViolation('missing-reference', 'The request refers to a record that does not exist.', { constraint: error.constraint });
    if (error.code === '23514') return new RuleViolation('check-violation', 'The request breaks a rule of the data.', { constraint: error.constraint });
    // The services check what they read; a value that still reaches the database malformed is not known by name.
    if (error.code === '22P02' || error.code === '22003') return new InvalidInput([{ field: 'request', message: 'has a value out of range' }]);
    if (error.code === '22021' || error.code === '22P05') return new InvalidInput([{ field: 'request', message: 'contains a character the database cannot store (NUL)' }]);
  }
  const statusCode = (error as FastifyError).statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    const message = (error as Error).message;
    if (statusCode === 400) return new InvalidInput([{ field: 'body', message }], message);
    return new Problem(statusCode, statusCode === 413 ? 'payload-too-large' : statusCode === 415 ? 'unsupported-media-type' : 'bad-request', message);
  }
  request.log.error({ err: error }, 'unhandled error');
  return new Problem(500, 'internal', 'The server failed to answer.');
}
