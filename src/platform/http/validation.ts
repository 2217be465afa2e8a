import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { InvalidInput, type FieldError } from '../errors.ts';
import { unstorableText } from './storable-text.ts';

/** How fields are named in problems: `query.limit`, `path.id`, `header.idempotency-key`, `body.lines.0.sku`. */
const PARTS: Record<string, string> = { body: 'body', querystring: 'query', params: 'path', headers: 'header' };

/**
 * Validates each part of a request with its zod schema, and refuses text no database stores (storable-text.ts) in
 * the same answer: one 400 problem naming every field at fault, whichever check found it.
 */
export const validateRequestPart: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const where = PARTS[httpPart ?? 'body'] ?? 'body';
  return (data: unknown) => {
    const unstorable = unstorableText(data, where);
    const result = schema.safeParse(data);
    if (result.success && !unstorable.length) return { value: result.data };
    const named = new Set(unstorable.map((error) => error.field));
    const invalid: FieldError[] = result.success
      ? []
      : result.error.issues.map((issue) => ({ field: [where, ...issue.path.map(String)].join('.'), message: issue.message }));
    return { error: new InvalidInput([...unstorable, ...invalid.filter((error) => !named.has(error.field))]) };
  };
};
