import { randomUUID } from 'node:crypto';

/**
 * A payment service provider (PSP) behind one small interface. Aisle ships the test card provider; a retailer adds
 * a real PSP by writing one object with these four calls and adding it to the policies' `paymentProviders` (src/policies.ts).
 */

export interface CardDetails {
  /** Digits, spaces allowed. Passed to the provider and never stored: only the brand and last four digits are. */
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

export interface AuthorizationRequest {
  /** Minor units, a positive integer. */
  amount: number;
  currency: string;
  /** What the provider shows against the charge: the order being placed. */
  reference: string;
  card?: CardDetails | undefined;
  /** A token the storefront got from the PSP's own card form, for providers that never see card numbers. */
  token?: string | undefined;
}

export type ProviderResult =
  | { outcome: 'approved'; providerReference: string }
  /** The issuer or the provider said no: asking again will not change the answer. */
  | { outcome: 'declined'; code: string; reason: string }
  /** A technical failure (timeout, outage): nothing happened, and the same call may succeed later. */
  | { outcome: 'failed'; reason: string };

export interface PaymentProvider {
  readonly name: string;
  authorize(request: AuthorizationRequest): Promise<ProviderResult>;
  capture(authorizationId: string, amount: number): Promise<ProviderResult>;
  void(authorizationId: string): Promise<ProviderResult>;
  /** `reference` is the authorization's (or a capture's) provider reference. */
  refund(reference: string, amount: number): Promise<ProviderResult>;
}

export const digitsOf = (cardNumber: string) => cardNumber.replace(/[\s-]/g, '');
export const last4 = (cardNumber: string) => digitsOf(cardNumber).slice(-4);

/** The brand a receipt shows, from the number's leading digits (the issuer identification number). */
export function cardBrand(cardNumber: string): string {
  const digits = digitsOf(cardNumber);
  const two = Number(digits.slice(0, 2));
  const four = Number(digits.slice(0, 4));
  if (digits.startsWith('4')) return 'visa';
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return 'mastercard';
  if (two === 34 || two === 37) return 'amex';
  if (digits.startsWith('6011') || digits.startsWith('65')) return 'discover';
  return 'card';
}

/** The Luhn check digit: a mistyped digit or two swapped neighbours fail it. */
export function passesLuhn(cardNumber: string): boolean {
  const digits = digitsOf(cardNumber);
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Cards of the test provider that do not simply approve; docs/payments.md lists them. */
export const TEST_CARDS: Record<string, ProviderResult> = {
  '4000000000000002': { outcome: 'declined', code: 'card_declined', reason: 'The card was declined.' },
  '4000000000009995': { outcome: 'declined', code: 'insufficient_funds', reason: 'The card has insufficient funds.' },
  '4000000000000119': { outcome: 'failed', reason: 'The provider had a processing error; try again.' },
};

const isAmount = (amount: number) => Number.isSafeInteger(amount) && amount > 0;
const invalidAmount: ProviderResult = { outcome: 'declined', code: 'invalid_amount', reason: 'The amount must be a positive integer of minor units.' };
const unknown: ProviderResult = { outcome: 'declined', code: 'unknown_authorization', reason: 'The provider knows no such authorization.' };

/**
 * The built-in provider: deterministic, in-process, no network. It keeps no state, so an authorization survives a
 * restart; how much may still be captured or refunded is Aisle's own bookkeeping (the payments table), as it must be
 * with any provider.
 */
export function createTestCardProvider(options: { now?: () => Date } = {}): PaymentProvider {
  const now = options.now ?? (() => new Date());
  const known = (reference: string) => reference.startsWith('test_auth_') || reference.startsWith('test_capture_');
  return {
    name: 'test',
    async authorize(request) {
      if (!isAmount(request.amount)) return invalidAmount;
      if (!request.card) return { outcome: 'declined', code: 'card_required', reason: 'The test provider needs card details.' };
      const { number, expMonth, expYear } = request.card;
      if (!passesLuhn(number)) return { outcome: 'declined', code: 'incorrect_number', reason: 'The card number is not valid.' };
      const today = now();
      // A card is valid until the end of its expiry month.
      if (expYear < today.getUTCFullYear() || (expYear === today.getUTCFullYear() && expMonth < today.getUTCMonth() + 1)) {
        return { outcome: 'declined', code: 'expired_card', reason: 'The card has expired.' };
      }
      return TEST_CARDS[digitsOf(number)] ?? { outcome: 'approved', providerReference: `test_auth_${randomUUID()}` };
    },
    async capture(authorizationId, amount) {
      if (!isAmount(amount)) return invalidAmount;
      return authorizationId.startsWith('test_auth_') ? { outcome: 'approved', providerReference: `test_capture_${randomUUID()}` } : unknown;
    },
    async void(authorizationId) {
      return authorizationId.startsWith('test_auth_') ? { outcome: 'approved', providerReference: `test_void_${randomUUID()}` } : unknown;
    },
    async refund(reference, amount) {
      if (!isAmount(amount)) return invalidAmount;
      return known(reference) ? { outcome: 'approved', providerReference: `test_refund_${randomUUID()}` } : unknown;
    },
  };
}

export const testCardProvider = createTestCardProvider();

/** The providers by name, built once by the composition root (src/policies.ts). A card tender that names none uses `DEFAULT_PROVIDER`. */
export type PaymentProviders = ReadonlyMap<string, PaymentProvider>;
export const DEFAULT_PROVIDER = 'test';
/** Only the test card provider: the shop's default, the demo's and the tests'. Read-only: nothing adds to it. */
export const TEST_PROVIDERS: PaymentProviders = new Map([[testCardProvider.name, testCardProvider]]);
/** For payments that settle themselves (cash, the register's card terminal): no provider is asked. */
export const NO_PROVIDERS: PaymentProviders = new Map();

/** A provider that throws (a dropped connection) is a technical failure like any other, never an unhandled error. */
export async function ask(call: () => Promise<ProviderResult>): Promise<ProviderResult> {
  try {
    return await call();
  } catch (error) {
    return { outcome: 'failed', reason: error instanceof Error ? error.message : 'The provider could not be reached.' };
  }
}
