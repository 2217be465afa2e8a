import type { Role } from '../../platform/auth/principal.ts';
import { ANY_ROLE } from '../../platform/auth/principal.ts';
import { idParams } from '../../platform/http/params.ts';
import type { AisleApp } from '../../platform/http/types.ts';
import { dryRun } from './dry-run.ts';
import { dryRunBody, dryRunSchema, orderRoutingSchema, replayBody, replaySchema } from './explain-schema.ts';
import { orderRouting } from './explanation.ts';
import { replay } from './replay.ts';

const tags = ['Routing'];
/** Trying rule sets: the retailer, and a channel for its own channel's rule sets; not the stores. */
const RULE_SET_READERS: readonly Role[] = ['admin', 'channel'];

/** Why an order went where it went, and where it would go under another rule set: reads only, none writes anything. */
export async function explainRoutes(app: AisleApp) {
  app.get(
    '/orders/:id/routing',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'getOrderRouting',
        summary: "Why the order's delivery groups went where they went: each routing decision with its trace, in sentences too",
        params: idParams,
        response: { 200: orderRoutingSchema },
      },
    },
    (request) => orderRouting(request.server.db, request.principal!, request.params.id),
  );

  app.post(
    '/routing/rule-sets/:id/dry-run',
    {
      config: { access: RULE_SET_READERS },
      schema: {
        tags,
        operationId: 'dryRunRuleSet',
        summary: 'Where a rule set would send a sample order or a placed one now, with every candidate and why; writes nothing',
        params: idParams,
        body: dryRunBody,
        response: { 200: dryRunSchema },
      },
    },
    (request) => dryRun(request.server.db, request.principal!, request.params.id, request.body, new Date()),
  );

  app.post(
    '/routing/rule-sets/:id/replay',
    {
      config: { access: RULE_SET_READERS },
      schema: {
        tags,
        operationId: 'replayRuleSet',
        summary: "The channel's orders of the last days routed again by a rule set, compared with what was decided; writes nothing",
        params: idParams,
        body: replayBody,
        response: { 200: replaySchema },
      },
    },
    (request) => replay(request.server.db, request.principal!, request.params.id, request.body, new Date()),
  );
}
