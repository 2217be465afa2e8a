import { newId } from '../../src/platform/ids.ts';
import { rulesDocumentSchema } from '../../src/modules/routing/rules.ts';
import type { TestApi } from './api.ts';

/**
 * A routing rule set written straight into routing_rule_sets: the rule set API (POST /v1/routing/rule-sets, activate)
 * is built on another branch; once merged, tests create and activate rule sets through it instead of this.
 */
export async function insertRuleSet(
  api: TestApi,
  ruleSet: { channelId: string; version: number; name: string; status: 'draft' | 'active' | 'archived'; rules: unknown[]; options?: unknown },
): Promise<string> {
  const id = newId();
  const document = rulesDocumentSchema.parse({ rules: ruleSet.rules, options: ruleSet.options });
  await api.database.db
    .insertInto('routing_rule_sets')
    .values({
      id,
      channel_id: ruleSet.channelId,
      version: ruleSet.version,
      name: ruleSet.name,
      status: ruleSet.status,
      document: JSON.stringify(document),
      activated_at: ruleSet.status === 'active' ? new Date() : null,
    })
    .execute();
  return id;
}
