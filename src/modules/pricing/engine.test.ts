import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.ts';
import { allocate, manualDiscountAsked, mulDivHalfUp, priceCart, type Cart, type CartLine, type DeliveryRate, type ManualDiscount } from './engine.ts';

const line = (overrides: Partial<CartLine> = {}): CartLine => ({
  variantId: `v-${overrides.sku ?? 'A'}`,
  sku: 'A',
  quantity: 1,
  listPrice: 1_200,
  minimumPrice: null,
  taxRateBasisPoints: 2_000,
  weightGrams: 0,
  ...overrides,
});
const flat = (amount: number, packingFee = 0): DeliveryRate => ({ pricing: 'flat', amount, packingFee, taxRateBasisPoints: 2_000 });
const cart = (overrides: Partial<Cart> = {}): Cart => ({
  currency: 'EUR',
  pricesIncludeTax: true,
  lines: [line()],
  customerGroupDiscountBp: 0,
  customerDiscountBp: 0,
  promotion: null,
  deliveryGroups: [],
  ...overrides,
});
const promotion = (kind: 'percentage' | 'fixed_amount' | 'free_shipping', value: number, minimumSubtotal = 0) => ({
  code: 'PROMO',
  kind,
  value,
  minimumSubtotal,
  refusal: null,
});

describe('money arithmetic', () => {
  it('rounds half up and shares amounts to the cent', () => {
    expect(mulDivHalfUp(10, 500, 10_000)).toBe(1); // 0.5 → 1
    expect(mulDivHalfUp(9, 500, 10_000)).toBe(0); // 0.45 → 0
    expect(allocate(10, [100, 100, 100])).toEqual([4, 3, 3]);
    expect(allocate(1_000, [3_000, 7_000])).toEqual([300, 700]);
    expect(allocate(5, [0, 0])).toEqual([0, 0]);
    expect(allocate(2, [1, 2, 3])).toEqual([0, 1, 1]); // remainders 2, 4, 0 (of 6)
  });
});

