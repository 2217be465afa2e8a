import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { ledgerMismatches, receive, seedBasics, type Basics } from '../../../test/support/fixtures.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { workQueue } from './queue.ts';

/**
 * A store's work queue (issue 20, item 1): what it must pick, pack, ship or prepare, oldest promise first, with the
 * counts per stage and its stock of each line; pick lists for a batch; picking by scanning barcodes or SKUs, a wrong
 * item or one too many refused; a store that must scan packs and ships only what was scanned.
 */

const CARD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2099, cvc: '123' };
const ADDRESS = { line1: '12 rue Mercière', postalCode: '69002', city: 'Lyon', country: 'FR' };
const PRICE = 1500;
const ADMIN: Principal = { role: 'admin', locationId: null, channelId: null, userId: null, apiKeyId: null, actor: 'test' };

/** An EAN-13 with its check digit, from 12 digits. */
const ean13 = (digits: string) => {
  const sum = [...digits].reduce((total, digit, index) => total + Number(digit) * (index % 2 ? 3 : 1), 0);
  return digits + ((10 - (sum % 10)) % 10);
};
const BARCODES = { MUG: ean13('376012345001'), TEE: ean13('376012345002'), CAP: ean13('376012345003') };

let api: TestApi;
let basics: Basics;
let storeBKey: string;

beforeAll(async () => {
  api = await startTestApi();
  basics = await seedBasics(api);
  await api.call('POST', '/v1/tax-classes', { body: { code: 'standard', name: 'Standard VAT', rateBasisPoints: 2000 } });
  const product = await api.call('POST', '/v1/products', {
    body: { title: 'Lyon goods', taxClass: 'standard', variants: Object.entries(BARCODES).map(([sku, barcode]) => ({ sku, title: `${sku} title`, barcode })) },
  });
  expect(product.status, JSON.stringify(product.body)).toBe(201);
  const prices = Object.keys(BARCODES).map((sku) => ({ sku, amount: PRICE }));
  expect((await api.call('PUT', `/v1/price-lists/${basics.priceList.id}/prices`, { body: { prices } })).status).toBe(200);
  for (const method of ['ship_to_address', 'pickup_in_store', 'ship_to_store']) {
    const rate = { method, pricing: 'flat', amount: 0, packingFee: 0, currency: 'EUR', taxClass: 'standard' };
    expect((await api.call('PUT', '/v1/delivery-rates', { body: rate })).status).toBe(200);
  }
  for (const location of [basics.storeA.id, basics.storeB.id])
    await receive(
      api,
      location,
      Object.keys(BARCODES).map((sku) => ({ sku, quantity: 20 })),
    );
  await receive(api, basics.warehouse.id, [{ sku: 'MUG', quantity: 20 }]);
  storeBKey = (await api.call('POST', '/v1/api-keys', { body: { name: 'Store B', role: 'store', locationId: basics.storeB.id } })).body.token;
});
afterAll(async () => {
  expect(await ledgerMismatches(api)).toEqual([]);
  await api?.close();
});

