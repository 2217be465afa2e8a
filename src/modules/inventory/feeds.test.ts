import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { postgresUrl } from '../../../test/support/database.ts';
import { locationBody, seedBasics } from '../../../test/support/fixtures.ts';
import { openPGlite, type Db } from '../../platform/db/database.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { newId } from '../../platform/ids.ts';
import { csvRows, importStockFeed } from './feeds.ts';
import { changeStock } from './stock.ts';

const run = promisify(execFile);
const SKUS = ['TEE-BLUE-M', 'TEE-BLUE-L', 'MUG-RED', 'CAP-GREY'];

let api: TestApi;
let shop: { warehouse: string; storeA: string; storeB: string; storeAKey: string };
let variant: Record<string, string>;

/** Straight in the database: thousands of variants through the API would take longer than the test itself. */
async function insertVariants(db: Db, skus: string[]) {
  await db
    .insertInto('tax_classes')
    .values({ code: 'standard', name: 'TVA 20 %', rate_basis_points: 2000 })
    .onConflict((c) => c.doNothing())
    .execute();
  const productId = newId();
  await db.insertInto('products').values({ id: productId, title: 'Feed test goods', tax_class: 'standard' }).execute();
  await db
    .insertInto('variants')
    .values(skus.map((sku) => ({ id: newId(), product_id: productId, sku, title: sku, options: '{}', barcode: null, weight_grams: null })))
    .execute();
}

async function addVariants(skus: string[]): Promise<Record<string, string>> {
  await api.call('POST', '/v1/tax-classes', { body: { code: 'standard', name: 'TVA 20 %', rateBasisPoints: 2000 } });
  const product = await api.call('POST', '/v1/products', {
    body: { title: 'Feed test goods', taxClass: 'standard', variants: skus.map((sku) => ({ sku, title: sku })) },
  });
  expect(product.status).toBe(201);
  const rows = await api.database.db.selectFrom('variants').select(['id', 'sku']).where('sku', 'in', skus).execute();
  return Object.fromEntries(rows.map((row) => [row.sku, row.id]));
}

beforeAll(async () => {
  api = await startTestApi();
  const basics = await seedBasics(api);
  shop = { warehouse: basics.warehouse.id, storeA: basics.storeA.id, storeB: basics.storeB.id, storeAKey: basics.storeAKey };
  variant = await addVariants(SKUS);
});
afterAll(() => api?.close());

const postFeed = (body: string, query: string, type = 'text/csv', token?: string) =>
  api.call('POST', `/v1/stock-feeds?${query}`, { rawBody: body, headers: { 'content-type': type }, ...(token ? { token } : {}) });

/** on hand per `SKU@LOCATION-CODE`, zero rows left out. */
async function onHand(): Promise<Record<string, number>> {
  const rows = await api.database.db
    .selectFrom('stock_levels as s')
    .innerJoin('variants as v', 'v.id', 's.variant_id')
    .innerJoin('locations as l', 'l.id', 's.location_id')
    .select(['v.sku', 'l.code', 's.on_hand'])
    .where('s.on_hand', '<>', 0)
    .execute();
  return Object.fromEntries(rows.map((row) => [`${row.sku}@${row.code}`, row.on_hand]));
}

const movementCount = async () => Number((await sql<{ n: number }>`select count(*)::int as n from stock_movements`.execute(api.database.db)).rows[0]!.n);

/** The invariant: every quantity equals the sum of its ledger column. */
async function expectLedgerMatchesLevels() {
  const { rows } = await sql<{ variant_id: string }>`
    select s.variant_id from stock_levels s
    left join (select variant_id, location_id, sum(on_hand_change) as on_hand, sum(reserved_change) as reserved,
                      sum(damaged_change) as damaged, sum(incoming_change) as incoming
               from stock_movements group by variant_id, location_id) m using (variant_id, location_id)
    where s.on_hand <> coalesce(m.on_hand, 0) or s.reserved <> coalesce(m.reserved, 0)
       or s.damaged <> coalesce(m.damaged, 0) or s.incoming <> coalesce(m.incoming, 0)`.execute(api.database.db);
  expect(rows).toEqual([]);
}

