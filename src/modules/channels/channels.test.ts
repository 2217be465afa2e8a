import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { expectProblem, fieldsOf } from '../../../test/support/problems.ts';
import { seedBasics, stockedSkus, type Basics } from '../../../test/support/fixtures.ts';

/** Sales channels over HTTP: what each one sells through, from which locations, and who may see and change it. */
let api: TestApi;
let basics: Basics;
let usdList: string;
beforeAll(async () => {
  api = await startTestApi();
  basics = await seedBasics(api);
  usdList = (await api.call('POST', '/v1/price-lists', { body: { code: 'usd', name: 'Dollar prices', currency: 'USD', pricesIncludeTax: false } })).body.id;
  await stockedSkus(api, basics, [{ sku: 'CAP', price: 1500, quantity: 50 }]);
  expect(
    (
      await api.call('PUT', '/v1/delivery-rates', {
        body: { method: 'ship_to_address', pricing: 'flat', amount: 0, packingFee: 0, currency: 'EUR', taxClass: 'standard' },
      })
    ).status,
  ).toBe(200);
});
afterAll(() => api?.close());

const channel = (overrides: Record<string, unknown> = {}) => ({
  code: 'market',
  name: 'Marketplace',
  type: 'marketplace',
  currency: 'EUR',
  priceListId: basics.priceList.id,
  ...overrides,
});
const byLocation = <T extends { locationId: string }>(locations: T[]) => [...locations].sort((a, b) => a.locationId.localeCompare(b.locationId));
const countChannels = async () => (await api.call('GET', '/v1/channels?limit=100')).body.items.length as number;

