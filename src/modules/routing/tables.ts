import type { Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from '../../platform/db/columns.ts';
import type { RulesDocument } from './rules.ts';

/** Kysely's view of the tables routing owns. The migrations (`platform/db/migrations/`) create them: keep in step. */

export type RuleSetStatus = 'draft' | 'active' | 'archived';

export interface RoutingRuleSetsTable {
  id: string;
  channel_id: string;
  version: number;
  name: string;
  status: RuleSetStatus;
  document: Json<RulesDocument>;
  created_by: Generated<string>;
  created_at: CreatedAt;
  activated_at: Timestamp | null;
  archived_at: Timestamp | null;
}

/** Per product and location: may orders be routed there, may it be picked up there (both true without a row). */
export interface RoutingProductLocationsTable {
  product_id: string;
  location_id: string;
  may_route: Generated<boolean>;
  may_pickup: Generated<boolean>;
}

/** Where a postcode lies, for distances to an address without coordinates (no geocoding over the network). */
export interface PostcodeCentroidsTable {
  country: string;
  postal_code: string;
  latitude: number;
  longitude: number;
}

/** Delivery groups routed to a location per hour, in a few shards so that concurrent orders rarely wait on one row. */
export interface RoutingLoadTable {
  location_id: string;
  hour: Timestamp;
  shard: number;
  orders: Generated<number>;
}

export interface RoutingDecisionsTable {
  id: Generated<number>;
  order_id: string;
  /** order_placed, batch, reroute. */
  trigger: string;
  rule_set_id: string | null;
  rule_set_version: number | null;
  /** routed, split, backordered, parked, rejected. */
  outcome: string;
  explanation: Json<object>;
  actor: Generated<string>;
  created_at: CreatedAt;
}

export interface RoutingRejectionsTable {
  id: Generated<number>;
  order_id: string;
  delivery_group_id: string;
  location_id: string;
  line_id: string;
  quantity: number;
  reason: string;
  actor: Generated<string>;
  created_at: CreatedAt;
}

/** Units of a variant that may be sold before any stock exists, with the date they are expected. */
export interface PreorderAllowancesTable {
  variant_id: string;
  quantity: number;
  available_at: Timestamp;
}

export interface RoutingTables {
  routing_rule_sets: RoutingRuleSetsTable;
  routing_product_locations: RoutingProductLocationsTable;
  postcode_centroids: PostcodeCentroidsTable;
  routing_load: RoutingLoadTable;
  routing_decisions: RoutingDecisionsTable;
  routing_rejections: RoutingRejectionsTable;
  preorder_allowances: PreorderAllowancesTable;
}