type Line = { sku: keyof typeof BARCODES; quantity: number };
async function order(lines: Line[], group: Record<string, unknown>, customer = { firstName: 'Lea', lastName: 'Roux' }) {
  const response = await api.call('POST', '/v1/orders', {
    body: {
      channelId: basics.web.id,
      customer: { ...customer, email: `${customer.firstName.toLowerCase()}@example.com` },
      lines,
      deliveryGroups: [group],
      payments: [{ method: 'card_online', amount: PRICE * lines.reduce((sum, line) => sum + line.quantity, 0), card: CARD }],
    },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { id: response.body.id as string, number: response.body.number as string, groupId: response.body.deliveryGroups[0].id as string, body: response.body };
}
const shipFrom = (locationId: string) => ({ method: 'ship_to_address', address: ADDRESS, fulfilmentLocationId: locationId });
const pickupAt = (locationId: string) => ({ method: 'pickup_in_store', pickupLocationId: locationId });
const step = (placed: { id: string; groupId: string }, name: string, body?: unknown, token?: string) =>
  api.call('POST', `/v1/orders/${placed.id}/delivery-groups/${placed.groupId}/${name}`, { ...(body ? { body } : {}), ...(token ? { token } : {}) });
const scan = (placed: { id: string; groupId: string }, code: string, quantity?: number) =>
  step(placed, 'scans', { code, ...(quantity ? { quantity } : {}) }, basics.storeAKey);
const queue = async (locationId: string, query = '', token = basics.storeAKey) => {
  const response = await api.call('GET', `/v1/locations/${locationId}/work${query}`, { token });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
};
const level = async (sku: string, locationId: string) =>
  (await api.call('GET', `/v1/inventory/levels?sku=${sku}&locationId=${locationId}`)).body.items[0] as { onHand: number; reserved: number; available: number };
const pdfText = async (pdf: ArrayBuffer | Buffer) => (await extractText(new Uint8Array(pdf), { mergePages: true })).text;
const getPdf = async (path: string, token = basics.storeAKey) => {
  const response = await fetch(api.baseUrl + path, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  return Buffer.from(await response.arrayBuffer());
};

describe("a store's work queue", () => {
  it('lists what store A must pick, pack, ship and prepare, oldest promise first, with counts and its stock of each line', async () => {
    const toPick = await order(
      [
        { sku: 'MUG', quantity: 2 },
        { sku: 'TEE', quantity: 1 },
      ],
      shipFrom(basics.storeA.id),
      { firstName: 'Ana', lastName: 'Silva' },
    );
    const picking = await order([{ sku: 'CAP', quantity: 1 }], shipFrom(basics.storeA.id));
    expect((await step(picking, 'start-picking')).status).toBe(200);
    const packed = await order([{ sku: 'TEE', quantity: 1 }], shipFrom(basics.storeA.id));
    expect((await step(packed, 'start-picking')).status).toBe(200);
    expect((await step(packed, 'pack')).status).toBe(200);
    // Promised in 2 hours (a pickup), before the shipments (48 hours) made earlier; a ship to store in 96 hours.
    const pickup = await order([{ sku: 'CAP', quantity: 2 }], pickupAt(basics.storeA.id));
    const incoming = await order([{ sku: 'MUG', quantity: 1 }], {
      method: 'ship_to_store',
      pickupLocationId: basics.storeA.id,
      fulfilmentLocationId: basics.warehouse.id,
    });
    const elsewhere = await order([{ sku: 'MUG', quantity: 1 }], shipFrom(basics.storeB.id));

    const work = await queue(basics.storeA.id);
    expect(work.counts).toEqual({ to_pick: 1, picking: 1, to_pack: 0, to_ship: 1, to_prepare: 1, ready_for_pickup: 0, incoming: 1 });
    expect(work.mustScan).toBe(false);
    expect(work.items.map((item: { orderId: string; stage: string }) => [item.orderId, item.stage])).toEqual([
      [pickup.id, 'to_prepare'],
      [toPick.id, 'to_pick'],
      [picking.id, 'picking'],
      [packed.id, 'to_ship'],
      [incoming.id, 'incoming'],
    ]);
    expect(work.items.some((item: { orderId: string }) => item.orderId === elsewhere.id)).toBe(false);
    const first = work.items[1];
    expect(first).toMatchObject({
      groupId: toPick.groupId,
      orderNumber: toPick.number,
      customerName: 'Ana Silva',
      method: 'ship_to_address',
      status: 'reserved',
      promisedAt: toPick.body.deliveryGroups[0].promisedAt,
      transfer: null,
    });
    // Each line with the store's stock of its SKU, as inventory reports it: on hand, reserved, available.
    for (const line of first.lines) {
      const { onHand, reserved, available } = await level(line.sku, basics.storeA.id);
      expect(line.stock).toEqual({ onHand, reserved, available });
    }
    expect(first.lines.map((line: { sku: string; quantity: number; picked: number }) => [line.sku, line.quantity, line.picked])).toEqual([
      ['MUG', 2, 0],
      ['TEE', 1, 0],
    ]);
    expect(first.lines[0].stock).toMatchObject({ onHand: 20, reserved: 2 });
    // The pickup whose goods travel from the warehouse names its transfer.
    const transfer = (await api.call('GET', `/v1/transfers/${incoming.body.deliveryGroups[0].transferId}`)).body;
    expect(work.items[4].transfer).toMatchObject({ id: transfer.id, number: transfer.number, status: 'draft' });

    // Filtered by stage; the counts stay those of the whole queue.
    const onlyToPick = await queue(basics.storeA.id, '?stage=to_pick');
    expect(onlyToPick.items.map((item: { orderId: string }) => item.orderId)).toEqual([toPick.id]);
    expect(onlyToPick.counts).toEqual(work.counts);

    // Paged in the same order, without gaps or repeats.
    const pageOne = await queue(basics.storeA.id, '?limit=2');
    const pageTwo = await queue(basics.storeA.id, `?limit=2&cursor=${pageOne.nextCursor}`);
    const pageThree = await queue(basics.storeA.id, `?limit=2&cursor=${pageTwo.nextCursor}`);
    expect(pageThree.nextCursor).toBeNull();
    expect([...pageOne.items, ...pageTwo.items, ...pageThree.items].map((item: { groupId: string }) => item.groupId)).toEqual(
      work.items.map((item: { groupId: string }) => item.groupId),
    );
    expect((await api.call('GET', `/v1/locations/${basics.storeA.id}/work?cursor=bm9wZQ`)).status).toBe(400);
    const forged = Buffer.from(`not a date\nnot a date\n${toPick.groupId}`).toString('base64url');
    expect((await api.call('GET', `/v1/locations/${basics.storeA.id}/work?cursor=${forged}`)).body.errors).toEqual([
      expect.objectContaining({ field: 'query.cursor' }),
    ]);

    // Store B's staff see their own queue, not A's; a channel has none.
    expect((await queue(basics.storeB.id, '', storeBKey)).items.map((item: { orderId: string }) => item.orderId)).toEqual([elsewhere.id]);
    expect((await api.call('GET', `/v1/locations/${basics.storeA.id}/work`, { token: storeBKey })).status).toBe(403);
    expect((await api.call('GET', `/v1/locations/${basics.storeA.id}/work`, { token: basics.webKey })).status).toBe(403);
  });
});

describe("the queue's cost", () => {
  it('is the same few statements for a short queue and a longer one (no statement per group or line)', async () => {
    let statements = 0;
    const counting = api.database.db.withPlugin({
      transformQuery: (args) => {
        statements++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const statementsFor = async () => {
      statements = 0;
      const work = await workQueue(counting, ADMIN, basics.storeB.id, { limit: 200 });
      return { statements, groups: work.items.length, lines: work.items.flatMap((item) => item.lines).length };
    };
    const short = await statementsFor();
    for (let i = 0; i < 6; i++)
      await order(
        [
          { sku: 'MUG', quantity: 1 },
          { sku: 'TEE', quantity: 1 },
          { sku: 'CAP', quantity: 1 },
        ],
        i % 2 ? pickupAt(basics.storeB.id) : shipFrom(basics.storeB.id),
      );
    const longer = await statementsFor();
    expect(longer.groups).toBe(short.groups + 6);
    expect(longer.lines).toBe(short.lines + 18);
    expect(longer.statements).toBe(short.statements);
    expect(longer.statements).toBeLessThanOrEqual(5);
  });
});

describe('picking by scanning', () => {
  it('takes barcodes and SKUs, refuses a wrong item, one too many and an unknown code without recording them, and starts picking', async () => {
    const placed = await order(
      [
        { sku: 'MUG', quantity: 2 },
        { sku: 'TEE', quantity: 1 },
      ],
      shipFrom(basics.storeA.id),
    );
    const first = await scan(placed, BARCODES.TEE);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      status: 'picking',
      complete: false,
      mustScan: false,
      lines: [
        { sku: 'MUG', required: 2, picked: 0 },
        { sku: 'TEE', required: 1, picked: 1 },
      ],
    });

    const wrong = await scan(placed, BARCODES.CAP);
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ code: 'wrong-item', sku: 'CAP', scanned: BARCODES.CAP });
    expect(wrong.body.detail).toContain('Scanned CAP (CAP title), which is not in order');
    expect(wrong.body.detail).toContain('It expects MUG (Lyon goods – MUG title) 2 to go.');

    const tooMany = await scan(placed, 'TEE');
    expect(tooMany.status).toBe(422);
    expect(tooMany.body).toMatchObject({ code: 'over-picked', sku: 'TEE', required: 1, picked: 1 });

    const unknown = await scan(placed, 'NO-SUCH-CODE');
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('unknown-code');
    expect(unknown.body.detail).toContain('NO-SUCH-CODE');

    // Nothing of the three refusals was recorded.
    const state = await api.call('GET', `/v1/orders/${placed.id}/delivery-groups/${placed.groupId}/scans`, { token: basics.storeAKey });
    expect(state.body.lines.map((line: { picked: number }) => line.picked)).toEqual([0, 1]);

    // The barcode as a GTIN-14 reads it, then the SKU as a scanner may type it: every unit picked.
    expect((await scan(placed, `0${BARCODES.MUG}`)).status).toBe(201);
    const last = await scan(placed, 'mug', 1);
    expect(last.status, JSON.stringify(last.body)).toBe(201);
    expect(last.body.complete).toBe(true);
    const work = await queue(basics.storeA.id, '?stage=to_pack');
    const item = work.items.find((candidate: { groupId: string }) => candidate.groupId === placed.groupId);
    expect(item.lines.map((line: { sku: string; picked: number }) => [line.sku, line.picked])).toEqual([
      ['MUG', 2],
      ['TEE', 1],
    ]);
    const timeline = (await api.call('GET', `/v1/orders/${placed.id}/timeline`)).body.items.map((event: { type: string }) => event.type);
    expect(timeline).toEqual(['order.placed', 'group.picking', 'group.picked']);

    // Store B may not scan for A's order.
    expect((await step(placed, 'scans', { code: 'MUG' }, storeBKey)).status).toBe(404);
  });

  it('a scanner that sends the same scan twice (same Idempotency-Key) counts it once', async () => {
    const placed = await order([{ sku: 'MUG', quantity: 3 }], shipFrom(basics.storeA.id));
    const send = () =>
      api.call('POST', `/v1/orders/${placed.id}/delivery-groups/${placed.groupId}/scans`, {
        body: { code: BARCODES.MUG },
        token: basics.storeAKey,
        headers: { 'idempotency-key': `scan-${placed.groupId}-1` },
      });
    const [first, again] = [await send(), await send()];
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(first.body.lines[0]).toMatchObject({ sku: 'MUG', required: 3, picked: 1 });
    const state = await api.call('GET', `/v1/orders/${placed.id}/delivery-groups/${placed.groupId}/scans`, { token: basics.storeAKey });
    expect(state.body.lines[0].picked).toBe(1);
  });

  it('a pickup is prepared by scanning too: it stays to prepare until it is at the counter', async () => {
    const placed = await order([{ sku: 'CAP', quantity: 1 }], pickupAt(basics.storeA.id));
    const scanned = await scan(placed, BARCODES.CAP);
    expect(scanned.status, JSON.stringify(scanned.body)).toBe(201);
    expect(scanned.body).toMatchObject({ status: 'picking', complete: true });
    expect((await scan(placed, BARCODES.CAP)).body.code).toBe('over-picked');
    const work = await queue(basics.storeA.id, '?stage=to_prepare');
    expect(work.items.find((item: { groupId: string }) => item.groupId === placed.groupId)).toMatchObject({ status: 'picking', stage: 'to_prepare' });
    // Nothing to pack: a pickup is not shipped.
    expect((await step(placed, 'parcels', { parcels: [{ box: 'S', weightGrams: 100 }] }, basics.storeAKey)).body.code).toBe('not-a-shipment');
  });

  it('at a store that must scan, packing and shipping wait until every unit is scanned', async () => {
    expect((await api.call('PATCH', `/v1/locations/${basics.storeB.id}`, { body: { mustScan: true }, token: storeBKey })).status).toBe(200);
    try {
      const placed = await order([{ sku: 'TEE', quantity: 2 }], shipFrom(basics.storeB.id));
      const pack = () => step(placed, 'parcels', { parcels: [{ box: 'S', weightGrams: 300 }] }, storeBKey);
      const refused = await pack();
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'not-scanned', missing: [{ sku: 'TEE', required: 2, picked: 0 }] });
      expect((await api.call('GET', `/v1/orders/${placed.id}`)).body.deliveryGroups[0].status).toBe('reserved');
      // Orders' own steps and the ship route are refused the same way.
      expect((await step(placed, 'start-picking', undefined, storeBKey)).status).toBe(200);
      expect((await step(placed, 'pack', undefined, storeBKey)).body.code).toBe('not-scanned');
      expect((await step(placed, 'ship', { carrier: 'Colissimo', trackingNumber: 'X1' }, storeBKey)).body.code).toBe('not-scanned');
      expect((await step(placed, 'dispatch', { carrier: 'manual', carrierName: 'Colissimo', trackingNumber: 'X1' }, storeBKey)).body.code).toBe('not-scanned');

      expect((await step(placed, 'scans', { code: BARCODES.TEE }, storeBKey)).body.complete).toBe(false);
      expect((await pack()).body).toMatchObject({ code: 'not-scanned', missing: [{ sku: 'TEE', required: 2, picked: 1 }] });
      expect((await step(placed, 'scans', { code: BARCODES.TEE }, storeBKey)).body).toMatchObject({ complete: true, mustScan: true });
      const packed = await pack();
      expect(packed.status, JSON.stringify(packed.body)).toBe(200);
      expect(packed.body.status).toBe('packed');

      // A pickup is put at the counter only once scanned.
      const pickup = await order([{ sku: 'CAP', quantity: 1 }], pickupAt(basics.storeB.id));
      expect((await step(pickup, 'ready-for-pickup', undefined, storeBKey)).body).toMatchObject({
        code: 'not-scanned',
        missing: [{ sku: 'CAP', required: 1, picked: 0 }],
      });
      expect((await step(pickup, 'scans', { code: BARCODES.CAP }, storeBKey)).body.complete).toBe(true);
      const ready = await step(pickup, 'ready-for-pickup', undefined, storeBKey);
      expect(ready.status, JSON.stringify(ready.body)).toBe(200);
      expect(ready.body.deliveryGroups[0].status).toBe('ready_for_pickup');

      // Two groups merged into one parcel leave together only when both were scanned.
      const customer = { firstName: 'Merged', lastName: 'Twice' };
      const [one, two] = [
        await order([{ sku: 'MUG', quantity: 1 }], shipFrom(basics.storeB.id), customer),
        await order([{ sku: 'CAP', quantity: 1 }], shipFrom(basics.storeB.id), customer),
      ];
      const merged = await api.call('POST', '/v1/shipments/merge', { body: { deliveryGroupIds: [one.groupId, two.groupId] }, token: storeBKey });
      expect(merged.status, JSON.stringify(merged.body)).toBe(200);
      expect((await step(one, 'scans', { code: 'MUG' }, storeBKey)).body.complete).toBe(true);
      const half = await step(one, 'ship', { carrier: 'Colissimo', trackingNumber: 'M1' }, storeBKey);
      expect(half.body).toMatchObject({ code: 'not-scanned', missing: [{ sku: 'CAP', required: 1, picked: 0 }] });
      expect((await step(two, 'scans', { code: BARCODES.CAP }, storeBKey)).body.complete).toBe(true);
      const both = await step(one, 'ship', { carrier: 'Colissimo', trackingNumber: 'M1' }, storeBKey);
      expect(both.status, JSON.stringify(both.body)).toBe(200);
      expect((await api.call('GET', `/v1/orders/${two.id}`)).body.deliveryGroups[0]).toMatchObject({ status: 'shipped', trackingNumber: 'M1' });
    } finally {
      await api.call('PATCH', `/v1/locations/${basics.storeB.id}`, { body: { mustScan: false } });
    }
  });
});

