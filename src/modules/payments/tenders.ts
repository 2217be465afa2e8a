import { InvalidInput, RuleViolation, Unavailable, type DomainError } from '../../platform/errors.ts';
import { currencySchema } from '../../platform/http/params.ts';
import { ask, cardBrand, DEFAULT_PROVIDER, last4, type PaymentProviders } from './providers.ts';
import { COMING_METHODS, tendersSchema, type PaymentMethod, type Tender } from './schema.ts';

/**
 * The first half of taking payment for an order, run before the order's transaction: the provider calls happen here,
 * outside any database transaction, so a slow PSP never holds a stock lock. What comes back is either every tender
 * approved (written as the order's payments with the order: `newPayments`, `paymentsInsert`) or the tender that was refused, after the
 * ones already approved have been voided.
 */

export type AvailableMethod = Exclude<PaymentMethod, (typeof COMING_METHODS)[number]>;

/** One approved tender, ready to be recorded. Card details are already reduced to brand and last four digits. */
export interface TenderOutcome {
  method: AvailableMethod;
  provider: string | null;
  status: 'authorized' | 'captured' | 'awaiting_pickup';
  amount: number;
  currency: string;
  providerReference: string | null;
  cardBrand: string | null;
  cardLast4: string | null;
  cashTendered: number | null;
  changeGiven: number | null;
}

export type Authorizations =
  | { outcome: 'approved'; tenders: TenderOutcome[]; changeGiven: number }
  | {
      outcome: 'declined' | 'failed';
      /** Index of the refused tender in the list given. */
      tender: number;
      method: AvailableMethod;
      code: string;
      reason: string;
      /** Approved tenders whose void the provider did not confirm: their holds lapse at the provider on their own. */
      unvoided: string[];
      /** What to answer: throw it, and the order is not placed. */
      problem: DomainError;
    };

export interface AuthorizationOptions {
  /** Where the tenders sit in the request, for the field names of a 400 (`body.payments.1.amount`). */
  field?: string;
  /** The shop's payment providers (the policies'). */
  providers: PaymentProviders;
}

/** A card was refused: the order is not placed, and the customer can try another card. */
export class PaymentDeclined extends RuleViolation {
  constructor(tender: number, method: string, code: string, reason: string, field: string) {
    super('payment-declined', `Payment ${tender + 1} (${method.replace('_', ' ')}) was declined: ${reason}`, {
      tender,
      method,
      declineCode: code,
      field: `${field}.${tender}`,
    });
  }
}
/** The provider could not answer: nothing was charged, and the same order can be sent again. */
export class PaymentFailed extends Unavailable {
  constructor(tender: number, method: string, reason: string, field: string) {
    super('payment-failed', `Payment ${tender + 1} (${method.replace('_', ' ')}) could not be processed: ${reason} Nothing was charged; try again.`, {
      tender,
      method,
      retryable: true,
      field: `${field}.${tender}`,
    });
  }
}

function validate(tenders: unknown, amountDue: number, currency: string, field: string): Tender[] {
  if (!Number.isSafeInteger(amountDue) || amountDue < 0)
    throw new InvalidInput([{ field: 'amountDue', message: 'must be a non-negative integer of minor units' }]);
  if (!currencySchema.safeParse(currency).success) throw new InvalidInput([{ field: 'currency', message: 'must be an ISO 4217 code such as EUR' }]);
  const parsed = tendersSchema.safeParse(tenders);
  if (!parsed.success) {
    throw new InvalidInput(parsed.error.issues.map((issue) => ({ field: [field, ...issue.path].join('.'), message: issue.message })));
  }
  const list = parsed.data;
  const coming = list.findIndex((tender) => (COMING_METHODS as readonly string[]).includes(tender.method));
  if (coming >= 0) {
    const method = list[coming]!.method;
    throw new RuleViolation('method-not-available', `Paying by ${method.replaceAll('_', ' ')} is not available yet.`, {
      method,
      field: `${field}.${coming}.method`,
    });
  }
  return list;
}

/**
 * The tenders must add up to the amount due. Cash may add up to more (a 50 note for 42.30): the excess is change,
 * given out of the last cash tender, which must be larger than it. No other tender may be overpaid.
 */
