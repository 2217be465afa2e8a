import { z } from 'zod';
import { ANY_ROLE } from '../../platform/auth/principal.ts';
import { pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { idParams } from '../../platform/http/params.ts';
import { PAYMENT_UNAVAILABLE } from '../../platform/http/problem.ts';
import type { AisleApp } from '../../platform/http/types.ts';
import { idempotencyClaim } from '../../platform/http/idempotency.ts';
import { inTransaction, markReplayed } from '../../platform/http/unit-of-work.ts';
import { consumerWaitingSeconds } from '../../platform/outbox.ts';
import type { Retailer } from '../documents/retailer.ts';
import type { PaymentProviders } from '../payments/providers.ts';
import { orderDocumentRoutes } from './document-routes.ts';
import { ORDER_EMAILS } from './emails.ts';
import { SHIPMENT_MERGES } from './merge-consumer.ts';
import { mergeRoutes } from './merge-routes.ts';
import { pickupRoutes } from './pickup/routes.ts';
import { shipShipment } from './merge.ts';
import { assertMaySeeOrder, customerOrders, getOrder, orderTimeline, searchOrders } from './read.ts';
import { addressChangeBody, cancelBody, createOrderBody, noteBody, orderSchema, searchOrdersQuery, shipBody, timelineSchema } from './schema.ts';
import * as orders from './service.ts';

const tags = ['Orders'];
const groupParams = z.object({ id: z.uuid(), groupId: z.uuid() });

export interface OrderRouteOptions {
  /** Card tenders are authorised, captured, voided and refunded through these. */
  providers: PaymentProviders;
  /** Chooses where the delivery groups that do not name a location are fulfilled from. */
  /** The country of phone numbers searched for without + (RETAILER_LOCALE's). */
  phoneRegion: string;
  /** Who the invoices come from (document-routes.ts). */
  retailer: Retailer;
}

// The order emails and the automatic shipment merges are done by workers (src/workers.ts), in the processes
// configured to; every process tells how late they are running.
export async function orderRoutes(app: AisleApp, options: OrderRouteOptions) {
  const { providers, phoneRegion } = options;
  const desk = orders.orderDesk(app.db, providers, app.metrics);
  const consumers = new Map([ORDER_EMAILS, SHIPMENT_MERGES].map((consumer) => [consumer.name, consumer]));
  app.metrics.outboxConsumers([...consumers.keys()], (name) => consumerWaitingSeconds(app.db, consumers.get(name)!));
  await mergeRoutes(app);
  await orderDocumentRoutes(app, { retailer: options.retailer });

  app.post(
    '/orders',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'placeOrder',
        summary: 'Place an order from any channel: stock reserved, payment authorised, all or nothing',
        body: createOrderBody,
        response: { 201: orderSchema, 503: PAYMENT_UNAVAILABLE },
      },
    },
    async (request, reply) => {
      const { order, replayed } = await desk.submit({ principal: request.principal!, input: request.body, idempotency: idempotencyClaim(request) });
      if (replayed) markReplayed(reply);
      reply.code(201);
      return order;
    },
  );

  app.get(
    '/orders',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'searchOrders',
        summary: 'Find orders by number, scanned QR code, email or phone; newest first',
        querystring: searchOrdersQuery.extend(pageQuery),
        response: { 200: pageOf(orderSchema) },
      },
    },
    (request) => searchOrders(request.server.db, request.principal!, request.query, { phoneRegion }),
  );

  app.get(
    '/orders/:id',
    {
      config: { access: ANY_ROLE },
      schema: { tags, operationId: 'getOrder', summary: 'Get an order', params: idParams, response: { 200: orderSchema } },
    },
    async (request) => {
      const order = await getOrder(request.server.db, request.params.id);
      await assertMaySeeOrder(request.server.db, request.principal!, { id: order.id, channel_id: order.channelId });
      return order;
    },
  );

  app.get(
    '/orders/:id/timeline',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'getOrderTimeline',
        summary: 'Everything that happened to the order, with who and through which channel',
        params: idParams,
        response: { 200: timelineSchema },
      },
    },
    async (request) => {
      const order = await getOrder(request.server.db, request.params.id);
      await assertMaySeeOrder(request.server.db, request.principal!, { id: order.id, channel_id: order.channelId });
      return orderTimeline(request.server.db, request.params.id);
    },
  );

  app.get(
    '/customers/:id/orders',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'listCustomerOrders',
        summary: "One customer's orders from every channel, newest first",
        params: idParams,
        querystring: z.object({ ...pageQuery, channelId: z.uuid().optional(), status: searchOrdersQuery.shape.status }),
        response: { 200: pageOf(orderSchema) },
      },
    },
    (request) => customerOrders(request.server.db, request.principal!, request.params.id, request.query, phoneRegion),
  );

  app.post(
    '/orders/:id/cancel',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'cancelOrder',
        summary: 'Cancel the whole order or some lines while not shipped: stock released, payment voided or refunded',
        params: idParams,
        body: cancelBody,
        response: { 200: orderSchema, 503: PAYMENT_UNAVAILABLE },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => orders.cancelOrder(trx, request.principal!, request.params.id, request.body, providers)),
  );

  app.post(
    '/orders/:id/address',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'changeDeliveryAddress',
        summary: 'Change the delivery address while not shipped',
        params: idParams,
        body: addressChangeBody,
        response: { 200: orderSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => orders.changeDeliveryAddress(trx, request.principal!, request.params.id, request.body)),
  );

  app.post(
    '/orders/:id/notes',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'addOrderNote',
        summary: 'Add a note to the order timeline',
        params: idParams,
        body: noteBody,
        response: { 201: orderSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 201, (trx) => orders.addNote(trx, request.principal!, request.params.id, request.body.text)),
  );

  app.post(
    '/orders/:id/delivery-groups/:groupId/ship',
    {
      config: { access: ['admin', 'store'] },
      schema: {
        tags,
        operationId: 'shipDeliveryGroup',
        summary: 'Ship a delivery group (with the groups merged with it into one shipment): stock deducted, payment captured',
        params: groupParams,
        body: shipBody,
        response: { 200: orderSchema, 503: PAYMENT_UNAVAILABLE },
      },
    },
    (request, reply) =>
      inTransaction(request, reply, 200, (trx) => shipShipment(trx, request.principal!, request.params.id, request.params.groupId, providers, request.body)),
  );

  for (const [step, operationId, summary] of [
    ['start-picking', 'startPicking', 'Start picking a delivery group'],
    ['pack', 'packShipment', 'A shipment is packed'],
    ['delivered', 'markDelivered', 'The carrier has delivered a shipment'],
  ] as const) {
    app.post(
      `/orders/:id/delivery-groups/:groupId/${step}`,
      {
        config: { access: ['admin', 'store'] },
        schema: { tags, operationId, summary, params: groupParams, response: { 200: orderSchema } },
      },
      (request, reply) =>
        inTransaction(request, reply, 200, (trx) => orders.advanceGroup(trx, request.principal!, request.params.id, request.params.groupId, step)),
    );
  }

  // Click & Collect at the counter: ready, hand-over, the ready email again, the pickup deadlines.
  await pickupRoutes(app, { providers });
}
