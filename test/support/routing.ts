import type { TestApi } from './api.ts';
import { createRuleSet } from './rule-sets.ts';

/** A channel's active rule set, with its options, created and made active through the API (test/support/rule-sets.ts). */
export async function activateRules(api: TestApi, channelId: string, document: { rules: unknown[]; options?: Record<string, unknown> }) {
  await createRuleSet(api, { channelId, ...document });
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
