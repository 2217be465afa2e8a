import type { Choice, DeliveryGroupToRoute, RoutingStrategy, StockAt } from './strategy.ts';

/**
 * Today's rule: a location that can send every line of the group, warehouses before stores (a store's stock also
 * serves its own customers), then the one with the most to spare after the group (the least likely to run short).
 * Groups are chosen each on its own, against the same stock.
 */
export const warehouseFirst: RoutingStrategy = {
  chooseLocations: (groups, stock) => groups.map((group) => chooseOne(group, stock)),
};

function chooseOne(group: DeliveryGroupToRoute, stock: StockAt): Choice {
  const need = new Map<string, { sku: string; quantity: number }>();
  for (const line of group.lines) {
    const entry = need.get(line.variantId);
    need.set(line.variantId, { sku: entry?.sku ?? line.sku, quantity: (entry?.quantity ?? 0) + line.quantity });
  }
  let best: { id: string; warehouse: boolean; spare: number } | undefined;
  for (const location of group.candidates) {
    // What the location keeps after sending the group: its tightest variant.
    const spare = Math.min(...[...need].map(([variantId, { quantity }]) => stock(variantId, location.id) - quantity));
    if (spare < 0) continue;
    const warehouse = location.type === 'warehouse';
    // The first of equals wins, as in a stable sort.
    if (!best || (warehouse && !best.warehouse) || (warehouse === best.warehouse && spare > best.spare)) best = { id: location.id, warehouse, spare };
  }
  if (best) return { locationId: best.id };
  return {
    shortages: [...need].map(([variantId, { sku, quantity }]) => ({
      variantId,
      sku,
      requested: quantity,
      available: group.candidates.reduce((sum, location) => sum + stock(variantId, location.id), 0),
    })),
  };
}
