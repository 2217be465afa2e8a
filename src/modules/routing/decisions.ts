import { sql, type RawBuilder } from 'kysely';
import { insertRows } from '../../platform/db/statements.ts';
import type { CandidateTrace, GroupDecision, RuleTrace } from './engine.ts';

/**
 * How a decision is kept: one row per routed delivery group of the request (trigger, rule set and version, outcome,
 * the explanation), written with the order in the same statement; and the load it adds to each location's hour
 * (capacity), in a few shards so that concurrent orders to the same location rarely wait on one row.
 */

export type DecisionRow = {
  order_id: string;
  trigger: 'order_placed' | 'batch' | 'reroute';
  rule_set_id: string | null;
  rule_set_version: number | null;
  outcome: string;
  explanation: object;
  actor: string;
  created_at: Date;
};

export const decisionsInsert = (rows: DecisionRow[]) =>
  insertRows(
    'routing_decisions',
    {
      order_id: 'uuid',
      trigger: 'text',
      rule_set_id: 'uuid',
      rule_set_version: 'int',
      outcome: 'text',
      explanation: 'jsonb',
      actor: 'text',
      created_at: 'timestamptz',
    },
    rows,
  );

const SHARDS = 8;

/** One more delivery group for each location listed (a location listed twice counts twice), in the hour of `now`. */
export function loadIncrements(locationIds: string[], now: Date): RawBuilder<unknown> | null {
  if (!locationIds.length) return null;
  const counts = new Map<string, number>();
  for (const id of locationIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const shard = Math.floor(Math.random() * SHARDS);
  // Sorted: statements lock the rows in one order, so two never wait on each other in a circle.
  const rows = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([location_id, orders]) => ({ location_id, hour, shard, orders }));
  return insertRows(
    'routing_load',
    { location_id: 'uuid', hour: 'timestamptz', shard: 'smallint', orders: 'int' },
    rows,
    sql`on conflict (location_id, hour, shard) do update set orders = routing_load.orders + excluded.orders`,
  );
}

const KEPT_CANDIDATES = 30;

/**
 * The trace as stored: every candidate when there are few; over 30, the 10 best ranked and, per filter, how many it
 * removed with 3 examples (a dry run of the order shows them all).
 */
export function storedTrace(decision: GroupDecision): RuleTrace[] {
  return decision.trace.map((step) => {
    const candidates = step.candidates;
    if (!candidates || candidates.length <= KEPT_CANDIDATES) return step;
    const kept = candidates.filter((candidate) => !candidate.removedBy && (candidate.rank ?? Number.POSITIVE_INFINITY) <= 10);
    const removed = new Map<string, CandidateTrace[]>();
    for (const candidate of candidates) {
      if (!candidate.removedBy) continue;
      removed.set(candidate.removedBy.filter, [...(removed.get(candidate.removedBy.filter) ?? []), candidate]);
    }
    return {
      ...step,
      candidates: [...kept, ...[...removed.values()].flatMap((list) => list.slice(0, 3))],
      removedCounts: Object.fromEntries([...removed].map(([filter, list]) => [filter, list.length])),
    };
  });
}
