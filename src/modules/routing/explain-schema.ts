import { z } from 'zod';
import { requestExample } from '../../platform/http/openapi.ts';
import { addressSchema } from '../locations/schema.ts';
import { DELIVERY_METHODS } from '../pricing/terms.ts';
import { RANKINGS } from './rules.ts';

/** Requests and answers of the routing explanation, dry run and replay (explain-routes.ts). */

const OUTCOMES = ['routed', 'split', 'backordered', 'parked', 'rejected'] as const;
export type OutcomeWord = (typeof OUTCOMES)[number];

const candidateSchema = z
  .object({
    locationId: z.string(),
    code: z.string(),
    distanceKm: z.number().nullable().describe('To the destination (the address or its postcode centroid, or the pickup store); null when unknown.'),
    removedBy: z.object({ filter: z.string(), detail: z.string().describe('The values compared, e.g. "capacity 40/40 today", "212 km > 200 km".') }).optional(),
    keys: z.partialRecord(z.enum(RANKINGS), z.number().nullable()).optional().describe('Its ranking keys, in the order the rule ranks by.'),
    rank: z.number().int().optional(),
  })
  .meta({ id: 'RoutingCandidate' });

const ruleTraceSchema = z
  .object({
    rule: z.number().int().describe("The rule's position in the rule set, from 0."),
    name: z.string(),
    skipped: z.string().optional().describe('Why the rule is not for this order (its order filters).'),
    candidates: z.array(candidateSchema).optional(),
    removedCounts: z
      .record(z.string(), z.number().int())
      .optional()
      .describe('A stored trace over 30 candidates keeps the 10 best ranked and 3 examples per filter: how many each filter removed.'),
    result: z.string(),
  })
  .meta({ id: 'RoutingRuleTrace' });

const ruleRef = z.object({ index: z.number().int(), name: z.string() }).nullable().describe('The rule that decided; null when none did.');
const lineSchema = z.object({ sku: z.string(), quantity: z.number().int() });
const summary = z.array(z.string()).describe('The decision in sentences: each rule tried, the locations it removed and why, the ranking, the outcome.');

export const routingDecisionSchema = z
  .object({
    id: z.number().int(),
    trigger: z.string().describe('order_placed, batch or reroute.'),
    createdAt: z.string(),
    ruleSet: z.object({ id: z.uuid(), version: z.number().int() }).nullable().describe('null: the default rules (the channel had no active rule set).'),
    deliveryGroup: z.number().int().describe('The delivery group of the order as placed (its position in the request).'),
    outcome: z.enum(OUTCOMES),
    rule: ruleRef,
    availableAt: z.string().nullable().describe('A backorder: when its stock is expected.'),
    queue: z.string().nullable().describe('A parked group: the queue it waits in.'),
    shipments: z.array(
      z.object({
        deliveryGroupId: z.uuid(),
        locationId: z.uuid().nullable(),
        locationCode: z.string().nullable(),
        status: z.string(),
        lines: z.array(lineSchema.extend({ lineId: z.uuid() })),
      }),
    ),
    trace: z.array(ruleTraceSchema),
    summary,
  })
  .meta({ id: 'RoutingDecision' });

export const orderRoutingSchema = z
  .object({ orderId: z.uuid(), number: z.string(), decisions: z.array(routingDecisionSchema).describe('Oldest first.') })
  .meta({ id: 'OrderRouting' });

const ruleSetRef = z.object({
  id: z.uuid(),
  channelId: z.uuid(),
  version: z.number().int(),
  name: z.string(),
  status: z.enum(['draft', 'active', 'archived']),
});

// ---- dry run

const sampleGroup = z
  .object({
    method: z.enum(DELIVERY_METHODS),
    pickupLocationId: z.uuid().optional().describe('ship_to_store: the store that hands over. pickup_in_store: its own shelf, which is not routed.'),
    address: addressSchema.optional().describe('Where to ship; for pickup_in_store, where the customer is: routing chooses the store.'),
  })
  .refine(
    (group) =>
      group.method === 'ship_to_address' || group.pickupLocationId !== undefined || (group.method === 'pickup_in_store' && group.address !== undefined),
    { path: ['pickupLocationId'], message: 'is required to pick up (or, in store, an address near which routing finds a store)' },
  )
  .refine((group) => group.method !== 'ship_to_address' || group.address !== undefined, { path: ['address'], message: 'is required to ship to an address' });