describe('priceCart', () => {
  it('given a gross list, when priced, then the VAT is extracted from the shelf price', () => {
    const priced = priceCart(cart({ lines: [line({ listPrice: 1_200, quantity: 2 })] }));
    expect(priced.lines[0]).toMatchObject({ listTotal: 2_400, lineTotal: 2_400, tax: 400, net: 2_000, discounts: [], minimumPriceApplied: false });
    expect(priced.totals).toEqual({ subtotal: 2_400, discountTotal: 0, shippingTotal: 0, packingTotal: 0, taxTotal: 400, total: 2_400 });
    expect(priced.taxes).toEqual([{ rateBasisPoints: 2_000, net: 2_000, tax: 400 }]);
  });

  it('given a net list, when priced, then the VAT is added on top', () => {
    const priced = priceCart(cart({ pricesIncludeTax: false, lines: [line({ listPrice: 1_000, quantity: 2 })] }));
    expect(priced.lines[0]).toMatchObject({ listTotal: 2_000, net: 2_000, tax: 400, lineTotal: 2_400 });
    expect(priced.totals).toMatchObject({ subtotal: 2_400, total: 2_400, taxTotal: 400 });
  });

  it('given a group and a customer discount, when priced, then both are taken off the list price, group first', () => {
    const priced = priceCart(cart({ lines: [line({ listPrice: 10_000 })], customerGroupDiscountBp: 1_000, customerDiscountBp: 500 }));
    expect(priced.lines[0]!.discounts).toEqual([
      { source: 'customer_group', amount: 1_000 },
      { source: 'customer', amount: 500 },
    ]);
    expect(priced.lines[0]!.lineTotal).toBe(8_500);
    expect(priced.totals.discountTotal).toBe(1_500);
  });

  it('given a minimum price, when the discounts go under it, then the line stops at the floor and says by how much', () => {
    const priced = priceCart(
      cart({
        lines: [line({ listPrice: 10_000, minimumPrice: 9_000, quantity: 2 })],
        customerGroupDiscountBp: 500,
        customerDiscountBp: 500,
        promotion: promotion('percentage', 1_000),
      }),
    );
    expect(priced.lines[0]).toMatchObject({
      discounts: [
        { source: 'customer_group', amount: 1_000 },
        { source: 'customer', amount: 1_000 },
        { source: 'promotion', amount: 0 },
      ],
      minimumPriceApplied: true,
      cappedBy: 2_000,
      lineTotal: 18_000,
    });
    expect(priced.promotion).toEqual({ code: 'PROMO', kind: 'percentage', applied: true, reason: null, amount: 0 });
  });

  it('given a manual discount, when priced, then it comes after the other discounts, with its reason', () => {
    const priced = priceCart(
      cart({
        lines: [
          line({ listPrice: 10_000, quantity: 2, manualDiscount: { percentBasisPoints: 1_500, reason: 'damaged box' } }),
          line({ sku: 'B', listPrice: 5_000, manualDiscount: { amount: 700, reason: 'price match' } }),
        ],
        customerDiscountBp: 1_000,
      }),
    );
    expect(priced.lines[0]).toMatchObject({
      discounts: [
        { source: 'customer', amount: 2_000 },
        { source: 'manual', amount: 3_000, reason: 'damaged box' },
      ],
      minimumPriceApplied: false,
      lineTotal: 15_000,
    });
    expect(priced.lines[1]).toMatchObject({
      discounts: [
        { source: 'customer', amount: 500 },
        { source: 'manual', amount: 700, reason: 'price match' },
      ],
      lineTotal: 3_800,
    });
    expect(priced.totals).toMatchObject({ subtotal: 25_000, discountTotal: 6_200, total: 18_800 });
  });

  it('given a manual discount under the minimum price, when priced, then the line stops at the floor and says so', () => {
    const priced = priceCart(
      cart({
        lines: [line({ listPrice: 10_000, minimumPrice: 8_000, quantity: 3, manualDiscount: { amount: 9_000, reason: 'loyal customer' } })],
        customerGroupDiscountBp: 1_000,
      }),
    );
    expect(priced.lines[0]).toMatchObject({
      discounts: [
        { source: 'customer_group', amount: 3_000 },
        { source: 'manual', amount: 3_000, reason: 'loyal customer' },
      ],
      minimumPriceApplied: true,
      cappedBy: 6_000,
      lineTotal: 24_000,
    });
  });

  it('given a manual amount above the line, when priced, then the line costs its floor, or nothing without one', () => {
    const priced = priceCart(cart({ lines: [line({ listPrice: 1_000, manualDiscount: { amount: 5_000, reason: 'gift' } })] }));
    expect(priced.lines[0]).toMatchObject({ discountTotal: 1_000, lineTotal: 0, minimumPriceApplied: false, cappedBy: 0 });
  });

  it('given a fixed-amount promotion, when priced, then it is shared across lines in proportion, to the cent', () => {
    const priced = priceCart(
      cart({
        lines: [line({ sku: 'A', listPrice: 100 }), line({ sku: 'B', listPrice: 100 }), line({ sku: 'C', listPrice: 100 })],
        promotion: promotion('fixed_amount', 10),
      }),
    );
    expect(priced.lines.map((priced) => priced.discounts)).toEqual([
      [{ source: 'promotion', amount: 4 }],
      [{ source: 'promotion', amount: 3 }],
      [{ source: 'promotion', amount: 3 }],
    ]);
    expect(priced.promotion!.amount).toBe(10);
    expect(priced.totals.total).toBe(290);
  });

  it('given a fixed-amount promotion above the cart, when priced, then the cart costs nothing, never less', () => {
    const priced = priceCart(cart({ lines: [line({ listPrice: 500 })], promotion: promotion('fixed_amount', 2_000) }));
    expect(priced.lines[0]!.lineTotal).toBe(0);
    expect(priced.totals).toMatchObject({ total: 0, taxTotal: 0, discountTotal: 500 });
  });

  it('given a fixed-amount promotion and a floor, when a share breaks the floor, then that share is capped, not moved', () => {
    const priced = priceCart(
      cart({
        lines: [line({ sku: 'A', listPrice: 1_000, minimumPrice: 950 }), line({ sku: 'B', listPrice: 1_000 })],
        promotion: promotion('fixed_amount', 200),
      }),
    );
    expect(priced.lines.map((priced) => [priced.discountTotal, priced.cappedBy])).toEqual([
      [50, 50],
      [100, 0],
    ]);
    expect(priced.promotion!.amount).toBe(150);
  });

  it('given a promotion with a minimum subtotal, when the goods after customer discounts fall short, then it is not applied', () => {
    const priced = priceCart(cart({ lines: [line({ listPrice: 5_000 })], customerDiscountBp: 1_000, promotion: promotion('percentage', 1_000, 5_000) }));
    expect(priced.promotion).toMatchObject({ applied: false, reason: 'below-minimum-subtotal', amount: 0 });
    expect(priced.lines[0]!.lineTotal).toBe(4_500);
  });

  it('given a promotion the service refused, when priced, then the reason is passed on and nothing is taken off', () => {
    const priced = priceCart(cart({ promotion: { ...promotion('percentage', 5_000), refusal: 'expired' } }));
    expect(priced.promotion).toMatchObject({ applied: false, reason: 'expired' });
    expect(priced.totals.discountTotal).toBe(0);
  });

  it('given a flat rate with packing, when priced, then fees are gross and taxed at the rate class', () => {
    const priced = priceCart(cart({ deliveryGroups: [{ key: 'a', method: 'ship_to_address', lineIndexes: [0], rate: flat(600, 120) }] }));
    expect(priced.deliveryGroups[0]).toMatchObject({ shippingFee: 600, shippingTax: 100, packingFee: 120, packingTax: 20, shippingWaived: 0 });
    expect(priced.totals).toEqual({ subtotal: 1_200, discountTotal: 0, shippingTotal: 600, packingTotal: 120, taxTotal: 320, total: 1_920 });
  });

  it('given a free-shipping code, when priced, then shipping is waived and packing still charged', () => {
    const priced = priceCart(
      cart({
        promotion: promotion('free_shipping', 0),
        deliveryGroups: [{ key: 'a', method: 'ship_to_address', lineIndexes: [0], rate: flat(600, 120) }],
      }),
    );
    expect(priced.deliveryGroups[0]).toMatchObject({ shippingFee: 0, shippingWaived: 600, packingFee: 120 });
    expect(priced.promotion).toMatchObject({ applied: true, amount: 600 });
    expect(priced.totals.total).toBe(1_320);
  });

  it('given weight bands, when priced, then the group pays the first band its weight fits in, and is refused above the last', () => {
    const rate: DeliveryRate = {
      pricing: 'weight_band',
      weightBands: [
        { upToGrams: 5_000, amount: 1_290 },
        { upToGrams: 1_000, amount: 490 },
        { upToGrams: 2_000, amount: 790 },
      ],
      packingFee: 0,
      taxRateBasisPoints: 2_000,
    };
    const weigh = (grams: number) =>
      priceCart(
        cart({ lines: [line({ weightGrams: grams, quantity: 2 })], deliveryGroups: [{ key: 'a', method: 'ship_to_address', lineIndexes: [0], rate }] }),
      );
    expect(weigh(500).deliveryGroups[0]).toMatchObject({ weightGrams: 1_000, shippingFee: 490 });
    expect(weigh(600).deliveryGroups[0]).toMatchObject({ weightGrams: 1_200, shippingFee: 790 });
    expect(() => weigh(2_600)).toThrow(expect.objectContaining({ kind: 'rule-violation', code: 'too-heavy-for-delivery-method' }));
    expect(() => weigh(2_600)).toThrow(DomainError);
  });

  it('given free shipping above a gross amount, when a net cart reaches it only with VAT, then shipping is free', () => {
    const rate: DeliveryRate = { pricing: 'free_above', amount: 590, freeAboveAmount: 4_500, packingFee: 0, taxRateBasisPoints: 2_000 };
    const priced = (listPrice: number) =>
      priceCart(
        cart({ pricesIncludeTax: false, lines: [line({ listPrice })], deliveryGroups: [{ key: 'a', method: 'ship_to_address', lineIndexes: [0], rate }] }),
      );
    expect(priced(4_000).deliveryGroups[0]).toMatchObject({ goodsTotal: 4_800, shippingFee: 0 });
    expect(priced(3_700).deliveryGroups[0]).toMatchObject({ goodsTotal: 4_440, shippingFee: 590 });
  });
});

