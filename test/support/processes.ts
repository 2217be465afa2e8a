import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { TestDatabase } from './database.ts';
import { ADMIN_KEY, startTestApi, type TestApi } from './api.ts';
import { seedBasics, type Basics } from './fixtures.ts';

const CLI = path.resolve(import.meta.dirname, '../../bin/aisle.js');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** `aisle serve` as a separate OS process on the test's PostgreSQL schema, as production runs it. */
export async function startServerProcess(database: TestDatabase, env: Record<string, string> = {}): Promise<ServerProcess> {
  if (!database.url || !database.schema) throw new Error('server processes need PostgreSQL (TEST_DATABASE_URL)');
  const separator = database.url.includes('?') ? '&' : '?';
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: `${database.url}${separator}options=${encodeURIComponent(`-c search_path=${database.schema}`)}`,
      DATABASE_POOL_SIZE: '8',
      PORT: '0',
      HOST: '127.0.0.1',
      AISLE_DEMO: 'off',
      AISLE_ADMIN_API_KEY: ADMIN_KEY,
      LOG_LEVEL: 'warn',
      // No confirmations unless a test asks for them (with its SMTP_URL): they would go to ./data/outbox.
      AISLE_ORDER_EMAILS: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Aisle is serving (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * For a test file: a test API on PostgreSQL with the basics seeded, `prepare` (stock, prices…), then two `aisle serve`
 * processes on its schema; all stopped after the file. The fields are set once `beforeAll` has run.
 */
export function twoServerProcesses(prepare: (api: TestApi, basics: Basics) => Promise<void>) {
  const context = { servers: [] as ServerProcess[] } as { api: TestApi; basics: Basics; servers: ServerProcess[] };
  beforeAll(async () => {
    context.api = await startTestApi();
    context.basics = await seedBasics(context.api);
    await prepare(context.api, context.basics);
    context.servers = await Promise.all([startServerProcess(context.api.database), startServerProcess(context.api.database)]);
  });
  afterAll(async () => {
    await Promise.all(context.servers.map((server) => server.stop()));
    await context.api?.close();
  });
  return context;
}
