import { z } from 'zod';
import { ADMIN, type Role } from '../../platform/auth/principal.ts';
import { pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { idParams } from '../../platform/http/params.ts';
import { PAYMENT_UNAVAILABLE } from '../../platform/http/problem.ts';
import type { AisleApp } from '../../platform/http/types.ts';
import { inTransaction } from '../../platform/http/unit-of-work.ts';
import { purchaseRequestPdf, type Requester } from './document.ts';
import { confirmPurchaseRequestBody, listPurchaseRequestsQuery, purchaseRequestSchema, shipPurchaseRequestBody } from './schema.ts';
import * as dropship from './service.ts';

export interface DropshipRouteOptions {
  /** The orders module: a vendor's shipment ships its delivery group (orders/dropship.ts). */
  orders: dropship.VendorShipments;
  /** Who asks the vendors, printed on the requests' PDF. */
  retailer: Requester;
}

/** Readers of purchase requests: admins, and a channel key for its own orders' (store keys: 403; vendors have no keys). */
const READERS: readonly Role[] = ['admin', 'channel'];

/** Purchase requests to drop-ship vendors: read (and as a PDF), confirmed and shipped for the vendor. */
export async function dropshipRoutes(app: AisleApp, options: DropshipRouteOptions) {
  const { orders, retailer } = options;
  const tags = ['Drop ship'];

  app.get(
    '/purchase-requests',
    {
      config: { access: READERS },
      schema: {
        tags,
        operationId: 'listPurchaseRequests',
        summary: "List purchase requests to drop-ship vendors, newest first (a channel key: its own orders')",
        querystring: listPurchaseRequestsQuery.extend(pageQuery),
        response: { 200: pageOf(purchaseRequestSchema) },
      },
    },
    (request) => dropship.listPurchaseRequests(request.server.db, request.principal!, request.query),
  );

  app.get(
    '/purchase-requests/:id',
    {
      config: { access: READERS },
      schema: { tags, operationId: 'getPurchaseRequest', summary: 'Get a purchase request', params: idParams, response: { 200: purchaseRequestSchema } },
    },
    (request) => dropship.getPurchaseRequest(request.server.db, request.principal!, request.params.id),
  );

  app.get(
    '/purchase-requests/:id/document',
    {
      config: { access: READERS },
      schema: {
        tags,
        operationId: 'getPurchaseRequestDocument',
        summary: 'The purchase request as the vendor reads it: a PDF (vendor, ship-to address, lines, order number)',
        params: idParams,
        response: {
          200: { description: 'The PDF document.', content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } } },
        },
      },
    },
    async (request, reply) => {
      const pdf = await purchaseRequestPdf(request.server.db, request.principal!, request.params.id, retailer);
      reply.type('application/pdf').header('content-disposition', `inline; filename="purchase-request-${request.params.id}.pdf"`);
      // Sent as is (Fastify never serialises a Buffer); the schema says "binary string", which is what a client receives.
      return reply.send(pdf as unknown as string);
    },
  );

  app.post(
    '/purchase-requests/:id/confirm',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'confirmPurchaseRequest',
        summary: 'The vendor acknowledged the request (recorded for it: vendors have no credentials of their own)',
        params: idParams,
        body: confirmPurchaseRequestBody,
        response: { 200: purchaseRequestSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => dropship.confirmPurchaseRequest(trx, request.principal!, request.params.id, request.body)),
  );

  app.post(
    '/purchase-requests/:id/ship',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'shipPurchaseRequest',
        summary: "The vendor sent the parcel: its delivery group ships (vendor's stock deducted, payment captured, order.shipped)",
        params: idParams,
        body: shipPurchaseRequestBody,
        response: { 200: purchaseRequestSchema, 503: PAYMENT_UNAVAILABLE },
      },
    },
    (request, reply) =>
      inTransaction(request, reply, 200, (trx) => dropship.shipPurchaseRequest(trx, request.principal!, request.params.id, request.body, orders)),
  );
}
