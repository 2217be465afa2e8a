import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type ApiResponse, type TestApi } from '../../../test/support/api.ts';
import { seedBasics, type Basics } from '../../../test/support/fixtures.ts';
import { RuleViolation } from '../../platform/errors.ts';
import { assertNotBelowMinimum } from './prices.ts';
import { isGtin } from './schema.ts';
import { minimumPriceOf, priceOf } from './service.ts';

/** Appends the GTIN check digit, as a label printer does. */
function gtin(payload: string): string {
  const sum = [...payload].reverse().reduce((total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 3 : 1), 0);
  return payload + ((10 - (sum % 10)) % 10);
}

describe('the minimum price rule', () => {
  const floors = new Map([['v1:EUR', 1000]]);
  const floorOf = (variantId: string, currency: string) => floors.get(`${variantId}:${currency}`);

  it('refuses a list price under the floor in the same currency, naming SKU, currency, floor and price', () => {
    const check = () => assertNotBelowMinimum([{ variantId: 'v1', sku: 'TSH-M', currency: 'EUR', amount: 999, field: 'body.prices.0.amount' }], floorOf);
    expect(check).toThrow(RuleViolation);
    try {
      check();
    } catch (error) {
      expect(error).toMatchObject({
        kind: 'rule-violation',
        code: 'below-minimum-price',
        details: { sku: 'TSH-M', currency: 'EUR', minimumPrice: 1000, amount: 999, field: 'body.prices.0.amount' },
      });
    }
  });

  it('accepts a price at the floor, in another currency, or of a variant without a floor', () => {
    expect(() =>
      assertNotBelowMinimum(
        [
          { variantId: 'v1', sku: 'A', currency: 'EUR', amount: 1000 },
          { variantId: 'v1', sku: 'A', currency: 'PLN', amount: 1 },
          { variantId: 'v2', sku: 'B', currency: 'EUR', amount: 0 },
        ],
        floorOf,
      ),
    ).not.toThrow();
  });

  it('knows a GTIN from a misread', () => {
    expect(['4006381333931', '73513537', '036000291452', gtin('1234567890123')].every(isGtin)).toBe(true);
    expect(['4006381333932', '400638133393', '40063813339310x', 'abcdefgh'].some(isGtin)).toBe(false);
  });
});

