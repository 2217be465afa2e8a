import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { createVariants, seedBasics, type Basics } from '../../../test/support/fixtures.ts';
import { quote } from './service.ts';

/**
 * Pricing over HTTP on a real database: a web shop cart for a customer in a discount group with a code and shipping,
 * the minimum price holding under every discount, and every refusal a clear 4xx.
 */
let api: TestApi;
let basics: Basics;
let variants: Map<string, string>;
let customerId: string;

const ok = async (method: string, path: string, body: unknown, status = 200) => {
  const response = await api.call(method, path, { body });
  if (response.status !== status) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
};

beforeAll(async () => {
  api = await startTestApi();
  basics = await seedBasics(api);
  variants = await createVariants(api, ['SHIRT', 'JEANS', 'SOCKS', 'NOPRICE', 'BOOTS']);
  await ok('PUT', `/v1/price-lists/${basics.priceList.id}/prices`, {
    prices: [
      { sku: 'SHIRT', amount: 3_000 },
      { sku: 'JEANS', amount: 8_000 },
      { sku: 'SOCKS', amount: 1_000 },
      { sku: 'BOOTS', amount: 12_000 },
    ],
  });
  await ok('PUT', `/v1/variants/${variants.get('JEANS')}/minimum-prices`, { minimumPrices: [{ currency: 'EUR', amount: 7_500 }] });
  await ok('PATCH', `/v1/variants/${variants.get('BOOTS')}`, { weightGrams: 1_800 });
  const vip = await ok('POST', '/v1/customer-groups', { code: 'vip', name: 'VIP', discountBasisPoints: 1_000 }, 201);
  customerId = (
    await ok(
      'POST',
      '/v1/customers',
      { firstName: 'Marie', lastName: 'Curie', emails: ['marie@example.org'], customerGroupId: vip.id, discountBasisPoints: 500 },
      201,
    )
  ).id;
  await ok('POST', '/v1/promotions', { code: 'summer10', name: 'Summer', kind: 'percentage', value: 1_000 }, 201);
  await ok('PUT', '/v1/delivery-rates', {
    method: 'ship_to_address',
    pricing: 'free_above',
    amount: 590,
    freeAboveAmount: 20_000,
    packingFee: 150,
    currency: 'EUR',
    taxClass: 'standard',
  });
  await ok('PUT', '/v1/delivery-rates', { method: 'pickup_in_store', pricing: 'flat', amount: 0, currency: 'EUR', taxClass: 'standard' });
});
afterAll(() => api?.close());

const quoteAs = (token: string | undefined, body: unknown) => api.call('POST', '/v1/quotes', { body, ...(token ? { token } : {}) });

