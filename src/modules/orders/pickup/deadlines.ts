import { sql } from 'kysely';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Db, Trx } from '../../../platform/db/database.ts';
import { publish } from '../../../platform/outbox.ts';
import type { PaymentProviders } from '../../payments/providers.ts';
import { recordOrderEvent } from '../read.ts';
import { openUnits } from '../regroup.ts';
import { cancelOrder } from '../service.ts';

/**
 * The pickup window's deadlines, run by a worker (src/workers.ts, AISLE_PICKUP_DEADLINES) and on demand
 * (`POST /v1/pickups/deadline-runs`), with the clock injected: a ready group is reminded once, `pickupReminderHours`
 * before its window ends (`order.pickup_reminder`; 0 hours: never), and after the window it is cancelled as a
 * cancellation of its lines would be (stock released, its share of the payments voided or refunded; the whole
 * order cancelled when nothing else is left, completed when the rest has been collected or shipped) and
 * `order.pickup_expired` is published. Each group in a transaction of its own,
 * taken with its order `for update … skip locked`: two runs at once never process a group twice, nor wait.
 */

export const DEADLINES_ACTOR = 'system:pickup-deadlines';
const SYSTEM: Principal = { role: 'admin', locationId: null, channelId: null, userId: null, apiKeyId: null, actor: DEADLINES_ACTOR };

export interface DeadlineCounts {
  reminded: number;
  expired: number;
  failed: number;
}

export interface DeadlineOptions {
  now: Date;
  providers: PaymentProviders;
  /** Groups one run takes at most, of each kind; the next run goes on. */
  limit: number;
  onError?: (error: unknown, groupId: string) => void;
}

type Due = { group_id: string; order_id: string; number: string; pickup_code: string; pickup_by: Date };
type Cursor = { pickupBy: Date; groupId: string } | null;

export async function runPickupDeadlines(db: Db, options: DeadlineOptions): Promise<DeadlineCounts> {
  const counts: DeadlineCounts = { reminded: 0, expired: 0, failed: 0 };
  for (const kind of ['expire', 'remind'] as const) {
    let after: Cursor = null;
    for (let done = 0; done < options.limit; done++) {
      let taken: Due | null = null;
      try {
        const result = await db.transaction().execute(async (trx) => {
          const due = await nextDue(trx, kind, options.now, after);
          if (!due) return null;
          taken = due;
          if (kind === 'remind') await remind(trx, due, options.now);
          else await expire(trx, due, options.providers);
          return due;
        });
        if (!result) break;
        after = { pickupBy: result.pickup_by, groupId: result.group_id };
        counts[kind === 'remind' ? 'reminded' : 'expired']++;
      } catch (error) {
        const failed = taken as Due | null;
        if (!failed) throw error;
        options.onError?.(error, failed.group_id);
        after = { pickupBy: failed.pickup_by, groupId: failed.group_id };
        counts.failed++;
      }
    }
  }
  return counts;
}

/** The next group due a reminder, or past its window, that no one else holds: locked with its order. */
async function nextDue(trx: Trx, kind: 'remind' | 'expire', now: Date, after: Cursor): Promise<Due | null> {
  const at = now.toISOString();
  const { rows } = await sql<Due>`
    select g.id as group_id, o.id as order_id, o.number, g.pickup_code, g.pickup_by
    from delivery_groups g
      join orders o on o.id = g.order_id
      join locations l on l.id = g.pickup_location_id
    where g.status = 'ready_for_pickup' and g.pickup_by is not null
    ${
      kind === 'expire'
        ? sql`and g.pickup_by <= ${at}::timestamptz`
        : sql`and g.reminded_at is null and l.pickup_reminder_hours > 0 and g.pickup_by > ${at}::timestamptz
              and g.pickup_by - l.pickup_reminder_hours * interval '1 hour' <= ${at}::timestamptz`
    }
    ${after ? sql`and (g.pickup_by, g.id) > (${after.pickupBy.toISOString()}::timestamptz, ${after.groupId}::uuid)` : sql``}
    order by g.pickup_by, g.id
    limit 1
    for update of g, o skip locked`.execute(trx);
  const row = rows[0];
  return row ? { ...row, pickup_by: new Date(row.pickup_by) } : null;
}

async function remind(trx: Trx, due: Due, now: Date) {
  await trx.updateTable('delivery_groups').set({ reminded_at: now }).where('id', '=', due.group_id).execute();
  const pickupBy = due.pickup_by.toISOString();
  await recordOrderEvent(trx, due.order_id, 'pickup.reminded', { groupId: due.group_id, pickupBy }, DEADLINES_ACTOR, null);
  await publish(trx, [
    {
      type: 'order.pickup_reminder',
      subject: `order:${due.order_id}`,
      payload: { orderId: due.order_id, groupId: due.group_id, number: due.number, pickupCode: due.pickup_code, pickupBy },
    },
  ]);
}

async function expire(trx: Trx, due: Due, providers: PaymentProviders) {
  const lines = await trx.selectFrom('order_lines').selectAll().where('delivery_group_id', '=', due.group_id).orderBy('position').execute();
  const open = lines.filter((line) => openUnits(line) > 0).map((line) => ({ lineId: line.id, quantity: openUnits(line) }));
  if (open.length) await cancelOrder(trx, SYSTEM, due.order_id, { lines: open, reason: 'not collected within the pickup window' }, providers);
  else await trx.updateTable('delivery_groups').set({ status: 'cancelled', updated_at: new Date() }).where('id', '=', due.group_id).execute();
  await recordOrderEvent(trx, due.order_id, 'group.pickup_expired', { groupId: due.group_id, pickupBy: due.pickup_by.toISOString() }, DEADLINES_ACTOR, null);
  await publish(trx, [
    { type: 'order.pickup_expired', subject: `order:${due.order_id}`, payload: { orderId: due.order_id, groupId: due.group_id, number: due.number } },
  ]);
}
