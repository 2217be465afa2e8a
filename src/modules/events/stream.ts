import type { ServerResponse } from 'node:http';
import type { Executor } from '../../platform/db/database.ts';
import { readEvents, type EventScope } from '../../platform/outbox.ts';

/**
 * The outbox as server-sent events (text/event-stream), for screens that follow a store's orders and stock live.
 *
 * The server keeps nothing between processes, so a stream is a reader of the outbox like any other: it reads from its
 * position (the client's Last-Event-ID, or a cursor), sends what it finds, and reads again every `pollMs`. Each
 * message's `id:` is the event's cursor, so a client that reconnects (EventSource does, sending Last-Event-ID) gets
 * exactly what it missed. When a read has looked at events the reader may not see, a message with an `id:` and no data
 * moves the client's position past them (EventSource dispatches no event for it; a client parsing the stream itself
 * skips messages without data), so a reconnection does not read them again; the stream's first such message tells a
 * client that started from now where "now" was. A `: keep-alive` comment every `keepAliveMs` keeps proxies from
 * closing a quiet stream; before each, the caller's credentials are checked again, so a revoked key or an ended
 * session stops its streams within `keepAliveMs` (the access check ran only when the stream began).
 */

export interface StreamTiming {
  /** How often a caught-up stream reads the outbox again. */
  pollMs: number;
  /** How often a quiet stream sends a comment. */
  keepAliveMs: number;
}

export const DEFAULT_STREAM_TIMING: StreamTiming = { pollMs: 500, keepAliveMs: 15_000 };

export interface StreamReader {
  db: Executor;
  scope: EventScope;
  types: string[] | undefined;
}

/** One page of events, and where the next read goes on from. */
export type Page = Awaited<ReturnType<typeof readEvents>>;

/** Events read per statement while catching up. */
export const PAGE_SIZE = 200;

export const readPage = (reader: StreamReader, after: string | undefined): Promise<Page> =>
  readEvents(reader.db, { after, limit: PAGE_SIZE, types: reader.types, scope: reader.scope });

/** An event as one SSE message: the same JSON as `GET /v1/events` answers it. */
function message({ event, cursor }: Page['items'][number]): string {
  return `id: ${cursor}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * Follows the outbox on `response` (headers already written) from the first page, already read (so a bad cursor was
 * answered with a problem before the stream began); `given` is the cursor the client gave, if any. Answers a function
 * that ends the stream and resolves once its read in flight, if any, is done. `live: false` ends it once caught up.
 */
export function followOutbox(
  response: ServerResponse,
  reader: StreamReader,
  first: { page: Page; given: string | undefined },
  options: StreamTiming & {
    live: boolean;
    /** Asked with each keep-alive: false (a key revoked, a session ended) ends the stream, and EventSource's reconnection is refused. */
    stillAllowed: () => Promise<boolean>;
    onFailure: (error: unknown) => void;
    onEnd: () => void;
  },
): () => Promise<void> {
  let ended = false;
  let timer: NodeJS.Timeout | undefined;
  let reading: Promise<void> | undefined;
  // The client's position (the id of the last message it got, or the cursor it gave), and the stream's.
  let sent = first.given;
  let position = first.given;

  const write = (text: string) => response.write(text);
  const drained = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        response.off('drain', done).off('close', done);
        resolve();
      };
      response.on('drain', done).on('close', done);
    });

  /** Sends a page; answers whether the stream has caught up. */
  const send = async (page: Page) => {
    for (const item of page.items) {
      if (ended) return true;
      sent = position = item.cursor;
      if (!write(message(item))) await drained();
    }
    position = page.position;
    return page.items.length < PAGE_SIZE;
  };
  const movePosition = () => {
    if (position !== sent && position !== undefined) {
      write(`id: ${position}\n\n`);
      sent = position;
    }
  };

  const end = () => {
    if (ended) return;
    ended = true;
    clearTimeout(timer);
    clearInterval(keepAlive);
    response.end();
    options.onEnd();
  };

  const pump = async (page: Page) => {
    const caughtUp = await send(page);
    if (ended) return;
    if (!caughtUp) return schedule(0);
    movePosition();
    if (!options.live) return end();
    schedule(options.pollMs);
  };
  const schedule = (ms: number) => {
    timer = setTimeout(() => {
      reading = readPage(reader, position)
        .then(pump)
        .catch((error: unknown) => {
          // A lost connection or a closed database: the client reconnects with its Last-Event-ID.
          if (!ended) options.onFailure(error);
          end();
        });
    }, ms);
  };

  let checking = false;
  const keepAlive = setInterval(() => {
    if (ended || checking) return;
    checking = true;
    options
      .stillAllowed()
      .catch(() => false)
      .then((allowed) => {
        checking = false;
        if (!allowed) return end();
        if (ended || response.writableNeedDrain) return;
        write(': keep-alive\n\n');
        movePosition();
      });
  }, options.keepAliveMs);
  response.once('close', end);

  reading = pump(first.page).catch((error: unknown) => {
    options.onFailure(error);
    end();
  });
  return async () => {
    end();
    await reading;
  };
}
