import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { availabilityOf } from '../src/modules/inventory/availability.ts';
import { changeStock } from '../src/modules/inventory/stock.ts';
import type { Database } from '../src/platform/db/database.ts';
import { benchDatabase, loadCatalog, median, option, percentile } from './support.ts';

/**
 * Inventory benchmarks (issue 3): reservations of one hot SKU and of 10,000 SKUs through the service layer from two
 * processes, the same on PGlite, and availability reads. Every reservation run ends with an oversell check.
 * Usage: npm run bench -- inventory [hot|spread|pglite|race|availability|import|import-pglite] [--runs 3] [--seconds 8]
 */
const run = promisify(execFile);
const args = process.argv.slice(2);
const RUNS = option('runs', 3);
const SECONDS = option('seconds', 8);
const WORKER = path.resolve(import.meta.dirname, 'reserve-worker.ts');

async function stockUp(database: Database, variantIds: string[], locationId: string, quantity: number) {
  for (let start = 0; start < variantIds.length; start += 2000) {
    await database.db.transaction().execute((trx) =>
      changeStock(
        trx,
        variantIds.slice(start, start + 2000).map((variantId) => ({ variantId, locationId, kind: 'receipt', quantity, onHand: quantity })),
        'bench',
      ),
    );
  }
  await sql`analyze`.execute(database.db);
}

async function oversold(database: Database): Promise<number> {
  const { rows } = await sql<{ bad: number }>`
    select count(*)::int as bad from stock_levels s
    left join (select variant_id, location_id, sum(on_hand_change)::int as on_hand, sum(reserved_change)::int as reserved from stock_movements group by 1, 2) m
      using (variant_id, location_id)
    where s.reserved > s.on_hand or s.on_hand <> coalesce(m.on_hand, 0) or s.reserved <> coalesce(m.reserved, 0)`.execute(database.db);
  return rows[0]!.bad;
}

/** A worker's configuration goes through a file: 10,000 ids are too long for a command line. */
async function configFile(config: unknown): Promise<string> {
  const { writeFile } = await import('node:fs/promises');
  const file = `/tmp/aisle-bench-worker-${process.pid}-${Math.random().toString(36).slice(2)}.json`;
  await writeFile(file, JSON.stringify(config));
  return file;
}

interface WorkerResult {
  granted: number;
  refused: number;
  failed: number;
  elapsed: number;
}

async function reservationRun(kind: 'postgres' | 'pglite', variants: number, processes: number, unitsEach: number) {
  const database = await benchDatabase(kind, 4);
  const { variantIds, locationIds } = await loadCatalog(database, variants, 2);
  const locationId = locationIds[0]!;
  await stockUp(database, variantIds, locationId, unitsEach);
  const config = {
    url: database.url,
    schema: database.schema,
    variantIds,
    locationId,
    seconds: SECONDS,
    inflight: 256,
    poolSize: 8,
    concurrency: 2,
  };
  let results: WorkerResult[];
  if (kind === 'pglite') {
    // PGlite is embedded in one process: the desk runs here, on the same database handle.
    const { reservationDesk } = await import('../src/modules/inventory/desk.ts');
    const desk = reservationDesk(database.db, { concurrency: 1 });
    let granted = 0,
      refused = 0,
      next = 0;
    const started = Date.now();
    const deadline = started + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: 256 }, async () => {
        while (Date.now() < deadline) {
          try {
            await desk.submit({ kind: 'order', actor: 'bench', lines: [{ variantId: variantIds[next++ % variantIds.length]!, locationId, quantity: 1 }] });
            granted++;
          } catch {
            refused++;
          }
        }
      }),
    );
    results = [{ granted, refused, failed: 0, elapsed: (Date.now() - started) / 1000 }];
  } else {
    results = await Promise.all(
      Array.from({ length: processes }, async () => {
        const { stdout } = await run(process.execPath, [WORKER, await configFile(config)], { maxBuffer: 1 << 20 });
        return JSON.parse(stdout.trim().split('\n').at(-1)!) as WorkerResult;
      }),
    );
  }
  const granted = results.reduce((sum, r) => sum + r.granted, 0);
  const elapsed = Math.max(...results.map((r) => r.elapsed));
  const { rows } = await sql<{
    reserved: number;
    on_hand: number;
  }>`select sum(reserved)::int as reserved, sum(on_hand)::int as on_hand from stock_levels`.execute(database.db);
  const check = {
    oversoldRows: await oversold(database),
    reservedMatchesGranted: rows[0]!.reserved === granted,
    failed: results.reduce((s, r) => s + r.failed, 0),
  };
  await database.drop();
  return { perSecond: Math.round(granted / elapsed), granted, ...check };
}

