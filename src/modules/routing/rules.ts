import { z } from 'zod';
import { CAPABILITIES, LOCATION_TYPES } from '../locations/schema.ts';
import { DELIVERY_METHODS } from '../pricing/terms.ts';

/**
 * A rule set's words: what a retailer writes to say where orders go. Plain data, validated here, stored as one JSON
 * document per version (tables.ts), read by the pure engine (engine.ts). docs/routing.md explains each with examples.
 */

const tag = z.string().min(1).max(64);

/** Which orders (delivery groups) a rule is for; every condition given must hold. */
export const orderFilterSchema = z
  .object({
    channelIds: z.array(z.uuid()).max(100).optional().describe('The selling channel is one of these.'),
    deliveryMethods: z.array(z.enum(DELIVERY_METHODS)).max(DELIVERY_METHODS.length).optional(),
    promisedWithinHours: z
      .object({ min: z.number().min(0).max(8760).optional(), max: z.number().min(0).max(8760).optional() })
      .optional()
      .describe('The delivery promised between min and max hours from now.'),
    priority: z
      .object({ min: z.number().int().min(0).max(9).optional(), max: z.number().int().min(0).max(9).optional() })
      .optional()
      .describe("The order's priority (0 normal … 9 most urgent)."),
    productTags: z.array(tag).max(50).optional().describe("A line's product carries one of these tags (its category or any tag)."),
  })
  .meta({ id: 'RoutingOrderFilter' });
export type OrderFilter = z.infer<typeof orderFilterSchema>;

/** Which locations may send the group; each filter removes the locations that fail it, and the explanation says why. */
export const locationFilterSchema = z
  .object({
    types: z.array(z.enum(LOCATION_TYPES)).max(LOCATION_TYPES.length).optional(),
    groups: z.array(tag).max(50).optional().describe('The location belongs to one of these location groups.'),
    excludeGroups: z.array(tag).max(50).optional(),
    capabilities: z
      .array(z.enum(CAPABILITIES))
      .max(CAPABILITIES.length)
      .optional()
      .describe('Every one is required. Without it: ships_orders or ship_from_store to send a parcel, nothing more to hand over in the store itself.'),
    maxDistanceKm: z
      .number()
      .positive()
      .max(40_000)
      .optional()
      .describe('From the delivery address (its coordinates, else its postcode centroid) or the pickup store.'),
    openToday: z.boolean().optional().describe('The location has opening hours today (its own time zone).'),
    underCapacity: z.boolean().optional().describe('Orders routed to it today (and in the current capacity window) are under its capacity; 0 = none.'),
    routingSafetyStock: z.number().int().min(0).max(100_000).optional().describe('Units the location must keep beyond the order, per SKU.'),
    minimumShipmentValue: z.number().int().min(0).optional().describe('The value of the goods it would send (minor units) is at least this.'),
  })
  .meta({ id: 'RoutingLocationFilter' });
export type LocationFilter = z.infer<typeof locationFilterSchema>;

export const RANKINGS = ['distance', 'stock_after', 'remaining_capacity', 'sequence', 'fulfilment_cost'] as const;
export type Ranking = (typeof RANKINGS)[number];

export const ruleSchema = z
  .object({
    name: z.string().min(1).max(100),
    orders: orderFilterSchema.default({}).describe('The orders the rule is for.'),
    excludeOrders: orderFilterSchema
      .optional()
      .describe('Orders it is not for, even if the order filter matches them (any condition given that holds excludes).'),
    locations: locationFilterSchema.default({}),
    ranking: z
      .array(z.enum(RANKINGS))
      .max(RANKINGS.length)
      .default(['distance'])
      .describe('Best first, compared key by key: nearest, most left after the order, most capacity left, the sequence given, cheapest.'),
    sequence: z.array(z.uuid()).max(1000).optional().describe('For the `sequence` ranking: locations in the order preferred (others after).'),
    costs: z
      .object({
        byType: z.partialRecord(z.enum(LOCATION_TYPES), z.number().int().min(0)).optional(),
        byLocation: z.record(z.uuid(), z.number().int().min(0)).optional(),
      })
      .optional()
      .describe('For the `fulfilment_cost` ranking: cost per shipment (minor units), per location or per location type.'),
    allocation: z
      .object({
        split: z.boolean().default(false).describe('May the group leave from several locations?'),
        maxShipments: z.number().int().min(1).max(20).default(2),
      })
      .default({ split: false, maxShipments: 2 })
      .describe('One location for the whole group, or split: the fewest shipments first, at most maxShipments; lines of a kit stay together.'),
    whenNothingQualifies: z
      .enum(['next_rule', 'backorder', 'park', 'reject'])
      .default('next_rule')
      .describe(
        'next_rule: try the next rule; backorder: accept against incoming stock with a promised date; park: wait in `queue` for a person; reject: refuse the order.',
      ),
    queue: z.string().min(1).max(64).optional().describe('The queue a parked order waits in (park).'),
  })
  .refine((rule) => rule.whenNothingQualifies !== 'park' || rule.queue !== undefined, { path: ['queue'], message: 'is required to park' })
  .refine((rule) => !rule.ranking.includes('sequence') || rule.sequence !== undefined, { path: ['sequence'], message: 'is required to rank by sequence' })
  .meta({ id: 'RoutingRule' });
export type Rule = z.infer<typeof ruleSchema>;

export const ruleSetOptionsSchema = z
  .object({
    mergeShipments: z.boolean().default(false).describe("Merge a new shipment with the customer's open one to the same address from the same location."),
    maxRejections: z.number().int().min(1).max(20).default(3).describe('After this many rejections a line goes to the `rejected` queue for a person.'),
    pickupRejected: z
      .enum(['reroute', 'ask_customer'])
      .default('reroute')
      .describe('A pickup store rejecting lines: send them from another location to it, or ask the customer (event order.pickup_unavailable).'),
  })
  .meta({ id: 'RoutingRuleSetOptions' });
export type RuleSetOptions = z.infer<typeof ruleSetOptionsSchema>;

/** The rules of one version of a rule set, tried in order for each delivery group. */
export const rulesDocumentSchema = z.object({
  rules: z.array(ruleSchema).min(1).max(50),
  options: ruleSetOptionsSchema.default({ mergeShipments: false, maxRejections: 3, pickupRejected: 'reroute' }),
});
export type RulesDocument = z.infer<typeof rulesDocumentSchema>;
