import { z } from 'zod';
import { ADMIN, ANY_ROLE } from '../../platform/auth/principal.ts';
import { pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { idParams } from '../../platform/http/params.ts';
import type { AisleApp } from '../../platform/http/types.ts';
import { inTransaction } from '../../platform/http/unit-of-work.ts';
import {
  apiKeySchema,
  createApiKeyBody,
  createdApiKeySchema,
  createStaffUserBody,
  loginBody,
  roleSchema,
  staffUserSchema,
  updateStaffUserBody,
  whoAmISchema,
} from './schema.ts';
import * as access from './service.ts';

const tags = ['Access'];

export async function accessRoutes(app: AisleApp) {
  app.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'signIn',
        summary: 'Sign in a staff user (sets the session cookie)',
        body: loginBody,
        response: { 200: z.object({ user: staffUserSchema, expiresAt: z.string() }) },
      },
    },
    async (request, reply) => {
      const session = await access.signIn(request.server.db, request.body.email, request.body.password, request.ip);
      reply.setCookie(access.SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        expires: session.expiresAt,
      });
      return { user: session.user, expiresAt: session.expiresAt.toISOString() };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'public' },
      schema: { tags, operationId: 'signOut', summary: 'End the session of the cookie', response: { 204: z.null() } },
    },
    async (request, reply) => {
      const token = request.cookies[access.SESSION_COOKIE];
      if (token) await request.server.db.transaction().execute((trx) => access.signOut(trx, token));
      reply.clearCookie(access.SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: ANY_ROLE },
      schema: { tags, operationId: 'whoAmI', summary: 'Who the credentials belong to', response: { 200: whoAmISchema } },
    },
    async (request) => request.principal!,
  );

  app.post(
    '/staff-users',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'createStaffUser',
        summary: 'Create a staff user (admin, or store staff bound to one store)',
        body: createStaffUserBody,
        response: { 201: staffUserSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 201, (trx) => access.createStaffUser(trx, request.body)),
  );

  app.get(
    '/staff-users',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'listStaffUsers',
        summary: 'List staff users',
        querystring: z.object(pageQuery),
        response: { 200: pageOf(staffUserSchema) },
      },
    },
    (request) => access.listStaffUsers(request.server.db, request.query),
  );

  app.patch(
    '/staff-users/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'updateStaffUser',
        summary: 'Rename, change the password of, or deactivate a staff user',
        params: idParams,
        body: updateStaffUserBody,
        response: { 200: staffUserSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => access.updateStaffUser(trx, request.params.id, request.body)),
  );

  app.post(
    '/api-keys',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'createApiKey',
        summary: 'Create an API key (the secret is returned once)',
        body: createApiKeyBody,
        response: { 201: createdApiKeySchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 201, (trx) => access.createApiKey(trx, request.body)),
  );

  app.get(
    '/api-keys',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'listApiKeys',
        summary: 'List API keys',
        querystring: z.object({ ...pageQuery, role: roleSchema.optional() }),
        response: { 200: pageOf(apiKeySchema) },
      },
    },
    (request) => access.listApiKeys(request.server.db, request.query),
  );

  app.post(
    '/api-keys/:id/revoke',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'revokeApiKey',
        summary: 'Revoke an API key: every server process refuses it from its next request on',
        params: idParams,
        response: { 200: apiKeySchema },
      },
    },
    async (request, reply) => {
      const revoked = await inTransaction(request, reply, 200, (trx) => access.revokeApiKey(trx, request.params.id));
      // Forgotten here before answering; other processes hear the database's notification.
      request.server.apiKeys.forget();
      return revoked;
    },
  );
}
