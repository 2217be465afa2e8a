import { z } from 'zod';
import { requestExample } from '../../platform/http/openapi.ts';
import { pageQuery } from '../../platform/http/pagination.ts';
import { countrySchema } from '../../platform/http/params.ts';
import { skuSchema } from '../catalog/schema.ts';
import { RULE_SET_STATUSES } from './rule-set-machine.ts';
import { rulesDocumentSchema } from './rules.ts';

/** The routing set-up's requests and answers: rule sets per channel, and the facts rules filter on. */

// Rule sets.

const EXAMPLE_DOCUMENT = {
  rules: [
    {
      name: 'Lyon parcels from a Lyon store',
      orders: { deliveryMethods: ['ship_to_address'] },
      locations: { groups: ['lyon'], capabilities: ['ship_from_store'], maxDistanceKm: 30, underCapacity: true },
      ranking: ['distance', 'stock_after'],
    },
    {
      name: 'Warehouse, else a person decides',
      locations: { types: ['warehouse'] },
      ranking: ['stock_after'],
      allocation: { split: true, maxShipments: 2 },
      whenNothingQualifies: 'park',
      queue: 'routing-desk',
    },
  ],
  options: { mergeShipments: false, maxRejections: 3, pickupRejected: 'reroute' },
};

const ruleSetName = z.string().trim().min(1).max(200);

export const createRuleSetBody = z
  .object({
    channelId: z.uuid().describe('The channel whose orders these rules route.'),
    name: ruleSetName,
    document: rulesDocumentSchema.describe('The rules, tried in order for each delivery group, and the options.'),
  })
  .meta(requestExample({ channelId: '0196f3a1-2b4c-7d5e-8f60-00000000c001', name: 'Spring 2026: stores ship Lyon', document: EXAMPLE_DOCUMENT }));
export type NewRuleSet = z.infer<typeof createRuleSetBody>;

export const replaceRuleSetBody = z
  .object({ name: ruleSetName, document: rulesDocumentSchema })
  .meta(requestExample({ name: 'Spring 2026: stores ship Lyon (v2)', document: EXAMPLE_DOCUMENT }));
export type RuleSetContent = z.infer<typeof replaceRuleSetBody>;

export const listRuleSetsQuery = z.object({
  channelId: z.uuid().optional(),
  status: z.enum(RULE_SET_STATUSES).optional(),
});

export const ruleSetSchema = z
  .object({
    id: z.uuid(),
    channelId: z.uuid(),
    version: z.number().int().describe('1, 2, … per channel, in the order they were created.'),
    name: z.string(),
    status: z.enum(RULE_SET_STATUSES).describe('draft (may change), active (routes the channel’s orders; one per channel) or archived.'),
    document: rulesDocumentSchema,
    createdBy: z.string().describe('Who created it: `user:<id>`, `api-key:<id>` or `admin-key`.'),
    createdAt: z.string(),
    activatedAt: z.string().nullable().describe('When it was last made active.'),
    archivedAt: z.string().nullable().describe('When it was archived, if it is.'),
  })
  .meta({ id: 'RoutingRuleSet' });
export type RuleSet = z.infer<typeof ruleSetSchema>;

// Product × location flags.

const productLocationFields = {
  productId: z.uuid(),
  locationId: z.uuid(),
  mayRoute: z.boolean().describe('Orders for the product may be sent from the location.'),
  mayPickup: z.boolean().describe('The product may be collected at the location (a store).'),
};

export const productLocationSchema = z.object(productLocationFields).meta({ id: 'RoutingProductLocation' });
export type ProductLocation = z.infer<typeof productLocationSchema>;

/** Without a row for a pair, the product may be routed to and picked up at the location. */
export const putProductLocationBody = z.object(productLocationFields).meta(
  requestExample({
    productId: '0196f3a1-2b4c-7d5e-8f60-00000000a001',
    locationId: '0196f3a1-2b4c-7d5e-8f60-000000005101',
    mayRoute: true,
    mayPickup: false,
  }),
);

export const listProductLocationsQuery = z
  .object({ ...pageQuery, productId: z.uuid().optional(), locationId: z.uuid().optional() })
  .refine((query) => query.productId !== undefined || query.locationId !== undefined, {
    path: ['productId'],
    message: 'name a product or a location (or both)',
  });
export type ProductLocationFilter = z.infer<typeof listProductLocationsQuery>;

// Postcode centroids.

export const MAX_POSTCODES_PER_REQUEST = 10_000;

const postalCode = z.string().trim().min(1).max(20);

export const postcodeCentroidSchema = z
  .object({
    country: countrySchema,
    postalCode: z.string().describe('Upper case, without spaces: `SW1A1AA`, `69002`.'),
    latitude: z.number(),
    longitude: z.number(),
  })
  .meta({ id: 'PostcodeCentroid' });
export type PostcodeCentroid = z.infer<typeof postcodeCentroidSchema>;

export const putPostcodesBody = z
  .object({
    rows: z
      .array(
        z.object({
          country: countrySchema,
          postalCode: postalCode.describe('Kept upper case and without spaces, as addresses are looked up.'),
          latitude: z.number().min(-90).max(90),
          longitude: z.number().min(-180).max(180),
        }),
      )
      .min(1)
      .max(MAX_POSTCODES_PER_REQUEST),
  })
  .meta(
    requestExample({
      rows: [
        { country: 'FR', postalCode: '69001', latitude: 45.7676, longitude: 4.8345 },
        { country: 'FR', postalCode: '69002', latitude: 45.7531, longitude: 4.8283 },
      ],
    }),
  );
export type PostcodeRows = z.infer<typeof putPostcodesBody>['rows'];

export const postcodesWrittenSchema = z.object({ written: z.number().int().describe('Rows created or changed.') });

export const postcodeParams = z.object({ country: countrySchema, postalCode });

// Preorder allowances.

export const putPreorderBody = z
  .object({
    sku: skuSchema,
    quantity: z.number().int().min(0).max(1_000_000).describe('Units that may be sold before any stock exists; 0 allows none.'),
    availableAt: z.iso.datetime({ offset: true }).describe('When they are expected: the date a backordered customer is promised.'),
  })
  .meta(requestExample({ sku: 'TSHIRT-NAVY-M', quantity: 200, availableAt: '2026-09-01T00:00:00+02:00' }));
export type NewPreorder = z.infer<typeof putPreorderBody>;

export const preorderSchema = z
  .object({ variantId: z.uuid(), sku: z.string(), quantity: z.number().int(), availableAt: z.string() })
  .meta({ id: 'PreorderAllowance' });
export type Preorder = z.infer<typeof preorderSchema>;

export const listPreordersQuery = z.object({ ...pageQuery, sku: z.string().max(64).optional() });
