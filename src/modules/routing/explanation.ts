import type { Principal } from '../../platform/auth/principal.ts';
import type { Executor } from '../../platform/db/database.ts';
import { assertMaySeeOrder, getOrder } from '../orders/read.ts';
import type { OutcomeWord } from './explain-schema.ts';
import { summarise, type StoredRuleTrace } from './summary.ts';

/**
 * Why an order went where it went: every routing decision stored for it (routing_decisions, one per delivery group
 * routed, oldest first), each with its trace and the same in sentences (summary.ts). Whoever may read the order may
 * read this (orders/read.ts `assertMaySeeOrder`; 404 otherwise).
 */

/** The explanation a decision is stored with (orders/place/rows.ts `decisionRow`). */
export interface StoredExplanation {
  deliveryGroup: number;
  rule: { index: number; name: string } | null;
  outcome: { kind: string; locationId?: string | null; availableAt?: string; queue?: string; reason?: string };
  shipments: { deliveryGroupId: string; locationId: string | null; status: string; lines: { lineId: string; sku: string; quantity: number }[] }[];
  trace: StoredRuleTrace[];
}

export interface StoredDecision {
  id: number;
  orderId: string;
  trigger: string;
  ruleSetId: string | null;
  ruleSetVersion: number | null;
  outcome: OutcomeWord;
  explanation: StoredExplanation;
  createdAt: Date;
}

const CHUNK = 1000;

/** The decisions of the orders, oldest first, by order. */
export async function decisionsOf(db: Executor, orderIds: string[]): Promise<Map<string, StoredDecision[]>> {
  const byOrder = new Map<string, StoredDecision[]>();
  for (let start = 0; start < orderIds.length; start += CHUNK) {
    const rows = await db
      .selectFrom('routing_decisions')
      .selectAll()
      .where('order_id', 'in', orderIds.slice(start, start + CHUNK))
      .orderBy('id')
      .execute();
    for (const row of rows) {
      const decision: StoredDecision = {
        id: row.id,
        orderId: row.order_id,
        trigger: row.trigger,
        ruleSetId: row.rule_set_id,
        ruleSetVersion: row.rule_set_version,
        outcome: row.outcome as OutcomeWord,
        explanation: row.explanation as StoredExplanation,
        createdAt: row.created_at,
      };
      byOrder.set(row.order_id, [...(byOrder.get(row.order_id) ?? []), decision]);
    }
  }
  return byOrder;
}

export async function orderRouting(db: Executor, principal: Principal, orderId: string) {
  const order = await getOrder(db, orderId);
  await assertMaySeeOrder(db, principal, { id: order.id, channel_id: order.channelId });
  const decisions = (await decisionsOf(db, [order.id])).get(order.id) ?? [];
  return { orderId: order.id, number: order.number, decisions: decisions.map(decisionView) };
}

function decisionView(decision: StoredDecision) {
  const { explanation } = decision;
  const codes = new Map(explanation.trace.flatMap((step) => (step.candidates ?? []).map((candidate) => [candidate.locationId, candidate.code] as const)));
  return {
    id: decision.id,
    trigger: decision.trigger,
    createdAt: decision.createdAt.toISOString(),
    ruleSet: decision.ruleSetId === null ? null : { id: decision.ruleSetId, version: decision.ruleSetVersion ?? 0 },
    deliveryGroup: explanation.deliveryGroup,
    outcome: decision.outcome,
    rule: explanation.rule,
    availableAt: explanation.outcome.availableAt ?? null,
    queue: explanation.outcome.queue ?? null,
    shipments: explanation.shipments.map((shipment) => ({
      ...shipment,
      locationCode: shipment.locationId === null ? null : (codes.get(shipment.locationId) ?? null),
    })),
    trace: explanation.trace,
    summary: summarise({
      ruleSetVersion: decision.ruleSetId === null ? null : decision.ruleSetVersion,
      outcome: explanation.outcome,
      shipments: explanation.shipments,
      trace: explanation.trace,
    }),
  };
}
