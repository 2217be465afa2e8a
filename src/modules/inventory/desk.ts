import { isConnectionLost } from '../../platform/db/connection-errors.ts';
import type { Db } from '../../platform/db/database.ts';
import { Desk, type DeskOptions, type Settled } from '../../platform/desk.ts';
import { retrying } from '../../platform/http/unit-of-work.ts';
import { grantReservations, type ReserveRequest, type Reservation } from './reservations.ts';
import { InsufficientStock, withSkus } from './stock.ts';

/**
 * The reservation desk of one server process: concurrent reservation requests are granted in batches, one
 * transaction, one locking read and one write per batch. Resolves with the reservations, or rejects with
 * `InsufficientStock` saying what is available.
 */
export function reservationDesk(db: Db, options: Pick<DeskOptions<ReserveRequest>, 'concurrency' | 'observe'> = {}): Desk<ReserveRequest, Reservation[]> {
  const grant = async (requests: ReserveRequest[]): Promise<Settled<Reservation[]>[]> => {
    try {
      const outcomes = await retrying(() => db.transaction().execute((trx) => grantReservations(trx, requests)));
      return Promise.all(
        outcomes.map(async (outcome) =>
          'reservations' in outcome ? { value: outcome.reservations } : { error: new InsufficientStock(await withSkus(db, outcome.shortages)) },
        ),
      );
    } catch (error) {
      // One bad request must not fail its neighbours: grant them one by one to isolate it. A lost connection is
      // no bad request: the whole batch answers 503 (whether its commit got through is unknown).
      if (requests.length === 1 || isConnectionLost(error)) return requests.map(() => ({ error }));
      return (await Promise.all(requests.map((request) => grant([request])))).flat();
    }
  };
  return new Desk(grant, options);
}
