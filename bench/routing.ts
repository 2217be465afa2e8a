import { sql } from 'kysely';
import { seedDemo } from '../src/demo/seed.ts';
import { changeStock } from '../src/modules/inventory/stock.ts';
import { placeOrders, type OrderRequest } from '../src/modules/orders/place/index.ts';
import { sellingSetupCache } from '../src/modules/orders/selling-setup.ts';
import { TEST_PROVIDERS } from '../src/modules/payments/providers.ts';
import { quote } from '../src/modules/pricing/service.ts';
import { routeGroup } from '../src/modules/routing/engine.ts';
import { supplyOf, type GroupToRoute, type Levels, type NetworkLocation, type RoutingFacts } from '../src/modules/routing/network.ts';
import { rulesDocumentSchema, type RulesDocument } from '../src/modules/routing/rules.ts';
import type { Principal } from '../src/platform/auth/principal.ts';
import type { Db } from '../src/platform/db/database.ts';
import { newId } from '../src/platform/ids.ts';
import { benchDatabase, median, option, percentile } from './support.ts';

/**
 * Routing (issue 19): decisions per second of the engine alone, in-process on one core (200 locations, 50,000
 * variants, 3-line orders, a 5-rule set), and what routing adds to order capture on PostgreSQL: the same orders placed
 * one at a time, then 16 at a time, with the default rules and with the 5-rule set, in interleaved pairs.
 * Usage: npm run bench -- routing [decisions|capture] [--decisions 50000] [--runs 3] [--orders 1000]
 */
const args = process.argv.slice(2);
const RUNS = option('runs', 3);

/** Five rules as a retailer writes them: pickup nearby, warehouse under capacity, stores nearby, split, then wait. */
export const FIVE_RULES: RulesDocument = rulesDocumentSchema.parse({
  rules: [
    {
      name: 'Pickup: nearest store with stock',
      orders: { deliveryMethods: ['pickup_in_store'] },
      locations: { types: ['store'], maxDistanceKm: 30, openToday: true },
      ranking: ['distance'],
    },
    {
      name: 'Warehouse under capacity',
      orders: { deliveryMethods: ['ship_to_address', 'ship_to_store'] },
      locations: { types: ['warehouse'], underCapacity: true },
      ranking: ['distance', 'stock_after'],
    },
    {
      name: 'Ship from a store nearby, keeping 2 on the shelf',
      orders: { deliveryMethods: ['ship_to_address'] },
      locations: { types: ['store'], capabilities: ['ship_from_store'], maxDistanceKm: 300, routingSafetyStock: 2, underCapacity: true },
      ranking: ['distance', 'remaining_capacity'],
    },
    {
      name: 'Split over the network',
      locations: { underCapacity: true },
      ranking: ['stock_after', 'distance'],
      allocation: { split: true, maxShipments: 3 },
    },
    { name: 'Wait for stock', whenNothingQualifies: 'backorder' },
  ],
});

/** A network like a chain's: 10 warehouses and 190 stores over France, each variant stocked at 20 of them. */
function network(locations: number, variants: number) {
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const places: NetworkLocation[] = Array.from({ length: locations }, (_, index) => ({
    id: `loc-${index}`,
    code: `L${index}`,
    type: index < 10 ? 'warehouse' : 'store',
    latitude: 43 + random() * 7,
    longitude: -1 + random() * 8,
    groups: [],
    capabilities: ['ships_orders', 'ship_from_store', 'click_and_collect'],
    openToday: random() > 0.1,
    capacity: { today: { used: Math.floor(random() * 50), limit: index < 10 ? 5000 : 40 }, window: null },
  }));
  const stock: Levels = new Map();
  for (let variant = 0; variant < variants; variant++) {
    const byLocation = new Map<string, number>();
    for (let copy = 0; copy < 20; copy++) byLocation.set(`loc-${Math.floor(random() * locations)}`, Math.floor(random() * 12));
    stock.set(`v${variant}`, byLocation);
  }
  const groups: GroupToRoute[] = Array.from({ length: 1000 }, (_, index) => ({
    index: 0,
    method: index % 4 === 0 ? 'pickup_in_store' : 'ship_to_address',
    pickupLocationId: null,
    destination: { latitude: 43 + random() * 7, longitude: -1 + random() * 8 },
    promisedAt: null,
    lines: [0, 1, 2].map((line) => {
      const variant = Math.floor(random() * variants);
      return { index: line, variantId: `v${variant}`, productId: `p${variant}`, sku: `SKU-${variant}`, quantity: 1 + (line % 2), value: 2500, tags: [] };
    }),
    candidates: places.map((place) => place.id),
    excluded: [],
  }));
  return { places, stock, groups };
}

