import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { DEMO_LOGIN, seedDemo } from '../src/demo/seed.ts';
import { createMailer } from '../src/modules/documents/mailer.ts';
import { changeStock } from '../src/modules/inventory/stock.ts';
import { orderEmails } from '../src/modules/orders/emails.ts';
import { placeOrders, prepareBatch, writeBatch, type OrderRequest, type PreparedOrder } from '../src/modules/orders/place/index.ts';
import { sellingSetupCache } from '../src/modules/orders/selling-setup.ts';
import { TEST_PROVIDERS } from '../src/modules/payments/providers.ts';
import { quote } from '../src/modules/pricing/service.ts';
import type { Principal } from '../src/platform/auth/principal.ts';
import { openPGlite, type Db } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { runConsumer } from '../src/platform/outbox.ts';
import { startSmtpInbox } from '../test/support/mail.ts';
import { startServerProcess, type ServerProcess } from '../test/support/processes.ts';
import { benchDatabase, cpuSeconds, medianOfEach, option, steadyLoad } from './support.ts';

/**
 * Orders over HTTP (issue 4): 3-line web orders with reservation, pricing, a test-card authorisation and an outbox
 * event, against 2 `aisle serve` processes on PostgreSQL (and 1 on PGlite). Prints throughput at saturation and
 * latency at a steady 500 orders/s (`--rate`). Every run ends with an oversell and ledger check. The confirmation email (invoice
 * PDF, ~30 ms of CPU each) is off: it is not part of the order's request, and belongs in a worker of its own.
 * Usage: npm run bench -- orders [spread|hot|pglite|batches|confirmations [--smtp-connection-each]] [--seconds 10] [--connections 32] [--rate 500] [--steady-only] [--history 20000] [--runs 3]
 *        npm run bench -- orders remote --servers http://host-a:3000,http://host-b:3000 [--rate 500] [--seconds 10] [--runs 3]
 */
const args = process.argv.slice(2);
const SECONDS = option('seconds', 10);
const CONNECTIONS = option('connections', 32);
/** How many times each case runs; the report gives the median of each figure. */
const RUNS = option('runs', 1);
/** Orders placed before the run. */
const HISTORY = { postgres: option('history', 20_000), pglite: option('history', 5_000) };
/** The steady rate of the latency run, orders per second over both processes. */
const RATE = option('rate', 500);
/** Only the steady run (PostgreSQL cases): to compare latencies at several rates. */
const STEADY_ONLY = args.includes('--steady-only');
const headers = { authorization: `Bearer ${process.env.BENCH_API_KEY ?? DEMO_LOGIN.adminApiKey}`, 'content-type': 'application/json' };

