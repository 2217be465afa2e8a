import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { connectPostgres, type Database } from '../../platform/db/database.ts';
import { Problem } from '../../platform/http/problem.ts';
import { postgresUrl } from '../../../test/support/database.ts';
import { redeemPromotion } from './service.ts';

/**
 * A code with 10 uses left, 100 orders redeeming it at once, each in its own transaction: exactly 10 are counted and
 * the other 90 get a 409. On PostgreSQL the transactions race on 20 connections; on PGlite they run one at a time.
 */
let api: TestApi;
let racers: Database;

beforeAll(async () => {
  api = await startTestApi();
  racers = postgresUrl ? connectPostgres({ url: postgresUrl, poolSize: 20, schema: api.database.schema! }) : api.database;
});
afterAll(async () => {
  if (racers !== api?.database) await racers?.close();
  await api?.close();
});

it('grants a usage limit of 10 to exactly 10 of 100 concurrent redemptions', async () => {
  const created = await api.call('POST', '/v1/promotions', { body: { code: 'TEN', kind: 'percentage', value: 1_000, usageLimit: 10 } });
  expect(created.status).toBe(201);
  const id: string = created.body.id;

  const outcomes = await Promise.all(
    Array.from({ length: 100 }, (_, index) =>
      racers.db
        .transaction()
        .execute((trx) => redeemPromotion(trx, id, `order-${index}`))
        .then(() => 'redeemed', (error: unknown) => (error instanceof Problem ? `${error.status} ${error.code}` : String(error))),
    ),
  );
  expect(outcomes.filter((outcome) => outcome === 'redeemed')).toHaveLength(10);
  expect(outcomes.filter((outcome) => outcome === '409 promotion-exhausted')).toHaveLength(90);

  const promotion = await api.call('GET', `/v1/promotions/${id}`);
  expect(promotion.body).toMatchObject({ timesUsed: 10, usageLimit: 10 });
  const redemptions = await api.database.db.selectFrom('promotion_redemptions').select('reference').where('promotion_id', '=', id).execute();
  expect(redemptions).toHaveLength(10);

  const late = await api.database.db.transaction().execute((trx) => redeemPromotion(trx, id, 'order-late').catch((error: Problem) => error.code));
  expect(late).toBe('promotion-exhausted');
  const lowered = await api.call('PATCH', `/v1/promotions/${id}`, { body: { usageLimit: 5 } });
  expect(lowered.body).toMatchObject({ status: 422, code: 'usage-limit-below-times-used', timesUsed: 10 });
});

it('counts a retried order once', async () => {
  const created = await api.call('POST', '/v1/promotions', { body: { code: 'ONCE', kind: 'free_shipping', usageLimit: 5 } });
  const id: string = created.body.id;
  const first = await api.database.db.transaction().execute((trx) => redeemPromotion(trx, id, 'order-1'));
  const retry = await api.database.db.transaction().execute((trx) => redeemPromotion(trx, id, 'order-1'));
  expect(first).toMatchObject({ code: 'ONCE', timesUsed: 1, usageLimit: 5, counted: true });
  expect(retry).toMatchObject({ timesUsed: 1, counted: false });
});
