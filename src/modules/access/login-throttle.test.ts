import { describe, expect, it } from 'vitest';
import { afterFailure, secondsToWait, type ThrottlePolicy } from './login-throttle.ts';

const policy: ThrottlePolicy = { freeFailures: 3, firstWaitSeconds: 2, longestWaitSeconds: 60, forgetAfterSeconds: 600 };
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, seconds));

/** `failures` in a row, the last at `at(0)`. */
const inARow = (failures: number) => ({ failures, lastFailedAt: at(0) });

describe('sign-in throttling', () => {
  it('lets the free failures through without waiting', () => {
    expect(secondsToWait(undefined, at(0), policy)).toBe(0);
    expect(secondsToWait(inARow(policy.freeFailures - 1), at(0), policy)).toBe(0);
  });

  it('then doubles the wait with each failure, up to the longest wait', () => {
    expect([3, 4, 5, 6, 9].map((failures) => secondsToWait(inARow(failures), at(0), policy))).toEqual([2, 4, 8, 16, 60]);
  });

  it('counts the wait from the last failure', () => {
    expect(secondsToWait(inARow(4), at(3), policy)).toBe(1);
    expect(secondsToWait(inARow(4), at(4), policy)).toBe(0);
  });

  it('forgets failures after a quiet while, and counts afresh', () => {
    const quiet = new Date(at(0).getTime() + policy.forgetAfterSeconds * 1000);
    expect(secondsToWait(inARow(9), quiet, policy)).toBe(0);
    expect(afterFailure(inARow(9), quiet, policy)).toEqual({ failures: 1, lastFailedAt: quiet });
    expect(afterFailure(inARow(9), at(5), policy)).toEqual({ failures: 10, lastFailedAt: at(5) });
    expect(afterFailure(undefined, at(5), policy)).toEqual({ failures: 1, lastFailedAt: at(5) });
  });
});
