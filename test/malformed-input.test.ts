import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './support/api.ts';
import { seedBasics } from './support/fixtures.ts';

/**
 * Every state-changing route, read from the OpenAPI document, answers malformed input with a 4xx problem+json —
 * never a 5xx — and writes nothing: wrong types, missing fields, unknown enum values, a 1 MB string, invalid JSON.
 */
let api: TestApi;
let routes: { method: string; path: string; properties: Record<string, { enum?: unknown[]; type?: string }> }[];

beforeAll(async () => {
  api = await startTestApi();
  await seedBasics(api);
  const document = (await api.call('GET', '/openapi.json')).body;
  routes = Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => ['post', 'put', 'patch'].includes(method))
      .filter(([, operation]) => operation.requestBody !== undefined)
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        // Any id: a malformed body must be refused before the id is even looked up.
        path: path.replace(/\{[^}]+\}/g, '01a20000-0000-7000-8000-000000000000'),
        properties: operation.requestBody.content?.['application/json']?.schema?.properties ?? {},
      })),
  );
});
afterAll(() => api?.close());

async function rowCounts(): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'aisle_migrations%'`.execute(api.database.db);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(api.database.db);
    counts[name] = rows[0]!.n;
  }
  return counts;
}

function malformedBodies(properties: Record<string, { enum?: unknown[]; type?: string }>): { name: string; raw: string }[] {
  const names = Object.keys(properties);
  const bodies = [
    { name: 'invalid JSON', raw: '{"name": ' },
    { name: 'not an object', raw: '"just a string"' },
    { name: 'an array', raw: '[1, 2, 3]' },
    { name: 'wrong type for every field', raw: JSON.stringify(Object.fromEntries(names.map((name) => [name, properties[name]!.type === 'number' || properties[name]!.type === 'integer' ? 'many' : { nested: true }]))) },
    { name: 'a 1 MB string in every field', raw: JSON.stringify(Object.fromEntries(names.map((name) => [name, 'x'.repeat(1024 * 1024)]))) },
    { name: 'a 100 kB string in every field', raw: JSON.stringify(Object.fromEntries(names.map((name) => [name, 'x'.repeat(100 * 1024)]))) },
  ];
  const enums = names.filter((name) => Array.isArray(properties[name]!.enum));
  if (enums.length) bodies.push({ name: 'unknown enum values', raw: JSON.stringify(Object.fromEntries(enums.map((name) => [name, 'not-a-known-value']))) });
  if (names.length) bodies.push({ name: 'missing fields', raw: '{}' });
  return bodies;
}

describe('malformed input', () => {
  it('is refused with a 4xx problem on every state-changing route, and nothing is written', async () => {
    expect(routes.length).toBeGreaterThan(20);
    const before = await rowCounts();
    const failures: string[] = [];
    for (const route of routes) {
      for (const body of malformedBodies(route.properties)) {
        const response = await api.call(route.method, route.path, { rawBody: body.raw });
        const problem = response.headers.get('content-type')?.includes('application/problem+json');
        // An empty object is a valid PATCH (nothing to change), answered 404 for the unknown id: still no write.
        if (response.status < 400 || response.status >= 500 || !problem) failures.push(`${route.method} ${route.path} with ${body.name}: ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });

  it('names each invalid field', async () => {
    const response = await api.call('POST', '/v1/locations', { body: { code: 'X Y', type: 'moon', latitude: 'north' } });
    expect(response.status).toBe(400);
    const fields = response.body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['body.code', 'body.type', 'body.latitude', 'body.name', 'body.address']));
  });
});
