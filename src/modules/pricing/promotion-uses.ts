import { sql, type RawBuilder } from 'kysely';
import type { Trx } from '../../platform/db/database.ts';
import { anyOf, insertRows } from '../../platform/db/statements.ts';
import { Conflict } from '../../platform/errors.ts';

/**
 * Counting the uses of promotion codes by orders, in the orders' transaction. The codes' rows are locked (in id order,
 * so that two batches never wait on each other in a circle) and the uses decided in arrival order up to each code's
 * limit; the rows stay locked until commit, so any number of processes racing for the last use grant exactly the
 * limit. The count and the redemptions are written with the orders (`promotionUsesWrites`), for those placed only.
 */

export interface PromotionUse {
  promotionId: string;
}

/** The uses that fit under their code's limit, and the others with their 409, each use as it was given. */
export async function decidePromotionUses<T extends PromotionUse>(trx: Trx, uses: T[]): Promise<{ granted: T[]; refused: { use: T; problem: Conflict }[] }> {
  if (!uses.length) return { granted: [], refused: [] };
  const ids = [...new Set(uses.map((use) => use.promotionId))].sort();
  const rows = await trx
    .selectFrom('promotions')
    .select(['id', 'code', 'times_used', 'usage_limit'])
    .where('id', '=', anyOf(ids, 'uuid'))
    .orderBy('id')
    .forUpdate()
    .execute();
  const counted = new Map(rows.map((row) => [row.id, { ...row, uses: 0 }]));
  const granted: T[] = [];
  const refused: { use: T; problem: Conflict }[] = [];
  for (const use of uses) {
    const promotion = counted.get(use.promotionId);
    // A code deleted since the order was priced has nothing left to count.
    if (!promotion) continue;
    if (promotion.usage_limit !== null && promotion.times_used + promotion.uses >= promotion.usage_limit) {
      refused.push({
        use,
        problem: new Conflict('promotion-exhausted', `Promotion code ${promotion.code} has been used as many times as it may be.`, {
          promotionId: promotion.id,
          promotionCode: promotion.code,
        }),
      });
    } else {
      promotion.uses += 1;
      granted.push(use);
    }
  }
  return { granted, refused };
}

/** The redemptions of the uses that were placed (`reference`: the order's id) and each code's new count. */
export function promotionUsesWrites(placed: (PromotionUse & { reference: string })[]): (RawBuilder<unknown> | null)[] {
  const perCode = new Map<string, number>();
  for (const use of placed) perCode.set(use.promotionId, (perCode.get(use.promotionId) ?? 0) + 1);
  return [
    insertRows(
      'promotion_redemptions',
      { promotion_id: 'uuid', reference: 'text' },
      placed.map((use) => ({ promotion_id: use.promotionId, reference: use.reference })),
    ),
    perCode.size
      ? sql`update promotions p set times_used = p.times_used + u.n from unnest(${[...perCode.keys()]}::uuid[], ${[...perCode.values()]}::int[]) as u(id, n) where p.id = u.id`
      : null,
  ];
}