describe('quotes', () => {
  it('prices a web cart: group, customer and code discounts, the floor of the jeans, VAT, shipping and packing', async () => {
    const response = await quoteAs(basics.webKey, {
      customerId,
      lines: [
        { sku: 'SHIRT', quantity: 2 },
        { sku: 'JEANS', quantity: 1 },
        { sku: 'SOCKS', quantity: 1 },
      ],
      deliveryGroups: [{ method: 'ship_to_address', lineIndexes: [0, 1, 2] }],
      promotionCode: 'Summer10',
    });
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body).toMatchObject({ channelId: basics.web.id, customerId, currency: 'EUR', pricesIncludeTax: true });
    expect(body.lines[0]).toMatchObject({
      sku: 'SHIRT',
      unitListPrice: 3_000,
      listTotal: 6_000,
      lineTotal: 4_500,
      tax: 750,
      net: 3_750,
      minimumPriceApplied: false,
      cappedBy: 0,
      discounts: [
        { source: 'customer_group', amount: 600 },
        { source: 'customer', amount: 300 },
        { source: 'promotion', amount: 600 },
      ],
    });
    // 25 % asked of 80.00 with a floor of 75.00: the group discount takes 5.00, the rest is held back and said so.
    expect(body.lines[1]).toMatchObject({
      sku: 'JEANS',
      minimumPrice: 7_500,
      lineTotal: 7_500,
      minimumPriceApplied: true,
      cappedBy: 1_500,
      discounts: [
        { source: 'customer_group', amount: 500 },
        { source: 'customer', amount: 0 },
        { source: 'promotion', amount: 0 },
      ],
    });
    expect(body.lines[2]).toMatchObject({ sku: 'SOCKS', lineTotal: 750, tax: 125 });
    expect(body.deliveryGroups).toEqual([
      {
        method: 'ship_to_address',
        locationId: null,
        lineIndexes: [0, 1, 2],
        weightGrams: 0,
        goodsTotal: 12_750,
        shippingFee: 590,
        shippingWaived: 0,
        shippingTax: 98,
        packingFee: 150,
        packingTax: 25,
      },
    ]);
    expect(body.promotion).toMatchObject({ code: 'SUMMER10', kind: 'percentage', applied: true, reason: null, amount: 700 });
    expect(body.totals).toEqual({ subtotal: 15_000, discountTotal: 2_250, shippingTotal: 590, packingTotal: 150, taxTotal: 2_248, total: 13_490 });
    expect(body.taxes).toEqual([{ rateBasisPoints: 2_000, net: 11_242, tax: 2_248 }]);
  });

  it('answers the same over HTTP as the function the order module calls', async () => {
    const request = {
      customerId,
      lines: [{ sku: 'BOOTS', quantity: 3 }],
      deliveryGroups: [{ method: 'pickup_in_store' as const, skus: ['BOOTS'], locationId: basics.storeA.id }],
    };
    const overHttp = await quoteAs(undefined, { channelId: basics.web.id, ...request });
    const direct = await quote(api.database.db, { channelId: basics.web.id, ...request }, new Date(overHttp.body.quotedAt));
    expect(overHttp.body).toEqual(direct);
    // The order module prices inside its own transaction.
    const inOrderTransaction = await api.database.db
      .transaction()
      .execute((trx) => quote(trx, { channelId: basics.web.id, ...request }, new Date(overHttp.body.quotedAt)));
    expect(inOrderTransaction).toEqual(direct);
    expect(direct.deliveryGroups[0]).toMatchObject({ locationId: basics.storeA.id, weightGrams: 5_400, shippingFee: 0 });
  });

  it('reads the database a fixed number of times, whatever the number of lines', async () => {
    let queries = 0;
    const counting: KyselyPlugin = { transformQuery: (args) => (queries++, args.node), transformResult: async (args) => args.result };
    const db = api.database.db.withPlugin(counting);
    const count = async (lines: number) => {
      queries = 0;
      const skus = ['SHIRT', 'JEANS', 'SOCKS', 'BOOTS'];
      await quote(
        db,
        {
          channelId: basics.web.id,
          customerId,
          promotionCode: 'SUMMER10',
          lines: Array.from({ length: lines }, (_, index) => ({ sku: skus[index % 4]!, quantity: 1 })),
          deliveryGroups: [{ method: 'ship_to_address', lineIndexes: Array.from({ length: lines }, (_, index) => index) }],
        },
        new Date(),
      );
      return queries;
    };
    expect(await count(40)).toBe(await count(1));
    expect(await count(1)).toBeLessThanOrEqual(6);
  });

  it('lets a channel key quote only its own channel, and store staff any channel', async () => {
    const cart = { channelId: basics.registerA.id, lines: [{ sku: 'SOCKS', quantity: 1 }] };
    expect((await quoteAs(basics.webKey, cart)).status).toBe(403);
    expect((await quoteAs(basics.storeAKey, cart)).status).toBe(200);
    const missing = await quoteAs(undefined, { lines: [{ sku: 'SOCKS', quantity: 1 }] });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ field: 'body.channelId', message: expect.any(String) }]);
  });

  it('refuses a disabled channel with a 422', async () => {
    const social = await ok(
      'POST',
      '/v1/channels',
      { code: 'insta', name: 'Instagram', type: 'social', currency: 'EUR', priceListId: basics.priceList.id },
      201,
    );
    await ok('PATCH', `/v1/channels/${social.id}`, { enabled: false });
    const response = await quoteAs(undefined, { channelId: social.id, lines: [{ sku: 'SOCKS', quantity: 1 }] });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('channel-disabled');
  });

  it('refuses a line the channel has no price for, naming the line', async () => {
    const response = await quoteAs(basics.webKey, {
      lines: [
        { sku: 'SOCKS', quantity: 1 },
        { sku: 'NOPRICE', quantity: 2 },
      ],
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'no-price', lines: [{ line: 1, sku: 'NOPRICE', field: 'body.lines.1.sku' }] });
  });

  it('refuses an unknown SKU, customer or code, and a method with no rate', async () => {
    const unknown = await quoteAs(basics.webKey, {
      customerId: '01a20000-0000-7000-8000-000000000000',
      lines: [
        { sku: 'SOCKS', quantity: 1 },
        { sku: 'NOPE', quantity: 1 },
      ],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((error: { field: string }) => error.field)).toEqual(['body.lines.1.sku', 'body.customerId']);
    const code = await quoteAs(basics.webKey, { lines: [{ sku: 'SOCKS', quantity: 1 }], promotionCode: 'NOSUCHCODE' });
    expect(code.status).toBe(422);
    expect(code.body).toMatchObject({ code: 'promotion-unknown' });
    const method = await quoteAs(basics.webKey, { lines: [{ sku: 'SOCKS', quantity: 1 }], deliveryGroups: [{ method: 'ship_to_store', lineIndexes: [0] }] });
    expect(method.status).toBe(422);
    expect(method.body).toMatchObject({ code: 'no-delivery-rate', method: 'ship_to_store', deliveryGroup: 0 });
  });

  it('prices without a code that cannot be used now, and says why', async () => {
    const past = { startsAt: '2020-01-01T00:00:00Z', endsAt: '2020-02-01T00:00:00Z' };
    await ok('POST', '/v1/promotions', { code: 'OLD', kind: 'percentage', value: 1_000, ...past }, 201);
    await ok('POST', '/v1/promotions', { code: 'SOON', kind: 'percentage', value: 1_000, startsAt: '2999-01-01T00:00:00Z' }, 201);
    await ok('POST', '/v1/promotions', { code: 'STOREONLY', kind: 'percentage', value: 1_000, channelIds: [basics.registerA.id] }, 201);
    await ok('POST', '/v1/promotions', { code: 'USEDUP', kind: 'fixed_amount', value: 500, currency: 'EUR', usageLimit: 0 }, 201);
    await ok('POST', '/v1/promotions', { code: 'BIGSPEND', kind: 'free_shipping', currency: 'EUR', minimumSubtotal: 100_000 }, 201);
    await ok('POST', '/v1/promotions', { code: 'PAUSED', kind: 'free_shipping', active: false }, 201);
    await ok('POST', '/v1/promotions', { code: 'FIVEDOLLARS', kind: 'fixed_amount', value: 500, currency: 'USD' }, 201);
    const reasons: Record<string, string> = {
      OLD: 'expired',
      SOON: 'not-started',
      STOREONLY: 'not-for-this-channel',
      USEDUP: 'exhausted',
      BIGSPEND: 'below-minimum-subtotal',
      PAUSED: 'inactive',
      FIVEDOLLARS: 'other-currency',
    };
    for (const [code, reason] of Object.entries(reasons)) {
      const response = await quoteAs(basics.webKey, {
        lines: [{ sku: 'SHIRT', quantity: 1 }],
        deliveryGroups: [{ method: 'ship_to_address', lineIndexes: [0] }],
        promotionCode: code,
      });
      expect(response.status, code).toBe(200);
      expect(response.body.promotion, code).toMatchObject({ code, applied: false, reason, amount: 0 });
      expect(response.body.totals, code).toMatchObject({ discountTotal: 0, total: 3_000 + 590 + 150 });
    }
  });

  it('waives shipping with a free-shipping code and spreads a fixed amount across the lines', async () => {
    await ok('POST', '/v1/promotions', { code: 'SHIPFREE', kind: 'free_shipping' }, 201);
    await ok('POST', '/v1/promotions', { code: 'TENOFF', kind: 'fixed_amount', value: 1_000, currency: 'EUR' }, 201);
    const cart = {
      lines: [
        { sku: 'SHIRT', quantity: 1 },
        { sku: 'SOCKS', quantity: 1 },
      ],
      deliveryGroups: [{ method: 'ship_to_address', skus: ['SHIRT', 'SOCKS'] }],
    };
    const free = (await quoteAs(basics.webKey, { ...cart, promotionCode: 'shipfree' })).body;
    expect(free.deliveryGroups[0]).toMatchObject({ shippingFee: 0, shippingWaived: 590, packingFee: 150 });
    expect(free.totals.total).toBe(4_150);
    const fixed = (await quoteAs(basics.webKey, { ...cart, promotionCode: 'TENOFF' })).body;
    expect(fixed.lines.map((line: { discountTotal: number }) => line.discountTotal)).toEqual([750, 250]);
    expect(fixed.totals).toMatchObject({ discountTotal: 1_000, total: 3_000 + 740 });
  });

  it('uses a channel’s own rate over the default, and weight bands', async () => {
    await ok('PUT', '/v1/delivery-rates', {
      channelId: basics.web.id,
      method: 'ship_to_address',
      pricing: 'weight_band',
      currency: 'EUR',
      taxClass: 'standard',
      weightBands: [
        { upToGrams: 5_000, amount: 990 },
        { upToGrams: 2_000, amount: 490 },
      ],
    });
    const bands = async (quantity: number) =>
      quoteAs(basics.webKey, { lines: [{ sku: 'BOOTS', quantity }], deliveryGroups: [{ method: 'ship_to_address', lineIndexes: [0] }] });
    expect((await bands(1)).body.deliveryGroups[0]).toMatchObject({ weightGrams: 1_800, shippingFee: 490, packingFee: 0 });
    expect((await bands(2)).body.deliveryGroups[0]).toMatchObject({ weightGrams: 3_600, shippingFee: 990 });
    expect((await bands(3)).body).toMatchObject({ status: 422, code: 'too-heavy-for-delivery-method' });
    const used = await api.call('GET', `/v1/delivery-rates?channelId=${basics.web.id}`, { token: basics.webKey });
    expect(used.body.items.map((rate: { method: string; channelId: string | null }) => [rate.method, rate.channelId])).toEqual([
      ['pickup_in_store', null],
      ['ship_to_address', basics.web.id],
    ]);
    const all = await api.call('GET', '/v1/delivery-rates');
    expect(all.body.items).toHaveLength(3);
    const own = all.body.items.find((rate: { channelId: string | null }) => rate.channelId === basics.web.id);
    expect((await api.call('DELETE', `/v1/delivery-rates/${own.id}`)).status).toBe(204);
    expect((await bands(1)).body.deliveryGroups[0]).toMatchObject({ shippingFee: 590, packingFee: 150 });
  });

  it('prices a net price list: VAT added on top, free shipping judged on the gross amount', async () => {
    const net = await ok('POST', '/v1/price-lists', { code: 'b2b', name: 'Trade prices', currency: 'EUR', pricesIncludeTax: false }, 201);
    await ok('PUT', `/v1/price-lists/${net.id}/prices`, { prices: [{ sku: 'BOOTS', amount: 17_000 }] });
    const phone = await ok('POST', '/v1/channels', { code: 'phone', name: 'Phone orders', type: 'phone', currency: 'EUR', priceListId: net.id }, 201);
    const body = (
      await quoteAs(undefined, {
        channelId: phone.id,
        lines: [{ sku: 'BOOTS', quantity: 1 }],
        deliveryGroups: [{ method: 'ship_to_address', lineIndexes: [0] }],
      })
    ).body;
    expect(body.pricesIncludeTax).toBe(false);
    expect(body.lines[0]).toMatchObject({ listTotal: 17_000, net: 17_000, tax: 3_400, lineTotal: 20_400 });
    expect(body.deliveryGroups[0]).toMatchObject({ goodsTotal: 20_400, shippingFee: 0, packingFee: 150 });
    expect(body.totals).toEqual({ subtotal: 20_400, discountTotal: 0, shippingTotal: 0, packingTotal: 150, taxTotal: 3_425, total: 20_550 });
  });
});

