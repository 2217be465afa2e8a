import type { FieldError } from '../errors.ts';

/**
 * Text PostgreSQL cannot store: a NUL character, or half of a UTF-16 surrogate pair (`"\ud800"` is valid JSON, but no
 * character). Left to the database they surfaced as a vague "value out of range"; found here, before validation, the
 * problem names the field.
 */
const unstorable = (text: string) =>
  text.includes('\u0000')
    ? 'contains a NUL character, which cannot be stored'
    : !text.isWellFormed()
      ? 'contains half of a UTF-16 surrogate pair (\\ud800–\\udfff alone), which is no character'
      : undefined;

/** The fields of a parsed request part (body, query, path parameters) whose text cannot be stored. */
export function unstorableText(value: unknown, field: string, found: FieldError[] = []): FieldError[] {
  if (typeof value === 'string') {
    const message = unstorable(value);
    if (message) found.push({ field, message });
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) unstorableText(item, `${field}.${index}`, found);
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const keyMessage = unstorable(key);
      if (keyMessage) found.push({ field: `${field}.${key}`, message: `has a name that ${keyMessage}` });
      unstorableText(item, `${field}.${key}`, found);
    }
  }
  return found;
}

/** A parsed JSON object, or a query string's (whose prototype has no prototype), not a stream (stock feeds) or a buffer. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null || Object.getPrototypeOf(prototype) === null;
}
