import type { DeliveryMethod, PromotionKind, WeightBand } from './terms.ts';
import { RuleViolation } from '../../platform/errors.ts';

/*
 * How a cart is priced, in every channel, for a quote and for the order it becomes. Pure: no database, no clock.
 * Over 300 lines: one job, one pure function of a cart and its terms (discounts, floors, taxes, delivery) whose steps
 * only make sense in order; most of the length is the rules written down here, split it would be read in pieces.
 *
 * Money is integers in minor units, computed with integer arithmetic and rounded half up. A line's amounts before
 * tax (list total, discounts, floor) are in the price list's basis: gross (VAT included) when the list includes tax,
 * net otherwise. The cart's totals are gross.
 *
 * How discounts stack on a line, in this order:
 *   1. customer_group: the group's basis points of the line's list total (unit list price × quantity);
 *   2. customer:       the customer's own basis points of the list total — of the list total, not of what is left, so
 *                      10 % + 5 % is 15 % off whichever is applied first;
 *   3. promotion:      percentage: its basis points of the list total;
 *                      fixed_amount: its value (at most what the cart still costs) shared across the lines in
 *                      proportion to what each still costs after 1 and 2, largest remainder first, so the shares add
 *                      up to the cent;
 *                      free_shipping: waives the shipping fee of every delivery group (not the packing fee);
 *   4. manual:         a discount staff give on the line at the counter, with its reason: basis points of the list
 *                      total, or an amount off the line (minor units, the whole line, not each unit). Last, so that it
 *                      takes only what the rules before it left above the floor.
 * Each discount takes what it asks for only down to the line's floor (its minimum price × quantity; 0 without one).
 * What it could not take is the line's `cappedBy`. An earlier discount keeps what it took, and a promotion share
 * capped on one line is not moved to another: the floor protects that product's margin, not the promotion's reach.
 * A promotion with a minimum subtotal applies when the gross amount of the goods after 1 and 2 reaches it.
 *
 * Tax is per line, rounded on the line: gross list → tax = gross × rate / (100 % + rate); net list → tax = net × rate.
 * Fees are gross amounts, per delivery group, taxed at their rate's class. A group's shipping fee depends on the gross
 * amount of its goods after every discount (free above) or on their weight (bands: the first band the weight fits in).
 */

export type DiscountSource = 'customer_group' | 'customer' | 'promotion' | 'manual';

/** A discount staff give on one line, and why (shown on the order and the receipt): basis points, else an amount. */
export interface ManualDiscount {
  percentBasisPoints?: number | undefined;
  /** Off the whole line, in minor units. */
  amount?: number | undefined;
  reason: string;
}
export type PromotionRefusal = 'inactive' | 'not-started' | 'expired' | 'exhausted' | 'not-for-this-channel' | 'other-currency' | 'below-minimum-subtotal';

export interface CartLine {
  variantId: string;
  sku: string;
  quantity: number;
  /** Unit price from the channel's price list. */
  listPrice: number;
  /** Unit floor in the channel's currency, null when the variant has none. */
  minimumPrice: number | null;
  taxRateBasisPoints: number;
  /** Unit weight; 0 when unknown. */
  weightGrams: number;
  /** Staff's own discount on the line; none when absent. */
  manualDiscount?: ManualDiscount | undefined;
}

export interface CartPromotion {
  code: string;
  kind: PromotionKind;
  /** Basis points for a percentage, minor units for a fixed amount. */
  value: number;
  minimumSubtotal: number;
  /** Why the code cannot be used now (dates, usage, channel, currency), found by the service; null when it can. */
  refusal: PromotionRefusal | null;
}

export type ShippingPricing =
  | { pricing: 'flat'; amount: number }
  | { pricing: 'free_above'; amount: number; freeAboveAmount: number }
  | { pricing: 'weight_band'; weightBands: WeightBand[] };
export type DeliveryRate = ShippingPricing & { packingFee: number; taxRateBasisPoints: number };

export interface CartDeliveryGroup {
  key: string;
  method: DeliveryMethod;
  /** Lines delivered together; a line is in at most one group (lines in none are carried out of the store). */
  lineIndexes: number[];
  rate: DeliveryRate;
}

