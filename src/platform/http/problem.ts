import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isConnectionLost, RETRY_AFTER_SECONDS } from '../db/connection-errors.ts';
import { Conflict, DomainError, InvalidInput, RuleViolation, Unavailable, type ErrorKind, type FieldError } from '../errors.ts';

/**
 * What an HTTP answer can fail with: a domain error (platform/errors.ts), whose kind says the status, or an
 * `HttpProblem`, a failure only HTTP has (a body too large, a media type not read, a URL the router could not read,
 * a 500) and which carries its status itself.
 */
export class HttpProblem extends Error {
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

export type Failure = DomainError | HttpProblem;

/** The one map from what went wrong to the HTTP status that says it. */
export const STATUS_OF: Record<ErrorKind, number> = {
  'invalid-input': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'rule-violation': 422,
  'too-many-attempts': 429,
  unavailable: 503,
};

export const statusOf = (failure: Failure): number => (failure instanceof HttpProblem ? failure.status : STATUS_OF[failure.kind]);

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

export function problemBody(problem: Failure, instance?: string): ProblemBody {
  const status = statusOf(problem);
  return {
    // The facts first: no detail may overwrite the standard members of a problem.
    ...problem.details,
    type: `/problems/${problem.code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail: problem.message,
    code: problem.code,
    ...(instance ? { instance } : {}),
    ...(problem.errors ? { errors: problem.errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, problem: Failure) {
  // A problem that says when to come back says it in the header too (429, 503).
  if (typeof problem.details.retryAfterSeconds === 'number') reply.header('retry-after', String(problem.details.retryAfterSeconds));
  return reply
    .code(statusOf(problem))
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
export function urlProblem(error: FastifyError): Failure {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return new InvalidInput([{ field: 'path', message: 'has a segment longer than 100 characters' }]);
  if (error.code === 'FST_ERR_BAD_URL')
    return new InvalidInput([{ field: 'path', message: 'is not a valid URL: a % must start an escape of UTF-8 bytes (%20, %C3%A9)' }]);
  return new HttpProblem(400, 'bad-request', error.message);
}

/** Maps whatever was thrown to the problem the client sees. Unknown errors become a 500 that leaks nothing. */
export function toProblem(error: unknown, request: FastifyRequest): Failure {
  if (error instanceof DomainError || error instanceof HttpProblem) return error;
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
    return new HttpProblem(500, 'internal', 'The server failed to answer.');
  }
  // The database connection was lost (restart, failover): nothing was committed, the request may be sent again.
  if (isConnectionLost(error))
    return new Unavailable('database-unavailable', 'The database cannot be reached just now; send the request again (with the same Idempotency-Key).', {
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    });
  if (isPgError(error)) {
    // Services translate the violations they expect; these are the safety net, never a 500 for a client mistake.
    if (error.code === '23505') return new Conflict('duplicate', 'A record with the same unique value already exists.', { constraint: error.constraint });
    if (error.code === '23503')
      return new RuleViolation('missing-reference', 'The request refers to a record that does not exist.', { constraint: error.constraint });
    if (error.code === '23514') return new RuleViolation('check-violation', 'The request breaks a rule of the data.', { constraint: error.constraint });
    // The services check what they read; a value that still reaches the database malformed is not known by name.
    if (error.code === '22P02' || error.code === '22003') return new InvalidInput([{ field: 'request', message: 'has a value out of range' }]);
    if (error.code === '22021' || error.code === '22P05')
      return new InvalidInput([{ field: 'request', message: 'contains a character the database cannot store (NUL)' }]);
  }
  const statusCode = (error as FastifyError).statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    const message = (error as Error).message;
    if (statusCode === 400) return new InvalidInput([{ field: 'body', message }], message);
    return new HttpProblem(statusCode, statusCode === 413 ? 'payload-too-large' : statusCode === 415 ? 'unsupported-media-type' : 'bad-request', message);
  }
  request.log.error({ err: error }, 'unhandled error');
  return new HttpProblem(500, 'internal', 'The server failed to answer.');
}
