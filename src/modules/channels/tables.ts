import type { Generated } from 'kysely';
import type { CreatedAt, UpdatedAt } from '../../platform/db/columns.ts';
import type { CHANNEL_TYPES } from './schema.ts';

/** Kysely's view of the tables channels owns. The migrations (`platform/db/migrations/`) create them: keep in step. */

export type ChannelType = (typeof CHANNEL_TYPES)[number];

export interface ChannelsTable {
  id: string;
  code: string;
  name: string;
  type: ChannelType;
  currency: string;
  price_list_id: string;
  store_location_id: string | null;
  enabled: Generated<boolean>;
  /** The language of customers' emails and documents when the customer has none; null: the retailer's (migration 0022). */
  language: Generated<string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ChannelLocationsTable {
  channel_id: string;
  location_id: string;
  sells: boolean;
  fulfils: boolean;
}

export interface ChannelsTables {
  channels: ChannelsTable;
  channel_locations: ChannelLocationsTable;
}
