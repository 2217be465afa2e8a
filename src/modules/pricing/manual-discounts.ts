import type { Principal } from '../../platform/auth/principal.ts';
import { DomainError, type FieldError } from '../../platform/errors.ts';

/**
 * Who may give a discount by hand on a line (pricing/engine.ts, step 4): people, not integrations. An admin, or store
 * staff at their counter (their orders go through their own store's register); a channel key sells at its price list
 * and its promotion codes only. Refused with each line that asked for one named.
 */
export function assertMayDiscountByHand(principal: Principal, lines: readonly { discount?: unknown }[]): void {
  if (principal.role === 'admin' || principal.role === 'store') return;
  const fields: FieldError[] = lines.flatMap((line, index) =>
    line.discount === undefined ? [] : [{ field: `body.lines.${index}.discount`, message: 'only staff (admin or store) may give a discount by hand' }],
  );
  if (fields.length) {
    throw new DomainError(
      'forbidden',
      'manual-discount-not-allowed',
      'A channel key may not give discounts by hand: only staff may, with a reason.',
      {},
      fields,
    );
  }
}
