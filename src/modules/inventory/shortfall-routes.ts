import { z } from 'zod';
import { STAFF } from '../../platform/auth/principal.ts';
import { idParams } from '../../platform/http/params.ts';
import type { AisleApp } from '../../platform/http/types.ts';
import { inTransaction } from '../../platform/http/unit-of-work.ts';
import { listShortfallsQuery, resolveShortfallBody, shortfallSchema } from './shortfall-schema.ts';
import { listShortfalls, resolveShortfall } from './shortfalls.ts';

/** Units sold offline that the stock did not cover (shortfalls.ts): the store's list, and their resolution. */
export async function shortfallRoutes(app: AisleApp) {
  const tags = ['Inventory'];

  app.get(
    '/locations/:id/stock-shortfalls',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'listStockShortfalls',
        summary: "A store's stock shortfalls: units sold offline that its stock no longer had, the open ones first",
        params: idParams,
        querystring: listShortfallsQuery,
        response: { 200: z.object({ items: z.array(shortfallSchema) }) },
      },
    },
    (request) => listShortfalls(request.server.db, request.principal!, request.params.id, request.query),
  );

  app.post(
    '/stock-shortfalls/:id/resolve',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'resolveStockShortfall',
        summary: 'Resolve a stock shortfall: the units found (deducted now) or written off, with a note',
        params: idParams,
        body: resolveShortfallBody,
        response: { 200: shortfallSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => resolveShortfall(trx, request.principal!, request.params.id, request.body)),
  );
}
