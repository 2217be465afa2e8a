import { randomInt } from 'node:crypto';
import type { Executor } from '../../../platform/db/database.ts';

/**
 * The pickup code and the pickup window: pure rules and the one query that keeps a code unique among the groups
 * waiting at a store (the partial unique index `delivery_groups_pickup_code` backs it).
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Six random digits (a cryptographic source: a code must not be guessable from another). */
export const pickupCodeCandidate = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** When the window of a group ready at `readyAt` ends, for a store that keeps pickups `windowDays` days. */
export const pickupDeadline = (readyAt: Date, windowDays: number): Date => new Date(readyAt.getTime() + windowDays * DAY_MS);

/** Whether the customer is due a reminder: `reminderHours` before the window ends (0: never), and not after it. */
export const reminderDue = (pickupBy: Date, reminderHours: number, now: Date): boolean =>
  reminderHours > 0 && now.getTime() < pickupBy.getTime() && now.getTime() >= pickupBy.getTime() - reminderHours * HOUR_MS;

/** A code no group waiting at the store has. */
export async function freshPickupCode(db: Executor, locationId: string, draw: () => string = pickupCodeCandidate): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const code = draw();
    const taken = await db
      .selectFrom('delivery_groups')
      .select('id')
      .where('pickup_location_id', '=', locationId)
      .where('status', '=', 'ready_for_pickup')
      .where('pickup_code', '=', code)
      .executeTakeFirst();
    if (!taken) return code;
  }
  throw new Error(`no free pickup code at location ${locationId} after 50 draws`);
}
