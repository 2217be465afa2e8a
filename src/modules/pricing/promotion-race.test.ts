import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { connectPostgres, type Database } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import type { Trx } from '../../platform/db/database.ts';
import { writeTogether } from '../../platform/db/statements.ts';
import { postgresUrl } from '../../../test/support/database.ts';
import { decidePromotionUses, promotionUsesWrites } from './promotion-uses.ts';

/**
 * A code with 10 uses left, 100 orders using it at once, each in its own transaction, as the order path counts uses
 * (orders/place/in-transaction.ts): exactly 10 are counted and the other 90 get a 409. On PostgreSQL the transactions
 * race on 20 connections; on PGlite they run one at a time. (orders.test.ts places 100 such orders over HTTP.)
 */

/** One order's use of the code: decided under the code's lock, then written with the order's reference. */
async function useOnce(trx: Trx, promotionId: string, reference: string) {
  const { refused } = await decidePromotionUses(trx, [{ promotionId }]);
  if (refused[0]) throw refused[0].problem;
  await writeTogether(trx, promotionUsesWrites([{ promotionId, reference }]));
}
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
        .execute((trx) => useOnce(trx, id, `order-${index}`))
        .then(
          () => 'redeemed',
          (error: unknown) => (error instanceof DomainError ? `${error.kind} ${error.code}` : String(error)),
        ),
    ),
  );
  expect(outcomes.filter((outcome) => outcome === 'redeemed')).toHaveLength(10);
  expect(outcomes.filter((outcome) => outcome === 'conflict promotion-exhausted')).toHaveLength(90);

  const promotion = await api.call('GET', `/v1/promotions/${id}`);
  expect(promotion.body).toMatchObject({ timesUsed: 10, usageLimit: 10 });
  const redemptions = await api.database.db.selectFrom('promotion_redemptions').select('reference').where('promotion_id', '=', id).execute();
  expect(redemptions).toHaveLength(10);

  const late = await api.database.db.transaction().execute((trx) =>
    useOnce(trx, id, 'order-late').then(
      () => 'counted',
      (error: DomainError) => error.code,
    ),
  );
  expect(late).toBe('promotion-exhausted');
  const lowered = await api.call('PATCH', `/v1/promotions/${id}`, { body: { usageLimit: 5 } });
  expect(lowered.body).toMatchObject({ status: 422, code: 'usage-limit-below-times-used', timesUsed: 10 });
});