describe('pick lists', () => {
  it("gathers a picker's batch by SKU with each order's share, moves the groups to picking, and prints it", async () => {
    const one = await order(
      [
        { sku: 'TEE', quantity: 1 },
        { sku: 'MUG', quantity: 1 },
      ],
      shipFrom(basics.storeA.id),
    );
    const two = await order([{ sku: 'MUG', quantity: 3 }], shipFrom(basics.storeA.id));
    const created = await api.call('POST', `/v1/locations/${basics.storeA.id}/pick-lists`, {
      body: { groupIds: [one.groupId, two.groupId] },
      token: basics.storeAKey,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const list = created.body;
    expect(list.number).toMatch(/^PL-/);
    expect(list.groups.map((group: { orderNumber: string; status: string }) => [group.orderNumber, group.status])).toEqual([
      [one.number, 'picking'],
      [two.number, 'picking'],
    ]);
    expect(
      list.lines.map((line: { sku: string; quantity: number; orders: { orderNumber: string; quantity: number }[] }) => [
        line.sku,
        line.quantity,
        line.orders.map((o) => [o.orderNumber, o.quantity]),
      ]),
    ).toEqual([
      [
        'MUG',
        4,
        [
          [one.number, 1],
          [two.number, 3],
        ],
      ],
      ['TEE', 1, [[one.number, 1]]],
    ]);
    expect((await api.call('GET', `/v1/pick-lists/${list.id}`, { token: basics.storeAKey })).body).toEqual(list);
    const text = await pdfText(await getPdf(`/v1/pick-lists/${list.id}/document`));
    for (const expected of [`Pick list ${list.number}`, 'Location STORE-A', 'MUG', 'TEE', `${one.number} × 1`, `${two.number} × 3`, '5 units'])
      expect(text).toContain(expected);

    // Store B does not see it; a group of another store is not A's to pick.
    expect((await api.call('GET', `/v1/pick-lists/${list.id}`, { token: storeBKey })).status).toBe(404);
    const b = await order([{ sku: 'MUG', quantity: 1 }], shipFrom(basics.storeB.id));
    expect((await api.call('POST', `/v1/locations/${basics.storeA.id}/pick-lists`, { body: { groupIds: [b.groupId] } })).status).toBe(404);
    // A group already packed has nothing to pick.
    const done = await order([{ sku: 'CAP', quantity: 1 }], shipFrom(basics.storeA.id));
    await step(done, 'parcels', { parcels: [{ box: 'S', weightGrams: 100 }] });
    const late = await api.call('POST', `/v1/locations/${basics.storeA.id}/pick-lists`, { body: { groupIds: [done.groupId] } });
    expect(late.body).toMatchObject({ code: 'not-to-pick', state: 'packed' });
    expect((await api.call('POST', `/v1/locations/${basics.storeA.id}/pick-lists`, { body: { limit: 2, groupIds: [one.groupId] } })).status).toBe(400);
  });

  it('takes the next N oldest promises still to pick or prepare', async () => {
    const before = await queue(basics.storeA.id);
    const waiting = before.items.filter((item: { status: string }) => item.status === 'reserved').map((item: { groupId: string }) => item.groupId);
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    const created = await api.call('POST', `/v1/locations/${basics.storeA.id}/pick-lists`, { body: { limit: 2 }, token: basics.storeAKey });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.groups.map((group: { groupId: string }) => group.groupId)).toEqual(waiting.slice(0, 2));
    expect(created.body.groups.map((group: { status: string }) => group.status)).toEqual(['picking', 'picking']);
    // A shipment taken is being picked; a pickup taken is still to prepare until it is at the counter.
    const shipments = before.items.filter(
      (item: { groupId: string; method: string }) => waiting.slice(0, 2).includes(item.groupId) && item.method === 'ship_to_address',
    ).length;
    const after = await queue(basics.storeA.id);
    expect([after.counts.to_pick, after.counts.picking, after.counts.to_prepare]).toEqual([
      before.counts.to_pick - shipments,
      before.counts.picking + shipments,
      before.counts.to_prepare,
    ]);
  });

  it('a ship-to-store pickup is incoming while its transfer travels, and ready for pickup once it has arrived', async () => {
    const placed = await order([{ sku: 'MUG', quantity: 1 }], {
      method: 'ship_to_store',
      pickupLocationId: basics.storeA.id,
      fulfilmentLocationId: basics.warehouse.id,
    });
    const transferId = placed.body.deliveryGroups[0].transferId;
    const stageHere = async () => (await queue(basics.storeA.id)).items.find((candidate: { groupId: string }) => candidate.groupId === placed.groupId);
    expect((await api.call('POST', `/v1/transfers/${transferId}/ship`)).status).toBe(200);
    expect(await stageHere()).toMatchObject({ stage: 'incoming', status: 'awaiting_transfer', transfer: { id: transferId, status: 'shipped' } });
    const received = await api.call('POST', `/v1/transfers/${transferId}/receive`, { body: { lines: [{ sku: 'MUG', quantity: 1 }] }, token: basics.storeAKey });
    expect(received.status, JSON.stringify(received.body)).toBe(200);
    // Receiving the transfer makes it ready at the counter (Click & Collect): nothing left to pick.
    expect(await stageHere()).toMatchObject({ stage: 'ready_for_pickup', status: 'ready_for_pickup', transfer: { id: transferId, status: 'received' } });
    expect((await scan(placed, BARCODES.MUG)).body).toMatchObject({ code: 'not-picking', state: 'ready_for_pickup' });
    const listed = await api.call('POST', `/v1/locations/${basics.storeA.id}/pick-lists`, { body: { groupIds: [placed.groupId] }, token: basics.storeAKey });
    expect(listed.body).toMatchObject({ code: 'not-to-pick', state: 'ready_for_pickup' });
  });
});
