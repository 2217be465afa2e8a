import { execFile } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { validate } from '@readme/openapi-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { clientTypes } from '../src/platform/http/openapi-client.ts';
import { ADMIN_KEY, startTestApi, type TestApi } from './support/api.ts';
import { testPolicies } from './support/policies.ts';

/**
 * The OpenAPI document is what client generators and the web apps build on: it must be valid OpenAPI 3.1, complete
 * (names, summaries, problems, examples) and turn into a typed client that compiles and talks to the server.
 */
let api: TestApi;
let document: any;
let operations: { route: string; method: string; operation: any }[];

beforeAll(async () => {
  api = await startTestApi();
  document = (await api.call('GET', '/openapi.json', { token: null })).body;
  operations = Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([route, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ route, method, operation })),
  );
});
afterAll(() => api?.close());

const resolve = (ref: string) =>
  ref
    .slice(2)
    .split('/')
    .reduce<any>((node, key) => node?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], document);

function refsIn(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) refsIn(item, found);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else refsIn(value, found);
    }
  }
  return found;
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 and every $ref resolves to a component', async () => {
    // The validator dereferences in place: it gets a copy.
    const result = await validate(structuredClone(document));
    expect(result.valid ? [] : result.errors.map((error) => error.message)).toEqual([]);
    expect(Object.keys(document.components.schemas).length).toBeGreaterThan(25);
    const refs = [...new Set(refsIn(document))];
    expect(refs.length).toBeGreaterThan(25);
    expect(refs.filter((ref) => !ref.startsWith('#/components/schemas/') || resolve(ref) === undefined)).toEqual([]);
  });

  it('names and summarises every operation once, with its problems as application/problem+json, and leaves out the hidden routes', () => {
    expect(operations.length).toBeGreaterThan(80);
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids.filter((id) => typeof id !== 'string' || !/^[a-z][A-Za-z]+$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['placeOrder', 'listCustomers', 'getReservation', 'deductReservation']));
    for (const { route, method, operation } of operations) {
      expect(operation.summary, `${method} ${route} summary`).toBeTruthy();
      const problems = Object.keys(operation.responses).filter((status) => /^4\d\d$/.test(status));
      expect(problems.length, `${method} ${route} 4xx`).toBeGreaterThan(0);
      for (const status of problems)
        expect(Object.keys(operation.responses[status].content), `${method} ${route} ${status}`).toEqual(['application/problem+json']);
    }
    expect(document.paths['/v1/orders'].post.responses['503']?.content).toEqual({
      'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
    });
    expect(Object.keys(document.paths).filter((route) => !route.startsWith('/v1/'))).toEqual([]);
  });

  it('has an example for every request body, valid against its schema', () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    const toDefs = (schema: unknown) => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', '"aisle#/$defs/'));
    // Component refs are read from the document itself, the refs between components too (a routing rule's filters).
    ajv.addSchema({ $id: 'aisle', $defs: toDefs(document.components.schemas) });
    const bodies = operations.filter(({ operation }) => operation.requestBody?.content['application/json']);
    expect(bodies.length).toBeGreaterThan(40);
    const failures: string[] = [];
    for (const { route, method, operation } of bodies) {
      const media = operation.requestBody.content['application/json'];
      const examples = Object.values<{ value: unknown }>(media.examples ?? {}).map((example) => example.value);
      if (examples.length === 0) failures.push(`${method} ${route}: no example`);
      const check = ajv.compile(toDefs(media.schema));
      for (const example of examples) if (!check(example)) failures.push(`${method} ${route}: ${ajv.errorsText(check.errors)}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses to start an API route without an operationId, or with one already taken', async () => {
    const routeWith = async (schema: { operationId?: string; summary: string }) => {
      const app = await buildApp({ database: api.database, policies: testPolicies(), adminApiKey: ADMIN_KEY });
      app.register(
        async (v1) => {
          v1.get('/extra', { config: { access: 'public' }, schema }, async () => ({}));
        },
        { prefix: '/v1' },
      );
      try {
        await app.ready();
        return 'started';
      } catch (error) {
        return (error as Error).message;
      } finally {
        await app.close().catch(() => undefined);
      }
    };
    expect(await routeWith({ summary: 'Extra' })).toMatch(/GET \/v1\/extra has no operationId/);
    expect(await routeWith({ operationId: 'placeOrder', summary: 'Extra' })).toMatch(/operationId placeOrder is taken/);
    expect(await routeWith({ operationId: 'getExtra', summary: 'Extra' })).toBe('started');
  });
});

describe('the typed client generated from it', () => {
  it('compiles against openapi-fetch, refuses a wrong body at compile time, and creates and reads a location', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'aisle-client-'));
    try {
      await writeFile(path.join(folder, 'aisle-api.ts'), await clientTypes(document));
      await symlink(path.resolve(import.meta.dirname, '../node_modules'), path.join(folder, 'node_modules'), 'dir');
      await writeFile(
        path.join(folder, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            target: 'es2024',
            module: 'nodenext',
            moduleResolution: 'nodenext',
            strict: true,
            noEmit: true,
            allowImportingTsExtensions: true,
            skipLibCheck: true,
            lib: ['es2024', 'dom'],
            types: [],
          },
          files: ['client.ts'],
        }),
      );
      await writeFile(path.join(folder, 'client.ts'), CLIENT);
      const tsc = path.resolve(import.meta.dirname, '../node_modules/.bin/tsc');
      const compiled = await promisify(execFile)(tsc, ['-p', folder]).then(
        () => '',
        (error: { stdout: string }) => error.stdout,
      );
      expect(compiled).toBe('');

      const { exercise } = await import(path.join(folder, 'client.ts'));
      const result = await exercise(api.baseUrl, ADMIN_KEY);
      expect(result.created).toMatchObject({ code: 'OPENAPI-CLIENT', type: 'store', address: { city: 'Paris' } });
      expect(result.read).toEqual(result.created);
      expect(result.missing).toMatchObject({ status: 404, code: 'not-found' });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

/** A client program as a web app would write it, typed only by the generated file. */
const CLIENT = `
import createClient from 'openapi-fetch';
import type { components, paths } from './aisle-api.ts';

type Location = components['schemas']['Location'];
type Problem = components['schemas']['Problem'];

export async function exercise(baseUrl: string, apiKey: string) {
  const aisle = createClient<paths>({ baseUrl, headers: { authorization: \`Bearer \${apiKey}\` } });
  const address = { line1: '12 rue de Rivoli', postalCode: '75004', city: 'Paris', country: 'FR' };
  const posted = await aisle.POST('/v1/locations', {
    body: { code: 'OPENAPI-CLIENT', name: 'Client store', type: 'store', address, latitude: 48.8556, longitude: 2.3581 },
  });
  if (!posted.data) throw new Error(\`createLocation: \${posted.error?.detail}\`);
  const created: Location = posted.data;
  const got = await aisle.GET('/v1/locations/{id}', { params: { path: { id: created.id } } });
  const read: Location | undefined = got.data;
  const absent = await aisle.GET('/v1/locations/{id}', { params: { path: { id: '0196f3a1-2b4c-7d5e-8f60-000000000000' } } });
  const missing: Problem | undefined = absent.error;
  return { created, read, missing };
}

// Never called: the generated types must refuse these at compile time.
export function refused(aisle: ReturnType<typeof createClient<paths>>) {
  // @ts-expect-error a location type the API does not have
  void aisle.POST('/v1/locations', { body: { code: 'X', name: 'X', type: 'moon', address: { line1: 'x', postalCode: 'x', city: 'x', country: 'FR' }, latitude: 0, longitude: 0 } });
  // @ts-expect-error a path the API does not have
  void aisle.GET('/v1/nowhere');
  // @ts-expect-error placeOrder needs its payments
  void aisle.POST('/v1/orders', { body: { customer: { id: 'x' }, lines: [{ sku: 'X', quantity: 1 }], deliveryGroups: [{ method: 'ship_to_address' }] } });
}
`;
