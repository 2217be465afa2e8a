import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Access, Principal } from '../auth/principal.ts';
import type { Database, Db } from '../db/database.ts';
import type { Metrics } from '../metrics.ts';

/** The Fastify instance every module's routes are registered on (zod schemas give the handlers their types). */
export type AisleApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    database: Database;
    /** The API keys this process keeps for a second (access module): forgotten when a key or a channel changes. */
    apiKeys: { forget(): void };
    /** This process's metrics (GET /metrics). */
    metrics: Metrics;
    /** Who a request's credentials are now (the access check's answer, asked again; null: none): long streams ask it. */
    whoIs(request: FastifyRequest): Promise<Principal | null>;
  }
  interface FastifyRequest {
    /** Set by the access check before any handler runs; null only on public routes. */
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Who may call the route. Every route under /v1 must say. */
    access?: Access;
  }
}
