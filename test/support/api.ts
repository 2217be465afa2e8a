import type { AddressInfo } from 'node:net';
import { buildApp, type AppOptions } from '../../src/app.ts';
import type { AisleApp } from '../../src/platform/http/types.ts';
import type { Policies } from '../../src/policies.ts';
import { startWorkers, type WorkerSwitches } from '../../src/workers.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { testPolicies } from './policies.ts';

export const ADMIN_KEY = 'test-admin-key-0123456789';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  body?: unknown;
  /** Raw request text, sent as is (malformed JSON tests). */
  rawBody?: string;
  /** API key; the admin key by default, `null` for none. */
  token?: string | null;
  cookie?: string;
  headers?: Record<string, string>;
}

export interface TestApi {
  app: AisleApp;
  database: TestDatabase;
  baseUrl: string;
  call<T = any>(method: string, path: string, options?: CallOptions): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

export interface TestApiOptions extends Omit<AppOptions, 'database' | 'policies'> {
  /** In place of the test policies' fields (test/support/policies.ts). */
  policies?: Partial<Policies>;
  /** Background work this server does, started as `aisle serve` starts it (src/workers.ts); none by default. */
  workers?: WorkerSwitches;
}

/** A real Aisle server on a free loopback port, on a database of its own; talk to it over real HTTP. */
export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const { policies: overrides, workers, ...appOptions } = options;
  const database = await createTestDatabase();
  const policies = testPolicies(overrides);
  const app = await buildApp({ adminApiKey: ADMIN_KEY, ...appOptions, database, policies });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const stopWorkers = workers ? startWorkers(database, policies, workers, app.log) : async () => {};
  const { port } = app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  async function call<T>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token === undefined ? ADMIN_KEY : options.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (options.cookie) headers.cookie = options.cookie;
    let payload: string | undefined;
    if (options.rawBody !== undefined) payload = options.rawBody;
    else if (options.body !== undefined) payload = JSON.stringify(options.body);
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(baseUrl + path, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    const body = type.includes('json') && text ? JSON.parse(text) : text;
    return { status: response.status, headers: response.headers, body: body as T };
  }

  return {
    app,
    database,
    baseUrl,
    call,
    close: async () => {
      await app.close();
      await stopWorkers();
      await database.close();
    },
  };
}
