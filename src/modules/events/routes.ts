import { z } from 'zod';
import { ANY_ROLE, type Principal } from '../../platform/auth/principal.ts';
import { InvalidInput } from '../../platform/errors.ts';
import type { AisleApp } from '../../platform/http/types.ts';
import { outboxHead, readEvents, type EventScope } from '../../platform/outbox.ts';
import { DEFAULT_STREAM_TIMING, followOutbox, readPage, type StreamTiming } from './stream.ts';

const tags = ['Events'];
const cursor = z.string().max(200);

const eventsQuery = z.object({
  after: cursor.optional().describe('The nextCursor of the previous call; omit to start from the beginning.'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  type: z.string().max(100).optional().describe('Only events of this type, e.g. stock.changed.'),
});

const TYPE_OR_PREFIX = /^[a-z_]+(\.[a-z_]+)*(\.\*)?$/;
const streamQuery = z.object({
  after: cursor.optional().describe('Start after this cursor (an `id:` of this stream, or a nextCursor of `GET /v1/events`). The Last-Event-ID header wins.'),
  from: z
    .enum(['now', 'start'])
    .default('now')
    .describe('With no cursor: `now` sends the events committed from now on, `start` every event from the beginning.'),
  types: z
    .string()
    .max(1000)
    .optional()
    .transform((text) => text?.split(',').map((type) => type.trim()))
    .pipe(z.array(z.string().regex(TYPE_OR_PREFIX, 'is not an event type (order.placed) or a prefix (order.*)')).optional())
    .describe('Only events of these types, comma-separated: names (`order.placed`) or prefixes (`order.*`).'),
  live: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true')
    .describe('`false`: end the stream once it has sent what was already committed (a catch-up, without waiting).'),
});
const streamHeaders = z.looseObject({
  'last-event-id': cursor.optional().describe('The id of the last message received: EventSource sends it when it reconnects.'),
});

const eventSchema = z
  .object({ id: z.number().int(), type: z.string(), subject: z.string(), payload: z.record(z.string(), z.unknown()), createdAt: z.string() })
  .meta({ id: 'Event' });

/** What a caller sees of the outbox (platform/outbox.ts): admins every event, a channel key or store staff their own. */
function eventScope(principal: Principal): EventScope {
  if (principal.role === 'channel') return { channelId: principal.channelId! };
  if (principal.role === 'store') return { storeId: principal.locationId! };
  return undefined;
}

/** Whether credentials asked again still name the caller a stream began with, bound to the same store or channel. */
const sameCaller = (before: Principal, now: Principal | null) =>
  now !== null && now.role === before.role && now.locationId === before.locationId && now.channelId === before.channelId;

/** The outbox as a feed that integrations poll with a cursor, and as a live stream for the store app. */
export async function eventRoutes(app: AisleApp, options: { timing?: Partial<StreamTiming> | undefined } = {}) {
  const timing = { ...DEFAULT_STREAM_TIMING, ...options.timing };

  app.get(
    '/events',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'listEvents',
        summary: 'Outbox events after a cursor (stock changes, …), in commit-safe order',
        querystring: eventsQuery,
        response: { 200: z.object({ items: z.array(eventSchema), nextCursor: z.string() }) },
      },
    },
    async (request) => {
      const page = await readEvents(request.server.db, {
        after: request.query.after,
        limit: request.query.limit,
        types: request.query.type ? [request.query.type] : undefined,
        scope: eventScope(request.principal!),
      });
      return { items: page.items.map((item) => item.event), nextCursor: page.nextCursor };
    },
  );

  // Streams end when the server closes (a stream never ends by itself, and the server waits for its responses).
  const open = new Set<() => Promise<void>>();
  app.addHook('preClose', async () => {
    await Promise.all([...open].map((stop) => stop()));
  });

  app.get(
    '/events/stream',
    {
      config: { access: ANY_ROLE },
      // A HEAD would open a stream with no body that never ends.
      exposeHeadRoute: false,
      schema: {
        tags,
        operationId: 'streamEvents',
        summary: 'Outbox events as server-sent events: what was missed since a cursor or Last-Event-ID, then live',
        description:
          'Each message: `id:` the event’s cursor, `event:` its type, `data:` the event as `GET /v1/events` answers it. ' +
          'A message with an `id:` and no data only moves the position (EventSource dispatches nothing for it), a `: keep-alive` comment comes every 15 s. ' +
          'A store sees the stock and transfers of its store and the orders it fulfils, hands over or sold; a channel key its orders and the stock it sells. ' +
          'Signed-in staff are recognised by their session cookie, which the browser’s EventSource sends.',
        querystring: streamQuery,
        headers: streamHeaders,
        response: {
          200: {
            description: 'A stream of server-sent events.',
            content: { 'text/event-stream': { schema: z.string().describe('id: <cursor>\nevent: <type>\ndata: <event JSON>') } },
          },
        },
      },
    },
    async (request, reply) => {
      const db = request.server.db;
      const reader = { db, scope: eventScope(request.principal!), types: request.query.types };
      const lastEventId = request.headers['last-event-id'];
      const given = lastEventId ?? request.query.after;
      const after = given ?? (request.query.from === 'now' ? await outboxHead(db) : undefined);
      // The first page is read before the stream begins: a cursor that is not one is answered with a problem.
      const page = await readPage(reader, after).catch((error: unknown) => {
        if (error instanceof InvalidInput && lastEventId !== undefined)
          throw new InvalidInput([{ field: 'header.last-event-id', message: 'is not an id this stream sent' }]);
        throw error;
      });
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        // Proxies that buffer responses (nginx) send each message as it comes.
        'x-accel-buffering': 'no',
      });
      reply.raw.flushHeaders();
      const stop = followOutbox(
        reply.raw,
        reader,
        { page, given },
        {
          ...timing,
          live: request.query.live,
          stillAllowed: async () => sameCaller(request.principal!, await request.server.whoIs(request)),
          onFailure: (error) => request.log.warn({ err: error }, 'event stream ended: its client reconnects from its last id'),
          onEnd: () => open.delete(stop),
        },
      );
      open.add(stop);
      return reply;
    },
  );
}
