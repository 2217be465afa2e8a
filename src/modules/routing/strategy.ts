/**
 * Routing: which location sends a delivery group's goods. The order path asks a `RoutingStrategy` to choose for the
 * groups of an order that leave the choice to Aisle (a group that names its location, or a pickup from the store's
 * own shelf, is not routed). Today's rule is `warehouseFirst`; rule sets (distance, capacity, splitting a group) will
 * be other implementations of the same interface, chosen per channel.
 */

/** A location that may send a group: one that fulfils the channel's orders (and, for ship to store, not the store itself). */
export interface CandidateLocation {
  id: string;
  /** `warehouse`, `store`, `dropship_vendor`. */
  type: string;
}

/** A delivery group waiting for its fulfilling location. */
export interface DeliveryGroupToRoute {
  /** What the group needs, one entry per order line (a SKU may come twice). */
  lines: { variantId: string; sku: string; quantity: number }[];
  candidates: CandidateLocation[];
}

/** Units available to promise of a variant at a location (0 when there is no stock row). */
export type StockAt = (variantId: string, locationId: string) => number;

/** Where a group's goods come from, or, when no candidate can send all of it, what is short per variant. */
export type Choice = { locationId: string } | { shortages: { variantId: string; sku: string; requested: number; available: number }[] };

export interface RoutingStrategy {
  /** Chooses a location for each group, in the order given: one choice per group. Pure: reads nothing but `stock`. */
  chooseLocations(groups: DeliveryGroupToRoute[], stock: StockAt): Choice[];
}
