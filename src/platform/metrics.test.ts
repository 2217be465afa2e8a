import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/support/api.ts';
import { seedBasics, stockedSkus, type Basics } from '../../test/support/fixtures.ts';

let api: TestApi;
let basics: Basics;

beforeAll(async () => {
  api = await startTestApi();
  basics = await seedBasics(api);
  await stockedSkus(api, basics, [{ sku: 'BERET', price: 2500, quantity: 10 }]);
  const rate = { method: 'ship_to_address', pricing: 'flat', amount: 490, packingFee: 0, currency: 'EUR', taxClass: 'standard' };
  expect((await api.call('PUT', '/v1/delivery-rates', { body: rate })).status).toBe(200);
});
afterAll(async () => api?.close());

/** The value of one sample of the exposition, e.g. `aisle_desk_batch_size_count{desk="orders"}`. */
function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe('GET /metrics', () => {
  it("counts requests per route, the batches of each desk, their sizes and durations, next to Node's own figures", async () => {
    const before = (await api.call('GET', '/metrics')).body as string;
    const quote = await api.call('POST', '/v1/quotes', {
      body: { channelId: basics.web.id, lines: [{ sku: 'BERET', quantity: 2 }], deliveryGroups: [{ method: 'ship_to_address', lineIndexes: [0] }] },
    });
    expect(quote.status, JSON.stringify(quote.body)).toBe(200);
    const orders = await Promise.all(
      [1, 2, 3].map((n) =>
        api.call('POST', '/v1/orders', {
          body: {
            channelId: basics.web.id,
            customer: { firstName: 'Lou', lastName: 'Martin', email: `lou.${n}@example.com` },
            lines: [{ sku: 'BERET', quantity: 2 }],
            deliveryGroups: [{ method: 'ship_to_address', address: { line1: '2 rue Mercière', postalCode: '69002', city: 'Lyon', country: 'FR' } }],
            payments: [
              { method: 'card_online', amount: quote.body.totals.total, card: { number: '4242424242424242', expMonth: 12, expYear: 2099, cvc: '123' } },
            ],
          },
        }),
      ),
    );
    expect(orders.map((order) => order.status)).toEqual([201, 201, 201]);

    const response = await api.call('GET', '/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = response.body as string;
    for (const desk of ['orders']) {
      const count = `aisle_desk_batch_size_count{desk="${desk}"}`;
      const batches = sample(text, count)! - (sample(before, count) ?? 0);
      const orders = sample(text, `aisle_desk_batch_size_sum{desk="${desk}"}`)! - (sample(before, `aisle_desk_batch_size_sum{desk="${desk}"}`) ?? 0);
      expect(orders).toBe(3);
      expect(batches).toBeGreaterThanOrEqual(1);
      expect(batches).toBeLessThanOrEqual(3);
      expect(sample(text, `aisle_desk_batch_seconds_sum{desk="${desk}"}`)).toBeGreaterThan(0);
    }
    // Plain web orders with stock to spare: every batch written in one statement.
    const written = (how: string) =>
      (sample(text, `aisle_order_batch_writes_total{how="${how}"}`) ?? 0) - (sample(before, `aisle_order_batch_writes_total{how="${how}"}`) ?? 0);
    expect(written('one_statement')).toBe(
      sample(text, 'aisle_desk_batch_size_count{desk="orders"}')! - (sample(before, 'aisle_desk_batch_size_count{desk="orders"}') ?? 0),
    );
    expect(written('transaction') + written('transaction_after_error')).toBe(0);
    // Each request's duration, labelled with its route's pattern.
    const answered = 'aisle_http_request_seconds_count{route="/v1/orders",method="POST"}';
    expect(sample(text, answered)! - (sample(before, answered) ?? 0)).toBe(3);
    expect(sample(text, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
    expect(text).toContain('nodejs_gc_duration_seconds');
  });

  it('answers admins only', async () => {
    expect((await api.call('GET', '/metrics', { token: null })).status).toBe(401);
  });
});
