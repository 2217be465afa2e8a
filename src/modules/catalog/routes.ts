import { z } from 'zod';
import { ADMIN, ANY_ROLE } from '../../platform/auth/principal.ts';
import { pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { idParams } from '../../platform/http/params.ts';
import type { AisleApp } from '../../platform/http/types.ts';
import { inTransaction } from '../../platform/http/unit-of-work.ts';
import {
  createPriceListBody,
  createProductBody,
  createTaxClassBody,
  listedPriceSchema,
  listPriceListsQuery,
  listPricesQuery,
  listProductsQuery,
  listVariantsQuery,
  minimumPricesBody,
  newVariantBody,
  priceListSchema,
  pricesWrittenSchema,
  productSchema,
  taxClassSchema,
  updateProductBody,
  updateVariantBody,
  upsertPricesBody,
  variantWithProductSchema,
} from './schema.ts';
import * as catalog from './service.ts';

const tags = ['Catalog'];

export async function catalogRoutes(app: AisleApp) {
  app.post(
    '/tax-classes',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'createTaxClass',
        summary: 'Add a tax class (a VAT rate products refer to)',
        body: createTaxClassBody,
        response: { 201: taxClassSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 201, (trx) => catalog.createTaxClass(trx, request.body)),
  );

  app.get(
    '/tax-classes',
    {
      config: { access: ANY_ROLE },
      schema: { tags, operationId: 'listTaxClasses', summary: 'List all tax classes', response: { 200: z.object({ items: z.array(taxClassSchema) }) } },
    },
    (request) => catalog.listTaxClasses(request.server.db),
  );

  app.post(
    '/price-lists',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'createPriceList',
        summary: 'Add a price list (one currency; channels sell from one)',
        body: createPriceListBody,
        response: { 201: priceListSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 201, (trx) => catalog.createPriceList(trx, request.body)),
  );

  app.get(
    '/price-lists',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'listPriceLists',
        summary: 'List price lists',
        querystring: listPriceListsQuery.extend(pageQuery),
        response: { 200: pageOf(priceListSchema) },
      },
    },
    (request) => catalog.listPriceLists(request.server.db, request.query),
  );

  app.get(
    '/price-lists/:id',
    {
      config: { access: ANY_ROLE },
      schema: { tags, operationId: 'getPriceList', summary: 'Get a price list', params: idParams, response: { 200: priceListSchema } },
    },
    (request) => catalog.getPriceList(request.server.db, request.params.id),
  );

  app.put(
    '/price-lists/:id/prices',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'setPrices',
        summary: 'Set up to 5,000 prices of a price list at once, by SKU or variant id (prices not named are kept)',
        params: idParams,
        body: upsertPricesBody,
        response: { 200: pricesWrittenSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => catalog.upsertPrices(trx, request.params.id, request.body.prices)),
  );

  app.get(
    '/price-lists/:id/prices',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'listPrices',
        summary: 'List the prices of a price list',
        params: idParams,
        querystring: listPricesQuery.extend(pageQuery),
        response: { 200: pageOf(listedPriceSchema) },
      },
    },
    (request) => catalog.listPrices(request.server.db, request.params.id, request.query),
  );

  app.post(
    '/products',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'createProduct',
        summary: 'Add a product with its variants, minimum prices and list prices',
        body: createProductBody,
        response: { 201: productSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 201, (trx) => catalog.createProduct(trx, request.body)),
  );

  app.get(
    '/products',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'listProducts',
        summary: 'Find products by text, SKU, barcode or status',
        querystring: listProductsQuery.extend(pageQuery),
        response: { 200: pageOf(productSchema) },
      },
    },
    (request) => catalog.listProducts(request.server.db, request.query),
  );

  app.get(
    '/products/:id',
    {
      config: { access: ANY_ROLE },
      schema: { tags, operationId: 'getProduct', summary: 'Get a product with its variants', params: idParams, response: { 200: productSchema } },
    },
    (request) => catalog.getProduct(request.server.db, request.params.id),
  );

  app.patch(
    '/products/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'updateProduct',
        summary: 'Change a product (title, description, tax class, images, status)',
        params: idParams,
        body: updateProductBody,
        response: { 200: productSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => catalog.updateProduct(trx, request.params.id, request.body)),
  );

  app.post(
    '/products/:id/variants',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'addVariant',
        summary: 'Add a variant to a product',
        params: idParams,
        body: newVariantBody,
        response: { 201: variantWithProductSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 201, (trx) => catalog.addVariant(trx, request.params.id, request.body)),
  );

  app.get(
    '/variants',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'listVariants',
        summary: 'Find variants (SKUs) by text, SKU or barcode',
        querystring: listVariantsQuery.extend(pageQuery),
        response: { 200: pageOf(variantWithProductSchema) },
      },
    },
    (request) => catalog.listVariants(request.server.db, request.query),
  );

  app.get(
    '/variants/:id',
    {
      config: { access: ANY_ROLE },
      schema: { tags, operationId: 'getVariant', summary: 'Get a variant', params: idParams, response: { 200: variantWithProductSchema } },
    },
    (request) => catalog.getVariant(request.server.db, request.params.id),
  );

  app.patch(
    '/variants/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'updateVariant',
        summary: 'Change a variant (barcode, title, options, weight)',
        params: idParams,
        body: updateVariantBody,
        response: { 200: variantWithProductSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => catalog.updateVariant(trx, request.params.id, request.body)),
  );

  app.put(
    '/variants/:id/minimum-prices',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'setMinimumPrices',
        summary: 'Replace the minimum prices of a variant (refused while a list price is under a new floor)',
        params: idParams,
        body: minimumPricesBody,
        response: { 200: variantWithProductSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => catalog.setMinimumPrices(trx, request.params.id, request.body.minimumPrices)),
  );
}
