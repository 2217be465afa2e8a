import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { createVariants, seedBasics } from '../../../test/support/fixtures.ts';
import { newId } from '../../platform/ids.ts';
import { incomingFor } from './incoming.ts';
import { changeStock } from './stock.ts';

let api: TestApi;
let warehouse: string;
let storeA: string;
let storeB: string;
let storeAKey: string;
const variants = new Map<string, string>();
const SKUS = ['TEE-M', 'MUG', 'CAP', 'SOCKS'];

const variant = (sku: string) => variants.get(sku)!;

async function putStock(locationId: string, sku: string, quantity: number, kind: 'receipt' | 'reservation' = 'receipt') {
  const change = kind === 'receipt' ? { onHand: quantity } : { reserved: quantity };
  await api.database.db.transaction().execute((trx) => changeStock(trx, [{ variantId: variant(sku), locationId, kind, quantity, ...change }], 'test'));
}

async function level(locationId: string, sku: string) {
  const row = await api.database.db
    .selectFrom('stock_levels')
    .select(['on_hand', 'reserved', 'incoming'])
    .where('variant_id', '=', variant(sku))
    .where('location_id', '=', locationId)
    .executeTakeFirst();
  return { onHand: row?.on_hand ?? 0, reserved: row?.reserved ?? 0, incoming: row?.incoming ?? 0 };
}

/** The invariant: every quantity of stock_levels is the sum of its column of changes in the ledger. */
async function expectLedgerMatchesLevels() {
  const db = api.database.db;
  const sums = await db
    .selectFrom('stock_movements')
    .select((eb) => [
      'variant_id',
      'location_id',
      eb.fn.sum<number>('on_hand_change').as('on_hand'),
      eb.fn.sum<number>('reserved_change').as('reserved'),
      eb.fn.sum<number>('damaged_change').as('damaged'),
      eb.fn.sum<number>('incoming_change').as('incoming'),
    ])
    .groupBy(['variant_id', 'location_id'])
    .execute();
  const levels = await db.selectFrom('stock_levels').select(['variant_id', 'location_id', 'on_hand', 'reserved', 'damaged', 'incoming']).execute();
  const normalise = (rows: typeof levels) =>
    Object.fromEntries(rows.map((row) => [`${row.variant_id}|${row.location_id}`, [row.on_hand, row.reserved, row.damaged, row.incoming].map(Number)]));
  expect(normalise(sums)).toEqual(normalise(levels));
  // Open incoming_stock rows account for every unit shown as incoming.
  const open = await db.selectFrom('incoming_stock').select(['variant_id', 'location_id', 'quantity', 'received']).where('status', '=', 'open').execute();
  const expected = new Map<string, number>();
  for (const row of open)
    expected.set(`${row.variant_id}|${row.location_id}`, (expected.get(`${row.variant_id}|${row.location_id}`) ?? 0) + row.quantity - row.received);
  for (const row of levels) expect(row.incoming).toBe(expected.get(`${row.variant_id}|${row.location_id}`) ?? 0);
}

const createTransfer = (body: Record<string, unknown>, token?: string) => api.call('POST', '/v1/transfers', { body, ...(token ? { token } : {}) });
const act = (id: string, action: 'ship' | 'receive' | 'cancel', body?: unknown, token?: string) =>
  api.call('POST', `/v1/transfers/${id}/${action}`, { ...(body !== undefined ? { body } : {}), ...(token ? { token } : {}) });
const movementCount = async () =>
  Number(
    (
      await api.database.db
        .selectFrom('stock_movements')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  api = await startTestApi();
  const basics = await seedBasics(api);
  ({ storeAKey } = basics);
  [warehouse, storeA, storeB] = [basics.warehouse.id, basics.storeA.id, basics.storeB.id];
  for (const [sku, id] of await createVariants(api, SKUS)) variants.set(sku, id);
  await putStock(warehouse, 'TEE-M', 10);
  await putStock(warehouse, 'MUG', 5);
  await putStock(warehouse, 'CAP', 4);
});
afterAll(() => api?.close());

