import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { createVariants, ledgerMismatches, receive, seedBasics, type Basics } from '../../../test/support/fixtures.ts';
import { expireLapsedHolds } from './reservations.ts';

let api: TestApi;
let basics: Basics;
beforeAll(async () => {
  api = await startTestApi();
  basics = await seedBasics(api);
  await createVariants(api, ['TEE-S', 'TEE-M', 'MUG', 'CAP', 'HOT', 'SAFE', 'EXPIRE', 'CART-1', 'CART-2', 'SOLD-OUT', 'NEVER']);
});
afterAll(() => api?.close());

const level = async (sku: string, locationId: string) => {
  const response = await api.call('GET', `/v1/inventory/levels?sku=${sku}&locationId=${locationId}`);
  return response.body.items[0] ?? { onHand: 0, reserved: 0, available: 0, damaged: 0, incoming: 0 };
};

describe('stock at a location', () => {
  it('receives, sells at the register, adjusts, counts and sets damage apart, each as a ledger movement', async () => {
    const store = basics.storeA.id;
    await receive(api, store, [{ sku: 'TEE-S', quantity: 10 }]);
    expect(await level('TEE-S', store)).toMatchObject({ onHand: 10, reserved: 0, available: 10 });

    expect((await api.call('POST', '/v1/inventory/sales', { body: { locationId: store, lines: [{ sku: 'TEE-S', quantity: 3 }] } })).status).toBe(201);
    expect(
      (await api.call('POST', '/v1/inventory/adjustments', { body: { locationId: store, sku: 'TEE-S', quantity: -1, reason: 'found torn' } })).status,
    ).toBe(201);
    expect((await api.call('POST', '/v1/inventory/damages', { body: { locationId: store, sku: 'TEE-S', quantity: 2, reason: 'stained' } })).status).toBe(201);
    expect(await level('TEE-S', store)).toMatchObject({ onHand: 4, damaged: 2, available: 4 });

    const count = await api.call('POST', '/v1/inventory/counts', { body: { locationId: store, lines: [{ sku: 'TEE-S', counted: 6 }] } });
    expect(count.status).toBe(201);
    expect(count.body.levels[0]).toMatchObject({ sku: 'TEE-S', onHand: 6 });

    const history = await api.call('GET', `/v1/inventory/movements?sku=TEE-S&locationId=${store}`);
    expect(history.body.items.map((movement: { kind: string }) => movement.kind)).toEqual(['count', 'damage', 'adjustment', 'sale', 'receipt']);
    expect(history.body.items[0]).toMatchObject({ onHandChange: 2, quantity: 6, actor: 'admin-key' });
    expect(await ledgerMismatches(api)).toEqual([]);
  });

  it('refuses to sell more than is on the shelf with a 409 that says how many are available, and changes nothing', async () => {
    const store = basics.storeB.id;
    await receive(api, store, [{ sku: 'MUG', quantity: 2 }]);
    const sale = await api.call('POST', '/v1/inventory/sales', { body: { locationId: store, lines: [{ sku: 'MUG', quantity: 3 }] } });
    expect(sale.status).toBe(409);
    expect(sale.body).toMatchObject({ code: 'insufficient-stock', shortages: [{ sku: 'MUG', requested: 3, available: 2 }] });
    expect(await level('MUG', store)).toMatchObject({ onHand: 2 });
  });

  it('names unknown SKUs and locations by field, and lets store staff act only for their store', async () => {
    const unknown = await api.call('POST', '/v1/inventory/receipts', { body: { locationId: basics.storeA.id, lines: [{ sku: 'NOPE', quantity: 1 }] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'body.lines.0.sku', message: 'SKU NOPE does not exist' }]);
    const elsewhere = await api.call('POST', '/v1/inventory/receipts', {
      token: basics.storeAKey,
      body: { locationId: basics.storeB.id, lines: [{ sku: 'MUG', quantity: 1 }] },
    });
    expect(elsewhere.status).toBe(403);
    const own = await api.call('POST', '/v1/inventory/receipts', {
      token: basics.storeAKey,
      body: { locationId: basics.storeA.id, lines: [{ sku: 'MUG', quantity: 1 }] },
    });
    expect(own.status).toBe(201);
    expect(
      (await api.call('POST', '/v1/inventory/receipts', { token: basics.webKey, body: { locationId: basics.storeA.id, lines: [{ sku: 'MUG', quantity: 1 }] } }))
        .status,
    ).toBe(403);
  });
});