describe('stock feeds', () => {
  it('applies a CSV snapshot (BOM, CRLF, quoted field) with one count movement per change', async () => {
    const csv = '\uFEFFsku,location,quantity\r\nTEE-BLUE-M,STORE-A,10\r\n"TEE-BLUE-L",STORE-A,4\r\nMUG-RED,WH,25\r\nCAP-GREY,WH,0\r\n';
    const response = await postFeed(csv, 'feedId=erp-1&mode=snapshot');
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ feedId: 'erp-1', mode: 'snapshot', rows: 4, changed: 3, movements: 3 });
    expect(await onHand()).toEqual({ 'TEE-BLUE-M@STORE-A': 10, 'TEE-BLUE-L@STORE-A': 4, 'MUG-RED@WH': 25 });
    const movements = await api.database.db.selectFrom('stock_movements').selectAll().where('reference_id', '=', 'erp-1').execute();
    expect(movements).toHaveLength(3);
    expect(movements.every((m) => m.kind === 'count' && m.reference_type === 'feed' && m.reason === 'snapshot')).toBe(true);
    const events = await api.database.db
      .selectFrom('outbox_events')
      .select(['subject', 'payload'])
      .where('subject', '=', `stock:${variant['MUG-RED']}:${shop.warehouse}`)
      .execute();
    expect(events.at(-1)!.payload).toMatchObject({ onHand: 25, reserved: 0, available: 25, availableBefore: 0 });
    expect((await api.call('GET', '/v1/stock-feeds/erp-1')).body).toMatchObject({ feedId: 'erp-1', rows: 4, changed: 3 });
    await expectLedgerMatchesLevels();
  });

  it('sets to zero what a full snapshot does not list at its locations, unless told to keep it', async () => {
    const kept = await postFeed('sku,quantity\nTEE-BLUE-M,12\n', 'feedId=pos-keep&location=STORE-A&missing=keep');
    expect(kept.body).toMatchObject({ changed: 1 });
    expect(await onHand()).toMatchObject({ 'TEE-BLUE-M@STORE-A': 12, 'TEE-BLUE-L@STORE-A': 4 });
    const full = await postFeed('sku,quantity\nTEE-BLUE-M,12\n', 'feedId=pos-full&location=STORE-A');
    expect(full.body).toMatchObject({ changed: 1 });
    expect(await onHand()).toEqual({ 'TEE-BLUE-M@STORE-A': 12, 'MUG-RED@WH': 25 });
    await expectLedgerMatchesLevels();
  });

  it('keeps a sale recorded after the time of the count', async () => {
    const asOf = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await api.database.db
      .transaction()
      .execute((trx) => changeStock(trx, [{ variantId: variant['TEE-BLUE-M']!, locationId: shop.storeA, kind: 'sale', quantity: 1, onHand: -1 }], 'test'));
    const response = await postFeed('sku,location,quantity\nTEE-BLUE-M,STORE-A,7\n', `feedId=count-1&missing=keep&asOf=${asOf.toISOString()}`);
    expect(response.status).toBe(201);
    expect((await onHand())['TEE-BLUE-M@STORE-A']).toBe(6);
    await expectLedgerMatchesLevels();
  });

  it('applies a delta as adjustments and refuses one that would go below zero, naming the line', async () => {
    const response = await postFeed('sku,location,quantity\nTEE-BLUE-M,STORE-A,+3\nMUG-RED,WH,-5\nCAP-GREY,WH,0\n', 'feedId=wms-d1&mode=delta');
    expect(response.body).toMatchObject({ mode: 'delta', rows: 3, changed: 2, movements: 2 });
    expect(await onHand()).toMatchObject({ 'TEE-BLUE-M@STORE-A': 9, 'MUG-RED@WH': 20 });
    const kinds = await api.database.db
      .selectFrom('stock_movements')
      .select(['kind', 'on_hand_change'])
      .where('reference_id', '=', 'wms-d1')
      .orderBy('on_hand_change')
      .execute();
    expect(kinds).toEqual([
      { kind: 'adjustment', on_hand_change: -5 },
      { kind: 'adjustment', on_hand_change: 3 },
    ]);

    const before = [await onHand(), await movementCount()];
    const short = await postFeed('sku,location,quantity\nTEE-BLUE-M,STORE-A,1\nMUG-RED,WH,-21\n', 'feedId=wms-d2&mode=delta');
    expect(short.status).toBe(409);
    expect(short.body.errors).toEqual([expect.objectContaining({ field: 'line 3.quantity' })]);
    expect([await onHand(), await movementCount()]).toEqual(before);
    await expectLedgerMatchesLevels();
  });

  it('applies NDJSON and JSON feeds', async () => {
    const ndjson = '{"sku":"CAP-GREY","location":"STORE-B","quantity":3}\n\n{"sku":"MUG-RED","location":"STORE-B","quantity":2}\n';
    const streamed = await postFeed(ndjson, 'feedId=wms-n1&missing=keep', 'application/x-ndjson');
    expect(streamed.status).toBe(201);
    expect(streamed.body).toMatchObject({ format: 'ndjson', rows: 2, changed: 2 });
    const json = await api.call('POST', '/v1/stock-feeds', {
      body: { feedId: 'erp-j1', mode: 'delta', location: 'STORE-B', rows: [{ sku: 'CAP-GREY', quantity: 2 }] },
    });
    expect(json.status).toBe(201);
    expect(await onHand()).toMatchObject({ 'CAP-GREY@STORE-B': 5, 'MUG-RED@STORE-B': 2 });
    const bad = await api.call('POST', '/v1/stock-feeds', { body: { feedId: 'erp-j2', rows: [{ sku: 'CAP-GREY', location: 'STORE-B', quantity: 1.5 }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'body.rows.0.quantity' })]);
    const huge = await api.call('POST', '/v1/stock-feeds', {
      body: { feedId: 'erp-j3', rows: Array.from({ length: 40_000 }, () => ({ sku: 'CAP-GREY', quantity: 1 })) },
    });
    expect(huge.status).toBe(413);
    expect((await postFeed('sku,quantity', 'feedId=txt-1', 'text/plain')).status).toBe(415);
    await expectLedgerMatchesLevels();
  });

  it('changes nothing when the same feed id comes again, even twice at once', async () => {
    const before = [await onHand(), await movementCount()];
    const again = await postFeed('sku,location,quantity\nTEE-BLUE-M,STORE-A,99\n', 'feedId=erp-1');
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toMatchObject({ feedId: 'erp-1', rows: 4, changed: 3 });
    expect([await onHand(), await movementCount()]).toEqual(before);

    const csv = 'sku,location,quantity\nCAP-GREY,WH,8\n';
    const both = await Promise.all([postFeed(csv, 'feedId=race-1&mode=delta'), postFeed(csv, 'feedId=race-1&mode=delta')]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 201]);
    expect((await onHand())['CAP-GREY@WH']).toBe(8);
    await expectLedgerMatchesLevels();
  });

  it('refuses a feed with bad rows, naming each line, and applies nothing', async () => {
    const before = [await onHand(), await movementCount()];
    const csv = [
      'sku,location,quantity',
      'TEE-BLUE-M,STORE-A,1',
      'NOPE,STORE-A,2',
      'MUG-RED,NOWHERE,3',
      'MUG-RED,WH,abc',
      'CAP-GREY,WH,-1',
      'TEE-BLUE-L,STORE-A',
      'TEE-BLUE-M,STORE-A,4',
    ].join('\n');
    const response = await postFeed(csv, 'feedId=erp-bad');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'line 3.sku',
      'line 4.location',
      'line 5.quantity',
      'line 6.quantity',
      'line 7.quantity',
      'line 8.sku',
    ]);
    expect([await onHand(), await movementCount()]).toEqual(before);
    expect((await api.call('GET', '/v1/stock-feeds/erp-bad')).status).toBe(404);
    const header = await postFeed('sku,qty\nMUG-RED,1\n', 'feedId=erp-bad&location=WH');
    expect(header.body.errors).toEqual([expect.objectContaining({ field: 'line 1.quantity' })]);
    const fixed = await postFeed('sku,location,quantity\nTEE-BLUE-M,STORE-A,1\n', 'feedId=erp-bad&missing=keep');
    expect(fixed.status).toBe(201);
    await expectLedgerMatchesLevels();
  });

  it('lets a store send a feed for its own location only', async () => {
    const own = await postFeed('sku,quantity\nTEE-BLUE-M,2\n', 'feedId=store-a-1&location=STORE-A&missing=keep', 'text/csv', shop.storeAKey);
    expect(own.status).toBe(201);
    const other = await postFeed('sku,location,quantity\nTEE-BLUE-M,STORE-B,2\n', 'feedId=store-a-2', 'text/csv', shop.storeAKey);
    expect(other.status).toBe(403);
    expect((await api.call('GET', '/v1/stock-feeds/store-a-1', { token: shop.storeAKey })).status).toBe(200);
    expect((await api.call('GET', '/v1/stock-feeds/erp-1', { token: shop.storeAKey })).status).toBe(404);
  });

  it('streams a feed of many rows in chunks through the service the CLI calls', async () => {
    const skus = Array.from({ length: 12_000 }, (_, index) => `BULK-${index}`);
    for (let start = 0; start < skus.length; start += 4000) await insertVariants(api.database.db, skus.slice(start, start + 4000));
    const csv = ['sku,location,quantity', ...skus.map((sku, index) => `${sku},WH,${index % 7}`)].join('\n');
    const { result, replayed } = await importStockFeed(
      api.database.db,
      { feedId: 'bulk-1', mode: 'snapshot', format: 'csv', missing: 'keep', actor: 'test' },
      csvRows(Readable.from([csv]), { feedLocation: false }),
    );
    expect(replayed).toBe(false);
    expect(result).toMatchObject({ rows: 12_000, changed: skus.filter((_, index) => index % 7 !== 0).length });
    await expectLedgerMatchesLevels();
  });
});

