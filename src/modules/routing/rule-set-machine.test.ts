import { describe, it } from 'vitest';
import { expectMoves } from '../../../test/support/machines.ts';
import { RULE_SET_MACHINE } from './rule-set-machine.ts';

describe('the rule set machine', () => {
  it('edits drafts only, activates a draft or an archived version (rollback), archives a draft or the active one', () => {
    expectMoves(RULE_SET_MACHINE, [
      ['draft', 'edit', 'draft'],
      ['draft', 'activate', 'active'],
      ['archived', 'activate', 'active'],
      ['draft', 'archive', 'archived'],
      ['active', 'archive', 'archived'],
    ]);
  });
});
