import type { Consent, ConsentChanges } from './schema.ts';

/** A customer's marketing consents, as stored (jsonb) and as changed: each answer keeps when it was given. */
export const NO_CONSENT: Consent = { marketingEmail: false, marketingEmailAt: null, marketingSms: false, marketingSmsAt: null };

export function toConsent(stored: Record<string, unknown>): Consent {
  const at = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    marketingEmail: stored.marketingEmail === true,
    marketingEmailAt: at(stored.marketingEmailAt),
    marketingSms: stored.marketingSms === true,
    marketingSmsAt: at(stored.marketingSmsAt),
  };
}

/** Keeps when each consent was last given or withdrawn; sending the same answer again changes nothing. */
export function changeConsent(current: Consent, changes: ConsentChanges, now: Date): Consent {
  const next = { ...current };
  if (changes.marketingEmail !== undefined && changes.marketingEmail !== current.marketingEmail) {
    next.marketingEmail = changes.marketingEmail;
    next.marketingEmailAt = now.toISOString();
  }
  if (changes.marketingSms !== undefined && changes.marketingSms !== current.marketingSms) {
    next.marketingSms = changes.marketingSms;
    next.marketingSmsAt = now.toISOString();
  }
  return next;
}
