import { STAFF } from '../../platform/auth/principal.ts';
import { idParams } from '../../platform/http/params.ts';
import type { AisleApp } from '../../platform/http/types.ts';
import { inTransaction } from '../../platform/http/unit-of-work.ts';
import { mergeCandidates, mergeShipments } from './merge.ts';
import { mergeCandidatesQuery, mergeCandidatesSchema, mergedShipmentSchema, mergeShipmentsBody } from './merge-schema.ts';

/** Merged shipments (merge.ts): what could leave together from a location, and merging it. Shipping is orders' ship route. */
export async function mergeRoutes(app: AisleApp) {
  const tags = ['Orders'];

  app.get(
    '/locations/:id/merge-candidates',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'listMergeCandidates',
        summary: "Open shipments of one customer to one address from this location that could leave as one parcel (store staff: their store's)",
        params: idParams,
        querystring: mergeCandidatesQuery,
        response: { 200: mergeCandidatesSchema },
      },
    },
    (request) => mergeCandidates(request.server.db, request.principal!, request.params.id, request.query.limit),
  );

  app.post(
    '/shipments/merge',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'mergeShipments',
        summary: 'Merge open delivery groups of one customer, to one address, from one location into one shipment: shipping one ships them all',
        body: mergeShipmentsBody,
        response: { 200: mergedShipmentSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => mergeShipments(trx, request.principal!, request.body.deliveryGroupIds)),
  );
}
