import { ADMIN } from '../../platform/auth/principal.ts';
import { pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { idParams } from '../../platform/http/params.ts';
import type { AisleApp } from '../../platform/http/types.ts';
import { inTransaction } from '../../platform/http/unit-of-work.ts';
import * as ruleSets from './rule-sets.ts';
import { createRuleSetBody, listRuleSetsQuery, replaceRuleSetBody, ruleSetSchema } from './schema.ts';

const tags = ['Routing'];
/** Admins read every channel's rule sets; a channel's key its own channel's. */
const READERS = ['admin', 'channel'] as const;

/** A channel's routing rules, in versions: drafts, the active one, the archived ones (rule-sets.ts). */
export async function routingRoutes(app: AisleApp) {
  app.post(
    '/routing/rule-sets',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'createRoutingRuleSet',
        summary: "Create a draft of a channel's routing rules, numbered after its last version",
        body: createRuleSetBody,
        response: { 201: ruleSetSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 201, (trx) => ruleSets.createRuleSet(trx, request.principal!, request.body)),
  );

  app.get(
    '/routing/rule-sets',
    {
      config: { access: READERS },
      schema: {
        tags,
        operationId: 'listRoutingRuleSets',
        summary: 'List rule set versions, oldest first (a channel key: its own channel’s)',
        querystring: listRuleSetsQuery.extend(pageQuery),
        response: { 200: pageOf(ruleSetSchema) },
      },
    },
    (request) => ruleSets.listRuleSets(request.server.db, request.principal!, request.query),
  );

  app.get(
    '/routing/rule-sets/:id',
    {
      config: { access: READERS },
      schema: { tags, operationId: 'getRoutingRuleSet', summary: 'Get a rule set version', params: idParams, response: { 200: ruleSetSchema } },
    },
    (request) => ruleSets.getRuleSet(request.server.db, request.principal!, request.params.id),
  );

  app.put(
    '/routing/rule-sets/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'replaceRoutingRuleSet',
        summary: 'Replace the name and rules of a draft (an active or archived version is frozen)',
        params: idParams,
        body: replaceRuleSetBody,
        response: { 200: ruleSetSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => ruleSets.replaceRuleSet(trx, request.params.id, request.body)),
  );

  app.post(
    '/routing/rule-sets/:id/activate',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'activateRoutingRuleSet',
        summary: "Make a version the channel's active rules, archiving the one active before (an archived version: a rollback)",
        params: idParams,
        response: { 200: ruleSetSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => ruleSets.activateRuleSet(trx, request.params.id)),
  );

  app.post(
    '/routing/rule-sets/:id/archive',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'archiveRoutingRuleSet',
        summary: 'Archive a draft or the active version (the channel then routes by the built-in rules: warehouse first)',
        params: idParams,
        response: { 200: ruleSetSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => ruleSets.archiveRuleSet(trx, request.params.id)),
  );
}
