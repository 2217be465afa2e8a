import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { createVariants, ledgerMismatches, receive, seedBasics, type Basics } from '../../../test/support/fixtures.ts';
import { expectProblem } from '../../../test/support/problems.ts';

/**
 * Cash sales a register made while offline, sent on reconnect (issue 21, item 7), over HTTP: a unit the store no longer
 * has is still sold (the money was taken) and recorded as a stock shortfall, the stock never goes below zero, the
 * store resolves the shortfall; the same sale sent twice is one order; a card sale cannot be offline.
 */

const TEA = 1_250;
const ADDRESS = { line1: '8 quai Saint-Antoine', postalCode: '69002', city: 'Lyon', country: 'FR' };

let api: TestApi;
let basics: Basics;
let till: string;

const level = async (sku: string, locationId: string) =>
  (await api.call('GET', `/v1/inventory/levels?sku=${sku}&locationId=${locationId}`)).body.items[0] as { onHand: number; reserved: number };
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const offlineSale = (
  quantity: number,
  soldOfflineAt: string,
  payments: unknown[] = [{ method: 'cash', amount: quantity * TEA, tendered: quantity * TEA }],
) => ({
  registerId: till,
  soldOfflineAt,
  customer: { firstName: 'Léa', lastName: 'Dubois', phone: '+33 6 11 22 33 44' },
  lines: [{ sku: 'TEA', quantity }],
  deliveryGroups: [{ method: 'pickup_in_store', pickupLocationId: basics.storeA.id }],
  payments,
});
const ordersCount = async () =>
  Number(
    (
      await api.database.db
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  api = await startTestApi();
  basics = await seedBasics(api);
  await createVariants(api, ['TEA']);
  expect((await api.call('PUT', `/v1/price-lists/${basics.priceList.id}/prices`, { body: { prices: [{ sku: 'TEA', amount: TEA }] } })).status).toBe(200);
  for (const method of ['pickup_in_store', 'ship_to_address']) {
    const rate = await api.call('PUT', '/v1/delivery-rates', { body: { method, pricing: 'flat', amount: 0, currency: 'EUR', taxClass: 'standard' } });
    expect(rate.status, JSON.stringify(rate.body)).toBe(200);
  }
  await receive(api, basics.storeA.id, [{ sku: 'TEA', quantity: 3 }]);
  till = (await api.call('POST', `/v1/locations/${basics.storeA.id}/registers`, { token: basics.storeAKey, body: { name: 'Till 1' } })).body.id;
  const session = await api.call('POST', `/v1/registers/${till}/sessions`, { token: basics.storeAKey, body: { openingFloat: 10_000, currency: 'EUR' } });
  expect(session.status, JSON.stringify(session.body)).toBe(201);
  // While the register is offline, the web shop takes 2 of the store's 3 teas.
  const web = await api.call('POST', '/v1/orders', {
    token: basics.webKey,
    body: {
      customer: { firstName: 'Noé', lastName: 'Girard', email: 'noe@example.com' },
      lines: [{ sku: 'TEA', quantity: 2 }],
      deliveryGroups: [{ method: 'ship_to_address', address: ADDRESS, fulfilmentLocationId: basics.storeA.id }],
      payments: [{ method: 'card_online', amount: 2 * TEA, card: { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2099, cvc: '123' } }],
    },
  });
  expect(web.status, JSON.stringify(web.body)).toBe(201);
});
afterAll(async () => {
  await api?.close();
});