function decisionsRun() {
  const count = option('decisions', 50_000);
  const { places, stock, groups } = network(200, 50_000);
  const locations = new Map(places.map((place) => [place.id, place]));
  const facts = (): RoutingFacts => ({
    now: new Date(),
    locations,
    // A fresh view per 1,000 decisions, as a batch has: decisions take from it.
    supply: supplyOf(stock),
    flags: new Map(),
  });
  const runs: number[] = [];
  const outcomes = new Map<string, number>();
  for (let run = 0; run < RUNS; run++) {
    let current = facts();
    const started = performance.now();
    for (let index = 0; index < count; index++) {
      if (index % 1000 === 0) current = facts();
      const group = groups[index % groups.length]!;
      const decision = routeGroup(FIVE_RULES, { channelId: 'web', priority: 0, groups: [group] }, group, current);
      if (run === 0) outcomes.set(decision.outcome.kind, (outcomes.get(decision.outcome.kind) ?? 0) + 1);
    }
    runs.push(Math.round(count / ((performance.now() - started) / 1000)));
  }
  return { decisionsPerSecond: median(runs), runs, outcomes: Object.fromEntries(outcomes), locations: 200, variants: 50_000 };
}

/** Installs (or removes, with null) the 5-rule set as the web channel's active one. */
async function activeRules(db: Db, channelId: string, document: RulesDocument | null) {
  await db
    .updateTable('routing_rule_sets')
    .set({ status: 'archived', archived_at: new Date() })
    .where('channel_id', '=', channelId)
    .where('status', '=', 'active')
    .execute();
  if (!document) return;
  const last = await db
    .selectFrom('routing_rule_sets')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('channel_id', '=', channelId)
    .executeTakeFirst();
  await db
    .insertInto('routing_rule_sets')
    .values({
      id: newId(),
      channel_id: channelId,
      version: (last?.version ?? 0) + 1,
      name: 'bench: five rules',
      status: 'active',
      document: JSON.stringify(document),
      activated_at: new Date(),
    })
    .execute();
}

async function captureRun() {
  const orders = option('orders', 1000);
  const database = await benchDatabase('postgres', 4);
  try {
    const { db } = database;
    await seedDemo(db, { onlyIfEmpty: false });
    const locations = await db.selectFrom('locations').select('id').execute();
    const variants = await db.selectFrom('variants').select(['id', 'sku']).orderBy('sku').execute();
    await db.transaction().execute((trx) =>
      changeStock(
        trx,
        variants.flatMap((variant) =>
          locations.map((location) => ({ variantId: variant.id, locationId: location.id, kind: 'receipt' as const, quantity: 100_000, onHand: 100_000 })),
        ),
        'bench',
      ),
    );
    await sql`analyze`.execute(db);
    const channel = await db.selectFrom('channels').select('id').where('type', '=', 'web').orderBy('code').executeTakeFirstOrThrow();
    const principal: Principal = { role: 'admin', locationId: null, channelId: null, userId: null, apiKeyId: null, actor: 'bench' };
    const card = { number: '4242424242424242', expMonth: 12, expYear: 2099, cvc: '123' };
    const address = { line1: '1 place Bellecour', postalCode: '69002', city: 'Lyon', country: 'FR' };
    const lines = variants.slice(0, 3).map((variant) => ({ sku: variant.sku, quantity: 1, deliveryGroup: 0 }));
    const priced = await quote(db, { channelId: channel.id, lines, deliveryGroups: [{ method: 'ship_to_address', lineIndexes: [0, 1, 2] }] }, new Date());
    let number = 0;
    const request = (): OrderRequest => ({
      principal,
      input: {
        channelId: channel.id,
        customer: { firstName: 'Bench', lastName: 'Buyer', email: `bench.${number++}@example.com` },
        lines,
        deliveryGroups: [{ method: 'ship_to_address', address }],
        payments: [{ method: 'card_online', amount: priced.totals.total, card }],
      },
    });
    const setups = sellingSetupCache(db);
    const measure = async (size: number) => {
      const latencies: number[] = [];
      const started = performance.now();
      for (let placed = 0; placed < orders; placed += size) {
        const at = performance.now();
        const outcomes = await placeOrders(db, Array.from({ length: size }, request), TEST_PROVIDERS, new Date(), setups);
        latencies.push(performance.now() - at);
        const failed = outcomes.find((outcome) => 'error' in outcome);
        if (failed) throw new Error(`an order failed: ${String((failed as { error: unknown }).error)}`);
      }
      const sorted = latencies.sort((a, b) => a - b);
      return {
        p50: +percentile(sorted, 50).toFixed(2),
        p99: +percentile(sorted, 99).toFixed(2),
        ordersPerSecond: Math.round(orders / ((performance.now() - started) / 1000)),
      };
    };
    const pairs = [];
    for (let run = 0; run < RUNS; run++) {
      await activeRules(db, channel.id, null);
      const defaultOne = await measure(1);
      const defaultSixteen = await measure(16);
      await activeRules(db, channel.id, FIVE_RULES);
      const fiveOne = await measure(1);
      const fiveSixteen = await measure(16);
      pairs.push({ defaultRules: { one: defaultOne, sixteen: defaultSixteen }, fiveRules: { one: fiveOne, sixteen: fiveSixteen } });
    }
    return pairs;
  } finally {
    await database.drop();
  }
}

const only = args.find((arg) => ['decisions', 'capture'].includes(arg));
const report: Record<string, unknown> = {};
if (!only || only === 'decisions') report.engineOneCore = decisionsRun();
if (!only || only === 'capture') report.orderCaptureInProcessPostgres = await captureRun();
console.log(JSON.stringify(report, null, 2));