describe('available to promise', () => {
  it('is on hand − reserved − safety stock, per location, per channel and network-wide, never below zero', async () => {
    await receive(api, basics.warehouse.id, [{ sku: 'SAFE', quantity: 20 }]);
    await receive(api, basics.storeA.id, [{ sku: 'SAFE', quantity: 5 }]);
    await receive(api, basics.storeB.id, [{ sku: 'SAFE', quantity: 2 }]);
    expect((await api.call('PUT', '/v1/inventory/safety-stock', { body: { locationId: basics.storeB.id, quantity: 3 } })).status).toBe(200);
    expect((await api.call('PUT', '/v1/inventory/safety-stock', { body: { locationId: basics.storeA.id, sku: 'SAFE', quantity: 1 } })).status).toBe(200);

    const network = await api.call('POST', '/v1/availability', { body: { skus: ['SAFE'] } });
    expect(network.body.items[0].available).toBe(20 + 4 + 0);
    // Store B keeps its 2 units as safety stock: nothing to promise there, so it is not listed; its level says what is there.
    expect(network.body.items[0].locations).toEqual([
      { locationId: basics.warehouse.id, available: 20, onHand: 20, incoming: 0 },
      { locationId: basics.storeA.id, available: 4, onHand: 5, incoming: 0 },
    ]);
    expect(await level('SAFE', basics.storeB.id)).toMatchObject({ onHand: 2, available: 0 });

    // The register of store A sells only from store A.
    const register = await api.call('POST', '/v1/availability', { body: { skus: ['SAFE'], channelId: basics.registerA.id } });
    expect(register.body.items[0]).toMatchObject({ available: 4, locations: [{ locationId: basics.storeA.id, available: 4 }] });

    // A channel key always gets its own channel, whatever it asks for.
    const web = await api.call('POST', '/v1/availability', { token: basics.webKey, body: { skus: ['SAFE'], channelId: basics.registerA.id } });
    expect(web.body.items[0].available).toBe(24);
  });

  it('lists only the locations with something to promise, most first; a SKU with none has an empty list; an unknown SKU is a 400', async () => {
    await receive(api, basics.storeA.id, [{ sku: 'SOLD-OUT', quantity: 2 }]);
    await receive(api, basics.warehouse.id, [{ sku: 'SOLD-OUT', quantity: 1 }]);
    const hold = await api.call('POST', '/v1/reservations', { body: { lines: [{ sku: 'SOLD-OUT', locationId: basics.storeA.id, quantity: 2 }] } });
    expect(hold.status).toBe(201);

    const answer = await api.call('POST', '/v1/availability', { body: { skus: ['NEVER', 'SOLD-OUT', 'NEVER'] } });
    expect(answer.status).toBe(200);
    expect(answer.body.items).toEqual([
      { sku: 'NEVER', variantId: expect.any(String), available: 0, locations: [] },
      { sku: 'SOLD-OUT', variantId: expect.any(String), available: 1, locations: [{ locationId: basics.warehouse.id, available: 1, onHand: 1, incoming: 0 }] },
    ]);
    // Store A's 2 units are all reserved: not listed, but still there.
    expect(await level('SOLD-OUT', basics.storeA.id)).toMatchObject({ onHand: 2, reserved: 2, available: 0 });

    const unknown = await api.call('POST', '/v1/availability', { body: { skus: ['SOLD-OUT', 'NOPE'] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'skus.1', message: 'SKU NOPE does not exist' }]);
  });

  it('finds pickup stores near a customer, nearest first, with stock for every line', async () => {
    await receive(api, basics.storeB.id, [{ sku: 'CAP', quantity: 4 }]);
    const response = await api.call('POST', '/v1/availability/pickup-stores', {
      body: { latitude: 45.764, longitude: 4.8357, radiusKm: 20, lines: [{ sku: 'CAP', quantity: 1 }] }, // store B keeps 3 of its 4 as safety stock
    });
    expect(response.status).toBe(200);
    const codes = response.body.items.map((store: { code: string; allAvailable: boolean }) => [store.code, store.allAvailable]);
    expect(codes).toEqual([
      ['STORE-B', true],
      ['STORE-A', false],
    ]);
    expect(response.body.items[1].distanceKm).toBe(0);
  });
});

