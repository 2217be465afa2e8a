import type { CandidateTrace, RuleTrace } from './engine.ts';
import type { Ranking } from './rules.ts';

/**
 * A routing decision in sentences a person reads: for each rule tried, which locations it removed and why (with the
 * filter's values), how it ranked the others, and what it did; then the outcome. Pure: it reads only the decision,
 * stored (routing_decisions) or just made by a dry run.
 */

/** A rule's trace as stored: over 30 candidates, some left out and counted per filter (decisions.ts `storedTrace`). */
export type StoredRuleTrace = RuleTrace & { removedCounts?: Record<string, number> | undefined };

export interface DecisionToSummarise {
  /** The rule set's version; null: the default rules (the channel had no active rule set). */
  ruleSetVersion: number | null;
  outcome: { kind: string; locationId?: string | null | undefined; availableAt?: string | undefined; queue?: string | undefined; reason?: string | undefined };
  /** Where the goods leave from (a routed group), or wait (a backorder). */
  shipments: { locationId: string | null; lines: { sku: string; quantity: number }[] }[];
  trace: StoredRuleTrace[];
}

/** Ranked locations named one by one; the others are counted. */
const RANKED_SHOWN = 5;

export function summarise(decision: DecisionToSummarise): string[] {
  const codes = new Map<string, string>();
  for (const step of decision.trace) for (const candidate of step.candidates ?? []) codes.set(candidate.locationId, candidate.code);
  const codeOf = (locationId: string | null | undefined) => (locationId ? (codes.get(locationId) ?? locationId) : 'no location');
  const version = decision.ruleSetVersion === null ? 'default rules' : `version ${decision.ruleSetVersion}`;
  const sentences = decision.trace.map((step) => {
    const title = `Rule ${step.rule + 1} "${step.name}" (${version})`;
    if (step.skipped) return `${title} is not for this order: ${step.skipped}.`;
    return `${title}: ${[...candidateParts(step), step.result].join('; ')}.`;
  });
  return [...sentences, outcomeSentence(decision, codeOf)];
}

function candidateParts(step: StoredRuleTrace): string[] {
  const candidates = step.candidates ?? [];
  if (!candidates.length) return ["no location fulfils the channel's orders"];
  const removed = candidates.filter((candidate) => candidate.removedBy && candidate.rank === undefined);
  const ranked = candidates.filter((candidate) => candidate.rank !== undefined).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const parts = removed.map((candidate) => `${candidate.code} removed — ${candidate.removedBy?.detail}`);
  // A compacted trace keeps a few examples per filter: the others it counts.
  const left = Object.entries(step.removedCounts ?? {}).flatMap(([filter, count]) => {
    const shown = removed.filter((candidate) => candidate.removedBy?.filter === filter).length;
    return count > shown ? [`${count - shown} more removed by ${filter}`] : [];
  });
  if (left.length) parts.push(`and ${left.join(', ')}`);
  parts.push(...ranked.slice(0, RANKED_SHOWN).map((candidate, index) => rankedPart(candidate, index === 0)));
  if (ranked.length > RANKED_SHOWN) parts.push(`${ranked.length - RANKED_SHOWN} more ranked after them`);
  return parts;
}

function rankedPart(candidate: CandidateTrace, first: boolean): string {
  const keys = Object.entries(candidate.keys ?? {}).map(([key, value]) => keyWords(key as Ranking, value ?? null));
  const rank = `${first ? 'ranked ' : ''}${ordinal(candidate.rank ?? 0)}${keys.length ? ` (${keys.join(', ')})` : ''}`;
  // Ranked although removed: the rule ranks the locations short of stock to find one for a backorder.
  const removed = candidate.removedBy ? `, removed by ${candidate.removedBy.filter} — ${candidate.removedBy.detail}` : '';
  return `${candidate.code} ${rank}${removed}`;
}

function keyWords(key: Ranking, value: number | null): string {
  switch (key) {
    case 'distance':
      return value === null ? 'distance unknown' : `distance ${value} km`;
    case 'stock_after':
      return `${value ?? 0} left after the order`;
    case 'remaining_capacity':
      return value === null ? 'no capacity limit' : `capacity left ${value}`;
    case 'sequence':
      return value === null ? 'not in the sequence' : `${ordinal(value + 1)} in the sequence`;
    case 'fulfilment_cost':
      return value === null ? 'no cost set' : `cost ${value}`;
  }
}

function outcomeSentence(decision: DecisionToSummarise, codeOf: (locationId: string | null | undefined) => string): string {
  const { outcome, shipments } = decision;
  switch (outcome.kind) {
    case 'routed': {
      if (shipments.length <= 1) return `Outcome: sent from ${codeOf(shipments[0]?.locationId)}.`;
      const parts = shipments.map(
        (shipment) => `${codeOf(shipment.locationId)} sends ${shipment.lines.map((line) => `${line.quantity} × ${line.sku}`).join(', ')}`,
      );
      return `Outcome: split into ${shipments.length} shipments — ${parts.join('; ')}.`;
    }
    case 'backordered': {
      const where = outcome.locationId ? `at ${codeOf(outcome.locationId)}` : 'as a preorder';
      return `Outcome: backordered ${where}, stock expected ${outcome.availableAt?.slice(0, 10) ?? 'later'}.`;
    }
    case 'parked':
      return `Outcome: parked in queue "${outcome.queue}" for a person.`;
    default:
      return `Outcome: rejected — ${outcome.reason ?? 'no rule found a location'}.`;
  }
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 21st … */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
}
