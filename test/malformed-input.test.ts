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
    {
      name: 'wrong type for every field',
      raw: JSON.stringify(
        Object.fromEntries(
          names.map((name) => [name, properties[name]!.type === 'number' || properties[name]!.type === 'integer' ? 'many' : { nested: true }]),
        ),
      ),
    },
    { name: 'a 1 MB string in every field', raw: JSON.stringify(Object.fromEntries(names.map((name) => [name, 'x'.repeat(1024 * 1024)]))) },
    { name: 'a 100 kB string in every field', raw: JSON.stringify(Object.fromEntries(names.map((name) => [name, 'x'.repeat(100 * 1024)]))) },
  ];
  // Valid JSON, but text no database stores: half a surrogate pair, a NUL.
  bodies.push({ name: 'a lone surrogate in every field', raw: `{${names.map((name) => `"${name}": "x\\ud800"`).join(', ')}}` });
  bodies.push({ name: 'a NUL in every field', raw: `{${names.map((name) => `"${name}": "x\\u0000"`).join(', ')}}` });
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

  it('answers URLs, query parameters and text the server cannot use with a problem naming the part at fault', async () => {
    const fieldsOf = async (method: string, path: string, body?: string) => {
      const response = await api.call(method, path, body === undefined ? {} : { rawBody: body });
      expect(response.headers.get('content-type'), `${method} ${path}`).toContain('application/problem+json');
      expect(response.status, `${method} ${path}`).toBe(400);
      return response.body.errors.map((error: { field: string }) => error.field);
    };
    expect(await fieldsOf('GET', '/v1/products/%')).toEqual(['path']);
    expect(await fieldsOf('GET', '/v1/products/%C0%AF')).toEqual(['path']);
    expect(await fieldsOf('GET', `/v1/orders/${'a'.repeat(101)}`)).toEqual(['path']);
    expect(await fieldsOf('GET', '/v1/orders/%00')).toEqual(['path.id']);
    expect(await fieldsOf('GET', '/v1/events?limit=many')).toEqual(['query.limit']);
    expect(await fieldsOf('GET', '/v1/customers?q=%00')).toEqual(['query.q']);
    const cursor = (text: string) => Buffer.from(text).toString('base64url');
    // Out of any range, and in range but past every transaction so far: neither was handed out.
    expect(await fieldsOf('GET', `/v1/events?after=${cursor('99999999999999999999999:1')}`)).toEqual(['query.after']);
    expect(await fieldsOf('GET', `/v1/events?after=${cursor(`${2n ** 62n}:1`)}`)).toEqual(['query.after']);
    const note = (text: string) => `{"firstName": "Ann", "lastName": "Lee", "emails": ["ann@example.com"], "note": "${text}"}`;
    expect(await fieldsOf('POST', '/v1/customers', note('caf\\udce9'))).toEqual(['body.note']);
    expect(await fieldsOf('POST', '/v1/customers', note('nul\\u0000'))).toEqual(['body.note']);
    // The cursor handed out at the end of the feed is good.
    const end = await api.call('GET', '/v1/events?limit=1000');
    expect((await api.call('GET', `/v1/events?after=${end.body.nextCursor}`)).status).toBe(200);
  });
});
