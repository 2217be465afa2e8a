/**
 * A desk batches the requests of one server process (group commit): requests that arrive while a batch is being
 * handled wait for the next batch, so the number of transactions stays flat while the number of requests grows.
 * An idle desk handles a lone request at once: batching adds no delay, it only absorbs load.
 */
export type Settled<T> = { value: T } | { error: unknown };

export interface DeskOptions<R> {
  maxBatch?: number;
  /** Batches handled at the same time. */
  concurrency?: number;
  /** Requests with the same key never share a batch (two copies of one Idempotency-Key): the later waits for the next. */
  keyOf?: (request: R) => string | undefined;
  /** Told each batch's size and how long it took, in seconds (metrics). */
  observe?: (size: number, seconds: number) => void;
}

interface Waiting<R, T> {
  request: R;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

export class Desk<R, T> {
  readonly #handle: (requests: R[]) => Promise<Settled<T>[]>;
  readonly #maxBatch: number;
  readonly #concurrency: number;
  readonly #keyOf: (request: R) => string | undefined;
  readonly #observe: ((size: number, seconds: number) => void) | undefined;
  #queue: Waiting<R, T>[] = [];
  #running = 0;

  /** `handle` answers each request of a batch, in order; if it throws, every request of the batch fails with it. */
  constructor(handle: (requests: R[]) => Promise<Settled<T>[]>, options: DeskOptions<R> = {}) {
    this.#handle = handle;
    this.#maxBatch = options.maxBatch ?? 1000;
    this.#concurrency = options.concurrency ?? 1;
    this.#keyOf = options.keyOf ?? (() => undefined);
    this.#observe = options.observe;
  }

  submit(request: R): Promise<T> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ request, resolve, reject });
      this.#pump();
    });
  }

  #pump() {
    while (this.#running < this.#concurrency && this.#queue.length) {
      this.#running++;
      // Let the event loop read the requests already on the wire first, so they join this batch. Without this, a
      // database that answers without real I/O (PGlite runs in-process) would let one request's whole batch run in
      // microtasks, and every batch would hold a single request.
      setImmediate(() => {
        const batch = this.#take();
        if (!batch.length) {
          this.#running--;
          return;
        }
        void this.#run(batch).finally(() => {
          this.#running--;
          this.#pump();
        });
      });
    }
  }

  #take() {
    const keys = new Set<string>();
    const batch: Waiting<R, T>[] = [];
    const later: Waiting<R, T>[] = [];
    for (const waiting of this.#queue) {
      const key = this.#keyOf(waiting.request);
      if (batch.length >= this.#maxBatch || (key !== undefined && keys.has(key))) later.push(waiting);
      else {
        if (key !== undefined) keys.add(key);
        batch.push(waiting);
      }
    }
    this.#queue = later;
    return batch;
  }

  async #run(batch: Waiting<R, T>[]): Promise<void> {
    const started = performance.now();
    try {
      const answers = await this.#handle(batch.map((waiting) => waiting.request));
      for (const [index, answer] of answers.entries()) {
        if ('error' in answer) batch[index]!.reject(answer.error);
        else batch[index]!.resolve(answer.value);
      }
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
    this.#observe?.(batch.length, (performance.now() - started) / 1000);
  }
}