const money = fc.integer({ min: 0, max: 2_000_000 });
const basisPoints = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 3_000 }));
const manualDiscount: fc.Arbitrary<ManualDiscount> = fc.oneof(
  fc.record({ percentBasisPoints: fc.integer({ min: 1, max: 10_000 }), reason: fc.constant('damaged box') }),
  fc.record({ amount: fc.integer({ min: 1, max: 200_000_000 }), reason: fc.constant('price match') }),
);
const cartLine = fc
  .record({
    listPrice: money,
    floorShare: fc.option(fc.integer({ min: 0, max: 10_000 })),
    quantity: fc.integer({ min: 1, max: 50 }),
    rate: fc.constantFrom(0, 550, 1_000, 2_000, 2_100, 2_300),
    weightGrams: fc.integer({ min: 0, max: 3_000 }),
    manual: fc.option(manualDiscount),
  })
  .map(
    ({ listPrice, floorShare, quantity, rate, weightGrams, manual }): CartLine => ({
      variantId: 'v',
      sku: 'SKU',
      quantity,
      listPrice,
      // The catalog keeps every list price at or above its floor.
      minimumPrice: floorShare === null ? null : Math.floor((listPrice * floorShare) / 10_000),
      taxRateBasisPoints: rate,
      weightGrams,
      manualDiscount: manual ?? undefined,
    }),
  );
