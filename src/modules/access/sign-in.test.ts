import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { PER_ADDRESS, PER_EMAIL } from './login-throttle.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  for (const email of ['manager@example.com', 'timing@example.com']) {
    const staff = await api.call('POST', '/v1/staff-users', { body: { email, name: 'Manager', password: 'correct horse battery', role: 'admin' } });
    expect(staff.status).toBe(201);
  }
});
afterAll(() => api?.close());

/** A sign-in from a client address of its own (the server trusts X-Forwarded-For from its load balancer). */
const signIn = (email: string, password: string, address: string) =>
  api.call('POST', '/v1/auth/login', { token: null, body: { email, password }, headers: { 'x-forwarded-for': address } });

/** Lets the last failures of an email or address lie `seconds` further in the past, as if time had passed. */
const agoBy = (subject: string, seconds: number) =>
  sql`update login_failures set last_failed_at = last_failed_at - make_interval(secs => ${seconds}) where subject = ${subject}`.execute(api.database.db);

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('signing in', () => {
  it('takes as long to refuse an unknown email as a known email with a wrong password', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const [email, times] of [
        ['timing@example.com', known],
        [`nobody${round}@example.com`, unknown],
      ] as const) {
        const started = performance.now();
        expect((await signIn(email, 'wrong password!', `192.0.2.${round}`)).status).toBe(401);
        times.push(performance.now() - started);
      }
    }
    // Both check a scrypt hash (tens of ms); before, an unknown email was refused in a few ms, 70 times faster.
    expect(median(unknown)).toBeGreaterThan(median(known) / 2);
  });

  it('slows down guesses at one email, from any address, then lets the right password in and starts afresh', async () => {
    for (let guess = 0; guess < PER_EMAIL.freeFailures; guess++)
      expect((await signIn('Manager@example.com', `guess ${guess}`, `198.51.100.${guess}`)).status).toBe(401);
    const waiting = await signIn('manager@example.com', 'correct horse battery', '198.51.100.200');
    expect(waiting.status).toBe(429);
    expect(waiting.headers.get('content-type')).toContain('application/problem+json');
    expect(waiting.body).toMatchObject({ code: 'too-many-attempts', retryAfterSeconds: PER_EMAIL.firstWaitSeconds });
    expect(waiting.headers.get('retry-after')).toBe(String(PER_EMAIL.firstWaitSeconds));

    await agoBy('email:manager@example.com', PER_EMAIL.firstWaitSeconds);
    expect((await signIn('manager@example.com', 'guess again', '198.51.100.201')).status).toBe(401);
    // The sixth failure doubles the wait.
    expect((await signIn('manager@example.com', 'correct horse battery', '198.51.100.202')).body.retryAfterSeconds).toBe(2 * PER_EMAIL.firstWaitSeconds);

    await agoBy('email:manager@example.com', 2 * PER_EMAIL.firstWaitSeconds);
    expect((await signIn('manager@example.com', 'correct horse battery', '198.51.100.203')).status).toBe(200);
    const left = await api.database.db.selectFrom('login_failures').select('subject').where('subject', '=', 'email:manager@example.com').execute();
    expect(left).toEqual([]);
  });

  it('slows down one address trying many emails, and the same emails from elsewhere are not held up', async () => {
    for (let guess = 0; guess < PER_ADDRESS.freeFailures; guess++)
      expect((await signIn(`staff${guess}@example.com`, 'password1234', '203.0.113.9')).status).toBe(401);
    const waiting = await signIn('manager@example.com', 'correct horse battery', '203.0.113.9');
    expect(waiting.status).toBe(429);
    expect((await signIn('manager@example.com', 'correct horse battery', '203.0.113.10')).status).toBe(200);
  });
});

describe('signing in through a server that trusts no proxy', () => {
  it('counts failures by the address that connected, whatever X-Forwarded-For claims', async () => {
    const direct = await startTestApi({ trustProxy: false });
    try {
      const signInFrom = (address: string) =>
        direct.call('POST', '/v1/auth/login', {
          token: null,
          body: { email: `nobody.${address}@example.com`, password: 'guess' },
          headers: { 'x-forwarded-for': address },
        });
      // A different claimed address each time: with the header believed, no address would reach its limit.
      for (let guess = 0; guess < PER_ADDRESS.freeFailures; guess++) expect((await signInFrom(`192.0.2.${guess}`)).status).toBe(401);
      const waiting = await direct.call('POST', '/v1/auth/login', {
        token: null,
        body: { email: 'somebody.else@example.com', password: 'guess' },
        headers: { 'x-forwarded-for': '192.0.2.250' },
      });
      expect(waiting.status).toBe(429);
    } finally {
      await direct.close();
    }
  });
});
