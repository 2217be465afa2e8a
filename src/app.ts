import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { ZodType } from 'zod';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { accessRoutes } from './modules/access/routes.ts';
import { ApiKeys, authenticate } from './modules/access/service.ts';
import { catalogRoutes } from './modules/catalog/routes.ts';
import { channelRoutes } from './modules/channels/routes.ts';
import { customerRoutes } from './modules/customers/routes.ts';
import { dropshipRoutes } from './modules/dropship/routes.ts';
import { readingPhonesIn } from './modules/customers/schema.ts';
import { eventRoutes } from './modules/events/routes.ts';
import type { StreamTiming } from './modules/events/stream.ts';
import { feedRoutes } from './modules/inventory/feed-routes.ts';
import { fulfilmentRoutes } from './modules/fulfilment/routes.ts';
import { inventoryRoutes } from './modules/inventory/routes.ts';
import { shortfallRoutes } from './modules/inventory/shortfall-routes.ts';
import { transferRoutes } from './modules/inventory/transfer-routes.ts';
import { locationRoutes } from './modules/locations/routes.ts';
import { vendorShipments } from './modules/orders/dropship.ts';
import { orderRoutes } from './modules/orders/routes.ts';
import { rerouteRoutes } from './modules/orders/reroute-routes.ts';
import { pricingRoutes } from './modules/pricing/routes.ts';
import { registerRoutes } from './modules/register/routes.ts';
import { explainRoutes } from './modules/routing/explain-routes.ts';
import { routingFactsRoutes } from './modules/routing/facts-routes.ts';
import { routingRoutes } from './modules/routing/routes.ts';
import { ADMIN } from './platform/auth/principal.ts';
import type { Database } from './platform/db/database.ts';
import { isMigrated } from './platform/db/migrate.ts';
import { Forbidden, NotFound, Unauthenticated, Unavailable } from './platform/errors.ts';
import { COMMON_PROBLEMS, sendProblem, toProblem, urlProblem } from './platform/http/problem.ts';
import { homePage } from './platform/http/home-page.ts';
import { serveWebApps } from './platform/web/serve.ts';
import { validateRequestPart } from './platform/http/validation.ts';
import type { AisleApp } from './platform/http/types.ts';
import { Metrics } from './platform/metrics.ts';
import { PRIVATE_NETWORKS } from './config.ts';
import type { Policies } from './policies.ts';

export interface AppOptions {
  database: Database;
  /** Accepted as an admin API key (first setup and automation). */
  adminApiKey?: string | undefined;
  logger?: FastifyServerOptions['logger'];
  /** The shop's choices (src/policies.ts), handed to the route plugins that need them. */
  policies: Policies;
  /** Whose X-Forwarded-For to believe (Fastify's `trustProxy`); default: load balancers on private networks. */
  trustProxy?: boolean | string | undefined;
  /** How often event streams read the outbox and send a keep-alive (modules/events/stream.ts); 500 ms and 15 s by default. */
  eventStream?: Partial<StreamTiming> | undefined;
}

const READY_TIMEOUT_MS = 2000;

/** `promise`, or a rejection once `ms` have passed. */
function withinMs<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The HTTP server: routes, access checks, OpenAPI. It starts no background work (src/workers.ts does) and keeps no
 * choice of its own: the policies come in with `options`.
 */