describe('aisle import stock', () => {
  it('imports a CSV file into a PGlite data folder', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aisle-import-'));
    const env: NodeJS.ProcessEnv = { ...process.env, AISLE_DATA_DIR: path.join(dir, 'data'), AISLE_DEMO: 'off' };
    // Always the embedded database, also when the suite runs on PostgreSQL.
    delete env.DATABASE_URL;
    const cli = (...args: string[]) => run(process.execPath, ['bin/aisle.js', ...args], { env, cwd: path.resolve(import.meta.dirname, '../../..') });
    try {
      // Prepared in this process: one spawn (the import) is what the test is about, and each costs seconds on PGlite.
      const database = await openPGlite(env.AISLE_DATA_DIR);
      await migrateToLatest(database.db);
      await database.db
        .insertInto('locations')
        .values({
          id: newId(),
          code: 'WH',
          name: 'Warehouse',
          type: 'warehouse',
          address: JSON.stringify(locationBody('WH', 'warehouse').address),
          latitude: 45.7,
          longitude: 4.9,
          opening_hours: '{}',
        })
        .execute();
      await database.db.insertInto('tax_classes').values({ code: 'standard', name: 'TVA 20 %', rate_basis_points: 2000 }).execute();
      const productId = newId();
      await database.db.insertInto('products').values({ id: productId, title: 'Mug', tax_class: 'standard' }).execute();
      await database.db
        .insertInto('variants')
        .values({ id: newId(), product_id: productId, sku: 'MUG-RED', title: 'Red', options: '{}', barcode: null, weight_grams: null })
        .execute();
      await database.close();

      const file = path.join(dir, 'stock.csv');
      writeFileSync(file, 'sku,quantity\r\nMUG-RED,14\r\n');
      const first = await cli('import', 'stock', file, '--location', 'WH', '--feed-id', 'cli-1');
      expect(first.stdout).toContain('Feed cli-1 applied: 1 row read, 1 SKU × location changed, 1 movement written');

      const check = await openPGlite(env.AISLE_DATA_DIR);
      const level = await check.db.selectFrom('stock_levels').select('on_hand').executeTakeFirstOrThrow();
      await check.close();
      expect(level.on_hand).toBe(14);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!postgresUrl)('a killed importer (PostgreSQL)', () => {
  /**
   * `aisle import stock` killed (kill -9, OOM) while its statement waits or runs: PostgreSQL notices the client is gone
   * only when it next writes to it, and until then the feed's stock rows stay locked (~40 s was seen). The connection
   * checks its client every second (client_connection_check_interval), so the locks go within a couple of seconds.
   */
  it('releases its stock locks within seconds of being killed', { timeout: 60_000 }, async () => {
    // The level exists, so the feed locks it (rather than creating it).
    expect((await api.call('POST', '/v1/inventory/receipts', { body: { locationId: shop.warehouse, lines: [{ sku: 'MUG-RED', quantity: 1 }] } })).status).toBe(
      201,
    );
    const dir = mkdtempSync(path.join(tmpdir(), 'aisle-kill-'));
    const file = path.join(dir, 'stock.csv');
    writeFileSync(file, 'sku,location,quantity\nMUG-RED,WH,7\n');
    const applicationName = `aisle-import-${randomBytes(4).toString('hex')}`;
    const url = new URL(postgresUrl!);
    url.searchParams.set('options', `-c search_path=${api.database.schema}`);
    url.searchParams.set('application_name', applicationName);
    // The test holds the ledger so the import stops there, with the feed's stock rows already locked (they are locked
    // before anything is written).
    const holder = new pg.Client({ connectionString: postgresUrl, options: `-c search_path=${api.database.schema}` });
    const probe = new pg.Client({ connectionString: postgresUrl, options: `-c search_path=${api.database.schema}` });
    await holder.connect();
    await probe.connect();
    const importer = spawn(process.execPath, ['bin/aisle.js', 'import', 'stock', file, '--mode', 'delta', '--feed-id', `killed-${applicationName}`], {
      env: { ...process.env, DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: '1' },
      cwd: path.resolve(import.meta.dirname, '../../..'),
      stdio: 'ignore',
    });
    const poll = async (what: string, condition: () => Promise<boolean>, timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      while (!(await condition())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };
    const importerBackends = async (where: string) =>
      (await probe.query(`select pid from pg_stat_activity where application_name = $1 and ${where}`, [applicationName])).rowCount!;
    const levelLocked = async () => {
      try {
        await probe.query('begin');
        await probe.query(`select from stock_levels where variant_id = $1 and location_id = $2 for update nowait`, [variant['MUG-RED'], shop.warehouse]);
        return false;
      } catch (error) {
        if ((error as { code?: string }).code === '55P03') return true;
        throw error;
      } finally {
        await probe.query('rollback');
      }
    };
    try {
      await holder.query('begin');
      await holder.query('lock table stock_movements in share mode');
      await poll('the import waiting on the ledger', async () => (await importerBackends(`wait_event_type = 'Lock'`)) === 1, 30_000);
      expect(await levelLocked()).toBe(true);

      importer.kill('SIGKILL');
      const killed = Date.now();
      // Still holding the ledger: the import's statement would wait for ever; only noticing its client is gone ends it.
      await poll('the stock row unlocked', async () => !(await levelLocked()), 10_000);
      const releasedMs = Date.now() - killed;
      await poll('the import backend gone', async () => (await importerBackends('true')) === 0, 5_000);
      console.log(`killed importer: stock locks released ${releasedMs} ms after kill -9`);
      expect(releasedMs).toBeLessThan(5_000);
    } finally {
      importer.kill('SIGKILL');
      await holder.query('rollback').catch(() => undefined);
      await holder.end();
      await probe.end();
      rmSync(dir, { recursive: true, force: true });
    }
    // Nothing of the killed feed was applied.
    expect(await api.database.db.selectFrom('stock_feeds').select('id').where('id', '=', `killed-${applicationName}`).execute()).toEqual([]);
  });
});
