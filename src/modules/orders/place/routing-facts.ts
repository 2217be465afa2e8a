import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { incomingFor } from '../../inventory/incoming.ts';
import { incomingSupply, keptCentroids, keptLoads, networkAt, readPreorders, usesOf } from '../../routing/facts.ts';
import { supplyOf, type Levels } from '../../routing/network.ts';
import type { RoutingSetup } from '../../routing/setup.ts';
import type { CreateOrder } from '../schema.ts';
import type { BatchRouting } from './route.ts';
import { rulesFor } from './route.ts';

/**
 * What a batch is routed with: the set-up kept, stock available per variant and location (read with the batch), and
 * what the rules in play look at beyond it: load per location (capacity), postcode centroids (distance), incoming
 * stock less what backorders already wait for (backorders). Each is read only if a rule uses it; incoming stock, at
 * order time, only when a decision weighs a backorder (`when needed`: the engine asks, route.ts reads and routes again).
 */
export async function batchRouting(
  db: Executor,
  setup: RoutingSetup,
  orders: { channelId: string; input: Pick<CreateOrder, 'deliveryGroups'> }[],
  available: Levels,
  variantIds: () => string[],
  now: Date,
  options: { incoming: 'now' | 'when needed' } = { incoming: 'now' },
): Promise<BatchRouting> {
  const uses = usesOf([...new Set(orders.map((order) => order.channelId))].map((channelId) => rulesFor(setup, channelId).document));
  const addresses = orders.flatMap(({ input }) => input.deliveryGroups.flatMap((group) => (group.address ? [group.address] : [])));
  const incomingNow = uses.incoming && options.incoming === 'now';
  const [loads, centroids, incoming] = await Promise.all([
    uses.capacity ? keptLoads(db, setup.kept, now) : new Map(),
    uses.distance ? keptCentroids(db, setup.kept, addresses) : new Map(),
    incomingNow ? readIncoming(db, variantIds()) : uses.incoming ? ('not read' as const) : new Map(),
  ]);
  const network = networkAt(setup, loads, now);
  const supply = supplyOf(available, incoming);
  let reading: Promise<void> | undefined;
  return {
    setup,
    network,
    centroids,
    facts: { now, locations: network, supply, flags: setup.flags },
    readIncoming: () => {
      reading ??= readIncoming(db, variantIds()).then((read) => supply.learnIncoming(read));
      return reading;
    },
  };
}

async function readIncoming(db: Executor, variantIds: string[]) {
  const [expected, preorders, promised] = await Promise.all([incomingFor(db, variantIds), readPreorders(db, variantIds), waitingBackorders(db, variantIds)]);
  return incomingSupply(expected, preorders, promised);
}

/** Units backordered groups wait for, per variant and location (null: a preorder), first placed first. */
export async function waitingBackorders(db: Executor, variantIds: string[]) {
  if (!variantIds.length) return [];
  const { rows } = await sql<{ variantId: string; locationId: string | null; quantity: number }>`
    select l.variant_id as "variantId", g.fulfilment_location_id as "locationId", sum(l.quantity - l.cancelled_quantity)::int as quantity
    from delivery_groups g join order_lines l on l.delivery_group_id = g.id
    where g.status = 'backordered' and l.variant_id = any(${variantIds}::uuid[])
    group by 1, 2`.execute(db);
  return rows;
}
