/*
 * The words pricing prices with: how goods are delivered, the kinds of promotion, how a delivery rate is priced.
 * Plain values without imports, so that the pure engine, the API schemas and the table types all say them the same way.
 */

export const DELIVERY_METHODS = ['ship_to_address', 'pickup_in_store', 'ship_to_store'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export const PROMOTION_KINDS = ['percentage', 'fixed_amount', 'free_shipping'] as const;
export type PromotionKind = (typeof PROMOTION_KINDS)[number];

export const SHIPPING_PRICINGS = ['flat', 'weight_band', 'free_above'] as const;
export type ShippingPricingKind = (typeof SHIPPING_PRICINGS)[number];

/** A delivery rate priced by weight: the first band the parcel's weight fits in gives the amount. */
export interface WeightBand {
  upToGrams: number;
  amount: number;
}
