import { createReadStream, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { buildApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { demoLoginStillValid, seedDemo, type DemoLogin } from './demo/seed.ts';
import { csvRows, importStockFeed, jsonRows, ndjsonRows, type FeedFormat, type FeedMode } from './modules/inventory/feeds.ts';
import { keepStatisticsFresh } from './platform/db/statistics.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { openDatabase } from './platform/db/open.ts';
import { ensureWebBuilt } from './platform/web/build.ts';
import { DomainError } from './platform/errors.ts';
import { buildPolicies } from './policies.ts';
import { startWorkers } from './workers.ts';

const USAGE = `Usage: aisle <command>

Commands:
  serve          Start the HTTP server (migrates first; loads the demo shop into an empty database)
  migrate        Apply the database migrations and exit
  seed --demo    Load the demo shop (locations, channels, catalog, customers, staff)
  import stock FILE [--mode snapshot|delta] [--feed-id ID] [--location CODE] [--as-of ISO] [--missing zero|keep]
                 Apply a stock feed file (.csv with header sku,location,quantity; .ndjson; .json) to the database,
                 all rows or none. The same feed id again changes nothing (default id: file name, size and time).

Configuration comes from the environment: PORT, HOST, DATABASE_URL, AISLE_DATA_DIR, AISLE_ADMIN_API_KEY, ...
See README.md.`;

async function serve(config: Config) {
  // The web apps are built from web/ when their build is older than their sources: `npm start` needs no build step.
  await ensureWebBuilt((message) => console.log(message));
  const database = await openDatabase(config);
  await migrateToLatest(database.db);
  if (config.demo === 'auto') {
    const demo = await seedDemo(database.db, { onlyIfEmpty: true });
    if (demo) printDemoWelcome(demo, config, DEMO_LOADED);
    else {
      const still = await demoLoginStillValid(database.db);
      if (still) printDemoWelcome(still, config, 'The demo shop is here, as you left it.');
    }
  }
  // The composition root: the shop's policies built once, handed to the app and to the workers.
  const policies = buildPolicies(config);
  const app = await buildApp({
    database,
    policies,
    adminApiKey: config.adminApiKey,
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    eventStream: { pollMs: config.eventStreamPollMs },
  });
  const stopAnalysing = await keepStatisticsFresh(database, (error) => app.log.error({ err: error }, 'analyze failed'));
  let stopWorkers = async () => {};
  const stop = async () => {
    stopAnalysing();
    await app.close();
    await stopWorkers();
    policies.mail.mailer.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  const address = await app.listen({ port: config.port, host: config.host });
  stopWorkers = startWorkers(
    database,
    policies,
    {
      holds: config.holdSweeper,
      orderEmails: config.orderEmails,
      shipmentMerges: config.shipmentMerges,
      routingBatchSeconds: config.routingBatchSeconds,
      pickupDeadlineSeconds: config.pickupDeadlineSeconds,
    },
    app.log,
  );
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
  console.log(`Aisle is serving ${address} (store app at /store/, API docs at /docs) on ${where}`);
}

const DEMO_LOADED = 'Demo shop loaded: 1 warehouse, 3 stores in Lyon, web and register channels, catalog and customers.';

/** Where to log in to the demo shop: at its first start, and at every restart while its credentials still work. */
function printDemoWelcome(demo: Partial<DemoLogin>, config: Config, headline: string) {
  console.log(
    [
      '',
      headline,
      ...(demo.adminEmail
        ? [
            `  Admin login:   ${demo.adminEmail} / ${demo.adminPassword}`,
            `  Store app:     http://${config.host}:${config.port}/store/ as lyon-republique@demo.aisle.dev / ${demo.adminPassword}`,
          ]
        : []),
      ...(demo.adminApiKey
        ? [
            `  Admin API key: ${demo.adminApiKey}`,
            `  Try: curl -H "Authorization: Bearer ${demo.adminApiKey}" http://${config.host}:${config.port}/v1/locations`,
          ]
        : []),
      '',
    ].join('\n'),
  );
}

interface ImportOptions {
  mode?: string | undefined;
  'feed-id'?: string | undefined;
  location?: string | undefined;
  'as-of'?: string | undefined;
  missing?: string | undefined;
}

/** Runs the same service as POST /v1/stock-feeds, straight on the configured database, reading the file as a stream. */
async function importStock(config: Config, [what, file]: string[], options: ImportOptions) {
  if (what !== 'stock' || !file)
    throw new Error('Usage: aisle import stock FILE [--mode snapshot|delta] [--feed-id ID] [--location CODE] [--as-of ISO] [--missing zero|keep]');
  const mode = (options.mode ?? 'snapshot') as FeedMode;
  if (mode !== 'snapshot' && mode !== 'delta') throw new Error('--mode is snapshot or delta');
  const missing = options.missing as 'zero' | 'keep' | undefined;
  if (missing !== undefined && missing !== 'zero' && missing !== 'keep') throw new Error('--missing is zero or keep');
  const asOf = options['as-of'] === undefined ? undefined : new Date(options['as-of']);
  if (asOf && Number.isNaN(asOf.getTime())) throw new Error('--as-of must be an ISO date and time, e.g. 2025-03-01T06:00:00Z');
  const size = statSync(file).size;
  const format: FeedFormat = /\.(ndjson|jsonl)$/i.test(file) ? 'ndjson' : /\.json$/i.test(file) ? 'json' : 'csv';
  // Re-running the same unchanged file is recognised as the same feed.
  const feedId = options['feed-id'] ?? `${path.basename(file)}@${size}-${Math.floor(statSync(file).mtimeMs)}`;

  const database = await openDatabase(config);
  const input = createReadStream(file);
  const bar = new SingleBar(
    { format: 'Reading {bar} {percentage}% | {read} of {size} MB | ETA {eta_formatted}', stream: process.stderr, hideCursor: true },
    Presets.shades_classic,
  );
  const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);
  bar.start(size, 0, { read: megabytes(0), size: megabytes(size) });
  const ticker = setInterval(() => bar.update(input.bytesRead, { read: megabytes(input.bytesRead) }), 200);
  let reading = true;
  const finishReading = (done: boolean) => {
    if (!reading) return;
    reading = false;
    clearInterval(ticker);
    if (done) bar.update(size, { read: megabytes(size) });
    bar.stop();
  };
  try {
    const rows =
      format === 'csv'
        ? csvRows(input, { feedLocation: options.location !== undefined })
        : format === 'ndjson'
          ? ndjsonRows(input)
          : jsonRows(jsonFileRows(readFileSync(file, 'utf8')));
    const { result, replayed } = await importStockFeed(
      database.db,
      {
        feedId,
        mode,
        format,
        asOf,
        location: options.location,
        missing,
        actor: 'cli',
        onStaged: (count) => {
          finishReading(true);
          process.stderr.write(`${count} rows read; checking and applying them…\n`);
        },
      },
      rows,
    );
    console.log(
      replayed
        ? `Feed ${feedId} was already applied on ${result.appliedAt}: nothing changed.`
        : `Feed ${feedId} applied: ${counted(result.rows, 'row')} read, ${result.changed} SKU × location changed, ${counted(result.movements, 'movement')} written.`,
    );
  } catch (error) {
    finishReading(false);
    if (!(error instanceof DomainError)) throw error;
    console.error(`Refused (${error.code}): ${error.message}`);
    for (const problem of error.errors ?? []) console.error(`  ${problem.field}: ${problem.message}`);
    process.exitCode = 1;
  } finally {
    finishReading(false);
    input.destroy();
    await database.close();
  }
}

const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** A JSON feed file: an array of rows, or an object with `rows`. */
function jsonFileRows(content: string): unknown[] {
  const value = JSON.parse(content) as unknown;
  if (Array.isArray(value)) return value;
  const rows = (value as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows)) throw new Error('A JSON feed file is an array of {sku, location, quantity} or an object with rows.');
  return rows;
}

async function main(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      mode: { type: 'string' },
      'feed-id': { type: 'string' },
      location: { type: 'string' },
      'as-of': { type: 'string' },
      missing: { type: 'string' },
    },
  });
  const [command] = positionals;
  if (values.help || command === undefined) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate': {
      const database = await openDatabase(config);
      const result = await migrateToLatest(database.db);
      const applied = result.results?.map((migration) => migration.migrationName) ?? [];
      console.log(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date.');
      return database.close();
    }
    case 'seed': {
      if (!values.demo) throw new Error('Say what to seed: aisle seed --demo');
      const database = await openDatabase(config);
      await migrateToLatest(database.db);
      const demo = await seedDemo(database.db, { onlyIfEmpty: false });
      if (demo) printDemoWelcome(demo, config, DEMO_LOADED);
      return database.close();
    }
    case 'import':
      return importStock(config, positionals.slice(1), values);
    default:
      console.error(`Unknown command: ${command}\n\n${USAGE}`);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
