import type { Db } from '../../platform/db/database.ts';
import { retrying } from '../../platform/http/unit-of-work.ts';
import { grantReservations, type ReserveRequest, type Reservation } from './reservations.ts';
import { InsufficientStock, withSkus } from './stock.ts';

interface Waiting {
  request: ReserveRequest;
  resolve: (reservations: Reservation[]) => void;
  reject: (error: unknown) => void;
}


/**
 * The reservation desk of one server process: reservation requests that arrive while a batch is being written wait
 * for the next batch, so the number of transactions stays flat while the number of requests grows (group commit).
 * An idle desk writes a lone request at once: batching adds no delay, it only absorbs load.
 */
export class ReservationDesk {
  readonly #db: Db;
  readonly #maxBatch: number;
  readonly #concurrency: number;
  #queue: Waiting[] = [];
  #running = 0;

  constructor(db: Db, options: { maxBatch?: number; concurrency?: number } = {}) {
    this.#db = db;
    this.#maxBatch = options.maxBatch ?? 1000;
    this.#concurrency = options.concurrency ?? 1;
  }

  /** Resolves with the reservations, or rejects with `InsufficientStock` saying what is available. */
  reserve(request: ReserveRequest): Promise<Reservation[]> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ request, resolve, reject });
      this.#pump();
    });
  }

  #pump() {
    while (this.#running < this.#concurrency && this.#queue.length) {
      const batch = this.#queue.splice(0, this.#maxBatch);
      this.#running++;
      void this.#write(batch).finally(() => {
        this.#running--;
        this.#pump();
      });
    }
  }

  async #write(batch: Waiting[]): Promise<void> {
    try {
      const requests = batch.map((waiting) => waiting.request);
      const outcomes = await retrying(() => this.#db.transaction().execute((trx) => grantReservations(trx, requests)));
      await Promise.all(
        outcomes.map(async (outcome, index) => {
          const waiting = batch[index]!;
          if ('reservations' in outcome) waiting.resolve(outcome.reservations);
          else waiting.reject(new InsufficientStock(await withSkus(this.#db, outcome.shortages)));
        }),
      );
    } catch (error) {
      // One bad request must not fail its neighbours: write them one by one to isolate it.
      if (batch.length > 1) {
        await Promise.all(batch.map((waiting) => this.#write([waiting])));
        return;
      }
      batch[0]!.reject(error);
    }
  }
}
