import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { createVariants, ledgerMismatches, seedBasics } from '../../../test/support/fixtures.ts';
import { isConditionFailed, writeIf } from '../../platform/db/statements.ts';
import { deductReservation, releaseReservation, reservationsIfAllFit, reserveStock } from './reservations.ts';
import { changeStock, InsufficientStock, type StockChange } from './stock.ts';

/**
 * Property: whatever sequence of stock operations runs (and whichever of them are refused), no quantity is ever
 * negative, no sale or reservation takes a promised unit, the ledger sums to the quantities, and the active
 * reservations sum to `reserved`. Reserving in one statement without a transaction (as batches of orders do) is
 * refused exactly when the transaction would refuse.
 */
let api: TestApi;
let variants: string[];
let locations: string[];
beforeAll(async () => {
  api = await startTestApi();
  const basics = await seedBasics(api);
  variants = [...(await createVariants(api, ['P-1', 'P-2', 'P-3'])).values()];
  locations = [basics.warehouse.id, basics.storeA.id];
});
afterAll(() => api?.close());

const key = fc.record({ variant: fc.nat(2), location: fc.nat(1) });
const operation = fc.oneof(
  fc.record({ op: fc.constant('receive' as const), key, quantity: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ op: fc.constant('sell' as const), key, quantity: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant('adjust' as const), key, quantity: fc.integer({ min: -3, max: 3 }).filter((n) => n !== 0) }),
  fc.record({ op: fc.constant('count' as const), key, quantity: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ op: fc.constant('damage' as const), key, quantity: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ op: fc.constant('reserve' as const), keys: fc.array(key, { minLength: 1, maxLength: 3 }), quantity: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant('reserveAtOnce' as const), keys: fc.array(key, { minLength: 1, maxLength: 3 }), quantity: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant('release' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('deduct' as const), pick: fc.nat() }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

async function apply(step: Operation) {
  const db = api.database.db;
  const at = (k: { variant: number; location: number }) => ({ variantId: variants[k.variant]!, locationId: locations[k.location]! });
  const change = (c: Omit<StockChange, 'variantId' | 'locationId'>, k: { variant: number; location: number }) =>
    db.transaction().execute(async (trx) => {
      if (c.kind === 'count') {
        const current = await trx.selectFrom('stock_levels').select('on_hand').where('variant_id', '=', at(k).variantId).where('location_id', '=', at(k).locationId).executeTakeFirst();
        const difference = c.quantity - (current?.on_hand ?? 0);
        if (difference !== 0) await changeStock(trx, [{ ...at(k), ...c, onHand: difference }], 'property');
        return;
      }
      await changeStock(trx, [{ ...at(k), ...c }], 'property');
    });
  const active = async () => (await db.selectFrom('reservations').select('id').where('status', '=', 'active').orderBy('id').execute()).map((row) => row.id);
  switch (step.op) {
    case 'receive': return change({ kind: 'receipt', quantity: step.quantity, onHand: step.quantity }, step.key);
    case 'sell': return change({ kind: 'sale', quantity: step.quantity, onHand: -step.quantity }, step.key);
    case 'adjust': return change({ kind: 'adjustment', quantity: step.quantity, onHand: step.quantity }, step.key);
    case 'count': return change({ kind: 'count', quantity: step.quantity }, step.key);
    case 'damage': return change({ kind: 'damage', quantity: step.quantity, onHand: -step.quantity, damaged: step.quantity }, step.key);
    case 'reserve':
    case 'reserveAtOnce': {
      const request = { kind: 'order' as const, actor: 'property', lines: step.keys.map((k) => ({ ...at(k), quantity: step.quantity })) };
      const reserve = () => db.transaction().execute((trx) => reserveStock(trx, request));
      if (step.op === 'reserve') return reserve();
      const { guard, writes } = reservationsIfAllFit([request]);
      try {
        await writeIf(db, [guard], writes);
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
        await expect(reserve()).rejects.toBeInstanceOf(InsufficientStock);
      }
      return;
    }
    case 'release':
    case 'deduct': {
      const ids = await active();
      if (!ids.length) return;
      const id = ids[step.pick % ids.length]!;
      return db.transaction().execute((trx) => (step.op === 'release' ? releaseReservation(trx, id, 'property') : deductReservation(trx, id, 'property')));
    }
  }
}

it('keeps the ledger, the quantities and the reservations in agreement after any sequence of operations', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(operation, { minLength: 5, maxLength: 25 }), async (steps) => {
      for (const step of steps) {
        try {
          await apply(step);
        } catch (error) {
          // A refusal must be the typed 409 and must change nothing; anything else is a bug.
          if (!(error instanceof InsufficientStock)) throw error;
        }
      }
      expect(await ledgerMismatches(api)).toEqual([]);
      const { rows } = await sql<{ bad: number }>`
        select count(*)::int as bad from stock_levels s
        left join (select variant_id, location_id, sum(quantity)::int as quantity from reservations where status = 'active' group by 1, 2) r
          on r.variant_id = s.variant_id and r.location_id = s.location_id
        where s.reserved <> coalesce(r.quantity, 0) or s.on_hand < 0 or s.damaged < 0`.execute(api.database.db);
      expect(rows[0]!.bad).toBe(0);
    }),
    { numRuns: 25 },
  );
});
