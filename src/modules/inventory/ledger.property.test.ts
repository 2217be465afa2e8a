import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type ApiResponse, type TestApi } from '../../../test/support/api.ts';
import { createVariants, ledgerMismatches, seedBasics, type Basics } from '../../../test/support/fixtures.ts';
import { isConditionFailed, writeIf } from '../../platform/db/statements.ts';
import { reservationsIfAllFit } from './reservations.ts';

/**
 * Property: whatever sequence of stock operations runs, through every way stock is written (receipts, shelf sales,
 * adjustments, counts, damages, safety stock, reservations held or firm and their release, deduction and confirmation,
 * orders placed through POST /v1/orders, several at once so that the order and reservation desks batch them, and the
 * one-statement reservation of a batch), each operation is granted or refused exactly as a model of the rules says, and
 * after every step:
 *  - the levels are the model's (on hand, reserved, damaged, safety stock, available = max(0, on hand − reserved −
 *    safety stock), never negative), and the active reservations are the model's;
 *  - no quantity is negative, the ledger sums to the quantities, the active reservations sum to `reserved`;
 *  - a reserved unit is covered by one on hand (reserved ≤ on hand), except where the last movement recorded physical
 *    truth (a count, an adjustment or a damage may reveal that fewer units remain than are promised: stock.ts).
 * Concurrent requests are decided in an order the test cannot know: they are checked against what holds for any order
 * (nothing granted beyond what was free; each one refused still does not fit in what is left).
 *
 * The model is written from the rules in stock.ts and reservations.ts, not from the code's answers.
 */
let api: TestApi;
let basics: Basics;
let locations: string[];
let productRun = 0;
let orderCount = 0;
beforeAll(async () => {
  api = await startTestApi();
  basics = await seedBasics(api);
  locations = [basics.warehouse.id, basics.storeA.id];
  // The first product brings the `standard` tax class the delivery rate needs.
  await createVariants(api, ['SETUP']);
  const rate = await api.call('PUT', '/v1/delivery-rates', {
    body: { method: 'ship_to_address', pricing: 'flat', amount: 0, packingFee: 0, currency: 'EUR', taxClass: 'standard' },
  });
  expect(rate.status).toBe(200);
});
afterAll(() => api?.close());

const PRICE = 100;
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2099, cvc: '123' };
const ADDRESS = { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon', country: 'FR' };

type Key = { variant: number; location: number };
// Half the operations meet at one SKU × location, so that sales, counts and reservations collide there often.
const key = fc.oneof(fc.constant({ variant: 0, location: 0 }), fc.record({ variant: fc.nat(2), location: fc.nat(1) }));
const reservationRequest = fc.record({
  kind: fc.constantFrom('hold' as const, 'order' as const),
  lines: fc.array(fc.record({ key, quantity: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 3 }),
});
const orderRequest = fc.record({
  location: fc.nat(1),
  lines: fc.uniqueArray(fc.record({ variant: fc.nat(2), quantity: fc.integer({ min: 1, max: 3 }) }), {
    minLength: 1,
    maxLength: 2,
    selector: (line) => line.variant,
  }),
});
// Receipts weigh more (without stock, most reservations and orders would only test refusals), and so do the operations
// that compete for units: orders, reservations, sales.
const operation = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('receive' as const), key, quantity: fc.integer({ min: 1, max: 8 }) }), weight: 4 },
  { arbitrary: fc.record({ op: fc.constant('sell' as const), key, quantity: fc.integer({ min: 1, max: 4 }) }), weight: 2 },
  fc.record({ op: fc.constant('adjust' as const), key, quantity: fc.integer({ min: -3, max: 3 }).filter((n) => n !== 0) }),
  fc.record({ op: fc.constant('count' as const), key, quantity: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ op: fc.constant('damage' as const), key, quantity: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ op: fc.constant('safety' as const), key, forSku: fc.boolean(), quantity: fc.option(fc.integer({ min: 0, max: 2 })) }),
  { arbitrary: fc.record({ op: fc.constant('reserve' as const), requests: fc.array(reservationRequest, { minLength: 1, maxLength: 4 }) }), weight: 2 },
  fc.record({ op: fc.constant('reserveAtOnce' as const), keys: fc.array(key, { minLength: 1, maxLength: 3 }), quantity: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constantFrom('release' as const, 'deduct' as const, 'confirm' as const), pick: fc.nat() }),
  { arbitrary: fc.record({ op: fc.constant('orders' as const), orders: fc.array(orderRequest, { minLength: 1, maxLength: 6 }) }), weight: 3 },
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

