/**
 * The stock rule, the one TypeScript copy (the SQL copy is migration 0015's `available_to_promise` and
 * `effective_safety_stock`; stock-rule.test.ts holds the two together): available to promise is on hand − reserved −
 * safety stock, never below 0. The safety stock here is the effective one, the SKU's own else its location's, as
 * every read of a level returns it. Damaged units are not in on hand, so they do not enter the rule.
 */
export const availableToPromise = (level: { onHand: number; reserved: number; safetyStock: number }): number =>
  Math.max(0, level.onHand - level.reserved - level.safetyStock);