describe('catalog over HTTP', () => {
  let api: TestApi;
  let basics: Basics;
  let usd: { id: string };
  beforeAll(async () => {
    api = await startTestApi();
    basics = await seedBasics(api);
    expect((await api.call('POST', '/v1/tax-classes', { body: { code: 'standard', name: 'TVA 20 %', rateBasisPoints: 2000 } })).status).toBe(201);
    usd = (await api.call('POST', '/v1/price-lists', { body: { code: 'usd', name: 'Dollar prices', currency: 'USD', pricesIncludeTax: false } })).body;
  });
  afterAll(() => api?.close());

  async function counts() {
    const db = api.database.db;
    const count = async (table: 'products' | 'variants' | 'variant_minimum_prices' | 'prices' | 'price_lists' | 'tax_classes') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      products: await count('products'),
      variants: await count('variants'),
      floors: await count('variant_minimum_prices'),
      prices: await count('prices'),
      priceLists: await count('price_lists'),
      taxClasses: await count('tax_classes'),
    };
  }
  const expectProblem = (response: ApiResponse, status: number) => {
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  };
  const fieldsOf = (response: ApiResponse) => (response.body.errors ?? []).map((error: { field: string }) => error.field);

  let skuNumber = 0;
  function product(overrides: Record<string, unknown> = {}, variants = 1) {
    return {
      title: 'Organic cotton T-shirt',
      taxClass: 'standard',
      variants: Array.from({ length: variants }, () => ({ sku: `TST-${++skuNumber}` })),
      ...overrides,
    };
  }
  const createProduct = (body: unknown, options: { token?: string; headers?: Record<string, string> } = {}) =>
    api.call('POST', '/v1/products', { body, ...options });

  it('lists tax classes and refuses a code twice', async () => {
    expect((await api.call('POST', '/v1/tax-classes', { body: { code: 'reduced', name: 'TVA 5,5 %', rateBasisPoints: 550 } })).status).toBe(201);
    const list = await api.call('GET', '/v1/tax-classes', { token: basics.webKey });
    expect(list.body.items).toEqual([
      { code: 'reduced', name: 'TVA 5,5 %', rateBasisPoints: 550 },
      { code: 'standard', name: 'TVA 20 %', rateBasisPoints: 2000 },
    ]);
    const again = await api.call('POST', '/v1/tax-classes', { body: { code: 'standard', name: 'Other', rateBasisPoints: 1 } });
    expectProblem(again, 409);
    expect(again.body).toMatchObject({ code: 'tax-class-code-taken', existingId: 'standard' });
  });

  it('creates price lists, lists them by page and refuses a code twice', async () => {
    const read = await api.call('GET', `/v1/price-lists/${basics.priceList.id}`, { token: basics.storeAKey });
    expect(read.body).toMatchObject({ code: 'eur', currency: 'EUR', pricesIncludeTax: true });
    expect((await api.call('GET', `/v1/price-lists/${usd.id}`)).body).toMatchObject({ id: usd.id, code: 'usd', currency: 'USD', pricesIncludeTax: false });
    const first = await api.call('GET', '/v1/price-lists?limit=1');
    const second = await api.call('GET', `/v1/price-lists?limit=1&cursor=${first.body.nextCursor}`);
    expect([first.body.items[0].id, second.body.items[0].id]).toEqual([basics.priceList.id, usd.id]);
    expect((await api.call('GET', '/v1/price-lists?currency=USD')).body.items.map((list: { id: string }) => list.id)).toEqual([usd.id]);
    const again = await api.call('POST', '/v1/price-lists', { body: { code: 'eur', name: 'Again', currency: 'EUR' } });
    expectProblem(again, 409);
    expect(again.body.existingId).toBe(basics.priceList.id);
    expectProblem(await api.call('GET', '/v1/price-lists?cursor=aGVsbG8'), 400);
  });

  it('creates a product with variants, floors and prices, and reads it back', async () => {
    const created = await createProduct({
      title: 'Merino crew neck',
      description: 'Soft merino wool.',
      taxClass: 'standard',
      imageUrls: ['https://images.example.com/merino.jpg'],
      variants: [
        {
          sku: 'MER-M-NAVY',
          barcode: '4006381333931',
          options: { size: 'M', colour: 'Navy' },
          weightGrams: 320,
          minimumPrices: [{ currency: 'EUR', amount: 4000 }],
          prices: [
            { priceListId: basics.priceList.id, amount: 7990 },
            { priceListId: usd.id, amount: 8500 },
          ],
        },
        { sku: 'MER-L-NAVY', title: 'Large navy', options: { size: 'L', colour: 'Navy' } },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Merino crew neck',
      taxClass: 'standard',
      status: 'active',
      imageUrls: ['https://images.example.com/merino.jpg'],
    });
    const [medium, large] = created.body.variants;
    expect(medium).toMatchObject({
      productId: created.body.id,
      sku: 'MER-M-NAVY',
      barcode: '4006381333931',
      title: 'M / Navy',
      weightGrams: 320,
      minimumPrices: [{ currency: 'EUR', amount: 4000 }],
    });
    expect(medium.prices).toEqual(
      expect.arrayContaining([
        { priceListId: basics.priceList.id, currency: 'EUR', amount: 7990 },
        { priceListId: usd.id, currency: 'USD', amount: 8500 },
      ]),
    );
    expect(large).toMatchObject({ sku: 'MER-L-NAVY', title: 'Large navy', barcode: null, weightGrams: null, minimumPrices: [], prices: [] });
    expect(Date.parse(created.body.createdAt)).not.toBeNaN();

    expect((await api.call('GET', `/v1/products/${created.body.id}`, { token: basics.storeAKey })).body).toEqual(created.body);
    const variant = await api.call('GET', `/v1/variants/${medium.id}`, { token: basics.webKey });
    expect(variant.body).toEqual({ ...medium, productTitle: 'Merino crew neck' });
    expectProblem(await api.call('GET', '/v1/products/0190a0a0-0000-7000-8000-000000000000'), 404);
    expectProblem(await api.call('GET', '/v1/variants/not-a-uuid'), 400);

    const added = await api.call('POST', `/v1/products/${created.body.id}/variants`, { body: { sku: 'MER-S-NAVY', options: { size: 'S' } } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ sku: 'MER-S-NAVY', title: 'S', productId: created.body.id, productTitle: 'Merino crew neck' });
    expect((await api.call('GET', `/v1/products/${created.body.id}`)).body.variants.map((entry: { sku: string }) => entry.sku)).toEqual([
      'MER-M-NAVY',
      'MER-L-NAVY',
      'MER-S-NAVY',
    ]);
    expectProblem(await api.call('POST', '/v1/products/0190a0a0-0000-7000-8000-000000000000/variants', { body: { sku: 'NOWHERE-1' } }), 404);
  });

  it('finds products and variants by text, SKU and barcode', async () => {
    const barcode = gtin('376000000101');
    const scarf = await createProduct(
      product({ title: 'Wool scarf 100%', description: 'Hand_made in Lyon', variants: [{ sku: 'SCF-NAVY', barcode }, { sku: 'SCF-CAMEL' }] }),
    );
    const mug = await createProduct(product({ title: 'Mug', description: 'Stoneware', status: 'archived', variants: [{ sku: 'MUG-1' }] }));
    const ids = async (query: string) =>
      (await api.call('GET', `/v1/products?${query}`, { token: basics.storeAKey })).body.items.map((item: { id: string }) => item.id);
    expect(await ids('q=SCARF')).toEqual([scarf.body.id]);
    expect(await ids('q=lyon')).toEqual([scarf.body.id]);
    expect(await ids('q=scf-cam')).toEqual([scarf.body.id]);
    expect(await ids(`q=${barcode.slice(7)}`)).toEqual([scarf.body.id]);
    expect(await ids('q=100%25')).toEqual([scarf.body.id]);
    expect(await ids('q=d_m')).toEqual([scarf.body.id]);
    expect(await ids('q=d%25m')).toEqual([]);
    expect(await ids('sku=SCF-NAVY')).toEqual([scarf.body.id]);
    expect(await ids('sku=SCF')).toEqual([]);
    expect(await ids(`barcode=${barcode}`)).toEqual([scarf.body.id]);
    expect(await ids('status=archived')).toEqual([mug.body.id]);
    expectProblem(await api.call('GET', '/v1/products?status=deleted'), 400);
    expectProblem(await api.call('GET', '/v1/variants?q=a%00b'), 400);

    const variants = await api.call('GET', '/v1/variants?q=wool%20scarf', { token: basics.webKey });
    expect(variants.body.items.map((item: { sku: string; productTitle: string }) => [item.sku, item.productTitle])).toEqual([
      ['SCF-NAVY', 'Wool scarf 100%'],
      ['SCF-CAMEL', 'Wool scarf 100%'],
    ]);
    expect((await api.call('GET', `/v1/variants?barcode=${barcode}`)).body.items.map((item: { sku: string }) => item.sku)).toEqual(['SCF-NAVY']);
    expect((await api.call('GET', '/v1/variants?sku=MUG-1')).body.items[0].productId).toBe(mug.body.id);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ApiResponse = await api.call('GET', `/v1/products?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...seen].sort());
    expect(seen).toContain(scarf.body.id);
    expect(new Set(seen).size).toBe((await counts()).products);
  });

  it('refuses a SKU or barcode already taken with a 409 naming the variant that has it, and writes nothing', async () => {
    const barcode = gtin('376000000202');
    const owner = await createProduct(product({ variants: [{ sku: 'DUP-1', barcode }] }));
    const before = await counts();
    const sku = await createProduct(product({ variants: [{ sku: 'NEW-1', minimumPrices: [{ currency: 'EUR', amount: 1 }] }, { sku: 'DUP-1' }] }));
    expectProblem(sku, 409);
    expect(sku.body).toMatchObject({ code: 'sku-taken', existingId: owner.body.variants[0].id, sku: 'DUP-1', field: 'body.variants.1.sku' });
    const code = await createProduct(product({ variants: [{ sku: 'NEW-2', barcode }] }));
    expectProblem(code, 409);
    expect(code.body).toMatchObject({ code: 'barcode-taken', existingId: owner.body.variants[0].id, barcode });
    expectProblem(await api.call('POST', `/v1/products/${owner.body.id}/variants`, { body: { sku: 'DUP-1' } }), 409);
    const twice = await createProduct(product({ variants: [{ sku: 'TWICE' }, { sku: 'TWICE' }, { sku: 'T3', barcode }, { sku: 'T4', barcode }] }));
    expectProblem(twice, 400);
    expect(fieldsOf(twice)).toEqual(['body.variants.1.sku', 'body.variants.3.barcode']);
    const patched = await api.call('PATCH', `/v1/variants/${owner.body.variants[0].id}`, { body: { title: 'x' } });
    const other = await createProduct(product());
    const stolen = await api.call('PATCH', `/v1/variants/${other.body.variants[0].id}`, { body: { barcode } });
    expectProblem(stolen, 409);
    expect(stolen.body.existingId).toBe(owner.body.variants[0].id);
    expect(patched.status).toBe(200);
    expect(await counts()).toEqual({ ...before, products: before.products + 1, variants: before.variants + 1 });
  });

  it('creates one variant when ten requests race for the same SKU', async () => {
    const before = await counts();
    const responses = await Promise.all(Array.from({ length: 10 }, () => createProduct(product({ variants: [{ sku: 'RACE-1' }] }))));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    const winner = responses.find((response) => response.status === 201)!;
    for (const loser of responses.filter((response) => response.status === 409)) expect(loser.body.existingId).toBe(winner.body.variants[0].id);
    expect((await counts()).products).toBe(before.products + 1);
  });

  it('refuses any list price under the minimum price, whichever is set, and changes nothing', async () => {
    const below = await createProduct(
      product({
        variants: [{ sku: 'FLOOR-0', minimumPrices: [{ currency: 'EUR', amount: 1000 }], prices: [{ priceListId: basics.priceList.id, amount: 999 }] }],
      }),
    );
    expectProblem(below, 422);
    expect(below.body).toMatchObject({
      code: 'below-minimum-price',
      sku: 'FLOOR-0',
      currency: 'EUR',
      minimumPrice: 1000,
      amount: 999,
      field: 'body.variants.0.prices.0.amount',
    });

    const created = await createProduct(
      product({
        variants: [
          {
            sku: 'FLOOR-1',
            minimumPrices: [{ currency: 'EUR', amount: 1000 }],
            prices: [
              { priceListId: basics.priceList.id, amount: 1500 },
              { priceListId: usd.id, amount: 100 },
            ],
          },
        ],
      }),
    );
    expect(created.status).toBe(201);
    const variantId = created.body.variants[0].id;
    const before = await counts();

    const price = await api.call('PUT', `/v1/price-lists/${basics.priceList.id}/prices`, { body: { prices: [{ sku: 'FLOOR-1', amount: 999 }] } });
    expectProblem(price, 422);
    expect(price.body).toMatchObject({
      code: 'below-minimum-price',
      sku: 'FLOOR-1',
      currency: 'EUR',
      minimumPrice: 1000,
      amount: 999,
      field: 'body.prices.0.amount',
    });
    const floor = await api.call('PUT', `/v1/variants/${variantId}/minimum-prices`, { body: { minimumPrices: [{ currency: 'EUR', amount: 1600 }] } });
    expectProblem(floor, 422);
    expect(floor.body).toMatchObject({
      code: 'below-minimum-price',
      sku: 'FLOOR-1',
      currency: 'EUR',
      minimumPrice: 1600,
      amount: 1500,
      priceListId: basics.priceList.id,
    });
    expect(await counts()).toEqual(before);
    expect((await api.call('GET', `/v1/variants/${variantId}`)).body).toMatchObject({ minimumPrices: [{ currency: 'EUR', amount: 1000 }] });
    expect(await minimumPriceOf(api.database.db, [variantId], 'EUR')).toEqual(new Map([[variantId, 1000]]));
    expect(await priceOf(api.database.db, basics.priceList.id, [variantId, '0190a0a0-0000-7000-8000-000000000000'])).toEqual(new Map([[variantId, 1500]]));

    const raised = await api.call('PUT', `/v1/variants/${variantId}/minimum-prices`, {
      body: {
        minimumPrices: [
          { currency: 'EUR', amount: 1500 },
          { currency: 'PLN', amount: 5000 },
        ],
      },
    });
    expect(raised.status).toBe(200);
    expect(raised.body.minimumPrices).toEqual([
      { currency: 'EUR', amount: 1500 },
      { currency: 'PLN', amount: 5000 },
    ]);
    expect(await minimumPriceOf(api.database.db, [variantId], 'USD')).toEqual(new Map());
    const cleared = await api.call('PUT', `/v1/variants/${variantId}/minimum-prices`, { body: { minimumPrices: [] } });
    expect(cleared.body.minimumPrices).toEqual([]);
  });

  it('never lets racing price cuts and floor raises leave a price under its floor', async () => {
    const created = await createProduct(
      product({
        variants: [{ sku: 'RACE-FLOOR', minimumPrices: [{ currency: 'EUR', amount: 1000 }], prices: [{ priceListId: basics.priceList.id, amount: 2000 }] }],
      }),
    );
    const variantId = created.body.variants[0].id;
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        index % 2
          ? api.call('PUT', `/v1/variants/${variantId}/minimum-prices`, { body: { minimumPrices: [{ currency: 'EUR', amount: 1500 + index }] } })
          : api.call('PUT', `/v1/price-lists/${basics.priceList.id}/prices`, { body: { prices: [{ variantId, amount: 1200 + index }] } }),
      ),
    );
    expect(
      responses.every((response) => response.status === 200 || response.status === 422),
      responses.map((response) => response.status).join(),
    ).toBe(true);
    const floor = (await minimumPriceOf(api.database.db, [variantId], 'EUR')).get(variantId)!;
    const price = (await priceOf(api.database.db, basics.priceList.id, [variantId])).get(variantId)!;
    expect(price).toBeGreaterThanOrEqual(floor);
  });

  it('sets a thousand prices in one request, reports what changed, and pages through them', async () => {
    for (let batch = 0; batch < 10; batch++) {
      const variants = Array.from({ length: 100 }, (_, index) => ({ sku: `BULK-${String(batch * 100 + index).padStart(4, '0')}` }));
      expect((await createProduct(product({ variants }))).status).toBe(201);
    }
    const list = (await api.call('POST', '/v1/price-lists', { body: { code: 'outlet', name: 'Outlet', currency: 'EUR' } })).body;
    const skus = Array.from({ length: 1000 }, (_, index) => `BULK-${String(index).padStart(4, '0')}`);
    const first = await api.call('PUT', `/v1/price-lists/${list.id}/prices`, { body: { prices: skus.map((sku, index) => ({ sku, amount: 1000 + index })) } });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({ priceListId: list.id, created: 1000, updated: 0, unchanged: 0 });
    const second = await api.call('PUT', `/v1/price-lists/${list.id}/prices`, {
      body: { prices: skus.map((sku, index) => ({ sku, amount: 1000 + (index < 500 ? index + 1 : index) })) },
    });
    expect(second.body).toEqual({ priceListId: list.id, created: 0, updated: 500, unchanged: 500 });

    const listed: { sku: string; amount: number }[] = [];
    let cursor: string | null = null;
    do {
      const page: ApiResponse = await api.call('GET', `/v1/price-lists/${list.id}/prices?limit=200${cursor ? `&cursor=${cursor}` : ''}`, {
        token: basics.webKey,
      });
      listed.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(listed).toHaveLength(1000);
    const one = await api.call('GET', `/v1/price-lists/${list.id}/prices?sku=BULK-0007`);
    expect(one.body.items).toEqual([{ variantId: expect.any(String), sku: 'BULK-0007', amount: 1008 }]);
    const byId = await api.call('PUT', `/v1/price-lists/${list.id}/prices`, { body: { prices: [{ variantId: one.body.items[0].variantId, amount: 1 }] } });
    expect(byId.body).toMatchObject({ updated: 1 });

    const before = await counts();
    const unknown = await api.call('PUT', `/v1/price-lists/${list.id}/prices`, {
      body: {
        prices: [
          { sku: 'BULK-0001', amount: 5 },
          { sku: 'NOPE', amount: 5 },
          { variantId: '0190a0a0-0000-7000-8000-000000000000', amount: 5 },
          { sku: 'BULK-0001', amount: 6 },
        ],
      },
    });
    expectProblem(unknown, 400);
    expect(fieldsOf(unknown)).toEqual(['body.prices.1.sku', 'body.prices.2.variantId', 'body.prices.3']);
    expect((await api.call('GET', `/v1/price-lists/${list.id}/prices?sku=BULK-0001`)).body.items[0].amount).toBe(1002);
    const tooMany = await api.call('PUT', `/v1/price-lists/${list.id}/prices`, {
      body: { prices: Array.from({ length: 5001 }, () => ({ sku: 'BULK-0001', amount: 1 })) },
    });
    expectProblem(tooMany, 400);
    expect(fieldsOf(tooMany)).toEqual(['body.prices']);
    const both = await api.call('PUT', `/v1/price-lists/${list.id}/prices`, {
      body: { prices: [{ sku: 'BULK-0001', variantId: one.body.items[0].variantId, amount: 1 }] },
    });
    expect(fieldsOf(both)).toEqual(['body.prices.0']);
    expectProblem(
      await api.call('PUT', '/v1/price-lists/0190a0a0-0000-7000-8000-000000000000/prices', { body: { prices: [{ sku: 'BULK-0001', amount: 1 }] } }),
      404,
    );
    expect(await counts()).toEqual(before);
  });

  it('changes products and variants', async () => {
    const created = await createProduct(product());
    const id = created.body.id;
    const patched = await api.call('PATCH', `/v1/products/${id}`, { body: { title: 'Renamed', taxClass: 'reduced', status: 'archived', imageUrls: [] } });
    expect(patched.body).toMatchObject({ title: 'Renamed', taxClass: 'reduced', status: 'archived', variants: [{ sku: created.body.variants[0].sku }] });
    const unknownTax = await api.call('PATCH', `/v1/products/${id}`, { body: { taxClass: 'zero', title: 'Not saved' } });
    expectProblem(unknownTax, 400);
    expect(fieldsOf(unknownTax)).toEqual(['body.taxClass']);
    expectProblem(await api.call('PATCH', '/v1/products/0190a0a0-0000-7000-8000-000000000000', { body: { title: 'x' } }), 404);
    const variantId = created.body.variants[0].id;
    const barcode = gtin('376000000303');
    const variant = await api.call('PATCH', `/v1/variants/${variantId}`, { body: { barcode, options: { size: 'XL' }, weightGrams: 200, title: 'XL' } });
    expect(variant.body).toMatchObject({ barcode, options: { size: 'XL' }, weightGrams: 200, title: 'XL', productTitle: 'Renamed' });
    const cleared = await api.call('PATCH', `/v1/variants/${variantId}`, { body: { barcode: null, weightGrams: null } });
    expect(cleared.body).toMatchObject({ barcode: null, weightGrams: null, title: 'XL' });
    expectProblem(await api.call('PATCH', `/v1/variants/${variantId}`, { body: { barcode: '4006381333932' } }), 400);
  });

  it('keeps the category and tags routing rules choose orders by, given at creation and replaced later', async () => {
    const created = await createProduct(product({ tags: ['apparel', 'fragile', 'apparel'] }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // A tag named twice is kept once.
    expect(created.body.tags).toEqual(['apparel', 'fragile']);
    expect((await createProduct(product())).body.tags).toEqual([]);
    const replaced = await api.call('PATCH', `/v1/products/${created.body.id}`, { body: { tags: ['bulky'] } });
    expect(replaced.body.tags).toEqual(['bulky']);
    expect((await api.call('GET', `/v1/products/${created.body.id}`)).body.tags).toEqual(['bulky']);
    const invalid = await api.call('PATCH', `/v1/products/${created.body.id}`, { body: { tags: ['', 'x'.repeat(65)] } });
    expectProblem(invalid, 400);
    expect(fieldsOf(invalid)).toEqual(['body.tags.0', 'body.tags.1']);
  });

  it('refuses malformed input on every write route with a 4xx problem and writes nothing', async () => {
    const target = await createProduct(product());
    const variantId = target.body.variants[0].id;
    const huge = 'x'.repeat(1024 * 1024);
    const long = 'x'.repeat(100_000);
    const routes: { method: string; path: string; cases: [unknown, string[]][]; longField: string; base: Record<string, unknown> }[] = [
      {
        method: 'POST',
        path: '/v1/tax-classes',
        longField: 'name',
        base: { code: 'zero', name: 'Zero', rateBasisPoints: 0 },
        cases: [
          [{ code: 5, name: [], rateBasisPoints: '20' }, ['body.code', 'body.name', 'body.rateBasisPoints']],
          [{}, ['body.code', 'body.name', 'body.rateBasisPoints']],
          [{ code: 'zero', name: 'Zero', rateBasisPoints: 10_001 }, ['body.rateBasisPoints']],
          [{ code: 'zero', name: 'Zero', rateBasisPoints: 1.5 }, ['body.rateBasisPoints']],
        ],
      },
      {
        method: 'POST',
        path: '/v1/price-lists',
        longField: 'name',
        base: { code: 'pln', name: 'Złoty', currency: 'PLN' },
        cases: [
          [{ code: 'pln', name: 'Złoty', currency: 'PLN', pricesIncludeTax: 'yes' }, ['body.pricesIncludeTax']],
          [{ name: 'Złoty' }, ['body.code', 'body.currency']],
          [{ code: 'pln', name: 'Złoty', currency: 'zloty' }, ['body.currency']],
        ],
      },
      {
        method: 'POST',
        path: '/v1/products',
        longField: 'title',
        base: product({ variants: [{ sku: 'MALFORMED-1' }] }),
        cases: [
          [{ title: 1, taxClass: true, variants: 'many' }, ['body.title', 'body.taxClass', 'body.variants']],
          [{ title: 'No variants', taxClass: 'standard' }, ['body.variants']],
          [{ ...product({ variants: [] }) }, ['body.variants']],
          [product({ status: 'deleted' }), ['body.status']],
          [product({ title: 'Mug\u0000', description: 42 }), ['body.title', 'body.description']],
          [product({ taxClass: 'zero' }), ['body.taxClass']],
          [product({ imageUrls: ['javascript:alert(1)'] }), ['body.imageUrls.0']],
          [
            product({
              variants: [{ sku: 'has space', barcode: '123', weightGrams: -1, options: { size: 4 }, minimumPrices: [{ currency: 'EUR', amount: 1.5 }] }],
            }),
            [
              'body.variants.0.sku',
              'body.variants.0.barcode',
              'body.variants.0.options.size',
              'body.variants.0.weightGrams',
              'body.variants.0.minimumPrices.0.amount',
            ],
          ],
          [
            product({ variants: [{ sku: 'MALFORMED-2', prices: [{ priceListId: '0190a0a0-0000-7000-8000-000000000000', amount: 1 }] }] }),
            ['body.variants.0.prices.0.priceListId'],
          ],
          [
            product({
              variants: [
                {
                  sku: 'MALFORMED-3',
                  minimumPrices: [
                    { currency: 'EUR', amount: 1 },
                    { currency: 'EUR', amount: 2 },
                  ],
                },
              ],
            }),
            ['body.variants.0.minimumPrices.1.currency'],
          ],
          [product({ variants: Array.from({ length: 101 }, (_, index) => ({ sku: `MANY-${index}` })) }), ['body.variants']],
        ],
      },
      {
        method: 'POST',
        path: `/v1/products/${target.body.id}/variants`,
        longField: 'title',
        base: { sku: 'MALFORMED-4' },
        cases: [
          [{ sku: 12, weightGrams: '1 kg' }, ['body.sku', 'body.weightGrams']],
          [{}, ['body.sku']],
          [{ sku: 'MALFORMED-4', minimumPrices: [{ currency: 'EURO', amount: 1 }] }, ['body.minimumPrices.0.currency']],
        ],
      },
      {
        method: 'PUT',
        path: `/v1/price-lists/${basics.priceList.id}/prices`,
        longField: 'note',
        base: { prices: [{ sku: target.body.variants[0].sku, amount: 1 }] },
        cases: [
          [{ prices: [{ sku: target.body.variants[0].sku, amount: '12.00' }] }, ['body.prices.0.amount']],
          [{}, ['body.prices']],
          [{ prices: [{ sku: target.body.variants[0].sku, amount: -1 }] }, ['body.prices.0.amount']],
          [{ prices: [{ amount: 1 }] }, ['body.prices.0']],
        ],
      },
      {
        method: 'PUT',
        path: `/v1/variants/${variantId}/minimum-prices`,
        longField: 'note',
        base: { minimumPrices: [] },
        cases: [
          [{ minimumPrices: 'none' }, ['body.minimumPrices']],
          [{}, ['body.minimumPrices']],
          [{ minimumPrices: [{ currency: 'eur', amount: 1 }] }, ['body.minimumPrices.0.currency']],
        ],
      },
    ];
    const before = await counts();
    for (const route of routes) {
      for (const [body, fields] of route.cases) {
        const response = await api.call(route.method, route.path, { body });
        expectProblem(response, 400);
        expect(new Set(fieldsOf(response)), `${route.method} ${route.path} ${JSON.stringify(body)}`).toEqual(new Set(fields));
      }
      if (route.longField !== 'note') {
        const tooLong = await api.call(route.method, route.path, { body: { ...route.base, [route.longField]: long } });
        expectProblem(tooLong, 400);
        expect(fieldsOf(tooLong)).toEqual([`body.${route.longField}`]);
      }
      expectProblem(await api.call(route.method, route.path, { body: { ...route.base, [route.longField]: huge } }), 413);
      const invalidJson = await api.call(route.method, route.path, { rawBody: '{"code": "x",' });
      expectProblem(invalidJson, 400);
      expect(fieldsOf(await api.call(route.method, route.path, { rawBody: 'code=x', headers: { 'content-type': 'text/plain' } }))).toEqual(['body']);
      expectProblem(await api.call(route.method, route.path, { rawBody: '<code>x</code>', headers: { 'content-type': 'application/xml' } }), 415);
    }
    expect(await counts()).toEqual(before);
  });

  it('lets store and channel keys read the catalog but not change it', async () => {
    const created = await createProduct(product());
    const variantId = created.body.variants[0].id;
    for (const token of [basics.storeAKey, basics.webKey]) {
      for (const path of [
        '/v1/products',
        `/v1/products/${created.body.id}`,
        '/v1/variants',
        `/v1/variants/${variantId}`,
        '/v1/tax-classes',
        '/v1/price-lists',
        `/v1/price-lists/${basics.priceList.id}/prices`,
      ]) {
        expect((await api.call('GET', path, { token })).status, path).toBe(200);
      }
      const before = await counts();
      const writes: [string, string, unknown][] = [
        ['POST', '/v1/products', product()],
        ['PATCH', `/v1/products/${created.body.id}`, { title: 'Mine' }],
        ['POST', `/v1/products/${created.body.id}/variants`, { sku: 'STOLEN-1' }],
        ['PATCH', `/v1/variants/${variantId}`, { title: 'Mine' }],
        ['PUT', `/v1/variants/${variantId}/minimum-prices`, { minimumPrices: [] }],
        ['PUT', `/v1/price-lists/${basics.priceList.id}/prices`, { prices: [{ variantId, amount: 1 }] }],
        ['POST', '/v1/price-lists', { code: 'mine', name: 'Mine', currency: 'EUR' }],
        ['POST', '/v1/tax-classes', { code: 'mine', name: 'Mine', rateBasisPoints: 0 }],
      ];
      for (const [method, path, body] of writes) expectProblem(await api.call(method, path, { token, body }), 403);
      expect(await counts()).toEqual(before);
    }
    expectProblem(await api.call('GET', '/v1/products', { token: null }), 401);
  });

  it('answers a retried product creation from the first answer, once, and refuses the key for another body', async () => {
    const before = await counts();
    const body = product({ title: 'Idempotent tote bag' });
    const headers = { 'idempotency-key': 'catalog-tote-1' };
    const first = await createProduct(body, { headers });
    const retry = await createProduct(body, { headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.body).toEqual(first.body);
    const other = await createProduct({ ...body, title: 'Another bag' }, { headers });
    expectProblem(other, 422);
    expect(other.body.code).toBe('idempotency-key-reused');
    expect((await counts()).products).toBe(before.products + 1);
  });
});