interface Cell {
  onHand: number;
  reserved: number;
  damaged: number;
  exists: boolean;
  safetyOverride: number | null;
}
interface ActiveReservation {
  id: string;
  key: Key;
  quantity: number;
  kind: 'hold' | 'order';
}

/** One run: three new SKUs (so the model starts from nothing), and the model of their stock at the two locations. */
class Run {
  readonly skus: string[];
  readonly variants: string[];
  readonly cells = new Map<string, Cell>();
  readonly locationSafety = [0, 0];
  active: ActiveReservation[] = [];

  constructor(skus: string[], variants: string[]) {
    this.skus = skus;
    this.variants = variants;
  }

  static async start(): Promise<Run> {
    const skus = [1, 2, 3].map((n) => `PROP-${productRun}-${n}`);
    productRun++;
    const ids = await createVariants(api, skus);
    const prices = await api.call('PUT', `/v1/price-lists/${basics.priceList.id}/prices`, { body: { prices: skus.map((sku) => ({ sku, amount: PRICE })) } });
    expect(prices.status).toBe(200);
    // Location defaults outlive a run: back to none.
    for (const locationId of locations) expect((await api.call('PUT', '/v1/inventory/safety-stock', { body: { locationId, quantity: 0 } })).status).toBe(200);
    return new Run(
      skus,
      skus.map((sku) => ids.get(sku)!),
    );
  }

  cell(k: Key): Cell {
    const id = `${k.variant}|${k.location}`;
    return this.cells.get(id) ?? this.cells.set(id, { onHand: 0, reserved: 0, damaged: 0, exists: false, safetyOverride: null }).get(id)!;
  }
  safety(k: Key) {
    return this.cell(k).safetyOverride ?? this.locationSafety[k.location]!;
  }
  /** Units a reservation may take: none at a SKU × location that has no level yet. */
  free(k: Key) {
    const c = this.cell(k);
    return c.exists ? Math.max(0, c.onHand - c.reserved - this.safety(k)) : 0;
  }
  /**
   * A movement is allowed when no quantity goes below zero and, unless it records physical truth (count, adjustment,
   * damage), every reserved unit stays covered by one on hand.
   */
  allows(k: Key, change: { onHand?: number; reserved?: number; damaged?: number }, physical: boolean) {
    const c = this.cell(k);
    const onHand = c.onHand + (change.onHand ?? 0);
    const reserved = c.reserved + (change.reserved ?? 0);
    const damaged = c.damaged + (change.damaged ?? 0);
    return onHand >= 0 && reserved >= 0 && damaged >= 0 && (physical || reserved <= onHand);
  }
  apply(k: Key, change: { onHand?: number; reserved?: number; damaged?: number }) {
    const c = this.cell(k);
    c.onHand += change.onHand ?? 0;
    c.reserved += change.reserved ?? 0;
    c.damaged += change.damaged ?? 0;
    c.exists = true;
  }
  at(k: Key) {
    return { sku: this.skus[k.variant]!, variantId: this.variants[k.variant]!, locationId: locations[k.location]! };
  }
}

const isRefusal = (response: ApiResponse) => response.status === 409 && response.body?.code === 'insufficient-stock';

