import { expect } from 'vitest';
import { allowedActions, next, type Machine } from '../../src/platform/state-machine.ts';

/**
 * Given a machine and the moves it should allow, written out by hand as the specification: then each is allowed and
 * leads where the table says, and every other action from every state is refused with a 422 naming the state, the
 * action and the actions allowed there instead.
 */
export function expectMoves<S extends string, A extends string, E extends string>(
  machine: Machine<S, A, E>,
  expected: readonly (readonly [from: S, action: A, to: S])[],
) {
  for (const [from, action, to] of expected) expect(next(machine, from, action), `${from} -${action}->`).toBe(to);
  const allowed = new Set(expected.map(([from, action]) => `${from} ${action}`));
  for (const from of machine.states) {
    expect(allowedActions(machine, from).sort()).toEqual(
      expected
        .filter(([state]) => state === from)
        .map(([, action]) => action)
        .sort(),
    );
    for (const action of machine.actions.filter((candidate) => !allowed.has(`${from} ${candidate}`))) {
      expect(() => next(machine, from, action), `${from} -${action}-> refused`).toThrow(
        expect.objectContaining({
          kind: 'rule-violation',
          code: 'invalid-transition',
          details: { state: from, action, allowed: allowedActions(machine, from) },
        }),
      );
    }
  }
}
