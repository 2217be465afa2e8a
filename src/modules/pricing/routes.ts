import { z } from 'zod';
import { ADMIN, ANY_ROLE, assertActsForChannel } from '../../platform/auth/principal.ts';
import { pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { idParams } from '../../platform/http/params.ts';
import { InvalidInput } from '../../platform/errors.ts';
import type { AisleApp } from '../../platform/http/types.ts';
import { inTransaction } from '../../platform/http/unit-of-work.ts';
import { deleteDeliveryRate, listDeliveryRates, putDeliveryRate } from './delivery-rates.ts';
import { createPromotion, getPromotion, listPromotions, updatePromotion } from './promotions.ts';
import {
  createPromotionBody,
  deliveryRateSchema,
  listDeliveryRatesQuery,
  listPromotionsQuery,
  promotionSchema,
  putDeliveryRateBody,
  quoteBody,
  quoteSchema,
  updatePromotionBody,
} from './schema.ts';
import { assertMayDiscountByHand } from './manual-discounts.ts';
import { quote } from './service.ts';

const tags = ['Pricing'];

export async function pricingRoutes(app: AisleApp) {
  app.post(
    '/quotes',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'quoteCart',
        summary: 'Price a cart without creating anything: the same calculation its order will make',
        description:
          'Channel price list → customer-group discount → customer discount → promotion code, never under a minimum price ' +
          '(each line says what the floor held back); VAT per tax class; shipping and packing fees per delivery group. ' +
          'A code that cannot be used now is reported with `applied: false` and a reason; an unknown code is a 422. ' +
          'Staff may give a line a discount by hand (`lines[].discount`, with its reason): last, and never under the minimum price; a channel key may not (403).',
        body: quoteBody,
        response: { 200: quoteSchema },
      },
    },
    (request) => {
      const principal = request.principal!;
      // A channel integration always quotes its own prices.
      const channelId = request.body.channelId ?? (principal.role === 'channel' ? principal.channelId! : undefined);
      if (channelId === undefined) throw new InvalidInput([{ field: 'body.channelId', message: 'is required (except with a channel key)' }]);
      if (principal.role === 'channel') assertActsForChannel(principal, channelId);
      assertMayDiscountByHand(principal, request.body.lines);
      return quote(request.server.db, { ...request.body, channelId }, new Date());
    },
  );

  app.post(
    '/promotions',
    {
      config: { access: ADMIN },
      schema: { tags, operationId: 'createPromotion', summary: 'Create a promotion code', body: createPromotionBody, response: { 201: promotionSchema } },
    },
    (request, reply) => inTransaction(request, reply, 201, (trx) => createPromotion(trx, request.body)),
  );

  app.get(
    '/promotions',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'listPromotions',
        summary: 'List promotion codes',
        querystring: listPromotionsQuery.extend(pageQuery),
        response: { 200: pageOf(promotionSchema) },
      },
    },
    (request) => listPromotions(request.server.db, request.query),
  );

  app.get(
    '/promotions/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'getPromotion',
        summary: 'Get a promotion code with how often it was used',
        params: idParams,
        response: { 200: promotionSchema },
      },
    },
    (request) => getPromotion(request.server.db, request.params.id),
  );

  app.patch(
    '/promotions/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'updatePromotion',
        summary: 'Change the terms of a promotion code (not its code or kind)',
        params: idParams,
        body: updatePromotionBody,
        response: { 200: promotionSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => updatePromotion(trx, request.params.id, request.body)),
  );

  app.put(
    '/delivery-rates',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'setDeliveryRate',
        summary: 'Set the shipping and packing fees of a delivery method, for one channel or by default',
        description: 'One rate per channel and method, and one default per method and currency; a PUT replaces it. Fees are gross.',
        body: putDeliveryRateBody,
        response: { 200: deliveryRateSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => putDeliveryRate(trx, request.body)),
  );

  app.get(
    '/delivery-rates',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'listDeliveryRates',
        summary: 'List delivery rates',
        querystring: listDeliveryRatesQuery,
        response: { 200: z.object({ items: z.array(deliveryRateSchema) }) },
      },
    },
    (request) => listDeliveryRates(request.server.db, request.query),
  );

  app.delete(
    '/delivery-rates/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'deleteDeliveryRate',
        summary: 'Remove a delivery rate (a channel then uses the default)',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    (request, reply) =>
      inTransaction(request, reply, 204, async (trx) => {
        await deleteDeliveryRate(trx, request.params.id);
        return null;
      }),
  );
}
