import { ADMIN, ANY_ROLE, STAFF } from '../../platform/auth/principal.ts';
import { pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { idParams } from '../../platform/http/params.ts';
import type { AisleApp } from '../../platform/http/types.ts';
import { inTransaction } from '../../platform/http/unit-of-work.ts';
import { createLocationBody, listLocationsQuery, locationSchema, updateLocationBody } from './schema.ts';
import * as locations from './service.ts';

const tags = ['Locations'];

export async function locationRoutes(app: AisleApp) {
  app.post(
    '/locations',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'createLocation',
        summary: 'Create a warehouse, store or drop-ship vendor',
        body: createLocationBody,
        response: { 201: locationSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 201, (trx) => locations.createLocation(trx, request.body)),
  );

  app.get(
    '/locations',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'listLocations',
        summary: 'List locations',
        querystring: listLocationsQuery.extend(pageQuery),
        response: { 200: pageOf(locationSchema) },
      },
    },
    (request) => locations.listLocations(request.server.db, request.query),
  );

  app.get(
    '/locations/:id',
    {
      config: { access: ANY_ROLE },
      schema: { tags, operationId: 'getLocation', summary: 'Get a location', params: idParams, response: { 200: locationSchema } },
    },
    (request) => locations.getLocation(request.server.db, request.params.id),
  );

  app.patch(
    '/locations/:id',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'updateLocation',
        summary: 'Change a location (store staff: opening hours and capacity of their own store)',
        params: idParams,
        body: updateLocationBody,
        response: { 200: locationSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => locations.updateLocation(trx, request.principal!, request.params.id, request.body)),
  );
}
