import { z } from 'zod';
import { ADMIN, STAFF } from '../../../platform/auth/principal.ts';
import { PAYMENT_UNAVAILABLE } from '../../../platform/http/problem.ts';
import type { AisleApp } from '../../../platform/http/types.ts';
import { inTransaction } from '../../../platform/http/unit-of-work.ts';
import type { PaymentProviders } from '../../payments/providers.ts';
import { orderSchema } from '../schema.ts';
import { runPickupDeadlines } from './deadlines.ts';
import { handOver } from './hand-over.ts';
import { markReadyForPickup, resendReadyEmail } from './ready.ts';
import { deadlineRunSchema, handOverBody } from './schema.ts';

const tags = ['Orders'];
const groupParams = z.object({ id: z.uuid(), groupId: z.uuid() });

/** Groups one run takes at most, of each kind (the next run takes the rest). */
export const DEADLINE_RUN_LIMIT = 1000;

/** Click & Collect at the counter: ready (code and window), hand-over with payment, the ready email again, the deadlines. */
export async function pickupRoutes(app: AisleApp, options: { providers: PaymentProviders }) {
  const { providers } = options;

  app.post(
    '/orders/:id/delivery-groups/:groupId/ready-for-pickup',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'markReadyForPickup',
        summary: 'A pickup is ready at the counter: a pickup code and window are set, and the customer is told (order.ready_for_pickup)',
        params: groupParams,
        response: { 200: orderSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => markReadyForPickup(trx, request.principal!, request.params.id, request.params.groupId)),
  );

  app.post(
    '/orders/:id/delivery-groups/:groupId/hand-over',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'handOverPickup',
        summary:
          'Hand a pickup over: who collected, what is left to pay taken (cash with change, card terminal, or both; a card authorised online is captured), stock deducted; partial pickups',
        params: groupParams,
        body: handOverBody,
        response: { 200: orderSchema, 503: PAYMENT_UNAVAILABLE },
      },
    },
    (request, reply) =>
      inTransaction(request, reply, 200, (trx) => handOver(trx, request.principal!, request.params.id, request.params.groupId, request.body, providers)),
  );

  app.post(
    '/orders/:id/delivery-groups/:groupId/resend-ready-email',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'resendReadyEmail',
        summary: 'Send the customer the ready-for-pickup email again (same code and window)',
        params: groupParams,
        response: { 200: orderSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => resendReadyEmail(trx, request.principal!, request.params.id, request.params.groupId)),
  );

  app.post(
    '/pickups/deadline-runs',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'runPickupDeadlines',
        summary: 'Remind the customers whose pickup window ends soon and cancel the pickups not collected in theirs, now',
        response: { 200: deadlineRunSchema },
      },
    },
    // Each group in a transaction of its own (deadlines.ts): an Idempotency-Key would make no sense of a run.
    (request) =>
      runPickupDeadlines(app.db, {
        now: new Date(),
        providers,
        limit: DEADLINE_RUN_LIMIT,
        onError: (error, groupId) => request.log.error({ err: error, groupId }, 'pickup deadlines: a group failed'),
      }),
  );
}
