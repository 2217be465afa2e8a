import type { TestApi } from './api.ts';

/**
 * A routing rule set for a channel, through the API as an admin: created as a draft (POST /v1/routing/rule-sets), then
 * made active (POST …/activate) unless `status` says draft. Returns its id.
 */
export async function createRuleSet(
  api: TestApi,
  ruleSet: { channelId: string; name?: string; status?: 'draft' | 'active'; rules: unknown[]; options?: Record<string, unknown> },
): Promise<string> {
  const created = await api.call('POST', '/v1/routing/rule-sets', {
    body: {
      channelId: ruleSet.channelId,
      name: ruleSet.name ?? 'Test rules',
      document: { rules: ruleSet.rules, ...(ruleSet.options ? { options: ruleSet.options } : {}) },
    },
  });
  if (created.status !== 201) throw new Error(`rule set: ${created.status} ${JSON.stringify(created.body)}`);
  if (ruleSet.status !== 'draft') {
    const activated = await api.call('POST', `/v1/routing/rule-sets/${created.body.id}/activate`);
    if (activated.status !== 200) throw new Error(`activate: ${activated.status} ${JSON.stringify(activated.body)}`);
  }
  return created.body.id;
}
