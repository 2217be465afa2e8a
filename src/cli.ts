import { parseArgs } from 'node:util';
import { buildApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { seedDemo } from './demo/seed.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { openDatabase } from './platform/db/open.ts';

const USAGE = `Usage: aisle <command>

Commands:
  serve          Start the HTTP server (migrates first; loads the demo shop into an empty database)
  migrate        Apply the database migrations and exit
  seed --demo    Load the demo shop (locations, channels, catalog, customers, staff)

Configuration comes from the environment: PORT, HOST, DATABASE_URL, AISLE_DATA_DIR, AISLE_ADMIN_API_KEY, ...
See README.md.`;

async function serve(config: Config) {
  const database = await openDatabase(config);
  await migrateToLatest(database.db);
  if (config.demo === 'auto') {
    const demo = await seedDemo(database.db, { onlyIfEmpty: true });
    if (demo) printDemoWelcome(demo, config);
  }
  const app = await buildApp({ database, adminApiKey: config.adminApiKey, logger: { level: config.logLevel } });
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  const address = await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
  console.log(`Aisle is serving ${address} (API docs at /docs) on ${where}`);
}

function printDemoWelcome(demo: { adminEmail: string; adminPassword: string; adminApiKey: string }, config: Config) {
  console.log(
    [
      '',
      'Demo shop loaded: 1 warehouse, 3 stores in Lyon, web and register channels, catalog and customers.',
      `  Admin login:   ${demo.adminEmail} / ${demo.adminPassword}`,
      `  Admin API key: ${demo.adminApiKey}`,
      `  Try: curl -H "Authorization: Bearer ${demo.adminApiKey}" http://${config.host}:${config.port}/v1/locations`,
      '',
    ].join('\n'),
  );
}

async function main(argv: string[]) {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { demo: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
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
      if (demo) printDemoWelcome(demo, config);
      return database.close();
    }
    default:
      console.error(`Unknown command: ${command}\n\n${USAGE}`);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