async function raceToZero(kind: 'postgres', units: number) {
  // 2 processes, far more requests than units: exactly `units` granted, none more.
  const database = await benchDatabase(kind, 4);
  const { variantIds, locationIds } = await loadCatalog(database, 1, 1);
  await stockUp(database, variantIds, locationIds[0]!, units);
  const config = {
    url: database.url,
    schema: database.schema,
    variantIds,
    locationId: locationIds[0]!,
    seconds: 3,
    inflight: 256,
    poolSize: 8,
    concurrency: 2,
  };
  const results = await Promise.all(
    [0, 1].map(async () => JSON.parse((await run(process.execPath, [WORKER, await configFile(config)])).stdout.trim().split('\n').at(-1)!) as WorkerResult),
  );
  const granted = results.reduce((sum, r) => sum + r.granted, 0);
  const refused = results.reduce((sum, r) => sum + r.refused, 0);
  const bad = await oversold(database);
  await database.drop();
  return { units, granted, refused, oversoldRows: bad };
}

/** CPU seconds a process has used (Linux /proc; NaN elsewhere). */
async function processSeconds(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/**
 * 2,000 answers one after the other: their p50 and p99 in ms, and the CPU ms per answer of this process and of the
 * PostgreSQL backend `pid` that answered (on a host shared with other work the latencies carry its load; the CPU
 * figures much less).
 */
async function answers(pid: number, ask: (index: number) => Promise<void>) {
  const latencies: number[] = [];
  const own = process.cpuUsage();
  const backend = await processSeconds(pid);
  for (let i = 0; i < 2000; i++) {
    const t = performance.now();
    await ask(i);
    latencies.push(performance.now() - t);
  }
  const used = process.cpuUsage(own);
  const backendUsed = (await processSeconds(pid)) - backend;
  latencies.sort((a, b) => a - b);
  return {
    p50: +percentile(latencies, 50).toFixed(2),
    p99: +percentile(latencies, 99).toFixed(2),
    cpuMsPerAnswer: { thisProcess: +((used.user + used.system) / 1000 / 2000).toFixed(2), postgres: +((1000 * backendUsed) / 2000).toFixed(2) },
  };
}

async function availabilityRun() {
  // One connection, so that the PostgreSQL backend answering is known and its CPU can be read.
  const database = await benchDatabase('postgres', 1);
  const started = Date.now();
  const { variantIds, locationIds } = await loadCatalog(database, 50_000, 1000);
  // 50,000 variants × the first 100 locations, and the first 100 variants at all 1,000 locations.
  await sql`
    insert into stock_levels (variant_id, location_id, on_hand, reserved)
    select v.id, l.id, (abs(hashtext(v.id::text || l.id::text)) % 20), 0
    from variants v cross join (select id from locations order by code limit 100) l`.execute(database.db);
  await sql`
    insert into stock_levels (variant_id, location_id, on_hand, reserved)
    select v.id, l.id, 5, 0
    from (select id from variants where substr(sku, 5)::int <= 100) v cross join (select id from locations order by code offset 100) l`.execute(database.db);
  // What autovacuum would have done by now (it is off on this server), and the checkpoint the load has caused: the
  // figures are of the steady state, not of the minutes after a bulk load.
  await sql`vacuum analyze stock_levels`.execute(database.db);
  await sql`checkpoint`.execute(database.db);
  const loadSeconds = (Date.now() - started) / 1000;
  const skus = (await database.db.selectFrom('variants').select('sku').execute()).map((row) => row.sku);
  const first100 = locationIds.slice(0, 100);
  const { rows: backend } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db);
  const cart = await answers(backend[0]!.pid, async () => {
    const lines = Array.from({ length: 20 }, () => skus[Math.floor(Math.random() * skus.length)]!);
    await availabilityOf(database.db, { skus: lines, locationIds: first100 });
  });
  const hot = skus.filter((sku) => Number(sku.slice(4)) <= 100);
  // Each hot SKU has a stock row at all 1,000 locations; the answer lists those with stock (nothing is reserved here).
  const { rows: stocked } = await sql<{ sku: string; locations: number }>`
    select v.sku, count(*)::int as locations from stock_levels s join variants v on v.id = s.variant_id
    where v.sku = any(${hot}::text[]) and s.on_hand > 0 group by v.sku`.execute(database.db);
  const withStock = new Map(stocked.map((row) => [row.sku, row.locations]));
  const single = await answers(backend[0]!.pid, async (i) => {
    const sku = hot[i % hot.length]!;
    const [answer] = await availabilityOf(database.db, { skus: [sku] });
    if (answer!.locations.length !== withStock.get(sku)) throw new Error(`expected ${withStock.get(sku)} locations, got ${answer!.locations.length}`);
  });
  await database.drop();
  void variantIds;
  return { loadSeconds, cart20x100: cart, sku1x1000: single };
}

