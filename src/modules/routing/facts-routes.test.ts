import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { createVariants, seedBasics, type Basics } from '../../../test/support/fixtures.ts';
import { expectProblem, fieldsOf } from '../../../test/support/problems.ts';

/** The facts routing rules filter on, set over HTTP: product × location flags, postcode centroids, preorder allowances. */
let api: TestApi;
let basics: Basics;
let productId: string;
let otherProductId: string;
beforeAll(async () => {
  api = await startTestApi();
  basics = await seedBasics(api);
  const variants = await createVariants(api, ['FACT-TEE']);
  productId = (await api.call('GET', `/v1/variants/${variants.get('FACT-TEE')}`)).body.productId;
  const other = await createVariants(api, ['FACT-MUG']);
  otherProductId = (await api.call('GET', `/v1/variants/${other.get('FACT-MUG')}`)).body.productId;
});
afterAll(() => api?.close());

const GHOST = '01900000-0000-7000-8000-000000000000';

describe('product × location flags', () => {
  it('given no flags, when an admin sets and changes them, then they are read back per product and per location', async () => {
    const put = (body: object) => api.call('PUT', '/v1/routing/product-locations', { body });
    const set = await put({ productId, locationId: basics.storeA.id, mayRoute: true, mayPickup: false });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toEqual({ productId, locationId: basics.storeA.id, mayRoute: true, mayPickup: false });
    await put({ productId, locationId: basics.storeB.id, mayRoute: false, mayPickup: false });
    await put({ productId: otherProductId, locationId: basics.storeA.id, mayRoute: false, mayPickup: true });
    // A PUT replaces the pair's flags.
    expect((await put({ productId, locationId: basics.storeA.id, mayRoute: false, mayPickup: true })).body).toMatchObject({ mayRoute: false, mayPickup: true });

    const byProduct = (await api.call('GET', `/v1/routing/product-locations?productId=${productId}`)).body;
    expect(byProduct.items).toHaveLength(2);
    expect(byProduct.items).toEqual(
      expect.arrayContaining([
        { productId, locationId: basics.storeA.id, mayRoute: false, mayPickup: true },
        { productId, locationId: basics.storeB.id, mayRoute: false, mayPickup: false },
      ]),
    );
    const atStoreA = (await api.call('GET', `/v1/routing/product-locations?locationId=${basics.storeA.id}`)).body.items;
    expect(atStoreA.map((flags: { productId: string }) => flags.productId).sort()).toEqual([productId, otherProductId].sort());
    const pair = (await api.call('GET', `/v1/routing/product-locations?productId=${productId}&locationId=${basics.storeB.id}`)).body.items;
    expect(pair).toEqual([{ productId, locationId: basics.storeB.id, mayRoute: false, mayPickup: false }]);

    // A page at a time, along the half of the pair not named.
    const first = (await api.call('GET', `/v1/routing/product-locations?productId=${productId}&limit=1`)).body;
    const second = (await api.call('GET', `/v1/routing/product-locations?productId=${productId}&limit=1&cursor=${first.nextCursor}`)).body;
    expect([...first.items, ...second.items]).toEqual(byProduct.items);
    expect(second.nextCursor).toBeNull();
  });

  it("lets store staff read their own store's flags only, and only admins set them", async () => {
    await api.call('PUT', '/v1/routing/product-locations', { body: { productId, locationId: basics.storeB.id, mayRoute: false, mayPickup: false } });
    const own = await api.call('GET', `/v1/routing/product-locations?productId=${productId}`, { token: basics.storeAKey });
    expect(own.status).toBe(200);
    expect(own.body.items.every((flags: { locationId: string }) => flags.locationId === basics.storeA.id)).toBe(true);
    expectProblem(await api.call('GET', `/v1/routing/product-locations?locationId=${basics.storeB.id}`, { token: basics.storeAKey }), 403);
    expectProblem(await api.call('GET', `/v1/routing/product-locations?locationId=${basics.storeA.id}`, { token: basics.webKey }), 403);
    expectProblem(
      await api.call('PUT', '/v1/routing/product-locations', {
        body: { productId, locationId: basics.storeA.id, mayRoute: true, mayPickup: true },
        token: basics.storeAKey,
      }),
      403,
    );
  });

  it('refuses a product or location that does not exist, and a list that names neither', async () => {
    const unknown = await api.call('PUT', '/v1/routing/product-locations', {
      body: { productId: GHOST, locationId: basics.storeA.id, mayRoute: true, mayPickup: true },
    });
    expectProblem(unknown, 400);
    expect(fieldsOf(unknown)).toEqual(['body.productId']);
    const nowhere = await api.call('PUT', '/v1/routing/product-locations', { body: { productId, locationId: GHOST, mayRoute: true, mayPickup: true } });
    expect(fieldsOf(nowhere)).toEqual(['body.locationId']);
    const incomplete = await api.call('PUT', '/v1/routing/product-locations', { body: { productId, locationId: basics.storeA.id } });
    expect(fieldsOf(incomplete)).toEqual(['body.mayPickup', 'body.mayRoute']);
    const neither = await api.call('GET', '/v1/routing/product-locations');
    expectProblem(neither, 400);
    expect(fieldsOf(neither)).toEqual(['query.productId']);
  });
});