async function call(url: string, method: string, route: string, body?: unknown) {
  const response = await fetch(url + route, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
  const json = (await response.json()) as any;
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/**
 * Web orders of three lines shipped from the warehouse, paid by test card. `hot`: every buyer wants the same three
 * SKUs (the Black Friday case: one row lock queue); `spread`: three of the catalog's SKUs at random.
 */
async function orderBodies(url: string, spread: boolean) {
  const channel = (await call(url, 'GET', '/v1/channels?type=web')).items[0].id;
  const skus: string[] = (await call(url, 'GET', '/v1/variants?limit=200')).items.map((variant: { sku: string }) => variant.sku);
  const bodies: string[] = [];
  for (let index = 0; index < (spread ? 60 : 1); index++) {
    const lines = [0, 1, 2].map((offset) => ({ sku: skus[(index * 3 + offset) % skus.length]!, quantity: 1 }));
    const quote = await call(url, 'POST', '/v1/quotes', { channelId: channel, lines, deliveryGroups: [{ method: 'ship_to_address', lineIndexes: [0, 1, 2] }] });
    bodies.push(
      JSON.stringify({
        channelId: channel,
        customer: { firstName: 'Bench', lastName: 'Buyer', email: `bench.buyer.${index}@example.com` },
        lines,
        deliveryGroups: [{ method: 'ship_to_address', address: { line1: '1 place Bellecour', postalCode: '69002', city: 'Lyon', country: 'FR' } }],
        payments: [{ method: 'card_online', amount: quote.totals.total, card: { number: '4242424242424242', expMonth: 12, expYear: 2099, cvc: '123' } }],
      }),
    );
  }
  return { skus, bodies };
}

/**
 * A shop with a past: orders placed before the run (in-process, through the same code), then ANALYZE and CHECKPOINT. On
 * empty tables the planner picks sequential scans for the foreign-key checks, caches those plans for the life of each
 * connection, and every check then reads the whole, growing table: a benchmark artefact, not how a shop runs. And
 * loading the past writes ~300 MB of WAL and dirties most of PostgreSQL's buffers: without the checkpoint, the run
 * measured next pays for writing them out (a checkpoint that its WAL volume starts, backends writing dirty buffers
 * to free them, WAL flushes queued behind that writeback), and both servers' writes stalled together for 70–140 ms
 * once or twice a run. A checkpoint that comes on its own during a run (every 5 minutes, or after ~1 GB of WAL)
 * is still measured.
 */
async function shopWithHistory(db: Db, spread: boolean, orders: number) {
  await seedDemo(db, { onlyIfEmpty: false });
  const warehouse = await db.selectFrom('locations').select('id').where('type', '=', 'warehouse').executeTakeFirstOrThrow();
  const variants = await db.selectFrom('variants').select('id').orderBy('id').execute();
  await db.transaction().execute((trx) =>
    changeStock(
      trx,
      variants.map((variant) => ({ variantId: variant.id, locationId: warehouse.id, kind: 'receipt' as const, quantity: 1_000_000, onHand: 1_000_000 })),
      'bench',
    ),
  );
  await placeHistory(db, spread, orders);
  await sql`analyze`.execute(db);
  // Needs a superuser or pg_checkpoint (PostgreSQL 15+); PGlite accepts it too.
  await sql`checkpoint`
    .execute(db)
    .catch((error: unknown) => console.warn(`no checkpoint after loading the past (${String(error)}): the run may pay for writing it out`));
}

/** Web orders of three lines shipped from the warehouse, paid by test card, as the service layer takes them. */
async function webOrders(db: Db, spread: boolean) {
  const channel = await db.selectFrom('channels').select('id').where('type', '=', 'web').orderBy('code').executeTakeFirstOrThrow();
  const skus = (await db.selectFrom('variants').select('sku').orderBy('sku').limit(200).execute()).map((row) => row.sku);
  const principal: Principal = { role: 'admin', locationId: null, channelId: null, userId: null, apiKeyId: null, actor: 'bench-history' };
  const card = { number: '4242424242424242', expMonth: 12, expYear: 2099, cvc: '123' };
  const address = { line1: '1 place Bellecour', postalCode: '69002', city: 'Lyon', country: 'FR' };
  const totals = new Map<number, number>();
  let placed = 0;
  return (count: number): Promise<OrderRequest[]> =>
    Promise.all(
      Array.from({ length: count }, async () => {
        const number = placed++;
        const shape = spread ? number % 67 : 0;
        const lines = [0, 1, 2].map((offset) => ({ sku: skus[(shape * 3 + offset) % skus.length]!, quantity: 1, deliveryGroup: 0 }));
        if (!totals.has(shape)) {
          const priced = await quote(db, { channelId: channel.id, lines, deliveryGroups: [{ method: 'ship_to_address', lineIndexes: [0, 1, 2] }] }, new Date());
          totals.set(shape, priced.totals.total);
        }
        return {
          principal,
          input: {
            channelId: channel.id,
            customer: { firstName: 'Past', lastName: 'Buyer', email: `past.buyer.${number}@example.com` },
            lines,
            deliveryGroups: [{ method: 'ship_to_address' as const, address }],
            payments: [{ method: 'card_online' as const, amount: totals.get(shape)!, card }],
          },
        };
      }),
    );
}

async function placeHistory(db: Db, spread: boolean, orders: number) {
  const next = await webOrders(db, spread);
  for (let batch = 0; batch < orders / 200; batch++) {
    const failed = (await placeOrders(db, await next(200), TEST_PROVIDERS)).filter((outcome) => 'error' in outcome);
    if (failed.length) throw new Error(`history: ${failed.length} orders failed: ${String((failed[0] as { error: unknown }).error)}`);
  }
}

/**
 * What a batch costs and what an order in it costs, without HTTP and with nothing else running: batches of 1, 4 and 16
 * orders placed in-process as the order desk places them (one set-up kept), one after the other. Prints the CPU time
 * per order of this process and of PostgreSQL.
 */
async function batchesRun() {
  const database = await benchDatabase('postgres', 4);
  try {
    await shopWithHistory(database.db, true, 5_000);
    const next = await webOrders(database.db, true);
    const setups = sellingSetupCache(database.db);
    const report: Record<string, { server: number; postgres: number; wall: number }> = {};
    for (const size of [1, 4, 16]) {
      const batches = [];
      for (let count = 0; count < 2_000; count += size) batches.push(await next(size));
      const before = await cpuSeconds([]);
      const started = performance.now();
      for (const batch of batches) {
        const steps = await prepareBatch(database.db, batch, TEST_PROVIDERS, new Date(), setups);
        await writeBatch(
          database.db,
          steps.filter((step): step is PreparedOrder => 'tenders' in step),
          TEST_PROVIDERS,
          new Date(),
        );
      }
      const after = await cpuSeconds([]);
      const perOrder = (seconds: number) => +((1000 * seconds) / (batches.length * size)).toFixed(2);
      report[`batchesOf${size}`] = {
        server: perOrder(after.loadGenerator - before.loadGenerator),
        postgres: perOrder(after.postgres - before.postgres),
        wall: perOrder((performance.now() - started) / 1000),
      };
    }
    return report;
  } finally {
    await database.drop();
  }
}

/** The order desks' batch counts, sizes and seconds so far, summed over the servers (their GET /metrics). */
async function deskTotals(urls: string[]): Promise<Record<string, { count: number; size: number; seconds: number }>> {
  const totals: Record<string, { count: number; size: number; seconds: number }> = {};
  for (const url of urls) {
    const text = await (await fetch(`${url}/metrics`, { headers })).text();
    for (const [, metric, desk, value] of text.matchAll(/^aisle_desk_batch_(size_count|size_sum|seconds_sum)\{desk="([^"]+)"\} (\S+)$/gm)) {
      const entry = (totals[desk!] ??= { count: 0, size: 0, seconds: 0 });
      entry[metric === 'size_count' ? 'count' : metric === 'size_sum' ? 'size' : 'seconds'] += Number(value);
    }
    // The servers' own durations of POST /v1/orders, per histogram bucket, as `answered:<le>` (cumulative counts).
    for (const [, labels, value] of text.matchAll(/^aisle_http_request_seconds_bucket\{([^}]*)\} (\S+)$/gm)) {
      if (!labels!.includes('route="/v1/orders"') || !labels!.includes('method="POST"')) continue;
      (totals[`answered:${/le="([^"]+)"/.exec(labels!)![1]}`] ??= { count: 0, size: 0, seconds: 0 }).count += Number(value);
    }
    // Batches of orders written in one statement or in a transaction, as `written:<how>`.
    for (const [, how, value] of text.matchAll(/^aisle_order_batch_writes_total\{how="([^"]+)"\} (\S+)$/gm)) {
      (totals[`written:${how}`] ??= { count: 0, size: 0, seconds: 0 }).count += Number(value);
    }
  }
  return totals;
}

function load(url: string, bodies: string[], options: { connections: number; seconds: number }) {
  let next = 0;
  return autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    requests: [{ method: 'POST', path: '/v1/orders', headers, setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length]! }) }],
  });
}