describe('malformed pricing requests', () => {
  const fieldsOf = (response: { body: { errors?: { field: string }[] } }) => (response.body.errors ?? []).map((error) => error.field);

  it('answers 400 naming every wrong field', async () => {
    const quoteResponse = await quoteAs(basics.webKey, {
      lines: [
        { sku: 'SHIRT', quantity: 0 },
        { sku: 'has space', quantity: 1 },
      ],
      deliveryGroups: [{ method: 'by-drone', lineIndexes: [0] }],
      promotionCode: 'x'.repeat(100),
    });
    expect(quoteResponse.status).toBe(400);
    expect(fieldsOf(quoteResponse)).toEqual(['body.lines.0.quantity', 'body.lines.1.sku', 'body.deliveryGroups.0.method', 'body.promotionCode']);
    const both = await quoteAs(basics.webKey, {
      lines: [{ sku: 'SHIRT', quantity: 1 }],
      deliveryGroups: [{ method: 'pickup_in_store', lineIndexes: [0], skus: ['SHIRT'] }],
    });
    expect(fieldsOf(both)).toEqual(['body.deliveryGroups.0.lineIndexes']);
    expect((await quoteAs(basics.webKey, { lines: [] })).body.errors).toEqual([{ field: 'body.lines', message: expect.any(String) }]);
    const outOfCart = await quoteAs(basics.webKey, {
      lines: [{ sku: 'SHIRT', quantity: 1 }],
      deliveryGroups: [
        { method: 'ship_to_address', lineIndexes: [0, 3] },
        { method: 'pickup_in_store', skus: ['SHIRT', 'SOCKS'] },
      ],
    });
    expect(outOfCart.status).toBe(400);
    expect(fieldsOf(outOfCart)).toEqual(['body.deliveryGroups.0.lineIndexes', 'body.deliveryGroups.1.skus', 'body.deliveryGroups.1']);

    const promotion = await api.call('POST', '/v1/promotions', { body: { code: 'BAD CODE', kind: 'half-off', value: -1 } });
    expect(promotion.status).toBe(400);
    expect(fieldsOf(promotion)).toEqual(expect.arrayContaining(['body.code', 'body.kind', 'body.value']));
    const percent = await api.call('POST', '/v1/promotions', {
      body: { code: 'TOOMUCH', kind: 'percentage', value: 20_000, startsAt: '2030-01-02T00:00:00Z', endsAt: '2030-01-01T00:00:00Z' },
    });
    expect(fieldsOf(percent)).toEqual(['body.value', 'body.endsAt']);
    const fixed = await api.call('POST', '/v1/promotions', { body: { code: 'NOCURRENCY', kind: 'fixed_amount', value: 500 } });
    expect(fieldsOf(fixed)).toEqual(['body.currency']);

    const rate = await api.call('PUT', '/v1/delivery-rates', {
      body: { method: 'ship_to_address', pricing: 'free_above', amount: 1.5, currency: 'eur', taxClass: 'standard' },
    });
    expect(rate.status).toBe(400);
    expect(fieldsOf(rate)).toEqual(expect.arrayContaining(['body.amount', 'body.currency']));
    const missing = await api.call('PUT', '/v1/delivery-rates', {
      body: { method: 'ship_to_address', pricing: 'free_above', currency: 'EUR', taxClass: 'standard' },
    });
    expect(fieldsOf(missing)).toEqual(['body.freeAboveAmount']);
    const unknown = await api.call('PUT', '/v1/delivery-rates', {
      body: { channelId: '01a20000-0000-7000-8000-000000000000', method: 'ship_to_address', pricing: 'flat', currency: 'EUR', taxClass: 'nope' },
    });
    expect(fieldsOf(unknown)).toEqual(['body.channelId', 'body.taxClass']);
  });

  it('keeps promotion codes unique whatever their case, and the usage limit at or above the uses', async () => {
    const again = await api.call('POST', '/v1/promotions', { body: { code: 'SUMMER10', kind: 'free_shipping' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('promotion-code-taken');
    const list = await api.call('GET', '/v1/promotions?code=summer10');
    expect(list.body.items).toHaveLength(1);
    const id = list.body.items[0].id;
    expect((await api.call('PATCH', `/v1/promotions/${id}`, { body: { value: 0 } })).status).toBe(400);
    const changed = await api.call('PATCH', `/v1/promotions/${id}`, { body: { value: 1_500, usageLimit: 100, endsAt: '2999-12-31T23:00:00+01:00' } });
    expect(changed.body).toMatchObject({ code: 'SUMMER10', value: 1_500, usageLimit: 100, endsAt: '2999-12-31T22:00:00.000Z', timesUsed: 0 });
    expect((await api.call('GET', `/v1/promotions/${id}`, { token: basics.webKey })).status).toBe(403);
  });
});
