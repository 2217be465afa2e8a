import type { Generated, JSONColumnType } from 'kysely';
import type { CreatedAt, Json, UpdatedAt } from '../../platform/db/columns.ts';
import type { LOCATION_TYPES } from './schema.ts';

/** Kysely's view of the tables locations owns. The migrations (`platform/db/migrations/`) create them: keep in step. */

export type LocationType = (typeof LOCATION_TYPES)[number];

/**
 * A postal address as locations store it (one JSON column) and `addressSchema` validates it. Declared here rather than
 * in the platform: it is the locations' shape, which orders reuse for a delivery group's address; customers keep
 * theirs in columns of their own (`customer_addresses`).
 */
export interface Address {
  line1: string;
  line2?: string;
  postalCode: string;
  city: string;
  region?: string;
  country: string;
}

/** Orders a location can take between two times of its day (its own time zone), e.g. a shift. */
export interface CapacityWindow {
  from: string;
  to: string;
  orders: number;
}

export interface LocationsTable {
  id: string;
  code: string;
  name: string;
  type: LocationType;
  address: Json<Address>;
  latitude: number;
  longitude: number;
  timezone: Generated<string>;
  opening_hours: Json<Record<string, string[]>>;
  capabilities: Generated<string[]>;
  daily_capacity: Generated<number>;
  active: Generated<boolean>;
  /** Units kept back from every channel's available-to-promise at this location, unless a SKU overrides it. */
  safety_stock: Generated<number>;
  /** Location groups routing rules name (e.g. `lyon`, `outlets`). */
  groups: Generated<string[]>;
  /** Capacity per time window of the day (e.g. a shift), on top of the daily capacity; 0 orders = no limit. */
  capacity_windows: JSONColumnType<CapacityWindow[], string | undefined, string>;
  /** How many days a ready pickup waits at the counter before it is cancelled and restocked. */
  pickup_window_days: Generated<number>;
  /** How many hours before the pickup window ends the customer is reminded (0: no reminder). */
  pickup_reminder_hours: Generated<number>;
  /** Picking must be proven by scanning every unit before a group is packed, shipped or made ready. */
  must_scan: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface LocationsTables {
  locations: LocationsTable;
}
