import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { stockChangedEventsOf } from './stock-events.ts';
import { availableToPromise } from './stock-rule.ts';

describe('the stock rule, in TypeScript (no database)', () => {
  it('given 10 on hand, 3 reserved and a safety stock of 2, when asked what may be promised, then 5', () => {
    expect(availableToPromise({ onHand: 10, reserved: 3, safetyStock: 2 })).toBe(5);
  });

  it('given more reserved and kept back than is on hand, when asked, then 0 and never below', () => {
    expect(availableToPromise({ onHand: 4, reserved: 3, safetyStock: 2 })).toBe(0);
    expect(availableToPromise({ onHand: 2, reserved: 5, safetyStock: 0 })).toBe(0);
  });

  it('given no safety stock, when asked, then everything not reserved', () => {
    expect(availableToPromise({ onHand: 7, reserved: 0, safetyStock: 0 })).toBe(7);
  });
});

describe('the stock rule in SQL (migration 0015)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ poolSize: 1 });
  });
  afterAll(() => database?.close());

  it('given any quantities, when PostgreSQL computes availability, then it answers what TypeScript does', async () => {
    const cases: { onHand: number; reserved: number; own: number | null; fallback: number }[] = [];
    for (const onHand of [0, 1, 5, 12])
      for (const reserved of [0, 3, 15]) for (const own of [null, 0, 2]) for (const fallback of [0, 4]) cases.push({ onHand, reserved, own, fallback });
    const { rows } = await sql<{ safety_stock: number; available: number }>`
      select effective_safety_stock(c.own, c.fallback) as safety_stock, available_to_promise(c.on_hand, c.reserved, effective_safety_stock(c.own, c.fallback)) as available
      from unnest(${cases.map((c) => c.onHand)}::int[], ${cases.map((c) => c.reserved)}::int[], ${cases.map((c) => c.own)}::int[], ${cases.map((c) => c.fallback)}::int[])
        with ordinality as c(on_hand, reserved, own, fallback, n)
      order by c.n`.execute(database.db);
    expect(rows).toEqual(
      cases.map((c) => {
        const safetyStock = c.own ?? c.fallback;
        return { safety_stock: safetyStock, available: availableToPromise({ onHand: c.onHand, reserved: c.reserved, safetyStock }) };
      }),
    );
  });

  it('given a level changed in memory, when its event is written, then the payload carries the quantities and the availability by the rule', async () => {
    const level = {
      variantId: '00000000-0000-4000-8000-000000000001',
      locationId: '00000000-0000-4000-8000-000000000002',
      onHand: 9,
      reserved: 4,
      damaged: 1,
      incoming: 3,
      safetyStock: 2,
      availableBefore: 5,
    };
    await stockChangedEventsOf([level])?.execute(database.db);
    const event = await database.db.selectFrom('outbox_events').select(['type', 'subject', 'payload']).executeTakeFirstOrThrow();
    expect(event).toEqual({
      type: 'stock.changed',
      subject: `stock:${level.variantId}:${level.locationId}`,
      payload: { ...level, available: 3 },
    });
  });
});