describe('cash sales made offline', () => {
  let sale: { id: string; number: string };
  let sentBody: ReturnType<typeof offlineSale>;
  let shortfallId: string;

  it('records a sale of units the store no longer has: paid, handed over, the missing units a shortfall, the stock never negative', async () => {
    const soldAt = hoursAgo(2);
    sentBody = offlineSale(3, soldAt);
    const sent = await api.call('POST', '/v1/orders', { token: basics.storeAKey, headers: { 'idempotency-key': 'till-1-offline-0001' }, body: sentBody });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    sale = sent.body;
    expect(sent.body).toMatchObject({ status: 'completed', totals: { total: 3 * TEA } });
    expect(sent.body.deliveryGroups[0].status).toBe('collected');
    expect(sent.body.payments).toEqual([expect.objectContaining({ method: 'cash', status: 'captured', amount: 3 * TEA, registerId: till })]);
    // One tea was free: it is deducted; the web order keeps its two; the two the register sold beyond are a shortfall.
    expect(await level('TEA', basics.storeA.id)).toEqual(expect.objectContaining({ onHand: 2, reserved: 2 }));
    expect(await ledgerMismatches(api)).toEqual([]);
    const timeline = (await api.call('GET', `/v1/orders/${sale.id}/timeline`, { token: basics.storeAKey })).body.items;
    expect(timeline.map((item: { type: string }) => item.type)).toEqual(['order.placed', 'order.sold_offline', 'order.completed']);
    expect(timeline[1].detail).toEqual({ soldAt, shortfalls: [{ sku: 'TEA', quantity: 2 }] });

    const list = await api.call('GET', `/v1/locations/${basics.storeA.id}/stock-shortfalls`, { token: basics.storeAKey });
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ sku: 'TEA', quantity: 2, orderId: sale.id, orderNumber: sale.number, soldAt, status: 'open', resolution: null }),
    ]);
    shortfallId = list.body.items[0].id;
    const events = await api.database.db.selectFrom('outbox_events').select(['type', 'payload']).where('type', '=', 'stock.shortfall_recorded').execute();
    expect(events).toEqual([{ type: 'stock.shortfall_recorded', payload: expect.objectContaining({ shortfallId, quantity: 2, orderId: sale.id }) }]);
  });

  it('applies the same sale sent again with its key once: the first answer, one order, one shortfall', async () => {
    const before = await ordersCount();
    const again = await api.call('POST', '/v1/orders', { token: basics.storeAKey, headers: { 'idempotency-key': 'till-1-offline-0001' }, body: sentBody });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.id).toBe(sale.id);
    expect(await ordersCount()).toBe(before);
    expect((await api.call('GET', `/v1/locations/${basics.storeA.id}/stock-shortfalls`, { token: basics.storeAKey })).body.items).toHaveLength(1);
    expect(await level('TEA', basics.storeA.id)).toEqual(expect.objectContaining({ onHand: 2, reserved: 2 }));
  });

  it('lets the store resolve its own shortfalls only: found units are deducted when the stock has them, or written off', async () => {
    expectProblem(await api.call('GET', `/v1/locations/${basics.storeB.id}/stock-shortfalls`, { token: basics.storeAKey }), 403);
    expectProblem(await api.call('POST', `/v1/stock-shortfalls/${shortfallId}/resolve`, { token: basics.webKey, body: { resolution: 'written_off' } }), 403);
    // Found, but the stock has no free unit to deduct: refused, and nothing changes.
    expectProblem(
      await api.call('POST', `/v1/stock-shortfalls/${shortfallId}/resolve`, { token: basics.storeAKey, body: { resolution: 'found' } }),
      409,
      'insufficient-stock',
    );
    await receive(api, basics.storeA.id, [{ sku: 'TEA', quantity: 2 }]);
    const found = await api.call('POST', `/v1/stock-shortfalls/${shortfallId}/resolve`, {
      token: basics.storeAKey,
      body: { resolution: 'found', note: 'Two more boxes behind the counter' },
    });
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expect(found.body).toMatchObject({ status: 'resolved', resolution: 'found', note: 'Two more boxes behind the counter', resolvedBy: expect.any(String) });
    expect(await level('TEA', basics.storeA.id)).toEqual(expect.objectContaining({ onHand: 2, reserved: 2 }));
    expect(await ledgerMismatches(api)).toEqual([]);
    expectProblem(
      await api.call('POST', `/v1/stock-shortfalls/${shortfallId}/resolve`, { token: basics.storeAKey, body: { resolution: 'written_off' } }),
      409,
      'shortfall-already-resolved',
    );

    // A second sale of a unit nobody has: written off, and listed after the open ones.
    const second = await api.call('POST', '/v1/orders', {
      token: basics.storeAKey,
      headers: { 'idempotency-key': 'till-1-offline-0002' },
      body: offlineSale(1, hoursAgo(1)),
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(await level('TEA', basics.storeA.id)).toEqual(expect.objectContaining({ onHand: 2, reserved: 2 }));
    const list = (await api.call('GET', `/v1/locations/${basics.storeA.id}/stock-shortfalls`, { token: basics.storeAKey })).body.items;
    expect(list.map((item: { status: string; quantity: number }) => [item.status, item.quantity])).toEqual([
      ['open', 1],
      ['resolved', 2],
    ]);
    const written = await api.call('POST', `/v1/stock-shortfalls/${list[0].id}/resolve`, {
      body: { resolution: 'written_off', note: 'Counted: the shelf is right' },
    });
    expect(written.status, JSON.stringify(written.body)).toBe(200);
    expect(written.body).toMatchObject({ resolution: 'written_off', resolvedBy: 'admin-key' });
    const open = await api.call('GET', `/v1/locations/${basics.storeA.id}/stock-shortfalls?status=open`, { token: basics.storeAKey });
    expect(open.body.items).toEqual([]);
  });

  it('refuses a card sale, a delivery, a sale without a register, a time in the future or too long ago as offline, naming soldOfflineAt', async () => {
    const refusals = [
      offlineSale(1, hoursAgo(1), [{ method: 'card_register', amount: TEA, reference: 'TPE-0001', cardLast4: '4242' }]),
      { ...offlineSale(1, hoursAgo(1)), deliveryGroups: [{ method: 'ship_to_address', address: ADDRESS, fulfilmentLocationId: basics.storeA.id }] },
      { ...offlineSale(1, hoursAgo(1)), registerId: undefined, channelId: basics.registerA.id },
      offlineSale(1, new Date(Date.now() + 3_600_000).toISOString()),
      offlineSale(1, hoursAgo(8 * 24)),
    ];
    for (const body of refusals) {
      const refused = await api.call('POST', '/v1/orders', { token: basics.storeAKey, body });
      expectProblem(refused, 422, 'offline-sale-refused');
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'body.soldOfflineAt' })]);
    }
  });
});
