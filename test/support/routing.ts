import { newId } from '../../src/platform/ids.ts';
import { rulesDocumentSchema } from '../../src/modules/routing/rules.ts';
import type { TestApi } from './api.ts';

/**
 * A channel's active rule set, written straight into `routing_rule_sets`: the rule-set API (routing/rule-sets.ts) is
 * being built beside the tests that use this, which move to it once it is merged. The document is checked as the API
 * will check it; the insert raises the set-up's version (migration 0016's trigger), so the next order reads it.
 */
export async function activateRules(api: TestApi, channelId: string, document: unknown, version = 1) {
  await api.database.db
    .insertInto('routing_rule_sets')
    .values({
      id: newId(),
      channel_id: channelId,
      version,
      name: `test rules v${version}`,
      status: 'active',
      document: JSON.stringify(rulesDocumentSchema.parse(document)),
    })
    .execute();
}

/** Warehouses first, then the location with most left after the order (the default rules), then what `then` says. */
export const warehouseFirst = (whenNothingQualifies: 'reject' | 'backorder' | 'park' = 'reject', queue?: string) => ({
  name: 'Warehouse first, then most stock',
  ranking: ['fulfilment_cost', 'stock_after'],
  costs: { byType: { warehouse: 0, store: 1, dropship_vendor: 2 } },
  whenNothingQualifies,
  ...(queue ? { queue } : {}),
});

/** A channel of its own (selling and fulfilling everywhere given), so that its rules touch no other test's orders. */
export async function channelFor(api: TestApi, code: string, priceListId: string, locationIds: string[]): Promise<string> {
  const response = await api.call('POST', '/v1/channels', {
    body: {
      code,
      name: `Channel ${code}`,
      type: 'web',
      currency: 'EUR',
      priceListId,
      locations: locationIds.map((locationId) => ({ locationId, sells: true, fulfils: true })),
    },
  });
  if (response.status !== 201) throw new Error(`channel: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id;
}
