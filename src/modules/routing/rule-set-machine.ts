import { defineMachine, move, type ActionOf, type Move } from '../../platform/state-machine.ts';
import type { RuleSetStatus } from './tables.ts';

export const RULE_SET_STATUSES = ['draft', 'active', 'archived'] as const satisfies readonly RuleSetStatus[];

const DONE = { edit: 'changed', activate: 'activated', archive: 'archived' } as const;

/**
 * The life of one version of a channel's rule set (platform/state-machine.ts). A draft is written and rewritten; once
 * activated it is frozen, so that every routing decision names a version whose rules can still be read as they were.
 * Activating a version archives the channel's active one in the same change (one active per channel). Activating an
 * archived version is the rollback; archiving the active one leaves the channel on the built-in rules.
 */
export const RULE_SET_MACHINE = defineMachine({
  subject: 'a rule set',
  states: RULE_SET_STATUSES,
  actions: ['edit', 'activate', 'archive'],
  transitions: [
    { from: 'draft', on: 'edit', to: 'draft' },
    { from: ['draft', 'archived'], on: 'activate', to: 'active', emits: 'routing.rule_set_activated' },
    { from: ['draft', 'active'], on: 'archive', to: 'archived' },
  ],
  refusal: (state, action) =>
    action === 'edit'
      ? `A rule set that is ${state} is frozen: create a new version to change its rules.`
      : `A rule set that is ${state} cannot be ${DONE[action]}.`,
});

export type RuleSetAction = ActionOf<typeof RULE_SET_MACHINE>;

/** The move `action` makes from `status`, or a 422 naming the status and the actions allowed in it. */
export const ruleSetMove = (status: RuleSetStatus, action: RuleSetAction): Move<RuleSetStatus, RuleSetAction, 'routing.rule_set_activated'> =>
  move(RULE_SET_MACHINE, status, action);
