import { rulesDocumentSchema } from './rules.ts';

/**
 * The rules of a channel without an active rule set: one location with every line, warehouses before stores (a
 * store's stock also serves its own customers), then the one with most to spare after the order; refused when no
 * location has it all. The fulfilment cost per type is what puts warehouses first.
 */
export const DEFAULT_RULES = rulesDocumentSchema.parse({
  rules: [
    {
      name: 'Warehouse first, then most stock',
      ranking: ['fulfilment_cost', 'stock_after'],
      costs: { byType: { warehouse: 0, store: 1, dropship_vendor: 2 } },
      whenNothingQualifies: 'reject',
    },
  ],
});