describe('postcode centroids', () => {
  it('given postcodes written in any case and spacing, then they are kept and looked up as one form, and moved by a later PUT', async () => {
    const put = await api.call('PUT', '/v1/routing/postcodes', {
      body: {
        rows: [
          { country: 'FR', postalCode: '69002', latitude: 45.7531, longitude: 4.8283 },
          { country: 'GB', postalCode: 'sw1a 1aa', latitude: 51.501, longitude: -0.1416 },
        ],
      },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toEqual({ written: 2 });
    expect((await api.call('GET', '/v1/routing/postcodes/GB/SW1A1AA', { token: basics.webKey })).body).toEqual({
      country: 'GB',
      postalCode: 'SW1A1AA',
      latitude: 51.501,
      longitude: -0.1416,
    });
    expect((await api.call('GET', `/v1/routing/postcodes/GB/${encodeURIComponent('Sw1a 1Aa')}`)).body.postalCode).toBe('SW1A1AA');

    // Only what changed is written again.
    const moved = await api.call('PUT', '/v1/routing/postcodes', {
      body: {
        rows: [
          { country: 'FR', postalCode: '69002', latitude: 45.75, longitude: 4.83 },
          { country: 'GB', postalCode: 'SW1A 1AA', latitude: 51.501, longitude: -0.1416 },
        ],
      },
    });
    expect(moved.body).toEqual({ written: 1 });
    expect((await api.call('GET', '/v1/routing/postcodes/FR/69002')).body).toMatchObject({ latitude: 45.75, longitude: 4.83 });
    expectProblem(await api.call('GET', '/v1/routing/postcodes/FR/99999'), 404);
    // The same postal code in another country is another postcode.
    expectProblem(await api.call('GET', '/v1/routing/postcodes/BE/69002'), 404);
  });

  it('writes 10,000 postcodes in one request, and refuses more, a postcode twice, or coordinates off the globe', async () => {
    const rows = Array.from({ length: 10_000 }, (_, index) => ({
      country: 'DE',
      postalCode: String(10_000 + index),
      latitude: 47.123456789 + index / 100_000,
      longitude: 8.123456789 + index / 100_000,
    }));
    const many = await api.call('PUT', '/v1/routing/postcodes', { body: { rows } });
    expect(many.status, JSON.stringify(many.body).slice(0, 500)).toBe(200);
    expect(many.body).toEqual({ written: 10_000 });
    expect((await api.call('GET', '/v1/routing/postcodes/DE/19999')).body).toMatchObject({ latitude: rows[9999]!.latitude });

    const tooMany = await api.call('PUT', '/v1/routing/postcodes', { body: { rows: [...rows, { ...rows[0]!, postalCode: '99999' }] } });
    expectProblem(tooMany, 400);
    expect(fieldsOf(tooMany)).toEqual(['body.rows']);

    const twice = await api.call('PUT', '/v1/routing/postcodes', {
      body: {
        rows: [
          { country: 'FR', postalCode: '75001', latitude: 48.86, longitude: 2.34 },
          { country: 'FR', postalCode: '75 001', latitude: 48.87, longitude: 2.35 },
        ],
      },
    });
    expectProblem(twice, 400);
    expect(fieldsOf(twice)).toEqual(['body.rows.1.postalCode']);
    expectProblem(await api.call('GET', '/v1/routing/postcodes/FR/75001'), 404);

    const offTheGlobe = await api.call('PUT', '/v1/routing/postcodes', {
      body: { rows: [{ country: 'fr', postalCode: ' ', latitude: 91, longitude: -181 }] },
    });
    expect(fieldsOf(offTheGlobe)).toEqual(['body.rows.0.country', 'body.rows.0.latitude', 'body.rows.0.longitude', 'body.rows.0.postalCode']);
    expectProblem(await api.call('PUT', '/v1/routing/postcodes', { body: { rows: rows.slice(0, 1) }, token: basics.storeAKey }), 403);
  });
});

describe('preorder allowances', () => {
  it('given a SKU, when an admin allows preorders and changes them, then the allowance is read back by SKU', async () => {
    const put = await api.call('PUT', '/v1/routing/preorders', { body: { sku: 'FACT-TEE', quantity: 200, availableAt: '2026-09-01T00:00:00+02:00' } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toEqual({ variantId: expect.any(String), sku: 'FACT-TEE', quantity: 200, availableAt: '2026-08-31T22:00:00.000Z' });
    const changed = await api.call('PUT', '/v1/routing/preorders', { body: { sku: 'FACT-TEE', quantity: 50, availableAt: '2026-10-01T00:00:00Z' } });
    expect(changed.body).toMatchObject({ quantity: 50, availableAt: '2026-10-01T00:00:00.000Z' });
    await api.call('PUT', '/v1/routing/preorders', { body: { sku: 'FACT-MUG', quantity: 5, availableAt: '2026-10-01T00:00:00Z' } });

    expect((await api.call('GET', '/v1/routing/preorders?sku=FACT-TEE')).body).toEqual({ items: [changed.body], nextCursor: null });
    expect((await api.call('GET', '/v1/routing/preorders?sku=NO-SUCH-SKU')).body).toEqual({ items: [], nextCursor: null });
    const first = (await api.call('GET', '/v1/routing/preorders?limit=1')).body;
    const second = (await api.call('GET', `/v1/routing/preorders?limit=1&cursor=${first.nextCursor}`)).body;
    expect([...first.items, ...second.items].map((allowance: { sku: string }) => allowance.sku).sort()).toEqual(['FACT-MUG', 'FACT-TEE']);
  });

  it('refuses a SKU that does not exist and a date without a time zone; only admins read and write allowances', async () => {
    const unknown = await api.call('PUT', '/v1/routing/preorders', { body: { sku: 'NO-SUCH-SKU', quantity: 1, availableAt: '2026-09-01T00:00:00Z' } });
    expectProblem(unknown, 400);
    expect(fieldsOf(unknown)).toEqual(['body.sku']);
    const invalid = await api.call('PUT', '/v1/routing/preorders', { body: { sku: 'FACT-TEE', quantity: -1, availableAt: '2026-09-01' } });
    expect(fieldsOf(invalid)).toEqual(['body.availableAt', 'body.quantity']);
    expectProblem(await api.call('GET', '/v1/routing/preorders', { token: basics.storeAKey }), 403);
    expectProblem(await api.call('GET', '/v1/routing/preorders', { token: basics.webKey }), 403);
  });
});
