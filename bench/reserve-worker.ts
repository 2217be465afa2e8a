import { readFileSync, rmSync } from 'node:fs';
import { connectPostgres, openPGlite } from '../src/platform/db/database.ts';
import { reservationDesk } from '../src/modules/inventory/desk.ts';
import { InsufficientStock } from '../src/modules/inventory/stock.ts';

/**
 * One bench process: keeps `inflight` reservation requests going through the service layer's reservation desk for
 * `seconds`, each reserving one unit of a variant picked from `variantIds` at `locationId`. Prints its counts.
 */
const config = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as {
  url?: string;
  schema?: string;
  dataDir?: string;
  variantIds: string[];
  locationId: string;
  seconds: number;
  inflight: number;
  poolSize: number;
  concurrency: number;
};
rmSync(process.argv[2]!, { force: true });
const database = config.url ? connectPostgres({ url: config.url, schema: config.schema, poolSize: config.poolSize }) : await openPGlite(config.dataDir!);
const desk = reservationDesk(database.db, { concurrency: config.concurrency });
let granted = 0;
let refused = 0;
let failed = 0;
const deadline = Date.now() + config.seconds * 1000;
const started = Date.now();
let next = 0;

async function client() {
  while (Date.now() < deadline) {
    const variantId = config.variantIds[next++ % config.variantIds.length]!;
    try {
      await desk.submit({ kind: 'order', actor: 'bench', lines: [{ variantId, locationId: config.locationId, quantity: 1 }] });
      granted++;
    } catch (error) {
      if (error instanceof InsufficientStock) refused++;
      else {
        failed++;
        if (failed < 3) console.error(error);
      }
    }
  }
}
await Promise.all(Array.from({ length: config.inflight }, client));
const elapsed = (Date.now() - started) / 1000;
await database.close();
process.stdout.write(`${JSON.stringify({ granted, refused, failed, elapsed })}\n`);