describe('channels', () => {
  it('creates a channel with the locations it sells and fulfils from, and reads it back', async () => {
    const created = await api.call('POST', '/v1/channels', {
      body: channel({
        code: 'phone-fr',
        name: 'Phone orders',
        type: 'phone',
        locations: [
          { locationId: basics.warehouse.id, sells: true, fulfils: true },
          { locationId: basics.storeB.id, fulfils: false },
        ],
      }),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      code: 'phone-fr',
      name: 'Phone orders',
      type: 'phone',
      currency: 'EUR',
      priceListId: basics.priceList.id,
      storeLocationId: null,
      enabled: true,
    });
    // `sells` is true unless said otherwise.
    expect(byLocation(created.body.locations)).toEqual(
      byLocation([
        { locationId: basics.warehouse.id, sells: true, fulfils: true },
        { locationId: basics.storeB.id, sells: true, fulfils: false },
      ]),
    );
    expect((await api.call('GET', `/v1/channels/${created.body.id}`)).body).toEqual(created.body);
  });

  it("has a default language for the customers who have none, else the retailer's (null)", async () => {
    const created = await api.call('POST', '/v1/channels', { body: channel({ code: 'web-en', name: 'Web shop UK', type: 'web', language: 'en' }) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.language).toBe('en');
    expect((await api.call('PATCH', `/v1/channels/${created.body.id}`, { body: { language: null } })).body.language).toBeNull();
    expect((await api.call('PATCH', `/v1/channels/${created.body.id}`, { body: { language: 'fr' } })).body.language).toBe('fr');
    expect((await api.call('GET', `/v1/channels/${basics.web.id}`)).body.language).toBeNull();
    const unknown = await api.call('PATCH', `/v1/channels/${created.body.id}`, { body: { language: 'FR' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('body.language');
  });

  it('puts a register in its store: the store is required, must be a store, and is always among its locations', async () => {
    const before = await countChannels();
    const register = await api.call('POST', '/v1/channels', {
      body: channel({ code: 'register-b', name: 'Register B', type: 'register', storeLocationId: basics.storeB.id }),
    });
    expect(register.status, JSON.stringify(register.body)).toBe(201);
    expect(register.body).toMatchObject({
      type: 'register',
      storeLocationId: basics.storeB.id,
      locations: [{ locationId: basics.storeB.id, sells: true, fulfils: true }],
    });

    const homeless = await api.call('POST', '/v1/channels', { body: channel({ code: 'register-x', type: 'register' }) });
    expectProblem(homeless, 400);
    expect(fieldsOf(homeless)).toEqual(['body.storeLocationId']);
    expectProblem(
      await api.call('POST', '/v1/channels', { body: channel({ code: 'register-wh', type: 'register', storeLocationId: basics.warehouse.id }) }),
      422,
      'register-needs-store',
    );
    expectProblem(
      await api.call('POST', '/v1/channels', {
        body: channel({ code: 'register-ghost', type: 'register', storeLocationId: '01900000-0000-7000-8000-000000000000' }),
      }),
      400,
    );
    expect(await countChannels()).toBe(before + 1);

    // It cannot be taken away from its store later.
    expectProblem(
      await api.call('PATCH', `/v1/channels/${register.body.id}`, { body: { locations: [{ locationId: basics.warehouse.id }] } }),
      422,
      'register-keeps-its-store',
    );
    expect((await api.call('GET', `/v1/channels/${register.body.id}`)).body.locations).toEqual(register.body.locations);
  });

  it('sells in the currency of its price list', async () => {
    const mismatch = await api.call('POST', '/v1/channels', { body: channel({ code: 'web-us', currency: 'USD' }) });
    expectProblem(mismatch, 422, 'currency-mismatch');
    expect(mismatch.body).toMatchObject({ priceListCurrency: 'EUR', channelCurrency: 'USD' });
    const us = await api.call('POST', '/v1/channels', { body: channel({ code: 'web-us', type: 'web', currency: 'USD', priceListId: usdList }) });
    expect(us.status, JSON.stringify(us.body)).toBe(201);
    expectProblem(await api.call('PATCH', `/v1/channels/${us.body.id}`, { body: { priceListId: basics.priceList.id } }), 422, 'currency-mismatch');
    expect((await api.call('GET', `/v1/channels/${us.body.id}`)).body.priceListId).toBe(usdList);
  });

  it('refuses a code twice, an unknown price list or location, a location named twice, and invalid fields', async () => {
    const taken = await api.call('POST', '/v1/channels', { body: channel({ code: 'web' }) });
    expectProblem(taken, 409, 'channel-code-taken');
    expect(taken.body.existingId).toBe(basics.web.id);
    const before = await countChannels();
    const ghostList = await api.call('POST', '/v1/channels', { body: channel({ code: 'ghost-list', priceListId: '01900000-0000-7000-8000-000000000000' }) });
    expectProblem(ghostList, 400);
    expect(fieldsOf(ghostList)).toEqual(['body.priceListId']);
    const ghostLocation = await api.call('POST', '/v1/channels', {
      body: channel({ code: 'ghost-location', locations: [{ locationId: basics.warehouse.id }, { locationId: '01900000-0000-7000-8000-000000000000' }] }),
    });
    expectProblem(ghostLocation, 400);
    expect(fieldsOf(ghostLocation)).toEqual(['body.locations.1.locationId']);
    const twice = await api.call('POST', '/v1/channels', {
      body: channel({ code: 'twice', locations: [{ locationId: basics.warehouse.id }, { locationId: basics.warehouse.id, sells: false }] }),
    });
    expectProblem(twice, 400);
    expect(fieldsOf(twice)).toEqual(['body.locations']);
    const invalid = await api.call('POST', '/v1/channels', { body: { code: '-bad code', name: '', type: 'fax', currency: 'euro', priceListId: 'nope' } });
    expectProblem(invalid, 400);
    expect(fieldsOf(invalid)).toEqual(['body.code', 'body.currency', 'body.name', 'body.priceListId', 'body.type']);
    expect(await countChannels()).toBe(before);
  });

  it('lists by page and by type or enabled state', async () => {
    const all: string[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await api.call('GET', `/v1/channels?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      all.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(all).toHaveLength(await countChannels());
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(expect.arrayContaining([basics.web.id, basics.registerA.id]));

    const registers = (await api.call('GET', '/v1/channels?type=register')).body.items as { type: string }[];
    expect(registers.map((item) => item.type)).toEqual(registers.map(() => 'register'));
    expect(registers.length).toBeGreaterThanOrEqual(1);
    const disabled = (await api.call('POST', '/v1/channels', { body: channel({ code: 'social-off', type: 'social', enabled: false }) })).body;
    expect((await api.call('GET', '/v1/channels?enabled=false')).body.items.map((item: { id: string }) => item.id)).toEqual([disabled.id]);
    expect((await api.call('GET', '/v1/channels?enabled=true')).body.items.map((item: { id: string }) => item.id)).not.toContain(disabled.id);
  });

  it('shows a channel key its own channel only, store staff the registers of their store, and 404 for the others', async () => {
    expect((await api.call('GET', '/v1/channels', { token: basics.webKey })).body.items.map((item: { id: string }) => item.id)).toEqual([basics.web.id]);
    expect((await api.call('GET', `/v1/channels/${basics.web.id}`, { token: basics.webKey })).status).toBe(200);
    expectProblem(await api.call('GET', `/v1/channels/${basics.registerA.id}`, { token: basics.webKey }), 404);

    expect((await api.call('GET', '/v1/channels', { token: basics.storeAKey })).body.items.map((item: { id: string }) => item.id)).toEqual([
      basics.registerA.id,
    ]);
    expectProblem(await api.call('GET', `/v1/channels/${basics.web.id}`, { token: basics.storeAKey }), 404);
    expectProblem(await api.call('GET', '/v1/channels/01900000-0000-7000-8000-000000000000'), 404);

    // Only admins create or change channels.
    expectProblem(await api.call('POST', '/v1/channels', { body: channel({ code: 'by-web' }), token: basics.webKey }), 403);
    expectProblem(await api.call('PATCH', `/v1/channels/${basics.web.id}`, { body: { name: 'Mine now' }, token: basics.webKey }), 403);
    expectProblem(await api.call('PATCH', `/v1/channels/${basics.registerA.id}`, { body: { name: 'Mine now' }, token: basics.storeAKey }), 403);
    expect((await api.call('GET', `/v1/channels/${basics.web.id}`)).body.name).toBe('Web shop');
  });

  it('changes a name and replaces the whole list of locations', async () => {
    const created = (
      await api.call('POST', '/v1/channels', {
        body: channel({ code: 'market-2', locations: [{ locationId: basics.warehouse.id }, { locationId: basics.storeA.id }] }),
      })
    ).body;
    const changed = await api.call('PATCH', `/v1/channels/${created.id}`, {
      body: { name: 'Marketplace FR', locations: [{ locationId: basics.storeB.id, sells: false, fulfils: true }] },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({
      name: 'Marketplace FR',
      code: 'market-2',
      locations: [{ locationId: basics.storeB.id, sells: false, fulfils: true }],
    });
    expect((await api.call('GET', `/v1/channels/${created.id}`)).body).toEqual(changed.body);
    expectProblem(
      await api.call('PATCH', `/v1/channels/${created.id}`, { body: { locations: [{ locationId: '01900000-0000-7000-8000-000000000000' }] } }),
      400,
    );
    expectProblem(await api.call('PATCH', '/v1/channels/01900000-0000-7000-8000-000000000000', { body: { name: 'Ghost' } }), 404);
    expect((await api.call('GET', `/v1/channels/${created.id}`)).body).toEqual(changed.body);
  });

  it('sells nothing through a disabled channel, and sells again once enabled', async () => {
    const order = {
      channelId: basics.web.id,
      customer: { firstName: 'Ana', lastName: 'Silva', email: 'ana@example.com' },
      lines: [{ sku: 'CAP', quantity: 1 }],
      deliveryGroups: [{ method: 'ship_to_address', address: { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon', country: 'FR' } }],
      payments: [{ method: 'card_online', amount: 1500, card: { number: '4242424242424242', expMonth: 12, expYear: 2099, cvc: '123' } }],
    };
    expect((await api.call('PATCH', `/v1/channels/${basics.web.id}`, { body: { enabled: false } })).body.enabled).toBe(false);
    try {
      // The channel's own key is refused at once, and an admin cannot order through it either.
      expectProblem(await api.call('POST', '/v1/orders', { body: order, token: basics.webKey }), 422, 'channel-disabled');
      expectProblem(await api.call('POST', '/v1/orders', { body: order }), 422, 'channel-disabled');
      expect((await api.call('GET', '/v1/orders?email=ana@example.com')).body.items).toEqual([]);
    } finally {
      expect((await api.call('PATCH', `/v1/channels/${basics.web.id}`, { body: { enabled: true } })).body.enabled).toBe(true);
    }
    expect((await api.call('POST', '/v1/orders', { body: order, token: basics.webKey })).status).toBe(201);
  });
});
