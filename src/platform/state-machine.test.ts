import { describe, expect, it } from 'vitest';
import { allowedActions, can, defineMachine, finalStates, InvalidTransition, move, next } from './state-machine.ts';
import { DomainError } from './errors.ts';

// A door: small enough to read at a glance, with a move from two states, a move that keeps the state and a final state.
const door = defineMachine({
  subject: 'a door',
  states: ['open', 'closed', 'locked', 'bricked_up'],
  actions: ['close', 'open', 'lock', 'unlock', 'brick_up', 'knock'],
  transitions: [
    { from: 'open', on: 'close', to: 'closed' },
    { from: 'closed', on: 'open', to: 'open' },
    { from: 'closed', on: 'lock', to: 'locked' },
    { from: 'locked', on: 'unlock', to: 'closed' },
    { from: 'closed', on: 'knock', to: 'closed' },
    { from: ['open', 'closed', 'locked'], on: 'brick_up', to: 'bricked_up', emits: 'stock.changed' },
  ],
});

describe('a state machine', () => {
  it('given a move listed from several states, when it is taken from each, then it leads to its state', () => {
    expect(next(door, 'open', 'brick_up')).toBe('bricked_up');
    expect(next(door, 'locked', 'brick_up')).toBe('bricked_up');
    expect(move(door, 'closed', 'brick_up')).toEqual({ from: 'closed', on: 'brick_up', to: 'bricked_up', emits: 'stock.changed' });
  });

  it('given a state, then it answers the actions allowed there, in the order listed, and none from a final state', () => {
    expect(allowedActions(door, 'closed')).toEqual(['open', 'lock', 'knock', 'brick_up']);
    expect(allowedActions(door, 'bricked_up')).toEqual([]);
    expect(finalStates(door)).toEqual(['bricked_up']);
    expect(can(door, 'open', 'lock')).toBe(false);
    expect(can(door, 'closed', 'lock')).toBe(true);
  });

  it('when an action is not allowed, then it throws a 422 problem naming the state, the action and what is allowed', () => {
    const attempt = () => next(door, 'open', 'lock');
    expect(attempt).toThrow(InvalidTransition);
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(
      expect.objectContaining({
        kind: 'rule-violation',
        code: 'invalid-transition',
        message: 'Cannot lock a door that is open.',
        details: { state: 'open', action: 'lock', allowed: ['close', 'brick_up'] },
      }),
    );
    expect(() => next(door, 'bricked_up', 'brick_up')).toThrow(
      expect.objectContaining({ message: 'Cannot brick up a door that is bricked up.', details: expect.objectContaining({ allowed: [] }) }),
    );
  });

  it('refuses to be defined with a move from a state it does not have, or the same move twice', () => {
    expect(() => defineMachine({ subject: 'a lid', states: ['on'], actions: ['lift'], transitions: [{ from: 'off' as 'on', on: 'lift', to: 'on' }] })).toThrow(
      /off is not one of its states/,
    );
    expect(() =>
      defineMachine({
        subject: 'a lid',
        states: ['on', 'off'],
        actions: ['lift'],
        transitions: [
          { from: 'on', on: 'lift', to: 'off' },
          { from: ['off', 'on'], on: 'lift', to: 'on' },
        ],
      }),
    ).toThrow(/lift from on is listed twice/);
  });
});