export interface Cart {
  currency: string;
  pricesIncludeTax: boolean;
  lines: CartLine[];
  customerGroupDiscountBp: number;
  customerDiscountBp: number;
  promotion: CartPromotion | null;
  deliveryGroups: CartDeliveryGroup[];
}

export interface AppliedDiscount {
  source: DiscountSource;
  amount: number;
  /** Why staff gave it (manual discounts only). */
  reason?: string;
}

export interface PricedLine {
  variantId: string;
  sku: string;
  quantity: number;
  unitListPrice: number;
  minimumPrice: number | null;
  listTotal: number;
  discounts: AppliedDiscount[];
  discountTotal: number;
  /** True when the floor stopped a discount; `cappedBy` is how much it held back. */
  minimumPriceApplied: boolean;
  cappedBy: number;
  taxRateBasisPoints: number;
  net: number;
  tax: number;
  /** Gross. */
  lineTotal: number;
}

export interface PricedDeliveryGroup {
  key: string;
  method: DeliveryMethod;
  lineIndexes: number[];
  weightGrams: number;
  /** Gross amount of the group's goods after discounts: what `free_above` compares with. */
  goodsTotal: number;
  shippingFee: number;
  /** Shipping a free-shipping promotion waived (already left out of `shippingFee`). */
  shippingWaived: number;
  shippingTax: number;
  packingFee: number;
  packingTax: number;
}

export interface PricedPromotion {
  code: string;
  kind: PromotionKind;
  applied: boolean;
  reason: PromotionRefusal | null;
  /** Discount it gave on the lines, or shipping it waived. */
  amount: number;
}

export interface TaxSummary {
  rateBasisPoints: number;
  net: number;
  tax: number;
}

export interface CartTotals {
  /** Gross amount of the goods at list price, before discounts. */
  subtotal: number;
  discountTotal: number;
  shippingTotal: number;
  packingTotal: number;
  taxTotal: number;
  /** Gross: subtotal − discountTotal + shippingTotal + packingTotal. */
  total: number;
}

export interface PricedCart {
  currency: string;
  pricesIncludeTax: boolean;
  lines: PricedLine[];
  deliveryGroups: PricedDeliveryGroup[];
  promotion: PricedPromotion | null;
  /** Per VAT rate, goods and fees together: what an invoice shows. */
  taxes: TaxSummary[];
  totals: CartTotals;
}

const FULL = 10_000;

/** a × b / c rounded half up, exact for any non-negative safe integers (c > 0). */
export function mulDivHalfUp(a: number, b: number, c: number): number {
  return Number((BigInt(a) * BigInt(b) * 2n + BigInt(c)) / (BigInt(c) * 2n));
}

/** Shares `amount` in proportion to `weights`; the units left by rounding down go to the largest remainders (ties: earlier). */
export function allocate(amount: number, weights: number[]): number[] {
  const total = BigInt(weights.reduce((sum, weight) => sum + weight, 0));
  if (total === 0n || amount === 0) return weights.map(() => 0);
  const exact = weights.map((weight) => BigInt(amount) * BigInt(weight));
  const shares = exact.map((product) => Number(product / total));
  let left = amount - shares.reduce((sum, share) => sum + share, 0);
  const byRemainder = exact.map((product, index) => ({ index, remainder: product % total }));
  byRemainder.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of byRemainder) {
    if (left === 0) break;
    shares[index]!++;
    left--;
  }
  return shares;
}

const taxIncluded = (gross: number, rate: number) => mulDivHalfUp(gross, rate, FULL + rate);
const taxOnNet = (net: number, rate: number) => mulDivHalfUp(net, rate, FULL);
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

interface LineInProgress {
  line: CartLine;
  listTotal: number;
  /** How much more discount the floor allows. */
  headroom: number;
  discounts: AppliedDiscount[];
  cappedBy: number;
}

function startLine(line: CartLine): LineInProgress {
  const listTotal = line.listPrice * line.quantity;
  // A list price already under its floor (the catalog refuses one) is charged as listed, never raised.
  const floorTotal = Math.min(listTotal, (line.minimumPrice ?? 0) * line.quantity);
  return { line, listTotal, headroom: listTotal - floorTotal, discounts: [], cappedBy: 0 };
}

