import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * A server process's metrics, in Prometheus' text format at `GET /metrics` (admin credentials): Node's own
 * (event-loop delay, garbage collection, heap, CPU); how long requests take, per route; the desks' batches, whose
 * size and duration say how loaded a process is (batches of one order mean it has room; growing batches and
 * durations, that it is near its limit); and how batches of orders were written: in one statement, or in a transaction that decided under lock (stock
 * short, a promotion's limited uses, a register sale, a key or contact taken meanwhile); and how long the oldest event
 * each outbox consumer has still to handle has been waiting (the order emails: running late).
 */
export class Metrics {
  readonly registry = new Registry();
  readonly #batchSize = new Histogram({
    name: 'aisle_desk_batch_size',
    help: 'Requests handled together in one batch, per desk',
    labelNames: ['desk'],
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
    registers: [this.registry],
  });
  readonly #batchSeconds = new Histogram({
    name: 'aisle_desk_batch_seconds',
    help: 'Time to handle one batch, per desk',
    labelNames: ['desk'],
    buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2],
    registers: [this.registry],
  });

  readonly #requestSeconds = new Histogram({
    name: 'aisle_http_request_seconds',
    help: 'Time from a request read to its answer sent, per route and method',
    labelNames: ['route', 'method'],
    buckets: [0.002, 0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 1, 2, 5],
    registers: [this.registry],
  });
  readonly #orderBatchWrites = new Counter({
    name: 'aisle_order_batch_writes_total',
    help: 'Batches of orders written, by how: one_statement, transaction, or transaction_after_error',
    labelNames: ['how'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Reports, at each scrape, how long each consumer's oldest unhandled event has waited (read from the database). */
  outboxConsumers(consumers: string[], waitingSeconds: (consumer: string) => Promise<number>) {
    new Gauge({
      name: 'aisle_outbox_waiting_seconds',
      help: 'Age of the oldest outbox event a consumer has still to handle (0: caught up), per consumer',
      labelNames: ['consumer'],
      registers: [this.registry],
      async collect() {
        for (const consumer of consumers) this.set({ consumer }, await waitingSeconds(consumer));
      },
    });
  }

  /** What a desk calls after each batch (`DeskOptions.observe`). */
  desk(name: string) {
    return (size: number, seconds: number) => {
      this.#batchSize.observe({ desk: name }, size);
      this.#batchSeconds.observe({ desk: name }, seconds);
    };
  }

  /** A request answered: its route (the pattern, not the URL), method and duration in seconds. */
  requestAnswered(route: string, method: string, seconds: number) {
    this.#requestSeconds.observe({ route, method }, seconds);
  }

  /** Counts a batch of orders written (`writeBatch`). */
  orderBatchWritten = (how: string) => this.#orderBatchWrites.inc({ how });
}
