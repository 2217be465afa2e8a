import { ADMIN, ANY_ROLE, STAFF } from '../../platform/auth/principal.ts';
import { pageOf } from '../../platform/http/pagination.ts';
import type { AisleApp } from '../../platform/http/types.ts';
import { inTransaction } from '../../platform/http/unit-of-work.ts';
import { getPostcode, putPostcodes } from './postcodes.ts';
import { listPreorders, putPreorder } from './preorders.ts';
import { listProductLocations, putProductLocation } from './product-locations.ts';
import {
  listPreordersQuery,
  listProductLocationsQuery,
  postcodeCentroidSchema,
  postcodeParams,
  postcodesWrittenSchema,
  preorderSchema,
  productLocationSchema,
  putPostcodesBody,
  putPreorderBody,
  putProductLocationBody,
} from './schema.ts';

const tags = ['Routing'];

/** 10,000 postcode rows with long decimals pass the default 1 MB. */
const POSTCODES_BODY_LIMIT = 4 * 1024 * 1024;

/** The facts routing rules filter on, besides locations' groups and windows and products' tags: set by admins. */
export async function routingFactsRoutes(app: AisleApp) {
  app.put(
    '/routing/product-locations',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'setRoutingProductLocation',
        summary: 'Say whether orders for a product may be sent from, and collected at, a location',
        description: 'Without a row for the pair, both are allowed. A PUT replaces the pair’s flags.',
        body: putProductLocationBody,
        response: { 200: productLocationSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => putProductLocation(trx, request.body)),
  );

  app.get(
    '/routing/product-locations',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'listRoutingProductLocations',
        summary: 'The product × location flags set for a product or at a location (store staff: their own store’s)',
        querystring: listProductLocationsQuery,
        response: { 200: pageOf(productLocationSchema) },
      },
    },
    (request) => listProductLocations(request.server.db, request.principal!, request.query),
  );

  app.put(
    '/routing/postcodes',
    {
      config: { access: ADMIN },
      bodyLimit: POSTCODES_BODY_LIMIT,
      schema: {
        tags,
        operationId: 'setPostcodeCentroids',
        summary: 'Create or move postcode centroids (up to 10,000 a request), for distances to addresses without coordinates',
        body: putPostcodesBody,
        response: { 200: postcodesWrittenSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => putPostcodes(trx, request.body.rows)),
  );

  app.get(
    '/routing/postcodes/:country/:postalCode',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'getPostcodeCentroid',
        summary: 'Where a postcode lies',
        params: postcodeParams,
        response: { 200: postcodeCentroidSchema },
      },
    },
    (request) => getPostcode(request.server.db, request.params.country, request.params.postalCode),
  );

  app.put(
    '/routing/preorders',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'setPreorderAllowance',
        summary: 'Allow units of a SKU to be sold before any stock exists, expected on a date',
        body: putPreorderBody,
        response: { 200: preorderSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => putPreorder(trx, request.body)),
  );

  app.get(
    '/routing/preorders',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'listPreorderAllowances',
        summary: 'Preorder allowances, by SKU',
        querystring: listPreordersQuery,
        response: { 200: pageOf(preorderSchema) },
      },
    },
    (request) => listPreorders(request.server.db, request.query),
  );
}