export async function buildApp(options: AppOptions): Promise<AisleApp> {
  const { policies } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    // A busy host (a CI machine running many test files at once) can take more than the default 10 s to load a plugin.
    pluginTimeout: 60_000,
    // Trust X-Forwarded-* from the load balancer in front of the server processes.
    trustProxy: options.trustProxy ?? PRIVATE_NETWORKS,
    // One line per request costs more than the request at the rates Aisle aims for; failures are logged.
    logController: new LogController({ disableRequestLogging: true }),
    // A URL the router cannot read is the client's mistake too: answered as a problem like any other.
    frameworkErrors: (error, _request, reply) => sendProblem(reply, urlProblem(error)),
  }).withTypeProvider<ZodTypeProvider>();

  await app.register(cookie);
  // Phone numbers in a request are read in the shop's region (customers/schema.ts: zod passes a schema nothing else).
  app.setValidatorCompiler<ZodType>((route) => {
    const validate = validateRequestPart(route);
    return (data) => readingPhonesIn(policies.phoneRegion, validate, data);
  });
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', options.database);
  app.decorate('db', options.database.db);
  app.decorate('metrics', new Metrics());
  app.decorateRequest('principal', null);
  app.addHook('onResponse', async (request, reply) => {
    // Routes only: an unknown URL would make a label of each one.
    if (request.routeOptions.url !== undefined) app.metrics.requestAnswered(request.routeOptions.url, request.method, reply.elapsedTime / 1000);
  });

  app.setErrorHandler((error, request, reply) => sendProblem(reply, toProblem(error, request)));
  app.setNotFoundHandler((request, reply) => sendProblem(reply, new NotFound('Route', `${request.method} ${request.url.split('?')[0]}`)));

  // Every API route must declare who may call it, and how generated clients name it; one that forgets does not start.
  const operationIds = new Set<string>();
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/v1/')) return;
    if (route.config?.access === undefined) throw new Error(`Route ${route.method} ${route.url} does not declare its access`);
    const schema = (route.schema ??= {});
    if (!schema.summary) throw new Error(`Route ${route.method} ${route.url} has no summary`);
    // Fastify adds a HEAD route for each GET, with the same schema: it is not documented.
    if (route.method !== 'HEAD') {
      if (!schema.operationId) throw new Error(`Route ${route.method} ${route.url} has no operationId`);
      if (operationIds.has(schema.operationId)) throw new Error(`Route ${route.method} ${route.url}: operationId ${schema.operationId} is taken`);
      operationIds.add(schema.operationId);
    }
    schema.response = { ...COMMON_PROBLEMS, ...(schema.response as object | undefined) };
  });

  options.database.onConnectionLost((error) =>
    app.log.warn({ err: error }, 'database connection lost: its requests answer 503, another is opened when needed'),
  );
  const keys = new ApiKeys(app.db);
  app.decorate('apiKeys', keys);
  const stopListening = await options.database.listen('aisle_access', () => keys.forget());
  app.addHook('onClose', async () => stopListening());
  app.decorate('whoIs', (request: FastifyRequest) => authenticate(app.db, request, options.adminApiKey, keys));
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    const principal = await app.whoIs(request);
    if (!principal) throw new Unauthenticated();
    if (!access.includes(principal.role)) {
      throw new Forbidden(`This route is for ${access.join(' or ')} credentials; yours is ${principal.role}.`);
    }
    request.principal = principal;
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Aisle API',
        version: '1',
        description:
          'Omnichannel order management. Errors are application/problem+json (RFC 9457). Every POST accepts an Idempotency-Key header. ' +
          'List routes page with `limit` and `cursor`.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: Authorization: Bearer ak_…' },
          session: { type: 'apiKey', in: 'cookie', name: 'aisle_session' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    // The zod schemas with a meta id become components.schemas, which the routes' $refs point at.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  const home = homePage('1');
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(home));
  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'up' }));
  // Prometheus scrapes it with an admin API key (`authorization: Bearer`): order volumes are the retailer's business.
  app.get('/metrics', { schema: { hide: true }, config: { access: ADMIN } }, async (_request, reply) => {
    reply.type(app.metrics.registry.contentType);
    return app.metrics.registry.metrics();
  });
  app.get('/ready', { schema: { hide: true } }, async (_request, reply) => {
    try {
      // A load balancer's probe wants an answer, not a wait on a database that does not answer.
      if (await withinMs(READY_TIMEOUT_MS, isMigrated(app.db))) return { status: 'ready', database: options.database.kind };
      return sendProblem(reply, new Unavailable('not-migrated', 'The database has migrations still to apply (run `aisle migrate`).'));
    } catch {
      return sendProblem(reply, new Unavailable('database-unreachable', 'The database cannot be reached.'));
    }
  });

  await serveWebApps(app);

  await app.register(
    async (v1) => {
      const api = v1.withTypeProvider<ZodTypeProvider>();
      await accessRoutes(api);
      await catalogRoutes(api);
      await locationRoutes(api);
      await channelRoutes(api);
      await customerRoutes(api, { phoneRegion: policies.phoneRegion });
      await inventoryRoutes(api);
      await feedRoutes(api);
      await transferRoutes(api, { follower: policies.transferFollower });
      await shortfallRoutes(api);
      await pricingRoutes(api);
      await routingRoutes(api);
      await routingFactsRoutes(api);
      await orderRoutes(api, { providers: policies.paymentProviders, phoneRegion: policies.phoneRegion, retailer: policies.mail.retailer });
      await explainRoutes(api);
      await dropshipRoutes(api, { orders: vendorShipments(policies.paymentProviders), retailer: policies.mail.retailer });
      await rerouteRoutes(api);
      await eventRoutes(api, { timing: options.eventStream });
      await registerRoutes(api, { retailer: policies.mail.retailer });
      await fulfilmentRoutes(api, { providers: policies.paymentProviders, carriers: policies.carriers, retailer: policies.mail.retailer });
    },
    { prefix: '/v1' },
  );

  return app;
}