function applied(tenders: Tender[], amountDue: number): number[] {
  const amounts = tenders.map((tender) => tender.amount);
  const total = amounts.reduce((sum, value) => sum + value, 0);
  const excess = total - amountDue;
  const lastCash = tenders.findLastIndex((tender) => tender.method === 'cash');
  if (excess > 0 && lastCash >= 0 && excess < amounts[lastCash]!) amounts[lastCash] = amounts[lastCash]! - excess;
  else if (excess !== 0) {
    const message =
      excess < 0
        ? `The payments cover ${total} of the ${amountDue} due (${-excess} short).`
        : `The payments add up to ${total}, more than the ${amountDue} due; only cash may exceed it (the excess is given as change).`;
    throw new RuleViolation('tenders-do-not-cover', message, { amountDue, tendered: total });
  }
  return amounts;
}

export async function requestAuthorizations(
  tenders: readonly Tender[],
  amountDue: number,
  currency: string,
  reference: string,
  options: AuthorizationOptions,
): Promise<Authorizations> {
  const field = options.field ?? 'body.payments';
  const providers = options.providers;
  const list = validate(tenders, amountDue, currency, field);
  const amounts = applied(list, amountDue);
  const unknownProvider = list.findIndex((tender) => tender.method === 'card_online' && !providers.has(tender.provider ?? DEFAULT_PROVIDER));
  if (unknownProvider >= 0) throw new InvalidInput([{ field: `${field}.${unknownProvider}.provider`, message: 'is not a payment provider of this shop' }]);

  const outcomes: TenderOutcome[] = [];
  for (const [index, tender] of list.entries()) {
    const amount = amounts[index]!;
    const base = { amount, currency, provider: null, providerReference: null, cardBrand: null, cardLast4: null, cashTendered: null, changeGiven: null };
    switch (tender.method) {
      case 'card_online': {
        const provider = providers.get(tender.provider ?? DEFAULT_PROVIDER)!;
        const result = await ask(() => provider.authorize({ amount, currency, reference, card: tender.card, token: tender.token }));
        if (result.outcome !== 'approved') {
          const unvoided = await voidApproved(outcomes, providers);
          const code = result.outcome === 'declined' ? result.code : 'processing_error';
          const problem =
            result.outcome === 'declined'
              ? new PaymentDeclined(index, tender.method, code, result.reason, field)
              : new PaymentFailed(index, tender.method, result.reason, field);
          return { outcome: result.outcome, tender: index, method: tender.method, code, reason: result.reason, unvoided, problem };
        }
        outcomes.push({
          ...base,
          method: 'card_online',
          status: 'authorized',
          provider: provider.name,
          providerReference: result.providerReference,
          cardBrand: tender.card ? cardBrand(tender.card.number) : null,
          cardLast4: tender.card ? last4(tender.card.number) : null,
        });
        break;
      }
      case 'card_register':
        outcomes.push({
          ...base,
          method: 'card_register',
          status: 'captured',
          providerReference: tender.reference,
          cardBrand: tender.cardBrand ?? null,
          cardLast4: tender.cardLast4 ?? null,
        });
        break;
      case 'cash': {
        const cashTendered = tender.tendered ?? tender.amount;
        outcomes.push({ ...base, method: 'cash', status: 'captured', cashTendered, changeGiven: cashTendered - amount });
        break;
      }
      case 'pay_at_pickup':
        outcomes.push({ ...base, method: 'pay_at_pickup', status: 'awaiting_pickup' });
        break;
      default:
        throw new Error(`unreachable: ${tender.method}`);
    }
  }
  return { outcome: 'approved', tenders: outcomes, changeGiven: outcomes.reduce((sum, outcome) => sum + (outcome.changeGiven ?? 0), 0) };
}

/**
 * Gives back the holds of tenders approved before one was refused, so a refused order charges nothing. Also for the
 * caller whose own transaction fails after approval (the stock ran out meanwhile): pass it the approved tenders.
 */
export async function voidApproved(outcomes: readonly TenderOutcome[], providers: PaymentProviders): Promise<string[]> {
  const unvoided: string[] = [];
  for (const outcome of outcomes) {
    if (outcome.status !== 'authorized' || !outcome.provider || !outcome.providerReference) continue;
    const provider = providers.get(outcome.provider);
    const result = provider ? await ask(() => provider.void(outcome.providerReference!)) : undefined;
    if (result?.outcome !== 'approved') unvoided.push(outcome.providerReference);
  }
  return unvoided;
}