describe('transfers', () => {
  it('ships from the source, shows the goods as incoming at the destination and receives them in two deliveries', async () => {
    const expectedAt = '2031-03-02T09:00:00.000Z';
    const created = await createTransfer({
      fromLocationId: warehouse,
      toLocationId: storeA,
      lines: [
        { sku: 'TEE-M', quantity: 6 },
        { sku: 'MUG', quantity: 5 },
      ],
      expectedAt,
      note: 'Window display',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      fromLocationId: warehouse,
      toLocationId: storeA,
      expectedAt,
      note: 'Window display',
      shippedAt: null,
    });
    expect(created.body.number).toMatch(/^TR-[0-9A-Z]{7}-[0-9A-Z]{4}$/);
    expect(created.body.lines).toEqual([
      { sku: 'MUG', variantId: variant('MUG'), quantity: 5, received: 0 },
      { sku: 'TEE-M', variantId: variant('TEE-M'), quantity: 6, received: 0 },
    ]);
    expect(await level(warehouse, 'TEE-M')).toEqual({ onHand: 10, reserved: 0, incoming: 0 });
    const id = created.body.id;

    const shipped = await act(id, 'ship');
    expect(shipped.status).toBe(200);
    expect(shipped.body.status).toBe('shipped');
    expect(Date.parse(shipped.body.shippedAt)).not.toBeNaN();
    expect(await level(warehouse, 'TEE-M')).toEqual({ onHand: 4, reserved: 0, incoming: 0 });
    expect(await level(warehouse, 'MUG')).toEqual({ onHand: 0, reserved: 0, incoming: 0 });
    expect(await level(storeA, 'TEE-M')).toEqual({ onHand: 0, reserved: 0, incoming: 6 });
    expect(await level(storeA, 'MUG')).toEqual({ onHand: 0, reserved: 0, incoming: 5 });
    const onTheWay = await api.call('GET', `/v1/inventory/incoming?locationId=${storeA}&sku=TEE-M`);
    expect(onTheWay.body.items).toEqual([
      expect.objectContaining({ source: 'transfer', reference: id, quantity: 6, remaining: 6, expectedAt, status: 'open' }),
    ]);
    await expectLedgerMatchesLevels();

    const part = await act(id, 'receive', { lines: [{ sku: 'TEE-M', quantity: 2 }] });
    expect(part.status).toBe(200);
    expect(part.body.status).toBe('partially_received');
    expect(part.body.receivedAt).toBeNull();
    expect(part.body.lines.find((line: { sku: string }) => line.sku === 'TEE-M').received).toBe(2);
    expect(await level(storeA, 'TEE-M')).toEqual({ onHand: 2, reserved: 0, incoming: 4 });
    expect(await level(storeA, 'MUG')).toEqual({ onHand: 0, reserved: 0, incoming: 5 });
    await expectLedgerMatchesLevels();

    const rest = await act(id, 'receive', {
      lines: [
        { sku: 'TEE-M', quantity: 4 },
        { sku: 'MUG', quantity: 5 },
      ],
    });
    expect(rest.status).toBe(200);
    expect(rest.body.status).toBe('received');
    expect(Date.parse(rest.body.receivedAt)).not.toBeNaN();
    expect(await level(storeA, 'TEE-M')).toEqual({ onHand: 6, reserved: 0, incoming: 0 });
    expect(await level(storeA, 'MUG')).toEqual({ onHand: 5, reserved: 0, incoming: 0 });
    expect(await level(warehouse, 'TEE-M')).toEqual({ onHand: 4, reserved: 0, incoming: 0 });
    const closed = await api.call('GET', `/v1/inventory/incoming?locationId=${storeA}&status=closed`);
    expect(closed.body.items.map((item: { remaining: number }) => item.remaining)).toEqual([0, 0]);
    expect((await api.call('GET', `/v1/transfers/${id}`)).body).toEqual(rest.body);
    await expectLedgerMatchesLevels();

    for (const action of ['ship', 'cancel'] as const) {
      const refused = await act(id, action);
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'invalid-transition', state: 'received' });
      expect(refused.body.detail).toContain('received');
    }
  });

  it('refuses to ship more than the source has unpromised, says how many are available and changes nothing', async () => {
    await putStock(warehouse, 'CAP', 3, 'reservation');
    const created = await createTransfer({
      fromLocationId: warehouse,
      toLocationId: storeB,
      lines: [
        { sku: 'CAP', quantity: 2 },
        { sku: 'TEE-M', quantity: 1 },
      ],
    });
    const movements = await movementCount();
    const shipped = await act(created.body.id, 'ship');
    expect(shipped.status).toBe(409);
    expect(shipped.body.code).toBe('insufficient-stock');
    expect(shipped.body.shortages).toEqual([expect.objectContaining({ sku: 'CAP', locationId: warehouse, requested: 2, available: 1 })]);
    expect(await level(warehouse, 'CAP')).toEqual({ onHand: 4, reserved: 3, incoming: 0 });
    expect(await level(warehouse, 'TEE-M')).toEqual({ onHand: 4, reserved: 0, incoming: 0 });
    expect(await level(storeB, 'CAP')).toEqual({ onHand: 0, reserved: 0, incoming: 0 });
    expect(await movementCount()).toBe(movements);
    expect((await api.call('GET', `/v1/transfers/${created.body.id}`)).body.status).toBe('draft');
    expect((await api.call('GET', `/v1/inventory/incoming?locationId=${storeB}`)).body.items).toEqual([]);
    await expectLedgerMatchesLevels();
  });

  it('refuses receipts of more than is on the way, of SKUs not on the transfer, and of a draft', async () => {
    const created = await createTransfer({ fromLocationId: warehouse, toLocationId: storeB, lines: [{ sku: 'TEE-M', quantity: 3 }] });
    const draft = await act(created.body.id, 'receive', { lines: [{ sku: 'TEE-M', quantity: 1 }] });
    expect(draft.status).toBe(422);
    expect(draft.body).toMatchObject({ code: 'invalid-transition', state: 'draft' });
    expect((await act(created.body.id, 'ship')).status).toBe(200);
    expect((await act(created.body.id, 'receive', { lines: [{ sku: 'TEE-M', quantity: 2 }] })).status).toBe(200);

    const over = await act(created.body.id, 'receive', { lines: [{ sku: 'TEE-M', quantity: 2 }] });
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ code: 'over-receipt', lines: [{ sku: 'TEE-M', receiving: 2, outstanding: 1 }] });
    const stranger = await act(created.body.id, 'receive', { lines: [{ sku: 'SOCKS', quantity: 1 }] });
    expect(stranger.status).toBe(422);
    expect(stranger.body).toMatchObject({ code: 'not-on-transfer', skus: ['SOCKS'] });
    expect((await act(created.body.id, 'receive', { lines: [{ sku: 'NOPE', quantity: 1 }] })).status).toBe(400);
    expect(await level(storeB, 'TEE-M')).toEqual({ onHand: 2, reserved: 0, incoming: 1 });

    const cancel = await act(created.body.id, 'cancel');
    expect(cancel.status).toBe(422);
    expect(cancel.body).toMatchObject({ code: 'invalid-transition', state: 'partially_received' });
    expect((await act(created.body.id, 'receive', { lines: [{ sku: 'TEE-M', quantity: 1 }] })).body.status).toBe('received');
    await expectLedgerMatchesLevels();
  });

  it('cancels a draft, and a shipped transfer by putting its goods back at the source', async () => {
    const draft = await createTransfer({ fromLocationId: warehouse, toLocationId: storeB, lines: [{ sku: 'TEE-M', quantity: 1 }] });
    expect((await act(draft.body.id, 'cancel')).body.status).toBe('cancelled');
    expect(await act(draft.body.id, 'ship')).toMatchObject({ status: 422, body: { code: 'invalid-transition', state: 'cancelled' } });

    await putStock(warehouse, 'TEE-M', 5);
    const before = await level(warehouse, 'TEE-M');
    const shipped = await createTransfer({ fromLocationId: warehouse, toLocationId: storeB, lines: [{ sku: 'TEE-M', quantity: 2 }] });
    expect((await act(shipped.body.id, 'ship')).status).toBe(200);
    expect(await level(warehouse, 'TEE-M')).toEqual({ ...before, onHand: before.onHand - 2 });
    const cancelled = await act(shipped.body.id, 'cancel');
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(await level(warehouse, 'TEE-M')).toEqual(before);
    expect((await level(storeB, 'TEE-M')).incoming).toBe(0);
    const rows = await api.call('GET', `/v1/inventory/incoming?locationId=${storeB}&status=cancelled`);
    expect(rows.body.items).toEqual([expect.objectContaining({ reference: shipped.body.id, remaining: 0 })]);
    await expectLedgerMatchesLevels();
  });

  it('ships once however often the same request is sent', async () => {
    const created = await createTransfer({ fromLocationId: warehouse, toLocationId: storeB, lines: [{ sku: 'TEE-M', quantity: 1 }] });
    const before = await level(warehouse, 'TEE-M');
    const headers = { 'idempotency-key': `ship-${created.body.id}` };
    const [first, second] = await Promise.all([1, 2].map(() => api.call('POST', `/v1/transfers/${created.body.id}/ship`, { headers })));
    expect([first!.status, second!.status]).toEqual([200, 200]);
    expect(second!.body).toEqual(first!.body);
    const racing = await Promise.all([1, 2].map(() => act(created.body.id, 'cancel')));
    expect(racing.map((response) => response.status).sort()).toEqual([200, 422]);
    expect(await level(warehouse, 'TEE-M')).toEqual(before);
    await expectLedgerMatchesLevels();
  });

  it('lets store staff act only for their own store', async () => {
    const foreign = await createTransfer({ fromLocationId: storeB, toLocationId: warehouse, lines: [{ sku: 'TEE-M', quantity: 1 }] }, storeAKey);
    expect(foreign.status).toBe(403);
    const outbound = await createTransfer({ fromLocationId: storeA, toLocationId: storeB, lines: [{ sku: 'TEE-M', quantity: 2 }] }, storeAKey);
    expect(outbound.status).toBe(201);
    expect(outbound.body.createdBy).toMatch(/^api-key:/);
    expect((await act(outbound.body.id, 'ship', undefined, storeAKey)).status).toBe(200);
    expect((await act(outbound.body.id, 'receive', { lines: [{ sku: 'TEE-M', quantity: 2 }] }, storeAKey)).status).toBe(403);
    expect((await act(outbound.body.id, 'cancel', undefined, storeAKey)).body.status).toBe('cancelled');

    const inbound = await createTransfer({ fromLocationId: warehouse, toLocationId: storeA, lines: [{ sku: 'TEE-M', quantity: 1 }] }, storeAKey);
    expect(inbound.status).toBe(201);
    expect((await act(inbound.body.id, 'ship', undefined, storeAKey)).status).toBe(403);
    expect((await act(inbound.body.id, 'ship')).status).toBe(200);
    expect((await act(inbound.body.id, 'receive', { lines: [{ sku: 'TEE-M', quantity: 1 }] }, storeAKey)).body.status).toBe('received');

    const elsewhere = await createTransfer({ fromLocationId: warehouse, toLocationId: storeB, lines: [{ sku: 'MUG', quantity: 1 }] });
    // Another store's transfer is not there for store A, as if it did not exist.
    expect((await api.call('GET', `/v1/transfers/${elsewhere.body.id}`, { token: storeAKey })).status).toBe(404);
    expect((await act(elsewhere.body.id, 'cancel', undefined, storeAKey)).status).toBe(404);
    const mine = await api.call('GET', '/v1/transfers?limit=200', { token: storeAKey });
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    for (const transfer of mine.body.items) expect([transfer.fromLocationId, transfer.toLocationId]).toContain(storeA);
    const purchase = { locationId: storeB, lines: [{ sku: 'MUG', quantity: 1 }], expectedAt: '2031-01-01T00:00:00Z', reference: 'PO-1' };
    expect((await api.call('POST', '/v1/inventory/incoming', { body: purchase, token: storeAKey })).status).toBe(403);
    await expectLedgerMatchesLevels();
  });

  it('lists transfers newest first, by status and by location, a page at a time', async () => {
    const all = await api.call('GET', '/v1/transfers?limit=200');
    expect(all.status).toBe(200);
    const ids = all.body.items.map((transfer: { id: string }) => transfer.id);
    expect(ids).toEqual([...ids].sort().reverse());
    const first = await api.call('GET', '/v1/transfers?limit=2');
    const second = await api.call('GET', `/v1/transfers?limit=2&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...second.body.items].map((transfer: { id: string }) => transfer.id)).toEqual(ids.slice(0, 4));
    const drafts = await api.call('GET', `/v1/transfers?status=draft&fromLocationId=${warehouse}&toLocationId=${storeB}`);
    expect(drafts.body.items.length).toBeGreaterThan(0);
    for (const transfer of drafts.body.items) expect(transfer).toMatchObject({ status: 'draft', fromLocationId: warehouse, toLocationId: storeB });
    expect((await createTransfer({ fromLocationId: storeA, toLocationId: storeA, lines: [{ sku: 'MUG', quantity: 1 }] })).status).toBe(400);
    expect(
      (
        await createTransfer({
          fromLocationId: storeA,
          toLocationId: storeB,
          lines: [
            { sku: 'MUG', quantity: 1 },
            { sku: 'MUG', quantity: 2 },
          ],
        })
      ).status,
    ).toBe(400);
    expect((await api.call('GET', `/v1/transfers/${newId()}`)).status).toBe(404);
  });
});

describe('expected purchase receipts', () => {
  it('counts announced deliveries as incoming, receives them in parts and cancels the rest', async () => {
    const before = await level(warehouse, 'SOCKS');
    const announced = await api.call('POST', '/v1/inventory/incoming', {
      body: {
        locationId: warehouse,
        lines: [
          { sku: 'SOCKS', quantity: 10 },
          { sku: 'CAP', quantity: 4 },
        ],
        expectedAt: '2031-05-01T08:00:00Z',
        reference: 'PO-2031-17',
      },
    });
    expect(announced.status).toBe(201);
    expect(announced.body.items).toHaveLength(2);
    const socks = announced.body.items.find((item: { sku: string }) => item.sku === 'SOCKS');
    expect(socks).toMatchObject({
      source: 'purchase',
      reference: 'PO-2031-17',
      quantity: 10,
      received: 0,
      remaining: 10,
      expectedAt: '2031-05-01T08:00:00.000Z',
      status: 'open',
    });
    expect(await level(warehouse, 'SOCKS')).toEqual({ ...before, incoming: 10 });
    await expectLedgerMatchesLevels();

    const part = await api.call('POST', `/v1/inventory/incoming/${socks.id}/receive`, { body: { quantity: 4 } });
    expect(part.status).toBe(200);
    expect(part.body).toMatchObject({ received: 4, remaining: 6, status: 'open' });
    expect(await level(warehouse, 'SOCKS')).toEqual({ ...before, onHand: before.onHand + 4, incoming: 6 });
    const over = await api.call('POST', `/v1/inventory/incoming/${socks.id}/receive`, { body: { quantity: 7 } });
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ code: 'over-receipt', outstanding: 6 });

    const cancelled = await api.call('POST', `/v1/inventory/incoming/${socks.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ received: 4, remaining: 0, status: 'cancelled' });
    expect(await level(warehouse, 'SOCKS')).toEqual({ ...before, onHand: before.onHand + 4, incoming: 0 });
    const again = await api.call('POST', `/v1/inventory/incoming/${socks.id}/receive`, { body: { quantity: 1 } });
    expect(again.body).toMatchObject({ code: 'invalid-transition', state: 'cancelled' });

    const listed = await api.call('GET', `/v1/inventory/incoming?sku=CAP&locationId=${warehouse}&status=open`);
    expect(listed.body.items).toEqual([expect.objectContaining({ sku: 'CAP', remaining: 4, expectedAt: '2031-05-01T08:00:00.000Z' })]);
    await expectLedgerMatchesLevels();
  });

  it('leaves the incoming stock of a transfer to the transfer', async () => {
    const transfer = await createTransfer({ fromLocationId: warehouse, toLocationId: storeB, lines: [{ sku: 'TEE-M', quantity: 1 }] });
    expect((await act(transfer.body.id, 'ship')).status).toBe(200);
    const row = (await api.call('GET', `/v1/inventory/incoming?locationId=${storeB}&status=open&sku=TEE-M`)).body.items[0];
    const refused = await api.call('POST', `/v1/inventory/incoming/${row.id}/receive`, { body: { quantity: 1 } });
    expect(refused).toMatchObject({ status: 422, body: { code: 'managed-by-transfer', transferId: transfer.body.id } });
    expect((await act(transfer.body.id, 'receive', { lines: [{ sku: 'TEE-M', quantity: 1 }] })).body.status).toBe('received');
  });

  it('tells routing what is on its way per SKU and location, earliest first', async () => {
    const announce = (locationId: string, quantity: number, expectedAt: string, reference: string) =>
      api.call('POST', '/v1/inventory/incoming', { body: { locationId, lines: [{ sku: 'MUG', quantity }], expectedAt, reference } });
    await announce(storeB, 3, '2032-02-01T00:00:00Z', 'PO-LATE');
    await announce(warehouse, 5, '2032-01-01T00:00:00Z', 'PO-EARLY');
    const undated = await createTransfer({ fromLocationId: storeA, toLocationId: storeB, lines: [{ sku: 'MUG', quantity: 1 }] });
    expect((await act(undated.body.id, 'ship')).status).toBe(200);

    const all = await incomingFor(api.database.db, [variant('MUG')]);
    expect(all.map((arrival) => [arrival.reference, arrival.quantity, arrival.expectedAt?.toISOString() ?? null])).toEqual([
      ['PO-EARLY', 5, '2032-01-01T00:00:00.000Z'],
      ['PO-LATE', 3, '2032-02-01T00:00:00.000Z'],
      [undated.body.id, 1, null],
    ]);
    const atStoreB = await incomingFor(api.database.db, [variant('MUG')], [storeB]);
    expect(atStoreB.map((arrival) => arrival.reference)).toEqual(['PO-LATE', undated.body.id]);
    expect(await incomingFor(api.database.db, [variant('MUG')], [])).toEqual([]);
    await expectLedgerMatchesLevels();
  });
});
