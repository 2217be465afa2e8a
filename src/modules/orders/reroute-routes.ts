import { z } from 'zod';
import { ADMIN, STAFF } from '../../platform/auth/principal.ts';
import { requestExample } from '../../platform/http/openapi.ts';
import type { AisleApp } from '../../platform/http/types.ts';
import { inTransaction } from '../../platform/http/unit-of-work.ts';
import { REJECTION_REASON_NAMES } from '../routing/rejections.ts';
import { rejectLines } from './reroute.ts';
import { orderSchema } from './schema.ts';
import { routeGroupNow, routeWaiting } from './waiting.ts';

/**
 * Routing after the order (issue 19): a location rejects lines and they are routed again; a person routes a waiting
 * group now; an admin runs the batch of backorders now (a worker runs it on a schedule: src/workers.ts).
 */

const groupParams = z.object({ id: z.uuid(), groupId: z.uuid() });

export const rejectBody = z
  .object({
    lines: z
      .array(
        z.object({
          lineId: z.uuid(),
          quantity: z.number().int().min(1).max(10_000).optional().describe('Units rejected; all the line has left when omitted (always, for count_wrong).'),
          reason: z
            .enum(REJECTION_REASON_NAMES)
            .describe(
              "not_found, customer_request, other: stock unchanged; damaged: the units leave on hand as damaged; missing_unit: on hand −1 per unit; count_wrong: the location's on hand of the SKU set to zero.",
            ),
        }),
      )
      .min(1)
      .max(200),
  })
  .meta(requestExample({ lines: [{ lineId: '0196f3a1-2b4c-7d5e-8f60-000000001001', quantity: 1, reason: 'missing_unit' }] }));

export const runCountsSchema = z
  .object({
    allocated: z.number().int().describe('Groups whose stock was found and reserved (order.allocated).'),
    stillWaiting: z.number().int().describe('Backorders still waiting for stock (told of a new promised date if it changed).'),
    parked: z.number().int().describe('Groups the rules now park for a person.'),
    failed: z.number().int().describe('Groups left as they were for an error (logged); the run went on.'),
  })
  .meta({ id: 'RoutingRun' });

const tags = ['Orders'];

export async function rerouteRoutes(app: AisleApp) {
  app.post(
    '/orders/:id/delivery-groups/:groupId/reject',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'rejectDeliveryLines',
        summary: "The location holding a group's goods rejects lines, with a reason: its stock corrected, the lines routed elsewhere",
        params: groupParams,
        body: rejectBody,
        response: { 200: orderSchema },
      },
    },
    (request, reply) =>
      inTransaction(request, reply, 200, (trx) => rejectLines(trx, request.principal!, request.params.id, request.params.groupId, request.body)),
  );

  app.post(
    '/orders/:id/delivery-groups/:groupId/route',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'routeWaitingGroup',
        summary: 'Route a backordered or parked delivery group now, by the rules (a person decides it is time)',
        params: groupParams,
        response: { 200: orderSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => routeGroupNow(trx, request.principal!, request.params.id, request.params.groupId)),
  );

  app.post(
    '/routing/runs',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['Routing'],
        operationId: 'runRoutingBatch',
        summary: 'Route every backordered group now, oldest order first; answers how many were allocated, still wait, were parked',
        response: { 200: runCountsSchema },
      },
    },
    // Each group in a transaction of its own (waiting.ts): an Idempotency-Key would make no sense of a run.
    (request) =>
      routeWaiting(app.db, {
        now: new Date(),
        limit: RUN_LIMIT,
        onError: (error, groupId) => request.log.error({ err: error, groupId }, 'routing run: a group failed'),
      }),
  );
}

/** Groups one run decides at most (the next run takes the rest). */
export const RUN_LIMIT = 1000;
