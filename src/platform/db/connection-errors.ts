/**
 * Errors that say the connection to PostgreSQL was lost or could not be made (a restart, a failover, a proxy's idle
 * timeout, a network blip), not that the request was wrong. The transaction that was running on that connection did
 * not commit (it is rolled back with the backend), so the client may send the request again — with its
 * Idempotency-Key, which was not stored either.
 */

/** SQLSTATEs of a lost or refused connection: 57P01..57P03 (shut down, crashed, starting up), 08xxx, too many clients. */
const LOST_CODES = /^(57P0[1-3]|08...|53300)$/;
/** Node's socket errors. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** pg's own messages, which carry no code. */
const LOST_MESSAGES =
  /^(Connection terminated.*|Client has encountered a connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect)$/;

export function isConnectionLost(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (LOST_CODES.test(code) || SOCKET_CODES.has(code))) return true;
  if (typeof message === 'string' && LOST_MESSAGES.test(message)) return true;
  // An AggregateError (a host name resolving to several addresses, all refused) or an error wrapping the one that lost it.
  const inner = error as { errors?: unknown; cause?: unknown };
  if (Array.isArray(inner.errors) && inner.errors.length > 0) return inner.errors.every(isConnectionLost);
  return inner.cause !== undefined && inner.cause !== error && isConnectionLost(inner.cause);
}

/** Seconds a client is told to wait before sending the request again (Retry-After). */
export const RETRY_AFTER_SECONDS = 1;