describe('reservations', () => {
  it('reserves all lines of a cart or none, and says what is available', async () => {
    await receive(api, basics.warehouse.id, [
      { sku: 'CART-1', quantity: 5 },
      { sku: 'CART-2', quantity: 1 },
    ]);
    const wh = basics.warehouse.id;
    const tooMany = await api.call('POST', '/v1/reservations', {
      body: {
        lines: [
          { sku: 'CART-1', locationId: wh, quantity: 2 },
          { sku: 'CART-2', locationId: wh, quantity: 2 },
        ],
      },
    });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.shortages).toEqual([expect.objectContaining({ sku: 'CART-2', requested: 2, available: 1 })]);
    expect(await level('CART-1', wh)).toMatchObject({ reserved: 0, available: 5 });

    const ok = await api.call('POST', '/v1/reservations', {
      body: {
        lines: [
          { sku: 'CART-1', locationId: wh, quantity: 2 },
          { sku: 'CART-2', locationId: wh, quantity: 1 },
        ],
        kind: 'order',
        reference: { type: 'order', id: 'A-1' },
      },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.reservations).toHaveLength(2);
    expect(await level('CART-1', wh)).toMatchObject({ onHand: 5, reserved: 2, available: 3 });

    const [first, second] = ok.body.reservations;
    expect((await api.call('POST', `/v1/reservations/${first.id}/deduct`)).body.status).toBe('deducted');
    expect(await level('CART-1', wh)).toMatchObject({ onHand: 3, reserved: 0, available: 3 });
    expect((await api.call('POST', `/v1/reservations/${second.id}/release`)).body.status).toBe('released');
    const again = await api.call('POST', `/v1/reservations/${second.id}/release`);
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ status: 422, code: 'reservation-closed', state: 'released' });
    expect(await level('CART-2', wh)).toMatchObject({ onHand: 1, reserved: 0 });
    expect(await ledgerMismatches(api)).toEqual([]);
  });

  it('never lets an expired hold keep stock, before or after the sweeper', async () => {
    const wh = basics.warehouse.id;
    await receive(api, wh, [{ sku: 'EXPIRE', quantity: 1 }]);
    const hold = await api.call('POST', '/v1/reservations', { body: { lines: [{ sku: 'EXPIRE', locationId: wh, quantity: 1 }], ttlSeconds: 10 } });
    expect(hold.status).toBe(201);
    expect((await api.call('POST', '/v1/reservations', { body: { lines: [{ sku: 'EXPIRE', locationId: wh, quantity: 1 }] } })).status).toBe(409);
    // Age the hold instead of waiting ten seconds.
    await api.database.db
      .updateTable('reservations')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', hold.body.reservations[0].id)
      .execute();
    const next = await api.call('POST', '/v1/reservations', { body: { lines: [{ sku: 'EXPIRE', locationId: wh, quantity: 1 }] } });
    expect(next.status).toBe(201);
    expect((await api.call('GET', `/v1/reservations/${hold.body.reservations[0].id}`)).body.status).toBe('expired');

    await api.database.db
      .updateTable('reservations')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', next.body.reservations[0].id)
      .execute();
    expect(await expireLapsedHolds(api.database.db)).toBeGreaterThanOrEqual(1);
    expect(await level('EXPIRE', wh)).toMatchObject({ onHand: 1, reserved: 0, available: 1 });
    expect((await api.call('POST', `/v1/reservations/${next.body.reservations[0].id}/confirm`)).status).toBe(422);
    expect(await ledgerMismatches(api)).toEqual([]);
  });

  it('grants exactly the stock to concurrent buyers of one hot SKU (one process)', async () => {
    const wh = basics.warehouse.id;
    await receive(api, wh, [{ sku: 'HOT', quantity: 25 }]);
    const attempts = await Promise.all(
      Array.from({ length: 100 }, () => api.call('POST', '/v1/reservations', { body: { lines: [{ sku: 'HOT', locationId: wh, quantity: 1 }] } })),
    );
    const statuses = attempts.map((attempt) => attempt.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(25);
    expect(statuses.filter((status) => status === 409)).toHaveLength(75);
    expect(await level('HOT', wh)).toMatchObject({ onHand: 25, reserved: 25, available: 0 });
    expect(await ledgerMismatches(api)).toEqual([]);
  });

  it('keeps a channel to the locations it sells from', async () => {
    const response = await api.call('POST', '/v1/reservations', {
      token: basics.webKey,
      body: { lines: [{ sku: 'CAP', locationId: basics.storeB.id, quantity: 1 }] },
    });
    expect(response.status).toBe(201);
    expect(response.body.reservations[0].channelId).toBe(basics.web.id);
    const register = await api.call('POST', '/v1/reservations', {
      body: { channelId: basics.registerA.id, lines: [{ sku: 'CAP', locationId: basics.storeB.id, quantity: 1 }] },
    });
    expect(register.status).toBe(403);
  });
});

describe('stock events', () => {
  it('emits a stock.changed event for every change, readable with a cursor', async () => {
    const first = await api.call('GET', '/v1/events?type=stock.changed&limit=1000');
    expect(first.status).toBe(200);
    expect(first.body.items.length).toBeGreaterThan(5);
    const cursor = first.body.nextCursor;
    await receive(api, basics.storeA.id, [{ sku: 'TEE-M', quantity: 7 }]);
    const next = await api.call('GET', `/v1/events?after=${cursor}`);
    expect(next.body.items).toHaveLength(1);
    expect(next.body.items[0]).toMatchObject({ type: 'stock.changed', payload: { onHand: 7, available: 7, availableBefore: 0, locationId: basics.storeA.id } });
    const empty = await api.call('GET', `/v1/events?after=${next.body.nextCursor}`);
    expect(empty.body).toEqual({ items: [], nextCursor: next.body.nextCursor });
    // Store staff read their own store's stock events only.
    const store = await api.call('GET', '/v1/events?type=stock.changed&limit=1000', { token: basics.storeAKey });
    expect(store.status).toBe(200);
    expect(store.body.items).toContainEqual(next.body.items[0]);
    expect(store.body.items.filter((item: { payload: { locationId: string } }) => item.payload.locationId !== basics.storeA.id)).toEqual([]);
  });
});
