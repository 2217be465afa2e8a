import type { Generated, JSONColumnType } from 'kysely';
import type { CreatedAt, Timestamp, UpdatedAt } from '../../platform/db/columns.ts';
import type { DeliveryMethod, PromotionKind, ShippingPricingKind, WeightBand } from './terms.ts';

/** Kysely's view of the tables pricing owns. The migrations (`platform/db/migrations/`) create them: keep in step. */

export interface PromotionsTable {
  id: string;
  /** Upper case. */
  code: string;
  name: Generated<string>;
  kind: PromotionKind;
  /** Basis points for a percentage, minor units for a fixed amount, 0 for free shipping. */
  value: number;
  currency: string | null;
  minimum_subtotal: Generated<number>;
  starts_at: Timestamp | null;
  ends_at: Timestamp | null;
  usage_limit: number | null;
  times_used: Generated<number>;
  /** null: every channel. */
  channel_ids: string[] | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PromotionRedemptionsTable {
  promotion_id: string;
  reference: string;
  redeemed_at: CreatedAt;
}

export interface DeliveryRatesTable {
  id: string;
  /** null: the default for every channel selling in `currency`. */
  channel_id: string | null;
  method: DeliveryMethod;
  pricing: ShippingPricingKind;
  amount: Generated<number>;
  free_above_amount: number | null;
  weight_bands: JSONColumnType<WeightBand[] | null, string | null, string | null>;
  packing_fee: Generated<number>;
  currency: string;
  tax_class: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PricingTables {
  promotions: PromotionsTable;
  promotion_redemptions: PromotionRedemptionsTable;
  delivery_rates: DeliveryRatesTable;
}