function takeDiscount(line: LineInProgress, source: DiscountSource, asked: number, reason?: string): void {
  if (asked <= 0) return;
  const amount = Math.min(asked, line.headroom);
  line.headroom -= amount;
  line.cappedBy += asked - amount;
  line.discounts.push(reason === undefined ? { source, amount } : { source, amount, reason });
}

/** What a manual discount asks for on a line: its share of the list total, or its amount (never more than the line). */
export function manualDiscountAsked(listTotal: number, discount: ManualDiscount): number {
  const asked = discount.percentBasisPoints !== undefined ? mulDivHalfUp(listTotal, discount.percentBasisPoints, FULL) : (discount.amount ?? 0);
  return Math.min(asked, listTotal);
}

const stillCosts = (line: LineInProgress) => line.listTotal - sum(line.discounts.map((discount) => discount.amount));

export function priceCart(cart: Cart): PricedCart {
  assertDeliveryGroups(cart);
  const gross = (amount: number, rate: number) => (cart.pricesIncludeTax ? amount : amount + taxOnNet(amount, rate));

  const working = cart.lines.map(startLine);
  for (const line of working) {
    takeDiscount(line, 'customer_group', mulDivHalfUp(line.listTotal, cart.customerGroupDiscountBp, FULL));
    takeDiscount(line, 'customer', mulDivHalfUp(line.listTotal, cart.customerDiscountBp, FULL));
  }

  const promotion = cart.promotion;
  let reason = promotion?.refusal ?? null;
  if (promotion && reason === null && promotion.minimumSubtotal > 0) {
    const goods = sum(working.map((line) => gross(stillCosts(line), line.line.taxRateBasisPoints)));
    if (goods < promotion.minimumSubtotal) reason = 'below-minimum-subtotal';
  }
  const promotionApplies = promotion !== null && reason === null;
  if (promotionApplies && promotion.kind === 'percentage') {
    for (const line of working) takeDiscount(line, 'promotion', mulDivHalfUp(line.listTotal, promotion.value, FULL));
  }
  if (promotionApplies && promotion.kind === 'fixed_amount') {
    const remaining = working.map(stillCosts);
    const shares = allocate(Math.min(promotion.value, sum(remaining)), remaining);
    for (const [index, line] of working.entries()) takeDiscount(line, 'promotion', shares[index]!);
  }
  for (const line of working) {
    const manual = line.line.manualDiscount;
    if (manual) takeDiscount(line, 'manual', manualDiscountAsked(line.listTotal, manual), manual.reason);
  }

  const lines = working.map((item): PricedLine => {
    const { line } = item;
    const rate = line.taxRateBasisPoints;
    const amount = stillCosts(item);
    const tax = cart.pricesIncludeTax ? taxIncluded(amount, rate) : taxOnNet(amount, rate);
    return {
      variantId: line.variantId,
      sku: line.sku,
      quantity: line.quantity,
      unitListPrice: line.listPrice,
      minimumPrice: line.minimumPrice,
      listTotal: item.listTotal,
      discounts: item.discounts,
      discountTotal: item.listTotal - amount,
      minimumPriceApplied: item.cappedBy > 0,
      cappedBy: item.cappedBy,
      taxRateBasisPoints: rate,
      net: cart.pricesIncludeTax ? amount - tax : amount,
      tax,
      lineTotal: cart.pricesIncludeTax ? amount : amount + tax,
    };
  });

  const freeShipping = promotionApplies && promotion.kind === 'free_shipping';
  const deliveryGroups = cart.deliveryGroups.map((group): PricedDeliveryGroup => {
    const goods = group.lineIndexes.map((index) => lines[index]!);
    const goodsTotal = sum(goods.map((line) => line.lineTotal));
    const weightGrams = sum(group.lineIndexes.map((index) => cart.lines[index]!.weightGrams * cart.lines[index]!.quantity));
    const shipping = shippingFeeOf(group, goodsTotal, weightGrams);
    const shippingFee = freeShipping ? 0 : shipping;
    const rate = group.rate.taxRateBasisPoints;
    return {
      key: group.key,
      method: group.method,
      lineIndexes: group.lineIndexes,
      weightGrams,
      goodsTotal,
      shippingFee,
      shippingWaived: shipping - shippingFee,
      shippingTax: taxIncluded(shippingFee, rate),
      packingFee: group.rate.packingFee,
      packingTax: taxIncluded(group.rate.packingFee, rate),
    };
  });

  const promotionAmount = !promotionApplies
    ? 0
    : freeShipping
      ? sum(deliveryGroups.map((group) => group.shippingWaived))
      : sum(lines.flatMap((line) => line.discounts.filter((discount) => discount.source === 'promotion').map((discount) => discount.amount)));

  const subtotal = sum(working.map((line) => gross(line.listTotal, line.line.taxRateBasisPoints)));
  const goodsTotal = sum(lines.map((line) => line.lineTotal));
  const shippingTotal = sum(deliveryGroups.map((group) => group.shippingFee));
  const packingTotal = sum(deliveryGroups.map((group) => group.packingFee));
  const totals: CartTotals = {
    subtotal,
    discountTotal: subtotal - goodsTotal,
    shippingTotal,
    packingTotal,
    taxTotal: sum(lines.map((line) => line.tax)) + sum(deliveryGroups.map((group) => group.shippingTax + group.packingTax)),
    total: goodsTotal + shippingTotal + packingTotal,
  };
  if (!Object.values(totals).every(Number.isSafeInteger)) {
    throw new RuleViolation('amount-too-large', 'The cart adds up to more than Aisle can count exactly; split it into several orders.');
  }

  return {
    currency: cart.currency,
    pricesIncludeTax: cart.pricesIncludeTax,
    lines,
    deliveryGroups,
    promotion: promotion && { code: promotion.code, kind: promotion.kind, applied: promotionApplies, reason, amount: promotionAmount },
    taxes: taxSummary(lines, cart.deliveryGroups, deliveryGroups),
    totals,
  };
}

