import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { expireLapsedHolds } from './modules/inventory/reservations.ts';
import { orderEmails } from './modules/orders/emails.ts';
import { shipmentMerges } from './modules/orders/merge-consumer.ts';
import { runPickupDeadlines } from './modules/orders/pickup/deadlines.ts';
import { routeWaiting } from './modules/orders/waiting.ts';
import type { Database } from './platform/db/database.ts';
import { runConsumer } from './platform/outbox.ts';
import type { Policies } from './policies.ts';

/** Which background work this process does; each process can be configured apart (README, configuration). */
export interface WorkerSwitches {
  /** Holds past their expiry give their stock back (AISLE_HOLD_SWEEPER). */
  holds?: boolean;
  /** This process takes turns sending the customers' order emails from the outbox (AISLE_ORDER_EMAILS). */
  orderEmails?: boolean;
  /** This process takes turns merging new orders' shipments when their channel's rule set says so (AISLE_SHIPMENT_MERGES). */
  shipmentMerges?: boolean;
  /** Every how many seconds this process routes the backorders waiting for stock (AISLE_ROUTING_BATCH); null or absent: never. */
  routingBatchSeconds?: number | null;
  /** Every how many seconds this process reminds and expires the pickups waiting at the counters (AISLE_PICKUP_DEADLINES); null or absent: never. */
  pickupDeadlineSeconds?: number | null;
}

/** Where workers report failures they survive (the app's logger). */
export interface WorkerLog {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

const SWEEP_EVERY_MS = 1000;
/** Backorders one scheduled run routes at most; the next run goes on with the rest. */
const ROUTING_BATCH_LIMIT = 500;
/** Pickups one scheduled run reminds, and expires, at most; the next run goes on with the rest. */
const PICKUP_DEADLINES_LIMIT = 500;

/**
 * Starts the background work of one process, the switched-on part of it, apart from the HTTP routes: `aisle serve`
 * starts it after the server listens, and a test that needs it starts it the same way. Answers a function that
 * stops it all, waiting for what is under way (an email being sent) to finish.
 */
export function startWorkers(database: Database, policies: Policies, switches: WorkerSwitches, log: WorkerLog): () => Promise<void> {
  const stops: (() => Promise<void> | void)[] = [];
  if (switches.holds) {
    // An expired hold already stops counting against availability when read; the sweep gives its stock back for good.
    const sweeper = setInterval(
      () => void expireLapsedHolds(database.db).catch((error: unknown) => log.error({ err: error }, 'hold sweeper failed')),
      SWEEP_EVERY_MS,
    );
    sweeper.unref();
    stops.push(() => clearInterval(sweeper));
  }
  if (switches.routingBatchSeconds) {
    // One run at a time in a process; several processes share the groups (each is taken with SKIP LOCKED).
    let running: Promise<unknown> | null = null;
    const batch = setInterval(() => {
      if (running) return;
      const onError = (error: unknown, groupId: string) => log.error({ err: error, groupId }, 'routing batch: a group failed');
      running = routeWaiting(database.db, { now: new Date(), limit: ROUTING_BATCH_LIMIT, onError })
        .catch((error: unknown) => log.error({ err: error }, 'routing batch failed'))
        .finally(() => {
          running = null;
        });
    }, switches.routingBatchSeconds * 1000);
    batch.unref();
    stops.push(async () => {
      clearInterval(batch);
      await running;
    });
  }
  if (switches.pickupDeadlineSeconds) {
    // As the routing batch: one run at a time in a process; several processes share the groups (SKIP LOCKED).
    let running: Promise<unknown> | null = null;
    const deadlines = setInterval(() => {
      if (running) return;
      const onError = (error: unknown, groupId: string) => log.error({ err: error, groupId }, 'pickup deadlines: a group failed');
      running = runPickupDeadlines(database.db, { now: new Date(), providers: policies.paymentProviders, limit: PICKUP_DEADLINES_LIMIT, onError })
        .catch((error: unknown) => log.error({ err: error }, 'pickup deadlines failed'))
        .finally(() => {
          running = null;
        });
    }, switches.pickupDeadlineSeconds * 1000);
    deadlines.unref();
    stops.push(async () => {
      clearInterval(deadlines);
      await running;
    });
  }
  if (switches.orderEmails) {
    const { mailer, retailer } = policies.mail;
    stops.push(
      runConsumer(database.db, orderEmails(database.db, mailer, retailer), {
        // Unique per run: the lease in outbox_consumers says which process is sending.
        owner: `${hostname()}:${process.pid}:${randomUUID()}`,
        onFailure: (error) => log.warn({ err: error }, 'order emails: will try again'),
      }),
    );
  }
  if (switches.shipmentMerges) {
    stops.push(
      runConsumer(database.db, shipmentMerges(database.db), {
        owner: `${hostname()}:${process.pid}:${randomUUID()}`,
        onFailure: (error) => log.warn({ err: error }, 'shipment merges: will try again'),
      }),
    );
  }
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}
