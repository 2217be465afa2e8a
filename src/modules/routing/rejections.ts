import type { Executor } from '../../platform/db/database.ts';
import { insertRows } from '../../platform/db/statements.ts';

/**
 * A location rejects lines it was routed (issue 19, point 6): the picker cannot send them. Each reason says what it
 * means for the stock there, and the lines are routed again, never to a location that rejected them before; after
 * `maxRejections` locations have, they wait for a person. Plain rules here (no database, no clock), and the rows that
 * remember the rejections (`routing_rejections`).
 */

/** What a rejection does to the rejecting location's stock. */
export type StockEffect =
  /** Nothing: the stock figure may well be right (the customer asked, the picker could not find it yet). */
  | 'none'
  /** The units rejected are damaged: they leave on hand and are kept apart as damaged (a `damage` movement). */
  | 'units_damaged'
  /** The units rejected are not there: on hand goes down by as many (an `adjustment` movement). */
  | 'units_missing'
  /** The whole count of the SKU is wrong: on hand is set to zero (a `count` movement), and the whole line is rejected. */
  | 'count_zero';

/** The reasons a location may give, each with its stock effect: the one table (docs/routing.md repeats it). */
export const REJECTION_REASONS = {
  /** Not on the shelf where it should be; it may turn up (a count will tell): no correction yet. */
  not_found: 'none',
  damaged: 'units_damaged',
  missing_unit: 'units_missing',
  count_wrong: 'count_zero',
  customer_request: 'none',
  other: 'none',
} as const satisfies Record<string, StockEffect>;

export type RejectionReason = keyof typeof REJECTION_REASONS;
export const REJECTION_REASON_NAMES = Object.keys(REJECTION_REASONS) as [RejectionReason, ...RejectionReason[]];

export const stockEffectOf = (reason: RejectionReason): StockEffect => REJECTION_REASONS[reason];

/** The units a rejection takes away from the order line: all that is left of it when the whole count is wrong. */
export function unitsRejected(reason: RejectionReason, asked: number | undefined, open: number): number {
  return stockEffectOf(reason) === 'count_zero' || asked === undefined ? open : asked;
}

/**
 * The stock correction of one SKU at the rejecting location, for all its rejected lines together, given what is on
 * hand there (after the order's own reservations were released): how many units leave as damaged, leave as missing,
 * or whether the count becomes zero. Never more than is on hand: a count already corrected is not taken below zero.
 */
export function stockCorrection(
  effects: { effect: StockEffect; quantity: number }[],
  onHand: number,
): { damaged: number; missing: number; countToZero: boolean } {
  if (effects.some((entry) => entry.effect === 'count_zero')) return { damaged: 0, missing: 0, countToZero: onHand > 0 };
  let left = Math.max(0, onHand);
  const take = (wanted: number) => {
    const taken = Math.min(left, wanted);
    left -= taken;
    return taken;
  };
  const sum = (effect: StockEffect) => effects.filter((entry) => entry.effect === effect).reduce((total, entry) => total + entry.quantity, 0);
  const damaged = take(sum('units_damaged'));
  const missing = take(sum('units_missing'));
  return { damaged, missing, countToZero: false };
}

/**
 * The locations lines must not be routed to again: every location that rejected a line of the same SKUs in this order
 * before (a line split by an earlier routing is the same goods under another id), in the order they rejected.
 */
export function excludedLocations(
  rejections: { lineId: string; locationId: string }[],
  skuOfLine: (lineId: string) => string | undefined,
  skus: Iterable<string>,
): string[] {
  const wanted = new Set(skus);
  const excluded: string[] = [];
  for (const rejection of rejections) {
    const sku = skuOfLine(rejection.lineId);
    if (sku !== undefined && wanted.has(sku) && !excluded.includes(rejection.locationId)) excluded.push(rejection.locationId);
  }
  return excluded;
}

/** After this many locations have rejected the lines, they wait in the `rejected` queue for a person. */
export const rejectionsExhausted = (excluded: string[], maxRejections: number) => excluded.length >= maxRejections;

/** The queue of lines that locations rejected and no rule could place again (or too many rejected). */
export const REJECTED_QUEUE = 'rejected';
/** The queue of pickup lines the store rejected, while the customer is asked what to do (order.pickup_unavailable). */
export const CUSTOMER_QUEUE = 'customer';

export type RejectionRow = {
  order_id: string;
  delivery_group_id: string;
  location_id: string;
  line_id: string;
  quantity: number;
  reason: RejectionReason;
  actor: string;
  created_at: Date;
};

export async function recordRejections(db: Executor, rows: RejectionRow[]): Promise<void> {
  await insertRows(
    'routing_rejections',
    {
      order_id: 'uuid',
      delivery_group_id: 'uuid',
      location_id: 'uuid',
      line_id: 'uuid',
      quantity: 'int',
      reason: 'text',
      actor: 'text',
      created_at: 'timestamptz',
    },
    rows,
  )?.execute(db);
}

/** Every rejection of an order's lines, oldest first. */
export async function rejectionsOf(db: Executor, orderId: string): Promise<{ lineId: string; locationId: string; reason: string; quantity: number }[]> {
  const rows = await db
    .selectFrom('routing_rejections')
    .select(['line_id', 'location_id', 'reason', 'quantity'])
    .where('order_id', '=', orderId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ lineId: row.line_id, locationId: row.location_id, reason: row.reason, quantity: row.quantity }));
}