const rate: fc.Arbitrary<DeliveryRate> = fc.oneof(
  fc.record({ pricing: fc.constant('flat' as const), amount: money, packingFee: money, taxRateBasisPoints: fc.constantFrom(0, 2_000) }),
  fc.record({
    pricing: fc.constant('free_above' as const),
    amount: money,
    freeAboveAmount: money,
    packingFee: money,
    taxRateBasisPoints: fc.constantFrom(0, 2_000),
  }),
  fc.record({
    pricing: fc.constant('weight_band' as const),
    weightBands: fc
      .array(fc.record({ upToGrams: fc.integer({ min: 0, max: 10_000_000 }), amount: money }), { minLength: 1, maxLength: 4 })
      .map((bands) => [...bands, { upToGrams: 1_000_000_000, amount: 5_000 }]),
    packingFee: money,
    taxRateBasisPoints: fc.constantFrom(0, 2_000),
  }),
);
const anyCart: fc.Arbitrary<Cart> = fc
  .record({
    pricesIncludeTax: fc.boolean(),
    lines: fc.array(cartLine, { minLength: 1, maxLength: 8 }),
    customerGroupDiscountBp: basisPoints,
    customerDiscountBp: basisPoints,
    promotion: fc.option(
      fc.record({
        code: fc.constant('P'),
        kind: fc.constantFrom('percentage' as const, 'fixed_amount' as const, 'free_shipping' as const),
        value: fc.integer({ min: 1, max: 3_000_000 }),
        minimumSubtotal: fc.oneof(fc.constant(0), money),
        refusal: fc.constantFrom(null, null, null, 'expired' as const),
      }),
    ),
    groupOf: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 8, maxLength: 8 }),
    rates: fc.array(rate, { minLength: 3, maxLength: 3 }),
  })
  .map(({ groupOf, rates, promotion, ...rest }) => ({
    ...rest,
    currency: 'EUR',
    lines: rest.lines.map((item, index) => ({ ...item, variantId: `v${index}`, sku: `SKU-${index}` })),
    promotion: promotion && { ...promotion, value: promotion.kind === 'percentage' ? Math.min(promotion.value, 10_000) : promotion.value },
    deliveryGroups: rates.map((rate, key) => ({
      key: String(key),
      method: 'ship_to_address' as const,
      lineIndexes: rest.lines.flatMap((_, index) => (groupOf[index] === key ? [index] : [])),
      rate,
    })),
  }));

