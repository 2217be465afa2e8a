/**
 * Batch functions (a statement for many requests) answer in the order asked, one answer per item. `paired` puts each
 * answer with its item, so that callers carry one record per item rather than an index into parallel arrays; a
 * batch function that answered a different number of items is a bug, and says so here.
 */
export function paired<T, A>(items: readonly T[], answers: readonly A[]): [T, A][] {
  if (items.length !== answers.length) throw new Error(`a batch answered ${answers.length} items of ${items.length}`);
  return items.map((item, index) => [item, answers[index] as A]);
}

/** A value a record of a batch has by this step (its absence is a bug, said here rather than written as `!`). */
export function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is missing`);
  return value;
}
