import { z } from 'zod';
import type { AisleApp } from '../../platform/http/types.ts';
import { readEvents } from '../../platform/outbox.ts';

const eventsQuery = z.object({
  after: z.string().max(200).optional().describe('The nextCursor of the previous call; omit to start from the beginning.'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  type: z.string().max(100).optional().describe('Only events of this type, e.g. stock.changed.'),
});

const eventSchema = z
  .object({ id: z.number().int(), type: z.string(), subject: z.string(), payload: z.record(z.string(), z.unknown()), createdAt: z.string() })
  .meta({ id: 'Event' });

/** The outbox as a feed: integrations poll it with a cursor (webhooks and a live stream build on it later). */
export async function eventRoutes(app: AisleApp) {
  app.get(
    '/events',
    {
      config: { access: ['admin', 'channel'] },
      schema: {
        tags: ['Events'],
        operationId: 'listEvents',
        summary: 'Outbox events after a cursor (stock changes, …), in commit-safe order',
        querystring: eventsQuery,
        response: { 200: z.object({ items: z.array(eventSchema), nextCursor: z.string() }) },
      },
    },
    (request) =>
      readEvents(request.server.db, {
        after: request.query.after,
        limit: request.query.limit,
        types: request.query.type ? [request.query.type] : undefined,
        // A channel key reads its own channel's events only (platform/outbox.ts, channelEvents).
        channelId: request.principal!.role === 'channel' ? request.principal!.channelId! : undefined,
      }),
  );
}
