import type { Readable } from 'node:stream';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertActsForLocation, STAFF } from '../../platform/auth/principal.ts';
import { Conflict, InvalidInput, NotFound } from '../../platform/errors.ts';
import { HttpProblem, problemResponse } from '../../platform/http/problem.ts';
import type { AisleApp } from '../../platform/http/types.ts';
import { csvRows, getStockFeed, importStockFeed, jsonRows, ndjsonRows, type FeedFormat, type RawFeedRow } from './feeds.ts';

/** Stock feeds from ERP, WMS and POS systems (snapshot and delta, CSV, NDJSON and JSON). */

const tags = ['Inventory'];
const STREAMED_LIMIT = 1024 * 1024 * 1024;
const JSON_LIMIT = 1024 * 1024;

const feedId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');
const mode = z.enum(['snapshot', 'delta']).describe('snapshot: absolute on-hand counts; delta: units to add (+) or take (−).');
const asOf = z.iso.datetime({ offset: true }).describe('When a snapshot was counted (default now): movements recorded after it are kept on top.');
const location = z.string().min(1).max(100).describe('Location code for rows that name none.');
const missing = z.enum(['zero', 'keep']).describe('Snapshot only: set to zero the SKUs it does not list at its locations (default), or keep them.');

const feedQuery = z.object({
  feedId: feedId.optional().describe("The sender's id of the feed; the same id again changes nothing (required for CSV and NDJSON)."),
  mode: mode.optional(),
  asOf: asOf.optional(),
  location: location.optional(),
  missing: missing.optional(),
});
const jsonFeedBody = z.object({
  feedId,
  mode: mode.default('snapshot'),
  asOf: asOf.optional(),
  location: location.optional(),
  missing: missing.optional(),
  rows: z.array(z.unknown()).describe('{sku, location?, quantity} per row'),
});
const feedResult = z
  .object({
    feedId: z.string(),
    mode,
    format: z.string(),
    asOf: z.string().nullable(),
    rows: z.number().int().describe('Rows in the feed.'),
    changed: z.number().int().describe('SKU × location whose on hand changed.'),
    movements: z.number().int().describe('Ledger movements written.'),
    appliedAt: z.string(),
    sentBy: z.string(),
  })
  .meta({ id: 'StockFeedResult' });

function formatOf(contentType: string | undefined): FeedFormat {
  const essence = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (essence === 'text/csv') return 'csv';
  if (essence === 'application/x-ndjson') return 'ndjson';
  if (essence === 'application/json') return 'json';
  throw new HttpProblem(415, 'unsupported-media-type', 'Send a stock feed as text/csv, application/x-ndjson or application/json.');
}

/** Reads a JSON body up to the usual limit: the route's own limit is for streamed feeds. */
function readAtMost(payload: Readable, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    payload.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        payload.removeAllListeners('data').pause();
        reject(new HttpProblem(413, 'payload-too-large', 'A JSON feed is limited to 1 MB; send larger feeds as CSV or NDJSON.'));
      } else chunks.push(chunk);
    });
    payload.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    payload.on('error', reject);
  });
}

export async function feedRoutes(app: AisleApp) {
  // The parsers hand the raw request stream to the handler, in this scope only.
  await app.register(async (scope) => {
    const feeds = scope.withTypeProvider<ZodTypeProvider>();
    const parseJson = feeds.getDefaultJsonParser('error', 'error');
    feeds.removeContentTypeParser('application/json');
    feeds.addContentTypeParser('application/json', (request, payload, done) => {
      readAtMost(payload, JSON_LIMIT).then(
        (body) => parseJson(request, body, done),
        (error: Error) => done(error, undefined),
      );
    });
    feeds.addContentTypeParser(['text/csv', 'application/x-ndjson'], (_request, payload, done) => done(null, payload));

    feeds.post(
      '/stock-feeds',
      {
        config: { access: STAFF },
        bodyLimit: STREAMED_LIMIT,
        schema: {
          tags,
          operationId: 'applyStockFeed',
          summary: 'Apply a stock feed from an ERP, WMS or POS (all rows or none)',
          description:
            'A `text/csv` (header `sku,location,quantity`) or `application/x-ndjson` body is streamed, with the feed described in the query; ' +
            'an `application/json` body `{feedId, mode, asOf?, location?, missing?, rows}` carries small feeds (1 MB). A bad row answers 400 ' +
            'naming each bad line, and nothing is applied. The same feed id again answers 200 with the stored result and ' +
            '`idempotent-replayed: true`. Store credentials may send feeds for their own store only.',
          querystring: feedQuery,
          response: {
            200: feedResult,
            201: feedResult,
            413: problemResponse('A JSON feed over 1 MB, or a streamed feed over 1 GB.'),
            415: problemResponse('The body is not text/csv, application/x-ndjson or application/json.'),
          },
        },
      },
      async (request, reply) => {
        const principal = request.principal!;
        const format = formatOf(request.headers['content-type']);
        const stream = format === 'json' ? undefined : (request.body as Readable);
        try {
          let rows: AsyncIterable<RawFeedRow[]>;
          let feed = { ...request.query };
          if (format === 'json') {
            const parsed = jsonFeedBody.safeParse(request.body);
            if (!parsed.success) {
              throw new InvalidInput(parsed.error.issues.map((issue) => ({ field: ['body', ...issue.path.map(String)].join('.'), message: issue.message })));
            }
            feed = parsed.data;
            rows = jsonRows(parsed.data.rows);
          } else {
            rows = format === 'csv' ? csvRows(stream!, { feedLocation: feed.location !== undefined }) : ndjsonRows(stream!);
          }
          if (feed.feedId === undefined) throw new InvalidInput([{ field: 'query.feedId', message: 'is required' }]);
          const { result, replayed } = await importStockFeed(
            request.server.db,
            {
              feedId: feed.feedId,
              mode: feed.mode ?? 'snapshot',
              format,
              asOf: feed.asOf === undefined ? undefined : new Date(feed.asOf),
              location: feed.location,
              missing: feed.missing,
              actor: principal.actor,
              mayChangeStockAt: (locationId) => assertActsForLocation(principal, locationId),
            },
            rows,
          );
          if (replayed && principal.role !== 'admin' && result.sentBy !== principal.actor) {
            throw new Conflict('feed-id-taken', `Feed id ${result.feedId} was already used by another sender; choose another.`);
          }
          if (replayed) reply.header('idempotent-replayed', 'true');
          reply.code(replayed ? 200 : 201);
          return result;
        } finally {
          // Whatever was not read (a replay, a refused feed) is drained so the connection can answer and be reused.
          if (stream && !stream.readableEnded) stream.resume();
        }
      },
    );

    feeds.get(
      '/stock-feeds/:feedId',
      {
        config: { access: STAFF },
        schema: { tags, operationId: 'getStockFeed', summary: 'The result of a stock feed', params: z.object({ feedId }), response: { 200: feedResult } },
      },
      async (request) => {
        const principal = request.principal!;
        const feed = await getStockFeed(request.server.db, request.params.feedId);
        // Store staff see only the feeds they sent.
        if (principal.role !== 'admin' && feed.sentBy !== principal.actor) throw new NotFound('Stock feed', request.params.feedId);
        return feed;
      },
    );
  });
}
