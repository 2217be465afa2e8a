import type { EventType } from './events/catalog.ts';
import { RuleViolation } from './errors.ts';

/**
 * One shape for every state machine (orders, delivery groups, payments, transfers): the moves are data, a list of
 * `{ from, on, to, emits? }`, and two functions read it. A move that keeps the state (`to` equal to `from`) is
 * allowed but changes nothing, e.g. lowering a card hold. The docs draw each machine from the same list, and its
 * tests walk every move, so what the code does and what the diagrams say cannot drift apart.
 */
export interface Transition<S extends string, A extends string, E extends string = string> {
  readonly from: S | readonly S[];
  readonly on: A;
  readonly to: S;
  /** The outbox event this move publishes, if any (a type of the event catalog). */
  readonly emits?: E;
}

/** One move from one state: the list of a machine with its `from` lists spread out. */
export interface Move<S extends string, A extends string, E extends string = string> {
  readonly from: S;
  readonly on: A;
  readonly to: S;
  readonly emits?: E;
}

export interface Machine<S extends string, A extends string, E extends string = string> {
  /** What the machine moves, for messages: "an order", "a delivery group". */
  readonly subject: string;
  readonly states: readonly S[];
  readonly actions: readonly A[];
  readonly moves: readonly Move<S, A, E>[];
  /** The message of a refused move; the problem's details say the state and the actions allowed in it. */
  readonly refusal: (state: S, action: A) => string;
  /** state → action → move: a look-up per call, not a scan (the order path moves every group it places). */
  readonly index: ReadonlyMap<S, ReadonlyMap<A, Move<S, A, E>>>;
}

/** A move the machine does not allow from the current state: 422 naming the state and what it allows instead. */
export class InvalidTransition extends RuleViolation {
  constructor(message: string, state: string, action: string, allowed: readonly string[]) {
    super('invalid-transition', message, { state, action, allowed });
  }
}

const spaced = (name: string) => name.replaceAll('_', ' ');

export function defineMachine<const S extends string, const A extends string, const E extends EventType = never>(definition: {
  subject: string;
  states: readonly S[];
  transitions: readonly Transition<NoInfer<S>, NoInfer<A>, E>[];
  actions: readonly A[];
  refusal?: (state: S, action: A) => string;
}): Machine<S, A, E> {
  const moves = definition.transitions.flatMap((transition) =>
    (typeof transition.from === 'string' ? [transition.from] : transition.from).map((from): Move<S, A, E> => ({ ...transition, from })),
  );
  const index = new Map<S, Map<A, Move<S, A, E>>>(definition.states.map((state) => [state, new Map()]));
  for (const move of moves) {
    const fromHere = index.get(move.from);
    // A programming error, caught when the module loads (and by its tests), never by a customer.
    if (!fromHere) throw new Error(`${definition.subject}: ${move.from} is not one of its states`);
    if (fromHere.has(move.on)) throw new Error(`${definition.subject}: ${move.on} from ${move.from} is listed twice`);
    fromHere.set(move.on, move);
  }
  const refusal = definition.refusal ?? ((state: S, action: A) => `Cannot ${spaced(action)} ${definition.subject} that is ${spaced(state)}.`);
  return { subject: definition.subject, states: definition.states, actions: definition.actions, moves, refusal, index };
}

/** The move `action` makes from `from`, or an `InvalidTransition` (422). */
export function move<S extends string, A extends string, E extends string>(machine: Machine<S, A, E>, from: S, action: A): Move<S, A, E> {
  const found = machine.index.get(from)?.get(action);
  if (!found) throw new InvalidTransition(machine.refusal(from, action), from, action, allowedActions(machine, from));
  return found;
}

/** The state `action` leads to from `from`, or an `InvalidTransition` (422). */
export const next = <S extends string, A extends string, E extends string>(machine: Machine<S, A, E>, from: S, action: A): S => move(machine, from, action).to;

/** The actions allowed from a state, in the order the machine lists them (none from a final state). */
export const allowedActions = <S extends string, A extends string, E extends string>(machine: Machine<S, A, E>, from: S): A[] => [
  ...(machine.index.get(from)?.keys() ?? []),
];

export const can = <S extends string, A extends string, E extends string>(machine: Machine<S, A, E>, from: S, action: A): boolean =>
  machine.index.get(from)?.has(action) ?? false;

/** States with no way out. */
export const finalStates = <S extends string, A extends string, E extends string>(machine: Machine<S, A, E>): S[] =>
  machine.states.filter((state) => !machine.index.get(state)?.size);

export type StateOf<M> = M extends Machine<infer S, infer _A, infer _E> ? S : never;
export type ActionOf<M> = M extends Machine<infer _S, infer A, infer _E> ? A : never;
