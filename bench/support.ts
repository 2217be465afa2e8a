import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { sql } from 'kysely';
import { openPGlite, type Database } from '../src/platform/db/database.ts';
import { postgresSchema } from '../test/support/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';

/** A numeric `--name value` option of the benchmark's command line, or the fallback. */
export function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

export const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchDatabase extends Database {
  schema?: string;
  url?: string;
  drop(): Promise<void>;
}

/** A fresh PostgreSQL schema (dropped by `drop`) or a PGlite database in a temporary folder. */
export async function benchDatabase(kind: 'postgres' | 'pglite', poolSize = 16): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    const dir = `/tmp/aisle-bench-${randomBytes(4).toString('hex')}`;
    const database = await openPGlite(dir);
    await migrateToLatest(database.db);
    const { rm } = await import('node:fs/promises');
    return {
      ...database,
      drop: async () => {
        await database.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const database = await postgresSchema(POSTGRES_URL, { prefix: 'aisle_bench', poolSize });
  return { ...database, schema: database.schema!, url: database.url!, drop: database.close };
}

/** Bulk-loads `variants` variants and `locations` locations (set-based SQL; bench data only). */
export async function loadCatalog(database: Database, variants: number, locations: number): Promise<{ variantIds: string[]; locationIds: string[] }> {
  const db = database.db;
  await sql`insert into tax_classes (code, name, rate_basis_points) values ('standard', 'VAT', 2000) on conflict do nothing`.execute(db);
  await sql`
    insert into products (id, title, tax_class)
    select (lpad(to_hex(g), 8, '0') || '-0000-7000-8000-000000000000')::uuid, 'Bench product ' || g, 'standard'
    from generate_series(1, ${Math.ceil(variants / 5)}::int) g`.execute(db);
  await sql`
    insert into variants (id, product_id, sku, title, options)
    select (lpad(to_hex(g), 8, '0') || '-0000-7000-8000-000000000001')::uuid,
           (lpad(to_hex((g - 1) / 5 + 1), 8, '0') || '-0000-7000-8000-000000000000')::uuid,
           'SKU-' || g, 'Variant ' || g, '{}'
    from generate_series(1, ${variants}::int) g`.execute(db);
  await sql`
    insert into locations (id, code, name, type, address, latitude, longitude, capabilities)
    select (lpad(to_hex(g), 8, '0') || '-0000-7000-8000-000000000002')::uuid, 'LOC-' || g, 'Location ' || g,
           case when g = 1 then 'warehouse' else 'store' end,
           '{"line1":"1 rue","postalCode":"69001","city":"Lyon","country":"FR"}',
           45.7 + (g % 100) / 1000.0, 4.8 + (g / 100) / 1000.0, '{click_and_collect}'
    from generate_series(1, ${locations}::int) g`.execute(db);
  const variantIds = (await db.selectFrom('variants').select('id').orderBy('sku').execute()).map((row) => row.id);
  const locationIds = (await db.selectFrom('locations').select('id').orderBy('code').execute()).map((row) => row.id);
  return { variantIds, locationIds };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/** The median of each numeric figure across runs of the same shape (nested objects alike). */
export function medianOfEach<T>(runs: T[]): T {
  const first = runs[0] as unknown;
  if (typeof first === 'number') return median(runs as number[]) as T;
  if (first === null || typeof first !== 'object') return first as T;
  return Object.fromEntries(Object.keys(first).map((key) => [key, medianOfEach(runs.map((run) => (run as Record<string, unknown>)[key]))])) as T;
}

/**
 * An open-loop load at a steady rate: request i is due at start + i / rate, whatever the answers before it, and its
 * latency runs from when it was due (so a generator or server falling behind shows in the figures). Requests go
 * round-robin to `urls` over keep-alive connections, as many as are in flight. autocannon's `overallRate` cannot do
 * this: each connection sends its share of a second back to back and then waits for the next second, so a "500/s"
 * run is bursts of every connection at once. `sentLate` says how late the generator itself sent requests (it shares
 * the machine): part of every latency, and not the servers' doing.
 */
export async function steadyLoad(options: { urls: string[]; path: string; headers: Record<string, string>; bodies: string[]; rate: number; seconds: number }) {
  const total = Math.round(options.rate * options.seconds);
  const latencies: number[] = [];
  const late: number[] = [];
  let failed = 0;
  let sent = 0;
  let answered = 0;
  const clients = options.urls.map((url) => keepAliveClient(url, options.path, options.headers, options.bodies));
  let done = () => {};
  const finished = new Promise<void>((resolve) => (done = resolve));
  if (!total) done();
  const start = performance.now();
  const send = (index: number, due: number) => {
    late.push(performance.now() - due);
    clients[index % clients.length]!.send(index % options.bodies.length, (ok) => {
      if (ok) latencies.push(performance.now() - due);
      else failed++;
      if (++answered === total) done();
    });
  };
  const tick = () => {
    const due = Math.min(total, Math.floor(((performance.now() - start) * options.rate) / 1000) + 1);
    while (sent < due) send(sent, start + (sent++ * 1000) / options.rate);
    // Wake up when the next request is due, not every millisecond.
    if (sent < total) setTimeout(tick, Math.max(0, start + (sent * 1000) / options.rate - performance.now()));
  };
  tick();
  await finished;
  const elapsed = (performance.now() - start) / 1000;
  for (const client of clients) client.close();
  latencies.sort((a, b) => a - b);
  const ms = (p: number) => +percentile(latencies, p).toFixed(1);
  late.sort((a, b) => a - b);
  return {
    requested: options.rate,
    ordersPerSecond: Math.round(latencies.length / elapsed),
    failed,
    p50: ms(50),
    p90: ms(90),
    p99: ms(99),
    max: ms(100),
    sentLate: { p50: +percentile(late, 50).toFixed(1), p99: +percentile(late, 99).toFixed(1), max: +percentile(late, 100).toFixed(1) },
  };
}

/**
 * The steady load's HTTP/1.1 client: each request's bytes made once, keep-alive sockets (a new one whenever all are
 * busy), and of each answer only the status and the length read. node:http's client (and undici's) cost the load
 * generator about a third of a millisecond of CPU per request, on the machine it measures.
 */
function keepAliveClient(url: string, path: string, headers: Record<string, string>, bodies: string[]) {
  const { hostname, port } = new URL(url);
  const head = Object.entries({ host: `${hostname}:${port}`, connection: 'keep-alive', ...headers })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  const requests = bodies.map((body) => Buffer.from(`POST ${path} HTTP/1.1\r\n${head}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`));
  const idle: net.Socket[] = [];
  const all = new Set<net.Socket>();
  const open = () => {
    const socket = net.connect(Number(port), hostname);
    socket.setNoDelay(true);
    all.add(socket);
    let received: Buffer = Buffer.alloc(0);
    let answer: ((ok: boolean) => void) | undefined;
    const finish = (ok: boolean) => {
      const told = answer;
      answer = undefined;
      received = Buffer.alloc(0);
      told?.(ok);
    };
    socket.on('data', (chunk: Buffer) => {
      received = received.length ? Buffer.concat([received, chunk]) : chunk;
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = /\r\ncontent-length: *(\d+)/i.exec(received.subarray(0, end).toString('latin1'));
      if (!length) throw new Error('the load generator reads answers with a Content-Length only');
      if (received.length < end + 4 + Number(length[1])) return;
      const status = Number(received.subarray(9, 12).toString('latin1'));
      idle.push(socket);
      finish(status >= 200 && status < 300);
    });
    socket.on('error', () => finish(false));
    socket.on('close', () => {
      all.delete(socket);
      const at = idle.indexOf(socket);
      if (at >= 0) idle.splice(at, 1);
      finish(false);
    });
    return Object.assign(socket, { ask: (body: number, then: (ok: boolean) => void) => ((answer = then), socket.write(requests[body]!)) });
  };
  return {
    send: (body: number, then: (ok: boolean) => void) => ((idle.pop() as ReturnType<typeof open> | undefined) ?? open()).ask(body, then),
    close: () => {
      for (const socket of all) socket.destroy();
    },
  };
}

/**
 * CPU seconds used so far by groups of processes (Linux /proc): the servers by pid, PostgreSQL as every `postgres`
 * process on the machine, and this process. Read before and after a run to see where an order's CPU goes.
 */
export async function cpuSeconds(serverPids: number[]): Promise<{ servers: number; postgres: number; loadGenerator: number }> {
  const { readdir, readFile } = await import('node:fs/promises');
  // utime + stime, and for PostgreSQL also cutime + cstime: the postmaster's share of its children that have exited
  // (backends of closed connections), which would otherwise drop out of the sum during a run.
  const ticks = async (pid: number | string, exitedChildren = false) => {
    try {
      const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12]) + (exitedChildren ? Number(fields[13]) + Number(fields[14]) : 0)) / 100;
    } catch {
      return 0;
    }
  };
  let postgres = 0;
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const comm = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '');
    if (comm.trim() === 'postgres') postgres += await ticks(pid, true);
  }
  const servers = (await Promise.all(serverPids.map((pid) => ticks(pid)))).reduce((sum, value) => sum + value, 0);
  const own = process.cpuUsage();
  return { servers, postgres, loadGenerator: (own.user + own.system) / 1e6 };
}
