import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.ts';
import { nextPaymentStatus, paymentTransitions } from './machine.ts';
import { cardBrand, createTestCardProvider, passesLuhn } from './providers.ts';

const provider = createTestCardProvider({ now: () => new Date('2030-06-15T12:00:00Z') });
const card = (number: string, expYear = 2031, expMonth = 12) => ({ number, expMonth, expYear, cvc: '123' });
const authorize = (number: string, amount = 1000, expYear?: number, expMonth?: number) =>
  provider.authorize({ amount, currency: 'EUR', reference: 'order-1', card: card(number, expYear, expMonth) });

describe('the test card provider', () => {
  it('approves 4242 4242 4242 4242 and can capture, refund and void what it approved', async () => {
    const approved = await authorize('4242 4242 4242 4242');
    expect(approved).toMatchObject({ outcome: 'approved', providerReference: expect.stringMatching(/^test_auth_/) });
    const reference = (approved as { providerReference: string }).providerReference;
    expect(await provider.capture(reference, 600)).toMatchObject({ outcome: 'approved' });
    expect(await provider.refund(reference, 100)).toMatchObject({ outcome: 'approved' });
    expect(await provider.void(reference)).toMatchObject({ outcome: 'approved' });
    expect(await provider.capture('someone-elses', 600)).toMatchObject({ outcome: 'declined', code: 'unknown_authorization' });
  });

  it.each([
    ['4000 0000 0000 0002', { outcome: 'declined', code: 'card_declined' }],
    ['4000 0000 0000 9995', { outcome: 'declined', code: 'insufficient_funds' }],
    ['4000 0000 0000 0119', { outcome: 'failed' }],
    ['4242 4242 4242 4241', { outcome: 'declined', code: 'incorrect_number' }],
  ])('answers %s as documented', async (number, expected) => {
    expect(await authorize(number)).toMatchObject(expected);
  });

  it('declines a card past its expiry month and accepts one that expires this month', async () => {
    expect(await authorize('4242424242424242', 1000, 2030, 5)).toMatchObject({ outcome: 'declined', code: 'expired_card' });
    expect(await authorize('4242424242424242', 1000, 2029, 12)).toMatchObject({ outcome: 'declined', code: 'expired_card' });
    expect(await authorize('4242424242424242', 1000, 2030, 6)).toMatchObject({ outcome: 'approved' });
  });

  it('refuses amounts that are not positive integers of minor units', async () => {
    for (const amount of [0, -5, 10.5, Number.NaN]) {
      expect(await authorize('4242424242424242', amount)).toMatchObject({ outcome: 'declined', code: 'invalid_amount' });
    }
    expect(await provider.capture('test_auth_x', 0)).toMatchObject({ outcome: 'declined', code: 'invalid_amount' });
  });

  it('tells brands apart and checks numbers', () => {
    expect(cardBrand('4242 4242 4242 4242')).toBe('visa');
    expect(cardBrand('5555 5555 5555 4444')).toBe('mastercard');
    expect(cardBrand('3782 822463 10005')).toBe('amex');
    expect(passesLuhn('4242424242424242')).toBe(true);
    expect(passesLuhn('4242424242424243')).toBe(false);
  });
});

describe('the payment state machine', () => {
  it('walks a card paid online from authorization to refund', () => {
    let status = nextPaymentStatus('pending', 'authorize');
    status = nextPaymentStatus(status, 'capture_some');
    expect(status).toBe('partially_captured');
    status = nextPaymentStatus(status, 'release_rest');
    expect(status).toBe('captured');
    expect(nextPaymentStatus(status, 'refund_some')).toBe('partially_refunded');
    expect(nextPaymentStatus('partially_refunded', 'refund_rest')).toBe('refunded');
  });

  it('lets pay at pickup wait for the customer, then be taken or cancelled', () => {
    expect(nextPaymentStatus('pending', 'await_pickup')).toBe('awaiting_pickup');
    expect(nextPaymentStatus('awaiting_pickup', 'capture_rest')).toBe('captured');
    expect(nextPaymentStatus('awaiting_pickup', 'release_rest')).toBe('cancelled');
  });

  it('refuses anything else with a 422 naming the current state', () => {
    const attempt = () => nextPaymentStatus('voided', 'capture_rest');
    expect(attempt).toThrow(DomainError);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ kind: 'rule-violation', code: 'invalid-transition', details: { state: 'voided', action: 'capture_rest' } });
      expect((error as Error).message).toBe('A payment that is voided cannot be captured.');
    }
    expect(() => nextPaymentStatus('authorized', 'refund_some')).toThrow(/authorized/);
    expect(() => nextPaymentStatus('refunded', 'refund_some')).toThrow(/refunded/);
  });

  it('has no way out of its final states', () => {
    const leaving = new Set(paymentTransitions().map((transition) => transition.from));
    for (const final of ['refunded', 'voided', 'cancelled', 'declined', 'failed'] as const) expect(leaving.has(final)).toBe(false);
  });

  it('is the diagram docs/payments.md draws', () => {
    const doc = readFileSync(new URL('../../../docs/payments.md', import.meta.url), 'utf8');
    const drawn = [...doc.matchAll(/^\s+(\w+) --> (\w+): (\w+)/gm)].map(([, from, to, action]) => `${from} -${action}-> ${to}`);
    expect(drawn.sort()).toEqual(
      paymentTransitions()
        .map(({ from, action, to }) => `${from} -${action}-> ${to}`)
        .sort(),
    );
  });
});
