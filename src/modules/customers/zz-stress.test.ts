import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '/work/main/test/support/api.ts';
let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(() => api?.close());
it('stress', async () => {
  const all: number[] = [];
  for (let round = 0; round < 40; round++) {
    const a = `r${round}-a@example.com`, b = `r${round}-b@example.com`;
    const holder = await api.call('POST', '/v1/customers', { body: { firstName: 'H', lastName: 'S', emails: [b] } });
    const reqs = [
      api.call('PATCH', `/v1/customers/${holder.body.id}`, { body: { emails: [a] } }),
      api.call('POST', '/v1/customers', { body: { firstName: 'X', lastName: 'S', emails: [a, b] } }),
      api.call('POST', '/v1/customers', { body: { firstName: 'Y', lastName: 'S', emails: [a, b] } }),
    ];
    all.push(...(await Promise.all(reqs)).map((r) => r.status));
  }
  const counts: Record<number, number> = {};
  for (const s of all) counts[s] = (counts[s] ?? 0) + 1;
  console.log(counts);
  expect(all.filter((s) => s >= 500)).toEqual([]);
});