/**
 * A full snapshot of 1,000,000 rows (100,000 SKUs × 10 locations) from a CSV file, streamed through the service the
 * CLI uses. Twice: the first load (every row changes on hand), then the next day's count where 5 % changed.
 */
async function importRun(kind: 'postgres' | 'pglite') {
  const { createReadStream } = await import('node:fs');
  const { writeFile, rm } = await import('node:fs/promises');
  const { csvRows, importStockFeed } = await import('../src/modules/inventory/feeds.ts');
  const database = await benchDatabase(kind, 4);
  await loadCatalog(database, 100_000, 10);
  await sql`analyze`.execute(database.db);
  const locations = (await database.db.selectFrom('locations').select('code').orderBy('code').execute()).map((row) => row.code);
  const file = `/tmp/aisle-bench-snapshot-${process.pid}.csv`;
  const write = async (day: number) => {
    const lines = ['sku,location,quantity'];
    for (let sku = 1; sku <= 100_000; sku++) {
      for (const [index, location] of locations.entries())
        lines.push(`SKU-${sku},${location},${(sku * 7 + index + (day && (sku + index) % 20 === 0 ? day : 0)) % 50}`);
    }
    await writeFile(file, `${lines.join('\n')}\n`);
  };
  const results: { rows: number; changed: number; seconds: number; peakRssMb: number }[] = [];
  for (const day of [0, 1]) {
    await write(day);
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
    const started = Date.now();
    const { result } = await importStockFeed(
      database.db,
      { feedId: `bench-day-${day}`, mode: 'snapshot', format: 'csv', actor: 'bench' },
      csvRows(createReadStream(file), { feedLocation: false }),
    );
    clearInterval(sampler);
    results.push({ rows: result.rows, changed: result.changed, seconds: (Date.now() - started) / 1000, peakRssMb: Math.round(peak / 1048576) });
    await sql`analyze`.execute(database.db);
  }
  await rm(file, { force: true });
  await database.drop();
  return results;
}

async function repeated<T extends { perSecond: number }>(label: string, runOnce: () => Promise<T>) {
  const results: T[] = [];
  for (let i = 0; i < RUNS; i++) {
    results.push(await runOnce());
    console.error(`  ${label} run ${i + 1}: ${JSON.stringify(results.at(-1))}`);
  }
  return { label, median: median(results.map((r) => r.perSecond)), runs: results };
}

const only = args.find((arg) => !arg.startsWith('--') && Number.isNaN(Number(arg)));
const report: unknown[] = [];
if (!only || only === 'hot') report.push(await repeated('hot SKU, PostgreSQL, 2 processes', () => reservationRun('postgres', 1, 2, 10_000_000)));
if (!only || only === 'spread') report.push(await repeated('10,000 SKUs, PostgreSQL, 2 processes', () => reservationRun('postgres', 10_000, 2, 100_000)));
if (!only || only === 'pglite') report.push(await repeated('hot SKU, PGlite, 1 process', () => reservationRun('pglite', 1, 1, 10_000_000)));
if (!only || only === 'race') report.push({ label: 'race to zero, PostgreSQL, 2 processes', result: await raceToZero('postgres', 20_000) });
if (!only || only === 'import') report.push({ label: 'snapshot import, 1M rows, PostgreSQL', result: await importRun('postgres') });
if (only === 'import-pglite') report.push({ label: 'snapshot import, 1M rows, PGlite', result: await importRun('pglite') });
if (!only || only === 'availability') report.push({ label: 'availability, PostgreSQL', result: await availabilityRun() });
console.log(JSON.stringify(report, null, 2));
