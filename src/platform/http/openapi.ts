/**
 * An example request body, shown by the OpenAPI document (`.meta(requestExample({...}))` on a body schema). Not zod's
 * `examples`: zod leaves them out of the input schema of a body that transforms (they would be of the output type), so the
 * example goes in @fastify/swagger's `x-examples`, which becomes the examples of the body's media type.
 */
export const requestExample = (value: Record<string, unknown>) => ({ 'x-examples': { example: { value } } });