function amountsIn(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => amountsIn(item, `${path}.${index}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => amountsIn(item, `${path}.${key}`));
  return [];
}

describe('priceCart, for every cart', () => {
  it('keeps every line at or above its floor, adds up to the cent, and has no negative or fractional amount', () => {
    fc.assert(
      fc.property(anyCart, (input) => {
        const priced = priceCart(input);
        const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
        for (const [index, line] of priced.lines.entries()) {
          const given = input.lines[index]!;
          const charged = input.pricesIncludeTax ? line.lineTotal : line.net;
          // The floor and the list total come from the cart as given, not from the engine's answer: an engine that
          // misread the minimum price would report the same wrong floor it priced with.
          expect(line.quantity).toBe(given.quantity);
          expect(line.listTotal).toBe(given.listPrice * given.quantity);
          expect(charged).toBeGreaterThanOrEqual(Math.min(given.listPrice, given.minimumPrice ?? 0) * given.quantity);
          expect(charged).toBe(line.listTotal - sum(line.discounts.map((discount) => discount.amount)));
          expect(line.discountTotal).toBe(line.listTotal - charged);
          expect(line.net + line.tax).toBe(line.lineTotal);
          expect(line.minimumPriceApplied).toBe(line.cappedBy > 0);
          expect(line.unitListPrice).toBe(given.listPrice);
        }
        const { totals } = priced;
        expect(sum(priced.lines.map((line) => line.lineTotal)) + totals.shippingTotal + totals.packingTotal).toBe(totals.total);
        expect(totals.subtotal - totals.discountTotal + totals.shippingTotal + totals.packingTotal).toBe(totals.total);
        expect(totals.shippingTotal).toBe(sum(priced.deliveryGroups.map((group) => group.shippingFee)));
        expect(totals.packingTotal).toBe(sum(priced.deliveryGroups.map((group) => group.packingFee)));
        expect(totals.taxTotal).toBe(
          sum(priced.lines.map((line) => line.tax)) + sum(priced.deliveryGroups.map((group) => group.shippingTax + group.packingTax)),
        );
        expect(sum(priced.taxes.map((entry) => entry.tax))).toBe(totals.taxTotal);
        expect(sum(priced.taxes.map((entry) => entry.net + entry.tax))).toBe(totals.total);
        if (priced.promotion?.kind === 'fixed_amount') expect(priced.promotion.amount).toBeLessThanOrEqual(input.promotion!.value);
        if (priced.promotion && !priced.promotion.applied) expect(priced.promotion.amount).toBe(0);
        for (const [path, amount] of amountsIn(priced)) {
          expect(Number.isSafeInteger(amount), path).toBe(true);
          expect(amount, path).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('never charges a line under its minimum price × quantity, whatever discounts staff give on top', () => {
    fc.assert(
      fc.property(
        fc.record({
          listPrice: fc.integer({ min: 0, max: 2_000_000 }),
          floorShare: fc.integer({ min: 0, max: 10_000 }),
          quantity: fc.integer({ min: 1, max: 100 }),
          group: basisPoints,
          own: basisPoints,
          manual: manualDiscount,
          pricesIncludeTax: fc.boolean(),
        }),
        ({ listPrice, floorShare, quantity, group, own, manual, pricesIncludeTax }) => {
          const minimumPrice = Math.floor((listPrice * floorShare) / 10_000);
          const [priced] = priceCart(
            cart({
              pricesIncludeTax,
              lines: [line({ listPrice, minimumPrice, quantity, manualDiscount: manual })],
              customerGroupDiscountBp: group,
              customerDiscountBp: own,
            }),
          ).lines;
          const beforeTax = pricesIncludeTax ? priced!.lineTotal : priced!.net;
          expect(beforeTax).toBeGreaterThanOrEqual(minimumPrice * quantity);
          const listTotal = listPrice * quantity;
          const applied = priced!.discounts.find((discount) => discount.source === 'manual');
          if (manualDiscountAsked(listTotal, manual) > 0) expect(applied?.reason).toBe(manual.reason);
          // The floor says so exactly when the discounts asked for more than the list total leaves above it.
          const asked = mulDivHalfUp(listTotal, group, 10_000) + mulDivHalfUp(listTotal, own, 10_000) + manualDiscountAsked(listTotal, manual);
          expect(priced!.minimumPriceApplied).toBe(asked > listTotal - minimumPrice * quantity);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