/** The answer is a success (`ok`) or the typed 409 refusal, as the model expects. */
function expectOutcome(response: ApiResponse, ok: boolean, what: string) {
  if (ok) expect(response.status, `${what}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
  else expect(isRefusal(response), `${what} should be refused: ${response.status} ${JSON.stringify(response.body)}`).toBe(true);
}

/**
 * Requests decided together, in an order the test cannot know. Whatever the order: what was granted at each key fits in
 * what was free before, and each request refused has a key where it does not fit in what is left.
 */
function expectFairDecisions(run: Run, wanted: Map<string, { k: Key; quantity: number }>[], granted: boolean[], what: string) {
  const freeBefore = new Map<string, number>();
  const taken = new Map<string, number>();
  wanted.forEach((lines, index) => {
    for (const [id, { k, quantity }] of lines) {
      freeBefore.set(id, run.free(k));
      if (granted[index]) taken.set(id, (taken.get(id) ?? 0) + quantity);
    }
  });
  for (const [id, quantity] of taken) expect(quantity, `${what}: granted at ${id} beyond what was free`).toBeLessThanOrEqual(freeBefore.get(id)!);
  wanted.forEach((lines, index) => {
    if (granted[index]) return;
    const short = [...lines].some(([id, { quantity }]) => quantity > freeBefore.get(id)! - (taken.get(id) ?? 0));
    expect(short, `${what}: request ${index} was refused though it fits in what is left`).toBe(true);
  });
}

const wantedOf = (lines: { k: Key; quantity: number }[]) => {
  const wanted = new Map<string, { k: Key; quantity: number }>();
  for (const { k, quantity } of lines) {
    const id = `${k.variant}|${k.location}`;
    wanted.set(id, { k, quantity: (wanted.get(id)?.quantity ?? 0) + quantity });
  }
  return wanted;
};

async function apply(run: Run, step: Operation) {
  const db = api.database.db;
  switch (step.op) {
    case 'receive':
    case 'sell':
    case 'adjust':
    case 'damage': {
      const { sku, locationId } = run.at(step.key);
      const change =
        step.op === 'receive'
          ? { onHand: step.quantity }
          : step.op === 'sell'
            ? { onHand: -step.quantity }
            : step.op === 'adjust'
              ? { onHand: step.quantity }
              : { onHand: -step.quantity, damaged: step.quantity };
      const ok = run.allows(step.key, change, step.op === 'adjust' || step.op === 'damage');
      const response =
        step.op === 'receive'
          ? await api.call('POST', '/v1/inventory/receipts', { body: { locationId, lines: [{ sku, quantity: step.quantity }] } })
          : step.op === 'sell'
            ? await api.call('POST', '/v1/inventory/sales', { body: { locationId, lines: [{ sku, quantity: step.quantity }] } })
            : step.op === 'adjust'
              ? await api.call('POST', '/v1/inventory/adjustments', { body: { locationId, sku, quantity: step.quantity, reason: 'property' } })
              : await api.call('POST', '/v1/inventory/damages', { body: { locationId, sku, quantity: step.quantity, reason: 'property' } });
      expectOutcome(response, ok, `${step.op} ${step.quantity} of ${sku}`);
      if (ok) run.apply(step.key, change);
      return;
    }
    case 'count': {
      const { sku, locationId } = run.at(step.key);
      const response = await api.call('POST', '/v1/inventory/counts', { body: { locationId, lines: [{ sku, counted: step.quantity }] } });
      // A count is what is there: always recorded, whatever is reserved.
      expectOutcome(response, true, `count ${step.quantity} of ${sku}`);
      run.apply(step.key, { onHand: step.quantity - run.cell(step.key).onHand });
      return;
    }
    case 'safety': {
      const { sku, locationId } = run.at(step.key);
      if (!step.forSku && step.quantity === null) return; // a location default cannot be removed (400), tested elsewhere
      const response = await api.call('PUT', '/v1/inventory/safety-stock', { body: { locationId, ...(step.forSku ? { sku } : {}), quantity: step.quantity } });
      expectOutcome(response, true, `safety stock ${step.quantity}`);
      if (step.forSku) Object.assign(run.cell(step.key), { safetyOverride: step.quantity, exists: true });
      else run.locationSafety[step.key.location] = step.quantity!;
      return;
    }
    case 'reserve': {
      // Sent together: the reservation desk grants them in one batch (or a few).
      const responses = await Promise.all(
        step.requests.map((request) =>
          api.call('POST', '/v1/reservations', {
            body: {
              kind: request.kind,
              ttlSeconds: 3600,
              lines: request.lines.map((line) => ({ sku: run.at(line.key).sku, locationId: run.at(line.key).locationId, quantity: line.quantity })),
            },
          }),
        ),
      );
      for (const response of responses) expect(response.status === 201 || isRefusal(response), JSON.stringify(response.body)).toBe(true);
      const wanted = step.requests.map((request) => wantedOf(request.lines.map((line) => ({ k: line.key, quantity: line.quantity }))));
      expectFairDecisions(
        run,
        wanted,
        responses.map((response) => response.status === 201),
        'reservations',
      );
      responses.forEach((response, index) => {
        if (response.status !== 201) return;
        const request = step.requests[index]!;
        const granted = response.body.reservations as { id: string; sku: string; locationId: string; quantity: number; kind: string }[];
        expect(granted.map(({ sku, locationId, quantity, kind }) => ({ sku, locationId, quantity, kind }))).toEqual(
          request.lines.map((line) => ({ sku: run.at(line.key).sku, locationId: run.at(line.key).locationId, quantity: line.quantity, kind: request.kind })),
        );
        granted.forEach((reservation, line) => {
          run.active.push({ id: reservation.id, key: request.lines[line]!.key, quantity: reservation.quantity, kind: request.kind });
          run.apply(request.lines[line]!.key, { reserved: reservation.quantity });
        });
      });
      return;
    }
    case 'reserveAtOnce': {
      // The one statement an order batch reserves with, without a transaction: all or nothing.
      const lines = step.keys.map((k) => ({ ...run.at(k), quantity: step.quantity }));
      const wanted = wantedOf(step.keys.map((k) => ({ k, quantity: step.quantity })));
      const ok = [...wanted.values()].every(({ k, quantity }) => quantity <= run.free(k));
      const { guard, writes, outcomes } = reservationsIfAllFit([{ kind: 'order', actor: 'property', lines }]);
      let written = true;
      try {
        await writeIf(db, [guard], writes);
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
        written = false;
      }
      expect(written, `one-statement reservation of ${JSON.stringify([...wanted.values()])}`).toBe(ok);
      if (!written) return;
      const granted = (outcomes[0] as { reservations: { id: string; quantity: number }[] }).reservations;
      granted.forEach((reservation, line) => {
        run.active.push({ id: reservation.id, key: step.keys[line]!, quantity: reservation.quantity, kind: 'order' });
        run.apply(step.keys[line]!, { reserved: reservation.quantity });
      });
      return;
    }
    case 'release':
    case 'deduct':
    case 'confirm': {
      if (!run.active.length) return;
      const reservation = run.active[step.pick % run.active.length]!;
      const change =
        step.op === 'release'
          ? { reserved: -reservation.quantity }
          : step.op === 'deduct'
            ? { onHand: -reservation.quantity, reserved: -reservation.quantity }
            : {};
      const ok = step.op === 'confirm' || run.allows(reservation.key, change, false);
      const response = await api.call('POST', `/v1/reservations/${reservation.id}/${step.op}`);
      expectOutcome(response, ok, `${step.op} of a reservation of ${reservation.quantity}`);
      if (!ok) return;
      if (step.op === 'confirm') {
        expect(response.body).toMatchObject({ status: 'active', kind: 'order', expiresAt: null });
        reservation.kind = 'order';
        return;
      }
      expect(response.body.status).toBe(step.op === 'release' ? 'released' : 'deducted');
      run.apply(reservation.key, change);
      run.active = run.active.filter((other) => other !== reservation);
      return;
    }
    case 'orders': {
      // Sent together: the order desk places them in batches, written in one statement when the batch fits.
      const responses = await Promise.all(
        step.orders.map((order) =>
          api.call('POST', '/v1/orders', {
            body: {
              channelId: basics.web.id,
              customer: { firstName: 'Prop', lastName: 'Erty', email: `order.${++orderCount}@example.com` },
              lines: order.lines.map((line) => ({ sku: run.skus[line.variant]!, quantity: line.quantity, deliveryGroup: 0 })),
              deliveryGroups: [{ method: 'ship_to_address', address: ADDRESS, fulfilmentLocationId: locations[order.location]! }],
              payments: [{ method: 'card_online', amount: PRICE * order.lines.reduce((sum, line) => sum + line.quantity, 0), card: CARD }],
            },
          }),
        ),
      );
      for (const response of responses) expect(response.status === 201 || isRefusal(response), JSON.stringify(response.body)).toBe(true);
      const wanted = step.orders.map((order) =>
        wantedOf(order.lines.map((line) => ({ k: { variant: line.variant, location: order.location }, quantity: line.quantity }))),
      );
      expectFairDecisions(
        run,
        wanted,
        responses.map((response) => response.status === 201),
        'orders',
      );
      for (const [index, response] of responses.entries()) {
        if (response.status !== 201) continue;
        const order = step.orders[index]!;
        const reserved = await db
          .selectFrom('reservations')
          .select(['id', 'variant_id', 'location_id', 'quantity', 'kind', 'status'])
          .where('reference_type', '=', 'order')
          .where('reference_id', '=', response.body.id)
          .execute();
        const expected = order.lines.map((line) => ({
          variant_id: run.variants[line.variant]!,
          location_id: locations[order.location]!,
          quantity: line.quantity,
          kind: 'order',
          status: 'active',
        }));
        expect(reserved.map(({ id: _, ...rest }) => rest).sort((a, b) => a.variant_id.localeCompare(b.variant_id))).toEqual(
          expected.sort((a, b) => a.variant_id.localeCompare(b.variant_id)),
        );
        for (const row of reserved) {
          const k = { variant: run.variants.indexOf(row.variant_id), location: order.location };
          run.active.push({ id: row.id, key: k, quantity: row.quantity, kind: 'order' });
          run.apply(k, { reserved: row.quantity });
        }
      }
      return;
    }
  }
}

/** The database agrees with the model, and the invariants that hold whatever the model says. */
async function expectAgreement(run: Run, after: string) {
  const db = api.database.db;
  // Levels as the API answers them (available computed there), against the model.
  const levels = new Map<string, { onHand: number; reserved: number; damaged: number; safetyStock: number; available: number }>();
  for (const [variant, sku] of run.skus.entries()) {
    const page = await api.call('GET', `/v1/inventory/levels?sku=${sku}`);
    expect(page.status).toBe(200);
    for (const level of page.body.items) levels.set(`${variant}|${locations.indexOf(level.locationId)}`, level);
  }
  for (let variant = 0; variant < 3; variant++) {
    for (let location = 0; location < 2; location++) {
      const k = { variant, location };
      const c = run.cell(k);
      const level = levels.get(`${variant}|${location}`);
      const expected = c.exists
        ? {
            onHand: c.onHand,
            reserved: c.reserved,
            damaged: c.damaged,
            safetyStock: run.safety(k),
            available: Math.max(0, c.onHand - c.reserved - run.safety(k)),
          }
        : undefined;
      expect(
        level && { onHand: level.onHand, reserved: level.reserved, damaged: level.damaged, safetyStock: level.safetyStock, available: level.available },
        `${run.skus[variant]} at location ${location} after ${after}`,
      ).toEqual(expected);
    }
  }
  const active = await db
    .selectFrom('reservations')
    .select(['id', 'quantity', 'kind'])
    .where('status', '=', 'active')
    .where('variant_id', 'in', run.variants)
    .execute();
  expect(active.map((row) => `${row.id} ${row.quantity} ${row.kind}`).sort(), `active reservations after ${after}`).toEqual(
    run.active.map((row) => `${row.id} ${row.quantity} ${row.kind}`).sort(),
  );

  // This run's SKUs only: an earlier run's failure is that run's, and shrinking needs each run to stand alone.
  expect(
    (await ledgerMismatches(api)).filter((row) => run.variants.includes(row.variant_id)),
    `ledger after ${after}`,
  ).toEqual([]);
  const { rows } = await sql<{ variant_id: string; location_id: string; on_hand: number; reserved: number; last_kind: string | null; active: number }>`
    select s.variant_id, s.location_id, s.on_hand, s.reserved,
      (select m.kind from stock_movements m where m.variant_id = s.variant_id and m.location_id = s.location_id order by m.id desc limit 1) as last_kind,
      coalesce((select sum(r.quantity)::int from reservations r where r.status = 'active' and r.variant_id = s.variant_id and r.location_id = s.location_id), 0) as active
    from stock_levels s
    where s.variant_id = any(${run.variants}::uuid[]) and (s.on_hand < 0 or s.reserved < 0 or s.damaged < 0 or s.incoming < 0
       or s.reserved <> coalesce((select sum(r.quantity)::int from reservations r where r.status = 'active' and r.variant_id = s.variant_id and r.location_id = s.location_id), 0)
       or (s.reserved > s.on_hand and coalesce((select m.kind from stock_movements m where m.variant_id = s.variant_id and m.location_id = s.location_id order by m.id desc limit 1), '') not in ('count', 'adjustment', 'damage')))`.execute(
    db,
  );
  expect(rows, `levels breaking an invariant after ${after}`).toEqual([]);
}

it('grants or refuses every stock operation as the rules say, and keeps the ledger, quantities and reservations in agreement after each', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(operation, { minLength: 5, maxLength: 20 }), async (steps) => {
      const run = await Run.start();
      for (const [index, step] of steps.entries()) {
        await apply(run, step);
        await expectAgreement(run, `step ${index} (${JSON.stringify(step)})`);
      }
    }),
    {
      numRuns: 25,
      // Always among the runs: orders that all fit, sent together (a batch written in one statement), then more than
      // the stock left (a batch decided under lock), then holds that compete for the last units.
      examples: [
        [
          [
            { op: 'receive', key: { variant: 0, location: 0 }, quantity: 5 },
            { op: 'receive', key: { variant: 1, location: 0 }, quantity: 5 },
            { op: 'orders', orders: [1, 2, 3, 4].map(() => ({ location: 0, lines: [{ variant: 0, quantity: 1 }] })) },
            {
              op: 'orders',
              orders: [1, 2, 3, 4].map((n) => ({
                location: 0,
                lines: [
                  { variant: 1, quantity: 2 },
                  { variant: 0, quantity: n % 2 },
                ].filter((line) => line.quantity),
              })),
            },
            { op: 'reserve', requests: [1, 2, 3].map(() => ({ kind: 'hold' as const, lines: [{ key: { variant: 1, location: 0 }, quantity: 1 }] })) },
          ],
        ],
        [
          [
            // A sale may not take promised units; a count may reveal that fewer remain than are promised.
            { op: 'receive', key: { variant: 0, location: 1 }, quantity: 3 },
            { op: 'reserve', requests: [{ kind: 'order', lines: [{ key: { variant: 0, location: 1 }, quantity: 2 }] }] },
            { op: 'sell', key: { variant: 0, location: 1 }, quantity: 2 },
            { op: 'sell', key: { variant: 0, location: 1 }, quantity: 1 },
            { op: 'count', key: { variant: 0, location: 1 }, quantity: 1 },
            { op: 'deduct', pick: 0 },
            { op: 'release', pick: 0 },
          ],
        ],
      ],
    },
  );
  // The runs went through the batching paths they are meant to guard: orders and reservations decided several at a
  // time, and order batches written in one statement as well as in a transaction.
  const metrics = (await api.call('GET', '/metrics')).body as string;
  const value = (name: string) => Number(/ (\S+)$/.exec(metrics.split('\n').find((line) => line.startsWith(`${name} `))!)![1]);
  for (const desk of ['orders', 'reservations']) {
    expect(value(`aisle_desk_batch_size_count{desk="${desk}"}`), `${desk} batched`).toBeGreaterThan(
      value(`aisle_desk_batch_size_bucket{le="1",desk="${desk}"}`),
    );
  }
  expect(value('aisle_order_batch_writes_total{how="one_statement"}')).toBeGreaterThan(0);
  expect(value('aisle_order_batch_writes_total{how="transaction"}')).toBeGreaterThan(0);
}, 600_000);