function shippingFeeOf(group: CartDeliveryGroup, goodsTotal: number, weightGrams: number): number {
  const rate = group.rate;
  switch (rate.pricing) {
    case 'flat':
      return rate.amount;
    case 'free_above':
      return goodsTotal >= rate.freeAboveAmount ? 0 : rate.amount;
    case 'weight_band': {
      const bands = [...rate.weightBands].sort((a, b) => a.upToGrams - b.upToGrams);
      const band = bands.find((candidate) => weightGrams <= candidate.upToGrams);
      if (band) return band.amount;
      throw new RuleViolation(
        'too-heavy-for-delivery-method',
        `Delivery group ${group.key} weighs ${weightGrams} g, more than the heaviest band (${bands.at(-1)?.upToGrams ?? 0} g) of ${group.method}.`,
        { deliveryGroup: group.key, method: group.method, weightGrams, heaviestBandGrams: bands.at(-1)?.upToGrams ?? 0 },
      );
    }
  }
}

function taxSummary(lines: PricedLine[], groups: CartDeliveryGroup[], priced: PricedDeliveryGroup[]): TaxSummary[] {
  const byRate = new Map<number, TaxSummary>();
  const add = (rateBasisPoints: number, net: number, tax: number) => {
    const entry = byRate.get(rateBasisPoints) ?? { rateBasisPoints, net: 0, tax: 0 };
    entry.net += net;
    entry.tax += tax;
    byRate.set(rateBasisPoints, entry);
  };
  for (const line of lines) add(line.taxRateBasisPoints, line.net, line.tax);
  priced.forEach((group, index) => {
    const fees = group.shippingFee + group.packingFee;
    const tax = group.shippingTax + group.packingTax;
    if (fees > 0) add(groups[index]!.rate.taxRateBasisPoints, fees - tax, tax);
  });
  return [...byRate.values()].sort((a, b) => a.rateBasisPoints - b.rateBasisPoints);
}

/** The service builds groups from the request and refuses bad ones with the field; this guards the engine's own contract. */
function assertDeliveryGroups(cart: Cart): void {
  const seen = new Set<number>();
  for (const group of cart.deliveryGroups) {
    for (const index of group.lineIndexes) {
      if (!Number.isInteger(index) || index < 0 || index >= cart.lines.length || seen.has(index)) {
        throw new Error(`delivery group ${group.key}: line ${index} does not exist or is already in a group`);
      }
      seen.add(index);
    }
  }
}
