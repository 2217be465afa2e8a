import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './support/api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe('the server', () => {
  it('says it is up, and ready once the database is reachable and migrated', async () => {
    expect((await api.call('GET', '/health', { token: null })).body).toEqual({ status: 'up' });
    expect((await api.call('GET', '/ready', { token: null })).body).toEqual({ status: 'ready', database: api.database.kind });
  });

  it('documents every route in OpenAPI 3.1 with its request and response schemas, and serves the docs', async () => {
    const document = (await api.call('GET', '/openapi.json', { token: null })).body;
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([route, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ route, method, operation })),
    );
    expect(operations.length).toBeGreaterThan(80);
    const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
    // (`expect.objectContaining({})` would also match undefined.)
    const isSchema = (schema: unknown) => typeof schema === 'object' && schema !== null && Object.keys(schema).length > 0;
    for (const { route, method, operation } of operations) {
      // The swagger plugin invents a bare "200: Default Response" for a route without a response schema, so a success
      // status alone proves nothing: each must carry a JSON schema, or be a 204 that has no body to describe.
      const successes = Object.entries(operation.responses as Record<string, { content?: Record<string, { schema?: unknown }> }>).filter(([status]) =>
        status.startsWith('2'),
      );
      expect(successes.length, `${method} ${route} has a success response`).toBeGreaterThan(0);
      for (const [status, response] of successes) {
        if (status === '204') expect(response.content, `${method} ${route} 204 has no body`).toBeUndefined();
        // JSON, a document served as PDF (a purchase request's), or server-sent events, with the media type it is served as.
        else {
          const served = response.content?.['application/json'] ?? response.content?.['application/pdf'] ?? response.content?.['text/event-stream'];
          expect(served?.schema, `${method} ${route} ${status} schema`).toSatisfy(isSchema);
        }
      }
      expect(operation.responses['400']?.content, `${method} ${route} documents its problems`).toEqual(problem);
      if (operation.requestBody) expect(operation.requestBody.content['application/json']?.schema, `${method} ${route} body schema`).toSatisfy(isSchema);
    }
    // A stock feed's body is a stream (CSV or NDJSON) read row by row, described in the route's text, not a JSON schema.
    const creates = operations.filter(({ route, method, operation }) => method === 'post' && operation.responses['201'] && route !== '/v1/stock-feeds');
    expect(creates.filter(({ operation }) => !operation.requestBody).map(({ route }) => route)).toEqual([]);
    const docs = await fetch(`${api.baseUrl}/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });

  it('shows a person who opens it in a browser what it is and where to go', async () => {
    const home = await api.call('GET', '/', { token: null });
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toContain('text/html');
    for (const link of ['/docs', '/openapi.json', '/health', '/ready']) expect(home.body).toContain(`href="${link}"`);
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await api.call('GET', '/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('the aisle command', () => {
  it('migrates an empty embedded database and says so, then finds nothing left to do', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'aisle-cli-'));
    const cli = path.resolve(import.meta.dirname, '../bin/aisle.js');
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, [cli, ...args], { env: { ...process.env, AISLE_DATA_DIR: dataDir, DATABASE_URL: '' } });
    try {
      expect((await run(['migrate'])).stdout).toMatch(/Applied 0001_foundation, 0002_inventory/);
      expect((await run(['migrate'])).stdout).toContain('The database is up to date.');
      expect((await run(['--help'])).stdout).toContain('seed --demo');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
