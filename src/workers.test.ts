import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../test/support/api.ts';
import { createVariants, ledgerMismatches, receive, seedBasics, type Basics } from '../test/support/fixtures.ts';
import { testPolicies } from '../test/support/policies.ts';
import { startWorkers } from './workers.ts';

/**
 * Background work runs where it is started (`startWorkers`, as `aisle serve` starts it), not because routes were
 * registered: this API starts none itself; the test starts the hold sweeper and stops it again.
 */
let api: TestApi;
let basics: Basics;

beforeAll(async () => {
  api = await startTestApi();
  basics = await seedBasics(api);
  await createVariants(api, ['HELD']);
  await receive(api, basics.warehouse.id, [{ sku: 'HELD', quantity: 10 }]);
});
afterAll(async () => {
  await api?.close();
});

/** A cart hold of one HELD, already past its expiry (aged in the database instead of waiting). */
async function lapsedHold(): Promise<string> {
  const hold = await api.call('POST', '/v1/reservations', { body: { lines: [{ sku: 'HELD', locationId: basics.warehouse.id, quantity: 1 }], ttlSeconds: 60 } });
  expect(hold.status).toBe(201);
  const id: string = hold.body.reservations[0].id;
  await api.database.db
    .updateTable('reservations')
    .set({ expires_at: new Date(Date.now() - 1000) })
    .where('id', '=', id)
    .execute();
  return id;
}

const statusOf = async (id: string) =>
  (await api.database.db.selectFrom('reservations').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the hold sweeper', () => {
  it('does not run in an API that did not start it', async () => {
    const id = await lapsedHold();
    await pause(1500); // longer than a sweep's interval
    expect(await statusOf(id)).toBe('active');
  });

  it('gives lapsed holds back once started, and no more once stopped', async () => {
    const stop = startWorkers(api.database, testPolicies(), { holds: true }, api.app.log);
    const swept = await lapsedHold();
    const deadline = Date.now() + 10_000;
    while ((await statusOf(swept)) === 'active' && Date.now() < deadline) await pause(100);
    expect(await statusOf(swept)).toBe('expired');
    await stop();

    const left = await lapsedHold();
    await pause(1500);
    expect(await statusOf(left)).toBe('active');
    expect(await ledgerMismatches(api)).toEqual([]);
  });
});