export const sampleOrderSchema = z.object({
  lines: z
    .array(
      z.object({ sku: z.string().min(1).max(100), quantity: z.number().int().min(1).max(10_000), deliveryGroup: z.number().int().min(0).max(19).default(0) }),
    )
    .min(1)
    .max(200),
  deliveryGroups: z.array(sampleGroup).min(1).max(20),
  priority: z.number().int().min(0).max(9).optional(),
});
export type SampleOrder = z.infer<typeof sampleOrderSchema>;

export const dryRunBody = z
  .union([
    z.object({ orderId: z.uuid().describe("An order of the rule set's channel: its routed delivery groups, as placed.") }),
    z.object({ order: sampleOrderSchema.describe("A sample order for the rule set's channel.") }),
  ])
  .meta(
    requestExample({
      order: {
        lines: [{ sku: 'TSHIRT-NAVY-M', quantity: 2, deliveryGroup: 0 }],
        deliveryGroups: [{ method: 'ship_to_address', address: { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon', country: 'FR' } }],
      },
    }),
  );
export type DryRunBody = z.infer<typeof dryRunBody>;

const shipmentSchema = z.object({ locationId: z.uuid().nullable(), locationCode: z.string().nullable(), lines: z.array(lineSchema) });

export const dryRunDecisionSchema = z.object({
  deliveryGroup: z.number().int(),
  outcome: z.enum(OUTCOMES),
  rule: ruleRef,
  availableAt: z.string().nullable(),
  queue: z.string().nullable(),
  reason: z.string().nullable().describe('A rejection: why.'),
  shipments: z.array(shipmentSchema).describe('Where the goods would leave from (or wait, backordered).'),
  trace: z.array(ruleTraceSchema).describe('Every candidate, never compacted.'),
  summary,
});
export type DryRunDecision = z.infer<typeof dryRunDecisionSchema>;

export const dryRunSchema = z
  .object({
    ruleSet: ruleSetRef,
    orderId: z.uuid().nullable(),
    decisions: z.array(dryRunDecisionSchema),
    notRouted: z
      .array(z.object({ deliveryGroup: z.number().int(), locationId: z.uuid().nullable(), reason: z.string() }))
      .describe('Groups whose location was named, not chosen by routing.'),
    note: z.string(),
  })
  .meta({ id: 'RoutingDryRun' });

// ---- replay

export const replayBody = z
  .object({
    days: z.number().int().min(1).max(90).describe("The channel's orders placed in the last `days` days."),
    limit: z.number().int().min(1).max(10_000).default(1000).describe('At most this many orders, the newest.'),
  })
  .meta(requestExample({ days: 7, limit: 1000 }));

const sideSchema = z.object({
  locationsUsed: z.record(z.string(), z.number().int()).describe('Shipments per location code.'),
  splitRatePercent: z.number().describe('Groups sent in more than one shipment, in % of the groups compared.'),
  averageDistanceKm: z.number().nullable().describe('Per shipment, to the destination when known; null when none is.'),
  ordersUnfillable: z.number().int().describe('Orders with a group rejected, parked or backordered.'),
  groups: z.object({ routed: z.number().int(), split: z.number().int(), backordered: z.number().int(), parked: z.number().int(), rejected: z.number().int() }),
});
export type ReplaySide = z.infer<typeof sideSchema>;

export const replaySchema = z
  .object({
    ruleSet: ruleSetRef,
    since: z.string(),
    orders: z.object({
      read: z.number().int().describe("The channel's orders placed since then (at most `limit`)."),
      compared: z.number().int().describe('Those with a delivery group routing chose for.'),
      differing: z.number().int().describe('Those the rule set would send from other locations, or not send.'),
    }),
    before: sideSchema
      .extend({
        decidedBy: z.array(z.object({ ruleSetId: z.uuid().nullable(), version: z.number().int().nullable(), groups: z.number().int() })),
      })
      .describe('What was decided when the orders were placed.'),
    after: sideSchema.describe('What the rule set decides now.'),
    examples: z
      .array(z.object({ orderId: z.uuid(), number: z.string(), before: z.array(z.string()), after: z.array(z.string()) }))
      .describe('Up to 50 orders that differ: per delivery group, the locations (or what it waits for).'),
    note: z.string(),
  })
  .meta({ id: 'RoutingReplay' });
export type Replay = z.infer<typeof replaySchema>;
