import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { createVariants, receive, seedBasics, type Basics } from '../../../test/support/fixtures.ts';
import { expectProblem } from '../../../test/support/problems.ts';

/**
 * Discounts staff give by hand on a line at the register, over HTTP: priced before payment (the quote shows the floor
 * and the reason), placed with the same figures, shown on the order and the receipt; a channel key may not give one.
 */

const JEANS = 8_000;
const FLOOR = 7_000;
const TEA = 1_250;

let api: TestApi;
let basics: Basics;
let till: string;

beforeAll(async () => {
  api = await startTestApi();
  basics = await seedBasics(api);
  const variants = await createVariants(api, ['JEANS', 'TEA']);
  expect(
    (
      await api.call('PUT', `/v1/price-lists/${basics.priceList.id}/prices`, {
        body: {
          prices: [
            { sku: 'JEANS', amount: JEANS },
            { sku: 'TEA', amount: TEA },
          ],
        },
      })
    ).status,
  ).toBe(200);
  const floor = await api.call('PUT', `/v1/variants/${variants.get('JEANS')}/minimum-prices`, {
    body: { minimumPrices: [{ currency: 'EUR', amount: FLOOR }] },
  });
  expect(floor.status, JSON.stringify(floor.body)).toBe(200);
  expect(
    (await api.call('PUT', '/v1/delivery-rates', { body: { method: 'pickup_in_store', pricing: 'flat', amount: 0, currency: 'EUR', taxClass: 'standard' } }))
      .status,
  ).toBe(200);
  await receive(api, basics.storeA.id, [
    { sku: 'JEANS', quantity: 5 },
    { sku: 'TEA', quantity: 10 },
  ]);
  till = (await api.call('POST', `/v1/locations/${basics.storeA.id}/registers`, { token: basics.storeAKey, body: { name: 'Till 1' } })).body.id;
  const session = await api.call('POST', `/v1/registers/${till}/sessions`, { token: basics.storeAKey, body: { openingFloat: 10_000, currency: 'EUR' } });
  expect(session.status, JSON.stringify(session.body)).toBe(201);
});
afterAll(async () => {
  await api?.close();
});

const lines = [
  { sku: 'JEANS', quantity: 2, discount: { percentBasisPoints: 2_000, reason: 'Loose seam' } },
  { sku: 'TEA', quantity: 2, discount: { amount: 300, reason: 'Price match' } },
];

describe('discounts by hand at the register', () => {
  it('prices the cart before payment: the floor stops the jeans and says so, each discount with its reason', async () => {
    const quote = await api.call('POST', '/v1/quotes', { token: basics.storeAKey, body: { channelId: basics.registerA.id, lines } });
    expect(quote.status, JSON.stringify(quote.body)).toBe(200);
    // 20 % of 160.00 asked, the floor of 2 × 70.00 allows 20.00: the rest is held back.
    expect(quote.body.lines[0]).toMatchObject({
      minimumPrice: FLOOR,
      discounts: [{ source: 'manual', amount: 2_000, reason: 'Loose seam' }],
      minimumPriceApplied: true,
      cappedBy: 1_200,
      lineTotal: 2 * FLOOR,
    });
    expect(quote.body.lines[1]).toMatchObject({
      discounts: [{ source: 'manual', amount: 300, reason: 'Price match' }],
      minimumPriceApplied: false,
      lineTotal: 2_200,
    });
    expect(quote.body.totals).toMatchObject({ subtotal: 2 * JEANS + 2 * TEA, discountTotal: 2_300, total: 2 * FLOOR + 2_200 });
  });

  it('places the sale with the same figures, and shows each discount and its reason on the order and the receipt', async () => {
    const total = 2 * FLOOR + 2_200;
    const sale = await api.call('POST', '/v1/orders', {
      token: basics.storeAKey,
      headers: { 'idempotency-key': 'discount-sale-1' },
      body: {
        registerId: till,
        customer: { firstName: 'Léa', lastName: 'Dubois', phone: '+33 6 11 22 33 44' },
        lines,
        deliveryGroups: [{ method: 'pickup_in_store', pickupLocationId: basics.storeA.id }],
        payments: [{ method: 'cash', amount: total, tendered: 20_000 }],
      },
    });
    expect(sale.status, JSON.stringify(sale.body)).toBe(201);
    expect(sale.body).toMatchObject({ status: 'completed', totals: { subtotal: 2 * JEANS + 2 * TEA, discounts: 2_300, total } });
    const [jeans, tea] = sale.body.deliveryGroups[0].lines;
    expect(jeans).toMatchObject({
      discountTotal: 2_000,
      minimumPriceApplied: true,
      manualDiscount: { amount: 2_000, reason: 'Loose seam' },
      lineTotal: 2 * FLOOR,
    });
    expect(tea).toMatchObject({ discountTotal: 300, minimumPriceApplied: false, manualDiscount: { amount: 300, reason: 'Price match' }, lineTotal: 2_200 });
    const read = await api.call('GET', `/v1/orders/${sale.body.id}`, { token: basics.storeAKey });
    expect(read.body.deliveryGroups[0].lines[1].manualDiscount).toEqual({ amount: 300, reason: 'Price match' });
    const receipt = await api.call('GET', `/v1/orders/${sale.body.id}/receipt?format=text`, { token: basics.storeAKey });
    expect(receipt.status).toBe(200);
    expect(receipt.body).toMatch(/dont remise\s: Loose seam/);
    expect(receipt.body).toMatch(/dont remise\s: Price match/);
  });

  it('refuses a discount by hand from a channel key, naming the line, and a discount without a reason or with two amounts', async () => {
    const refused = await api.call('POST', '/v1/quotes', { token: basics.webKey, body: { lines: [{ sku: 'TEA', quantity: 1 }, lines[1]] } });
    expectProblem(refused, 403, 'manual-discount-not-allowed');
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'body.lines.1.discount' })]);
    const order = await api.call('POST', '/v1/orders', {
      token: basics.webKey,
      body: {
        customer: { firstName: 'Léa', lastName: 'Dubois', email: 'lea@example.com' },
        lines: [lines[1]],
        deliveryGroups: [{ method: 'pickup_in_store', pickupLocationId: basics.storeA.id }],
        payments: [{ method: 'card_online', amount: 2_200, token: 'tok_visa' }],
      },
    });
    expectProblem(order, 403, 'manual-discount-not-allowed');
    expect(order.body.errors).toEqual([expect.objectContaining({ field: 'body.lines.0.discount' })]);
    for (const discount of [{ amount: 100, reason: ' ' }, { amount: 100, percentBasisPoints: 100, reason: 'Both' }, { reason: 'None' }]) {
      const bad = await api.call('POST', '/v1/quotes', {
        token: basics.storeAKey,
        body: { channelId: basics.registerA.id, lines: [{ sku: 'TEA', quantity: 1, discount }] },
      });
      expect(bad.status, JSON.stringify(discount)).toBe(400);
      expect(bad.body.errors[0].field).toMatch(/^body\.lines\.0\.discount/);
    }
  });
});
