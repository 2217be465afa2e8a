/**
 * The failures business code reports, in business terms: what kind of thing went wrong, a stable `code`, the facts
 * in `details` (for example how many units are available) and, for bad input, the wrong fields. No HTTP here: the
 * http layer (platform/http/problem.ts) maps each kind to a status and renders problem+json, and the CLI prints
 * the same errors, so a module can refuse something without knowing who asked.
 */

/** What went wrong, as the caller can act on it; the one list the http layer maps to statuses. */
export type ErrorKind =
  | 'invalid-input' // the request has wrong fields (`errors` names each)
  | 'unauthenticated' // no valid credentials
  | 'forbidden' // these credentials may not do this
  | 'not-found' // the thing named does not exist
  | 'conflict' // a duplicate, a state already changed, not enough stock
  | 'rule-violation' // well formed, but a business rule refuses it (a disabled channel, a wrong state)
  | 'too-many-attempts' // wait before trying again (`details.retryAfterSeconds`)
  | 'unavailable'; // something the request needs (database, payment provider) failed; nothing changed, try again

/** One wrong field of a request: where it is (`body.email`, `query.limit`) and what is wrong with it. */
export interface FieldError {
  field: string;
  message: string;
}

/** A failure the caller can act on. `code` is stable and machine-readable; `details` carries the facts. */
export class DomainError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly details: Record<string, unknown>;
  readonly errors: FieldError[] | undefined;

  constructor(kind: ErrorKind, code: string, message: string, details: Record<string, unknown> = {}, errors?: FieldError[]) {
    super(message);
    this.kind = kind;
    this.code = code;
    this.details = details;
    this.errors = errors;
  }
}

export class InvalidInput extends DomainError {
  constructor(errors: FieldError[], message = 'The request has invalid fields.') {
    super('invalid-input', 'invalid-input', message, {}, errors);
  }
}
export class Unauthenticated extends DomainError {
  constructor(message = 'Sign in or send an API key (Authorization: Bearer …).') {
    super('unauthenticated', 'unauthenticated', message);
  }
}
export class Forbidden extends DomainError {
  constructor(message: string) {
    super('forbidden', 'forbidden', message);
  }
}
export class NotFound extends DomainError {
  constructor(what: string, id: string) {
    super('not-found', 'not-found', `${what} ${id} does not exist.`, { resource: what, id });
  }
}
export class Conflict extends DomainError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}, errors?: FieldError[]) {
    super('conflict', code, message, details, errors);
  }
}
/** The request is well formed but a business rule refuses it (a disabled channel, a wrong state). */
export class RuleViolation extends DomainError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super('rule-violation', code, message, details);
  }
}
/** Something the request needs could not answer (the database, a payment provider): nothing changed, try again. */
export class Unavailable extends DomainError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super('unavailable', code, message, details);
  }
}
