/** A server-sent events message as a client parses it: a comment, or fields (`id`, `event`, `data`). */
export interface SseMessage {
  comment?: string;
  id?: string;
  event?: string;
  data?: string;
}

export interface SseStream {
  status: number;
  contentType: string | null;
  /** The next message, or null once the server ended the stream. */
  next(): Promise<SseMessage | null>;
  /** Messages until one matches (included); throws if the stream ends first. */
  until(found: (message: SseMessage) => boolean): Promise<SseMessage[]>;
  /** Every message until the server ends the stream. */
  rest(): Promise<SseMessage[]>;
  /** Hangs up, as a closed browser tab does. */
  close(): void;
}

/** Opens a stream over real HTTP and reads it message by message (the text/event-stream format, one line per field). */
export async function openSse(url: string, headers: Record<string, string>): Promise<SseStream> {
  const hangUp = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: hangUp.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let done = false;

  async function next(): Promise<SseMessage | null> {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const message: SseMessage = {};
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) message.comment = line.slice(1).trim();
          else {
            const colon = line.indexOf(':');
            const field = line.slice(0, colon) as 'id' | 'event' | 'data';
            message[field] = line.slice(colon + 1).replace(/^ /, '');
          }
        }
        return message;
      }
      if (done) return null;
      const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (chunk.done) done = true;
      else buffer += chunk.value;
    }
  }

  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    next,
    async until(found) {
      const seen: SseMessage[] = [];
      for (;;) {
        const message = await next();
        if (!message) throw new Error(`the stream ended before the message looked for; got ${JSON.stringify(seen)}`);
        seen.push(message);
        if (found(message)) return seen;
      }
    },
    async rest() {
      const seen: SseMessage[] = [];
      for (let message = await next(); message; message = await next()) seen.push(message);
      return seen;
    },
    close: () => hangUp.abort(),
  };
}
