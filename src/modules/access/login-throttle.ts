import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';

/**
 * Failed sign-ins slow the next ones down, per email (someone guessing one staff member's password) and per client
 * address (someone trying many emails), the same in every server process: the counts are in the database. An email
 * gets a few free attempts, then waits 1 s, 2 s, 4 s … (up to 15 minutes) after each failure; an address gets more
 * free attempts, as a shop's staff may share one. A wait answers 429 with Retry-After without checking the password,
 * whether the email exists or not. A successful sign-in clears its email's count; counts are forgotten after an hour
 * without failure.
 */
export interface ThrottlePolicy {
  freeFailures: number;
  firstWaitSeconds: number;
  longestWaitSeconds: number;
  forgetAfterSeconds: number;
}

export const PER_EMAIL: ThrottlePolicy = { freeFailures: 5, firstWaitSeconds: 1, longestWaitSeconds: 900, forgetAfterSeconds: 3600 };
export const PER_ADDRESS: ThrottlePolicy = { freeFailures: 20, firstWaitSeconds: 1, longestWaitSeconds: 900, forgetAfterSeconds: 3600 };

export interface FailureCount {
  failures: number;
  lastFailedAt: Date;
}

/** Whole seconds to wait before the next attempt after these failures (0: it may be made now). */
export function secondsToWait(count: FailureCount | undefined, now: Date, policy: ThrottlePolicy): number {
  if (!count) return 0;
  const since = (now.getTime() - count.lastFailedAt.getTime()) / 1000;
  if (since >= policy.forgetAfterSeconds || count.failures < policy.freeFailures) return 0;
  const wait = Math.min(policy.firstWaitSeconds * 2 ** (count.failures - policy.freeFailures), policy.longestWaitSeconds);
  return Math.max(0, Math.ceil(wait - since));
}

/** The failure count after one more failure. */
export function afterFailure(count: FailureCount | undefined, now: Date, policy: ThrottlePolicy): FailureCount {
  const forgotten = !count || (now.getTime() - count.lastFailedAt.getTime()) / 1000 >= policy.forgetAfterSeconds;
  return { failures: forgotten ? 1 : count.failures + 1, lastFailedAt: now };
}

export class TooManyAttempts extends DomainError {
  constructor(retryAfterSeconds: number) {
    super('too-many-attempts', 'too-many-attempts', `Too many failed sign-ins: try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
  }
}

/** Who is signing in, as the subjects failures are counted under, each with its policy. */
export const loginSubjects = (email: string, address: string) => [
  { subject: `email:${email.toLowerCase()}`, policy: PER_EMAIL },
  { subject: `address:${address}`, policy: PER_ADDRESS },
];
type Subjects = ReturnType<typeof loginSubjects>;

async function counts(db: Executor, subjects: Subjects): Promise<Map<string, FailureCount>> {
  const rows = await db
    .selectFrom('login_failures')
    .select(['subject', 'failures', 'last_failed_at'])
    .where(
      'subject',
      'in',
      subjects.map(({ subject }) => subject),
    )
    .execute();
  return new Map(rows.map((row) => [row.subject, { failures: row.failures, lastFailedAt: row.last_failed_at }]));
}

/** Refuses the attempt with a 429 while any of its subjects must still wait. */
export async function assertMayTry(db: Executor, subjects: Subjects, now = new Date()): Promise<void> {
  const known = await counts(db, subjects);
  const wait = Math.max(...subjects.map(({ subject, policy }) => secondsToWait(known.get(subject), now, policy)));
  if (wait > 0) throw new TooManyAttempts(wait);
}

/** Counts a failure against each subject (outside the failed attempt's transaction, which rolls back). */
export async function recordFailure(db: Executor, subjects: Subjects, now = new Date()): Promise<void> {
  const known = await counts(db, subjects);
  const next = subjects.map(({ subject, policy }) => ({ subject, ...afterFailure(known.get(subject), now, policy) }));
  await db
    .insertInto('login_failures')
    .values(next.map((count) => ({ subject: count.subject, failures: count.failures, last_failed_at: count.lastFailedAt })))
    .onConflict((conflict) =>
      conflict.column('subject').doUpdateSet((row) => ({
        // Two failures at once both count: one more than what is there now, unless it has been forgotten.
        failures: sql<number>`case when login_failures.last_failed_at < ${new Date(now.getTime() - PER_EMAIL.forgetAfterSeconds * 1000)} then 1 else login_failures.failures + 1 end`,
        last_failed_at: row.ref('excluded.last_failed_at'),
      })),
    )
    .execute();
  await db
    .deleteFrom('login_failures')
    .where('last_failed_at', '<', new Date(now.getTime() - PER_EMAIL.forgetAfterSeconds * 1000))
    .execute();
}

/** A successful sign-in: its email starts afresh (its address does not, or one good password would reset a spray). */
export async function clearFailures(db: Executor, subjects: Subjects): Promise<void> {
  const emails = subjects.filter(({ policy }) => policy === PER_EMAIL).map(({ subject }) => subject);
  await db.deleteFrom('login_failures').where('subject', 'in', emails).execute();
}
