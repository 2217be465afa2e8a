import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startTestApi, type TestApi } from './support/api.ts';
import { postgresUrl } from './support/database.ts';
import { ledgerMismatches, seedBasics, stockedSkus, type Basics } from './support/fixtures.ts';
import { startServerProcess, type ServerProcess } from './support/processes.ts';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.ts';

/**
 * A PostgreSQL restart, failover, proxy idle timeout or network blip ends the server's connections
 * (`pg_terminate_backend` does the same to them). An `aisle serve` process must not die of it: the requests that were
 * using a lost connection answer 503 with Retry-After, nothing of them is committed, and sent again with their
 * Idempotency-Key they succeed exactly once. The server process reaches PostgreSQL through a relay of the test's own
 * (so that the database can also be made unreachable for it alone), under an application_name of its own: the test
 * ends only its own backends, never those of the other test files sharing the server.
 */
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2099, cvc: '123' };
const ADDRESS = { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon', country: 'FR' };
const SKU = 'OUTAGE-1';

interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

describe.skipIf(!postgresUrl)('a lost database connection (PostgreSQL)', () => {
  const applicationName = `aisle-outage-${randomBytes(4).toString('hex')}`;
  let api: TestApi;
  let basics: Basics;
  let proxy: TcpProxy;
  let server: ServerProcess;
  let admin: pg.Client;
  let total: number;
  let logs = '';
  const exits: (number | null)[] = [];
  const figures: string[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    basics = await seedBasics(api);
    await stockedSkus(api, basics, [{ sku: SKU, price: 1500, quantity: 100_000 }]);
    const rate = await api.call('PUT', '/v1/delivery-rates', {
      body: { method: 'ship_to_address', pricing: 'flat', amount: 0, packingFee: 0, currency: 'EUR', taxClass: 'standard' },
    });
    expect(rate.status).toBe(200);
    const quote = await api.call('POST', '/v1/quotes', {
      body: { channelId: basics.web.id, lines: [{ sku: SKU, quantity: 1 }], deliveryGroups: [{ method: 'ship_to_address', lineIndexes: [0] }] },
    });
    total = quote.body.totals.total;
    admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();

    const target = new URL(postgresUrl!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const url = new URL(postgresUrl!);
    url.host = proxy.address;
    url.searchParams.set('options', `-c search_path=${api.database.schema}`);
    // The URL's application_name wins over the one the pool would give: the pool's and the listener's connections carry it.
    url.searchParams.set('application_name', applicationName);
    server = await startServerProcess(api.database, { DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: '4' });
    server.child.on('exit', (code) => exits.push(code));
    server.child.stdout!.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    server.child.stderr!.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  });

  afterAll(async () => {
    if (figures.length) console.log(`database outage figures:\n  ${figures.join('\n  ')}`);
    await server?.stop();
    await proxy?.close();
    await admin?.end();
    await api?.close();
  });

  /** Ends every backend of the server process (its pool's and its listener's); answers how many. */
  const terminate = async () => {
    const { rows } = await admin.query<{ ended: number }>(
      'select count(*) filter (where pg_terminate_backend(pid))::int as ended from pg_stat_activity where application_name = $1',
      [applicationName],
    );
    return rows[0]!.ended;
  };
  const backends = async (where = 'true') =>
    (
      await admin.query<{ pid: number; query: string; wait_event_type: string | null }>(
        `select pid, query, wait_event_type from pg_stat_activity where application_name = $1 and ${where}`,
        [applicationName],
      )
    ).rows;

  async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe().catch(() => undefined);
      if (value !== undefined && value !== false) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${logs}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  const call = async (method: string, route: string, options: { body?: unknown; key?: string } = {}): Promise<Answer> => {
    const response = await fetch(`${server.url}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${ADMIN_KEY}`,
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.key === undefined ? {} : { 'idempotency-key': options.key }),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
    };
  };
  const orderBody = (email: string) => ({
    channelId: basics.web.id,
    customer: { firstName: 'Outage', lastName: 'Buyer', email },
    lines: [{ sku: SKU, quantity: 1 }],
    deliveryGroups: [{ method: 'ship_to_address', address: ADDRESS }],
    payments: [{ method: 'card_online', amount: total, card: CARD }],
  });
  const placeOrder = (key: string) => call('POST', '/v1/orders', { key, body: orderBody(`${key}@example.com`) });

  const afterRetryAfter = () => new Promise((resolve) => setTimeout(resolve, 1000));
  const expectUnavailable = (answer: Answer) => {
    expect(answer.status).toBe(503);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.headers.get('retry-after')).toBe('1');
    expect(answer.body).toMatchObject({ status: 503, code: 'database-unavailable' });
  };

  /** Orders that are not whole: no line, a line without its reservation, or payments that do not cover the total. */
  const partialOrders = async () =>
    (
      await sql<{ id: string }>`
    select o.id from orders o
    where not exists (select from order_lines l where l.order_id = o.id)
       or not exists (select from delivery_groups g where g.order_id = o.id)
       or exists (select from order_lines l left join reservations r on r.id = l.reservation_id
                  where l.order_id = o.id and (r.id is null or r.quantity <> l.quantity or r.reference_id <> o.id::text))
       or coalesce((select sum(p.amount) from payments p where p.order_id = o.id), 0) <> o.total`.execute(api.database.db)
    ).rows;

  /** The orders placed by the requests with these keys (each key is its guest's email), by key. */
  const ordersOf = async (keys: string[]) => {
    const rows = await api.database.db
      .selectFrom('orders')
      .select(['id', 'email'])
      .where(
        'email',
        'in',
        keys.map((key) => `${key}@example.com`),
      )
      .execute();
    const byKey = new Map<string, string[]>();
    for (const row of rows) byKey.set(row.email!.replace('@example.com', ''), [...(byKey.get(row.email!.replace('@example.com', '')) ?? []), row.id]);
    return byKey;
  };

  /** The stock stays consistent with what was ordered: the ledger sums up, and exactly the placed units are reserved. */
  const expectStockConsistent = async () => {
    expect(await ledgerMismatches(api)).toEqual([]);
    expect(await partialOrders()).toEqual([]);
    const {
      rows: [row],
    } = await sql<{ reserved: number; ordered: number }>`
      select (select reserved from stock_levels s join variants v on v.id = s.variant_id where v.sku = ${SKU} and s.location_id = ${basics.warehouse.id})::int as reserved,
             (select coalesce(sum(quantity), 0) from order_lines where sku = ${SKU})::int as ordered`.execute(api.database.db);
    expect(row!.reserved).toBe(row!.ordered);
  };

  it('keeps serving when its idle connections are ended, and opens new ones', async () => {
    expect((await placeOrder(`idle-${randomBytes(3).toString('hex')}`)).status).toBe(201);
    // The pool's connection(s) and the listener's.
    await until('the server to hold connections', async () => (await backends()).length >= 2);
    const ended = await terminate();
    expect(ended).toBeGreaterThanOrEqual(2);

    await until('GET /ready 200', async () => (await call('GET', '/ready')).status === 200);
    const key = `idle-${randomBytes(3).toString('hex')}`;
    expect((await placeOrder(key)).status).toBe(201);
    // The listener is back on its own connection (it tries again after 1 s).
    await until('the listener back', async () => (await backends(`query like 'listen %'`)).length === 1);
    expect(exits).toEqual([]);
    expect(logs).toMatch(/database connection lost/);
    figures.push(`idle: ended ${ended} backends; 0 exits; ready again and listening again`);
  });

  it('answers 503 + Retry-After to a request whose connection is lost mid-request; its retry with the key succeeds once', async () => {
    // An order waits on a stock row the test holds locked; its backend is ended while it waits.
    const locker = new pg.Client({ connectionString: postgresUrl, options: `-c search_path=${api.database.schema}` });
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query('select from stock_levels s join variants v on v.id = s.variant_id where v.sku = $1 for update of s', [SKU]);
      const key = `mid-order-${randomBytes(3).toString('hex')}`;
      const pending = placeOrder(key);
      await until('the order waiting on the lock', async () => (await backends(`wait_event_type = 'Lock'`)).length === 1);
      expect(await terminate()).toBeGreaterThanOrEqual(1);
      expectUnavailable(await pending);
      await locker.query('rollback');
      // Nothing of it was committed: neither its key nor its order.
      expect((await admin.query(`select from ${api.database.schema}.idempotency_keys where key = $1`, [key])).rowCount).toBe(0);
      expect((await ordersOf([key])).get(key)).toBeUndefined();

      // As the client is told (Retry-After: 1): an idle connection of the pool also ended may not be known dead yet.
      await afterRetryAfter();
      const retried = await placeOrder(key);
      expect(retried.status).toBe(201);
      expect(retried.headers.get('idempotent-replayed')).toBeNull();
      const again = await placeOrder(key);
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body.id).toBe(retried.body.id);
      expect((await ordersOf([key])).get(key)).toEqual([retried.body.id]);

      // The same for a request in a transaction of its own (a note on that order, waiting on the order's row).
      await locker.query('begin');
      await locker.query('select from orders where id = $1 for update', [retried.body.id]);
      const noteKey = `mid-note-${randomBytes(3).toString('hex')}`;
      const text = `noted ${noteKey}`;
      const note = call('POST', `/v1/orders/${retried.body.id}/notes`, { key: noteKey, body: { text } });
      await until('the note waiting on the lock', async () => (await backends(`wait_event_type = 'Lock'`)).length === 1);
      expect(await terminate()).toBeGreaterThanOrEqual(1);
      expectUnavailable(await note);
      await locker.query('rollback');
      expect((await admin.query(`select from ${api.database.schema}.idempotency_keys where key = $1`, [noteKey])).rowCount).toBe(0);
      await afterRetryAfter();
      expect((await call('POST', `/v1/orders/${retried.body.id}/notes`, { key: noteKey, body: { text } })).status).toBe(201);
      expect((await call('POST', `/v1/orders/${retried.body.id}/notes`, { key: noteKey, body: { text } })).headers.get('idempotent-replayed')).toBe('true');
      const timeline = await call('GET', `/v1/orders/${retried.body.id}/timeline`);
      expect(JSON.stringify(timeline.body).split(text).length - 1).toBe(1);
    } finally {
      await locker.end();
    }
    expect(exits).toEqual([]);
    await expectStockConsistent();
  });

  it('answers every order of a batch whose connection died with 503, under load; retried, each is placed exactly once', async () => {
    const workers = 16;
    const runMs = 4000;
    const answers = new Map<string, Answer[]>();
    const failures: unknown[] = [];
    let stop = false;
    let ended = 0;
    let kills = 0;
    const started = Date.now();
    const load = Promise.all(
      Array.from({ length: workers }, async (_, worker) => {
        for (let index = 0; !stop; index++) {
          const key = `load-${worker}-${index}-${randomBytes(2).toString('hex')}`;
          try {
            answers.set(key, [await placeOrder(key)]);
          } catch (error) {
            failures.push(error);
          }
        }
      }),
    );
    const killer = (async () => {
      while (Date.now() - started < runMs) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        ended += await terminate();
        kills++;
      }
      stop = true;
    })();
    await Promise.all([load, killer]);
    const seconds = (Date.now() - started) / 1000;

    expect(failures).toEqual([]);
    expect(exits).toEqual([]);
    const first = [...answers.values()].map((list) => list[0]!);
    expect(first.filter((answer) => answer.status !== 201 && answer.status !== 503).map((answer) => [answer.status, answer.body])).toEqual([]);
    const unavailable = [...answers.entries()].filter(([, list]) => list[0]!.status === 503).map(([key]) => key);
    // The batches cut short are the point of this test: the kills must have hit some.
    expect(unavailable.length).toBeGreaterThan(0);
    for (const key of unavailable) expectUnavailable(answers.get(key)![0]!);

    // Each refused order is sent again with its key, after Retry-After, until it is answered 201.
    await afterRetryAfter();
    for (const key of unavailable) {
      const retried = await until(`order ${key} placed on retry`, async () => {
        const answer = await placeOrder(key);
        answers.get(key)!.push(answer);
        return answer.status === 201 ? answer : undefined;
      });
      expect(retried.status).toBe(201);
    }
    const keys = [...answers.keys()];
    const placed = await ordersOf(keys);
    for (const key of keys) {
      const acknowledged = answers.get(key)!.find((answer) => answer.status === 201)!;
      // Present exactly once, and the one the client was told about.
      expect(placed.get(key), key).toEqual([acknowledged.body.id]);
    }
    await expectStockConsistent();
    const replayed = unavailable.filter((key) => answers.get(key)!.at(-1)!.headers.get('idempotent-replayed') === 'true').length;
    figures.push(
      `under load: ${kills} kills ended ${ended} backends in ${seconds.toFixed(1)} s while ${keys.length} orders were placed ` +
        `(${(keys.length / seconds).toFixed(0)} orders/s, ${workers} clients): 0 exits, ${unavailable.length} answered 503, ` +
        `all retried with their key and placed exactly once (${replayed} of them found already placed)`,
    );
  });

  it('stays up while the database is unreachable: /ready 503 meanwhile, 200 after, requests 503 then served', async () => {
    // First its connections are ended in a loop for 3 s, then the database is refused altogether for 3 s.
    const readiness: number[] = [];
    let stop = false;
    const probe = (async () => {
      while (!stop) {
        const started = Date.now();
        const answer = await call('GET', '/ready');
        readiness.push(answer.status);
        // The probe answers within its 2 s timeout however the database fails.
        expect(Date.now() - started).toBeLessThan(2500);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    let ended = 0;
    const loopUntil = Date.now() + 3000;
    while (Date.now() < loopUntil) {
      ended += await terminate();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const duringLoop = readiness.length;
    await proxy.cut();
    const cutAt = readiness.length;
    await until('/ready 503 while the database is refused', async () => readiness.slice(cutAt).filter((status) => status === 503).length >= 3);
    expectUnavailable(await placeOrder(`refused-${randomBytes(3).toString('hex')}`));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(readiness.slice(cutAt + 1).every((status) => status === 503)).toBe(true);
    await proxy.restore();
    const restored = Date.now();
    await until('/ready 200 once the database is back', async () => readiness.at(-1) === 200);
    const readyAfterMs = Date.now() - restored;
    stop = true;
    await probe;

    expect(exits).toEqual([]);
    expect(readiness.every((status) => status === 200 || status === 503)).toBe(true);
    const key = `after-${randomBytes(3).toString('hex')}`;
    expect((await placeOrder(key)).status).toBe(201);
    // The listener comes back too (its retries back off: 1, 2, 4 s…).
    await until('the listener back', async () => (await backends(`query like 'listen %'`)).length === 1, 40_000);
    await expectStockConsistent();
    figures.push(
      `unreachable: ${ended} backends ended in a 3 s loop (/ready: ${readiness.slice(0, duringLoop).filter((s) => s === 503).length} of ${duringLoop} probes 503), ` +
        `then refused for ~3 s (every probe 503), ready ${readyAfterMs} ms after it was back; 0 exits`,
    );
  });
});