function summary(results: autocannon.Result[]) {
  const ok = results.reduce((sum, r) => sum + r['2xx'], 0);
  const bad = results.reduce((sum, r) => sum + r.non2xx + r.errors, 0);
  const seconds = Math.max(...results.map((r) => r.duration));
  return {
    ordersPerSecond: Math.round(ok / seconds),
    failed: bad,
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
  };
}

/**
 * The steady run against servers already answering at `urls`: an unmeasured warm-up, then the generator's figures,
 * the servers' own (from their `/metrics`) and, when the servers run on this machine (`serverPids`), the CPU per order
 * of each part.
 */
async function steadyRun(urls: string[], bodies: string[], serverPids?: number[]) {
  // Two seconds at the steady rate first, not measured: the run measures the steady state, not the change of pace
  // after a burst (in one 20-second run, p99 over all of it was 100 ms, 87 ms from the third second on).
  await steadyLoad({ urls, path: '/v1/orders', headers, bodies, rate: RATE, seconds: 2 });
  const before = serverPids && (await cpuSeconds(serverPids));
  const desksBefore = await deskTotals(urls);
  const steady = await steadyLoad({ urls, path: '/v1/orders', headers, bodies, rate: RATE, seconds: SECONDS });
  const desksAfter = await deskTotals(urls);
  const after = serverPids && (await cpuSeconds(serverPids));
  // The order desk's batches.
  const delta = (figure: 'count' | 'size' | 'seconds') => desksAfter.orders![figure] - desksBefore.orders![figure];
  const written = (how: string) => (desksAfter[`written:${how}`]?.count ?? 0) - (desksBefore[`written:${how}`]?.count ?? 0);
  const batches = {
    perSecond: Math.round(delta('count') / SECONDS),
    ordersPerBatch: +(delta('size') / delta('count')).toFixed(2),
    msPerBatch: +((1000 * delta('seconds')) / delta('count')).toFixed(1),
    inOneStatement: +(written('one_statement') / (written('one_statement') + written('transaction'))).toFixed(3),
  };
  // The servers' own p50 and p99 (from the request read to the answer sent), as the histogram bucket they fall in.
  const answered = Object.keys(desksAfter)
    .filter((key) => key.startsWith('answered:'))
    .map((key) => ({ le: key.slice(9), count: desksAfter[key]!.count - (desksBefore[key]?.count ?? 0) }));
  const total = answered.find((bucket) => bucket.le === '+Inf')?.count ?? 0;
  const bucketOf = (p: number) => answered.find((bucket) => bucket.count >= (total * p) / 100)?.le;
  const inServers = { p50AtMostMs: 1000 * Number(bucketOf(50)), p99AtMostMs: 1000 * Number(bucketOf(99)) };
  const perOrder = (part: 'postgres' | 'servers' | 'loadGenerator') =>
    +((1000 * (after![part] - before![part])) / (steady.ordersPerSecond * SECONDS)).toFixed(2);
  const cpuMsPerOrder = before && { postgres: perOrder('postgres'), servers: perOrder('servers'), loadGenerator: perOrder('loadGenerator') };
  return { ...steady, inServers, ...(cpuMsPerOrder ? { cpuMsPerOrder } : {}), batches };
}

