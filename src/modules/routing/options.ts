import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { ruleSetOptionsSchema, type RuleSetOptions } from './rules.ts';

/**
 * The options of a channel's active rule set (rules.ts), for work done after an order is placed (the automatic
 * shipment merges): one read of the one active version. Null when the channel has no rule set (the default rules
 * have the options' defaults).
 */
export async function activeRuleSetOptions(db: Executor, channelId: string): Promise<RuleSetOptions | null> {
  const row = await db
    .selectFrom('routing_rule_sets')
    .select(sql<unknown>`document -> 'options'`.as('options'))
    .where('channel_id', '=', channelId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row ? ruleSetOptionsSchema.parse(row.options ?? {}) : null;
}
