import type { Selectable } from 'kysely';
import type { Executor, Trx } from '../../platform/db/database.ts';
import type { PromotionsTable } from './tables.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage, type Page } from '../../platform/http/pagination.ts';
import { Conflict, InvalidInput, NotFound, RuleViolation } from '../../platform/errors.ts';
import { promotionProblems, type NewPromotion, type Promotion, type PromotionChanges } from './schema.ts';

const toPromotion = (row: Selectable<PromotionsTable>): Promotion => ({
  id: row.id,
  code: row.code,
  name: row.name,
  kind: row.kind,
  value: row.value,
  currency: row.currency,
  minimumSubtotal: row.minimum_subtotal,
  startsAt: row.starts_at?.toISOString() ?? null,
  endsAt: row.ends_at?.toISOString() ?? null,
  usageLimit: row.usage_limit,
  timesUsed: row.times_used,
  channelIds: row.channel_ids,
  active: row.active,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

async function assertChannels(db: Executor, channelIds: string[] | null | undefined) {
  if (!channelIds?.length) return;
  const found = new Set((await db.selectFrom('channels').select('id').where('id', 'in', channelIds).execute()).map((row) => row.id));
  const errors = channelIds.flatMap((id, index) => (found.has(id) ? [] : [{ field: `body.channelIds.${index}`, message: `channel ${id} does not exist` }]));
  if (errors.length) throw new InvalidInput(errors);
}

export async function createPromotion(trx: Trx, input: NewPromotion): Promise<Promotion> {
  await assertChannels(trx, input.channelIds);
  const row = await trx
    .insertInto('promotions')
    .values({
      id: newId(),
      code: input.code,
      name: input.name,
      kind: input.kind,
      value: input.value,
      currency: input.currency,
      minimum_subtotal: input.minimumSubtotal,
      starts_at: input.startsAt,
      ends_at: input.endsAt,
      usage_limit: input.usageLimit,
      channel_ids: input.channelIds === null ? null : [...new Set(input.channelIds)],
      active: input.active,
    })
    .onConflict((conflict) => conflict.column('code').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) {
    const existing = await trx.selectFrom('promotions').select('id').where('code', '=', input.code).executeTakeFirstOrThrow();
    throw new Conflict('promotion-code-taken', `Promotion code ${input.code} already exists.`, { existingId: existing.id });
  }
  return toPromotion(row);
}

export async function getPromotion(db: Executor, id: string): Promise<Promotion> {
  const row = await db.selectFrom('promotions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Promotion', id);
  return toPromotion(row);
}

export async function listPromotions(
  db: Executor,
  filter: { limit: number; cursor?: string | undefined; code?: string | undefined; active?: boolean | undefined },
): Promise<Page<Promotion>> {
  const after = decodeCursor(filter.cursor);
  const rows = await db
    .selectFrom('promotions')
    .selectAll()
    .$if(after !== undefined, (q) => q.where('id', '>', after!))
    .$if(filter.code !== undefined, (q) => q.where('code', '=', filter.code!))
    .$if(filter.active !== undefined, (q) => q.where('active', '=', filter.active!))
    .orderBy('id')
    .limit(filter.limit + 1)
    .execute();
  return toPage(rows, filter.limit, (row) => row.id, toPromotion);
}

/** Changes the terms of a code; its kind and code stay (a different offer is a new code). */
export async function updatePromotion(trx: Trx, id: string, changes: PromotionChanges): Promise<Promotion> {
  const current = await trx.selectFrom('promotions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!current) throw new NotFound('Promotion', id);
  const merged = {
    kind: current.kind,
    value: changes.value ?? current.value,
    currency: changes.currency !== undefined ? changes.currency : current.currency,
    minimumSubtotal: changes.minimumSubtotal ?? current.minimum_subtotal,
    startsAt: changes.startsAt !== undefined ? changes.startsAt : current.starts_at,
    endsAt: changes.endsAt !== undefined ? changes.endsAt : current.ends_at,
  };
  const problems = promotionProblems(merged);
  if (problems.length) throw new InvalidInput(problems.map((problem) => ({ field: `body.${problem.field}`, message: problem.message })));
  if (changes.usageLimit !== undefined && changes.usageLimit !== null && changes.usageLimit < current.times_used) {
    throw new RuleViolation('usage-limit-below-times-used', `Code ${current.code} has already been used ${current.times_used} times.`, {
      timesUsed: current.times_used,
    });
  }
  await assertChannels(trx, changes.channelIds);
  const row = await trx
    .updateTable('promotions')
    .set({
      updated_at: new Date(),
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.value !== undefined ? { value: changes.value } : {}),
      ...(changes.currency !== undefined ? { currency: changes.currency } : {}),
      ...(changes.minimumSubtotal !== undefined ? { minimum_subtotal: changes.minimumSubtotal } : {}),
      ...(changes.startsAt !== undefined ? { starts_at: changes.startsAt } : {}),
      ...(changes.endsAt !== undefined ? { ends_at: changes.endsAt } : {}),
      ...(changes.usageLimit !== undefined ? { usage_limit: changes.usageLimit } : {}),
      ...(changes.channelIds !== undefined ? { channel_ids: changes.channelIds === null ? null : [...new Set(changes.channelIds)] } : {}),
      ...(changes.active !== undefined ? { active: changes.active } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPromotion(row);
}