/**
 * `orders remote --servers URL,URL`: the steady run against Aisle servers running elsewhere, so that the load
 * generator has a machine of its own. They need the demo shop (or `BENCH_API_KEY`, an admin key of theirs); the run
 * first receives enough stock for itself in their warehouse, through the API. No CPU figures and no ledger check:
 * those need the servers' machine and database.
 */
async function remoteRun(urls: string[]) {
  const { skus, bodies } = await orderBodies(urls[0]!, true);
  const warehouse = (await call(urls[0]!, 'GET', '/v1/locations?type=warehouse')).items[0].id;
  await call(urls[0]!, 'POST', '/v1/inventory/receipts', { locationId: warehouse, lines: skus.map((sku) => ({ sku, quantity: RATE * (SECONDS + 2) })) });
  return { steady: await steadyRun(urls, bodies) };
}

async function postgresRun(spread: boolean) {
  const database = await benchDatabase('postgres', 4);
  await shopWithHistory(database.db, spread, HISTORY.postgres);
  const servers: ServerProcess[] = await Promise.all(
    [0, 1].map(() =>
      startServerProcess(
        { ...database, schema: database.schema!, url: database.url! },
        {
          DATABASE_POOL_SIZE: '16',
          AISLE_ADMIN_API_KEY: 'bench-admin-key-0123456789',
          AISLE_ORDER_EMAILS: 'off',
          NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS ?? '',
        },
      ),
    ),
  );
  try {
    const { bodies } = await orderBodies(servers[0]!.url, spread);
    await Promise.all(servers.map((server) => load(server.url, bodies, { connections: 8, seconds: 2 })));
    const saturated = STEADY_ONLY
      ? null
      : summary(await Promise.all(servers.map((server) => load(server.url, bodies, { connections: CONNECTIONS, seconds: SECONDS }))));
    const steady = await steadyRun(
      servers.map((server) => server.url),
      bodies,
      servers.map((server) => server.child.pid!),
    );
    const { rows } = await sql<{ bad: number }>`
      select count(*)::int as bad from stock_levels s
      left join (select variant_id, location_id, sum(on_hand_change)::int as on_hand, sum(reserved_change)::int as reserved from stock_movements group by 1, 2) m using (variant_id, location_id)
      where s.reserved > s.on_hand or s.on_hand <> coalesce(m.on_hand, 0) or s.reserved <> coalesce(m.reserved, 0)`.execute(database.db);
    const orders = (await sql<{ n: number }>`select count(*)::int as n from orders`.execute(database.db)).rows[0]!.n;
    return { saturated, steady, orders, ledgerMismatches: rows[0]!.bad };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await database.drop();
  }
}

