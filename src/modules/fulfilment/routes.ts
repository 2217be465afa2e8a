import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { STAFF } from '../../platform/auth/principal.ts';
import { idParams } from '../../platform/http/params.ts';
import { PAYMENT_UNAVAILABLE } from '../../platform/http/problem.ts';
import type { AisleApp } from '../../platform/http/types.ts';
import { inTransaction } from '../../platform/http/unit-of-work.ts';
import { getLocation } from '../locations/service.ts';
import type { PaymentProviders } from '../payments/providers.ts';
import type { Carriers } from './carriers.ts';
import { dispatchShipment } from './dispatch.ts';
import { labelPdf, packingSlipPdf } from './paperwork.ts';
import { renderPickListPdf } from './documents.ts';
import { packParcels, readShipment } from './parcels.ts';
import { createPickList, readPickList } from './pick-lists.ts';
import { workQueue } from './queue.ts';
import { readPickState, recordScan } from './scans.ts';
import {
  carriersSchema,
  dispatchBody,
  packBody,
  pdfResponse,
  pickListBody,
  pickListSchema,
  pickStateSchema,
  scanBody,
  shipmentSchema,
  workQueueQuery,
  workQueueSchema,
} from './schema.ts';

export interface FulfilmentRouteOptions {
  /** Card payments are captured through these when a shipment leaves. */
  providers: PaymentProviders;
  /** The carriers shipments are dispatched with (src/policies.ts). */
  carriers: Carriers;
  /** Printed on the packing slip; its locale writes the documents' dates. */
  retailer: { name: string; addressLines: string[]; locale: string };
}

const tags = ['Store work'];
const groupParams = z.object({ id: z.uuid(), groupId: z.uuid() });

/** A PDF, sent as is (Fastify never serialises a Buffer): the schema says "binary string", which is what a client receives. */
const sendPdf = (reply: FastifyReply, pdf: Buffer, name: string) => {
  reply.type('application/pdf').header('content-disposition', `inline; filename="${name}.pdf"`);
  return reply.send(pdf as unknown as string);
};

/** The store's work: its queue, pick lists, picking by scanning, packing, dispatch with a carrier, and their paper. */
export async function fulfilmentRoutes(app: AisleApp, options: FulfilmentRouteOptions) {
  const { providers, carriers, retailer } = options;

  app.get(
    '/locations/:id/work',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'getWorkQueue',
        summary: "A location's work queue: groups to pick, pack, ship or prepare for pickup, oldest promise first, with counts per stage",
        params: idParams,
        querystring: workQueueQuery,
        response: { 200: workQueueSchema },
      },
    },
    (request) => workQueue(request.server.db, request.principal!, request.params.id, request.query),
  );

  app.post(
    '/locations/:id/pick-lists',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'createPickList',
        summary: "A picker's batch (named groups, or the next N oldest to pick): one row per SKU; the groups move to picking",
        params: idParams,
        body: pickListBody,
        response: { 201: pickListSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 201, (trx) => createPickList(trx, request.principal!, request.params.id, request.body)),
  );

  app.get(
    '/pick-lists/:id',
    {
      config: { access: STAFF },
      schema: { tags, operationId: 'getPickList', summary: 'Get a pick list', params: idParams, response: { 200: pickListSchema } },
    },
    (request) => readPickList(request.server.db, request.principal!, request.params.id),
  );

  app.get(
    '/pick-lists/:id/document',
    {
      config: { access: STAFF },
      schema: { tags, operationId: 'getPickListDocument', summary: 'The pick list as a PDF to walk the shelves with', params: idParams, response: pdfResponse },
    },
    async (request, reply) => {
      const list = await readPickList(request.server.db, request.principal!, request.params.id);
      const location = await getLocation(request.server.db, list.locationId);
      return sendPdf(reply, await renderPickListPdf(list, location, retailer.locale), `pick-list-${list.number}`);
    },
  );

  app.post(
    '/orders/:id/delivery-groups/:groupId/scans',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'scanPickedItem',
        summary: 'Picking by scanning: a barcode or SKU proves units of a line picked; a wrong item or one too many is refused',
        params: groupParams,
        body: scanBody,
        response: { 201: pickStateSchema },
      },
    },
    (request, reply) =>
      inTransaction(request, reply, 201, (trx) => recordScan(trx, request.principal!, request.params.id, request.params.groupId, request.body)),
  );

  app.get(
    '/orders/:id/delivery-groups/:groupId/scans',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'getPickState',
        summary: "A group's picking: each line's units required and scanned, and whether all are",
        params: groupParams,
        response: { 200: pickStateSchema },
      },
    },
    (request) => readPickState(request.server.db, request.principal!, request.params.id, request.params.groupId),
  );

  app.post(
    '/orders/:id/delivery-groups/:groupId/parcels',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'packParcels',
        summary: 'Pack a shipment into parcels (box, weight, contents): the group is packed',
        params: groupParams,
        body: packBody,
        response: { 200: shipmentSchema },
      },
    },
    (request, reply) =>
      inTransaction(request, reply, 200, (trx) => packParcels(trx, request.principal!, request.params.id, request.params.groupId, request.body.parcels)),
  );

  app.get(
    '/orders/:id/delivery-groups/:groupId/shipment',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'getShipment',
        summary: 'A shipment: its parcels, carrier, tracking number and tracking link',
        params: groupParams,
        response: { 200: shipmentSchema },
      },
    },
    (request) => readShipment(request.server.db, request.principal!, request.params.id, request.params.groupId),
  );

  app.post(
    '/orders/:id/delivery-groups/:groupId/dispatch',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'dispatchShipment',
        summary: 'Book a shipment with a carrier (tracking number, label) and ship it: stock deducted, payment captured, customer emailed',
        params: groupParams,
        body: dispatchBody,
        response: { 200: shipmentSchema, 503: PAYMENT_UNAVAILABLE },
      },
    },
    (request, reply) =>
      inTransaction(request, reply, 200, (trx) =>
        dispatchShipment(trx, request.principal!, request.params.id, request.params.groupId, request.body, { carriers, providers }),
      ),
  );

  app.get(
    '/orders/:id/delivery-groups/:groupId/packing-slip',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'getPackingSlip',
        summary: 'The packing slip that goes in the parcel: order number, addresses, items and quantities, no prices (PDF)',
        params: groupParams,
        response: pdfResponse,
      },
    },
    async (request, reply) =>
      sendPdf(
        reply,
        await packingSlipPdf(request.server.db, request.principal!, request.params.id, request.params.groupId, retailer),
        `packing-slip-${request.params.groupId}`,
      ),
  );

  app.get(
    '/orders/:id/delivery-groups/:groupId/label',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'getShippingLabel',
        summary: 'The shipping label: from and to addresses, order and tracking number, a scannable code (PDF, one page per parcel)',
        params: groupParams,
        response: pdfResponse,
      },
    },
    async (request, reply) =>
      sendPdf(reply, await labelPdf(request.server.db, request.principal!, request.params.id, request.params.groupId), `label-${request.params.groupId}`),
  );

  app.get(
    '/carriers',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'listCarriers',
        summary: 'The carriers shipments can be dispatched with, and their services',
        response: { 200: carriersSchema },
      },
    },
    async () => ({
      items: carriers.map((carrier) => ({ name: carrier.name, title: carrier.title, services: carrier.services, typedByStaff: carrier.typedByStaff })),
    }),
  );
}