async function pgliteRun() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'aisle-bench-orders-'));
  const database = await openPGlite(dataDir);
  await migrateToLatest(database.db);
  await shopWithHistory(database.db, true, HISTORY.pglite);
  await database.close();
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [path.resolve(import.meta.dirname, '../bin/aisle.js'), 'serve'], {
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'DATABASE_URL')),
      AISLE_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      AISLE_ORDER_EMAILS: 'off',
      NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS ?? '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Aisle is serving (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
  });
  try {
    const { bodies } = await orderBodies(url, true);
    await load(url, bodies, { connections: 8, seconds: 2 });
    return summary([await load(url, bodies, { connections: CONNECTIONS, seconds: SECONDS })]);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * Order confirmations (invoice PDF and email) sent from the outbox by one process, as `aisle serve` sends them, to an
 * SMTP server in this process: how many a second, and the CPU of this process (sender and SMTP server) per email.
 */
async function confirmationsRun() {
  const database = await benchDatabase('postgres', 4);
  const inbox = await startSmtpInbox();
  const mailer = createMailer({ smtpUrl: `${inbox.url}${args.includes('--smtp-connection-each') ? '?pool=false' : ''}`, from: 'Bench <orders@example.com>' });
  try {
    await shopWithHistory(database.db, true, 1_000);
    const { count } = await database.db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('email', 'is not', null)
      .executeTakeFirstOrThrow();
    const before = await cpuSeconds([]);
    const started = performance.now();
    const stop = runConsumer(
      database.db,
      orderEmails(database.db, mailer, { name: 'Bench', addressLines: ['1 place Bellecour', '69002 Lyon'], locale: 'fr-FR' }),
      {
        owner: 'bench',
        onFailure: (error) => console.error('confirmations:', error),
      },
    );
    while (inbox.messages.length < Number(count)) await new Promise((resolve) => setTimeout(resolve, 20));
    const seconds = (performance.now() - started) / 1000;
    const after = await cpuSeconds([]);
    await stop();
    return {
      emails: Number(count),
      perSecond: Math.round(Number(count) / seconds),
      cpuMsPerEmail: +((1000 * (after.loadGenerator - before.loadGenerator)) / Number(count)).toFixed(1),
      postgresCpuMsPerEmail: +((1000 * (after.postgres - before.postgres)) / Number(count)).toFixed(2),
    };
  } finally {
    mailer.close();
    await inbox.close();
    await database.drop();
  }
}

/** Runs a case `--runs` times (default 1): the median of every figure, and each run's figures. */
async function repeated<T>(run: () => Promise<T>): Promise<T | { median: T; runs: T[] }> {
  const runs: T[] = [];
  for (let index = 0; index < RUNS; index++) runs.push(await run());
  return RUNS === 1 ? runs[0]! : { median: medianOfEach(runs), runs };
}

const only = args.find((arg) => ['hot', 'spread', 'pglite', 'batches', 'confirmations', 'remote'].includes(arg));
const report: Record<string, unknown> = {};
if (!only || only === 'spread') report.postgres2ProcessesSpreadSkus = await repeated(() => postgresRun(true));
if (!only || only === 'hot') report.postgres2ProcessesSameThreeSkus = await repeated(() => postgresRun(false));
if (!only || only === 'pglite') report.pglite1Process = await repeated(pgliteRun);
if (!only || only === 'batches') report.inProcessCpuMsPerOrder = await repeated(batchesRun);
if (!only || only === 'confirmations') report.confirmationsFromOneProcess = await repeated(confirmationsRun);
if (only === 'remote') {
  const servers = args[args.indexOf('--servers') + 1];
  if (!args.includes('--servers') || !servers) throw new Error('orders remote needs --servers URL[,URL…]');
  report.remoteServers = await repeated(() => remoteRun(servers.split(',')));
}
console.log(JSON.stringify(report, null, 2));
