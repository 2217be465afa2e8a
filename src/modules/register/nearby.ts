import type { Principal } from '../../platform/auth/principal.ts';
import type { Executor } from '../../platform/db/database.ts';
import { listLevels } from '../inventory/service.ts';
import { resolveSkus } from '../inventory/skus.ts';
import { getLocation, listLocations } from '../locations/service.ts';
import type { Location } from '../locations/schema.ts';
import { distanceKm } from '../routing/network.ts';

/**
 * "Do you have it in another store?": an item's stock at every active location holding it (stores, the warehouse,
 * vendors), on hand, reserved and available, nearest to the asking store first (as the crow flies). Store staff see
 * every location's stock (inventory's rule); levels and locations are read through their modules.
 */
export async function stockNearby(db: Executor, principal: Principal, sku: string, fromId: string) {
  await resolveSkus(db, [sku], () => 'params.sku');
  const from = await getLocation(db, fromId);
  const [levels, locations] = await Promise.all([allPages((cursor) => listLevels(db, principal, { sku, limit: 200, cursor })), activeLocations(db)]);
  const items = levels.flatMap((level) => {
    const location = locations.get(level.locationId);
    if (!location) return [];
    return [
      {
        locationId: location.id,
        code: location.code,
        name: location.name,
        type: location.type,
        distanceKm: Math.round(distanceKm(from, location) * 10) / 10,
        onHand: level.onHand,
        reserved: level.reserved,
        available: level.available,
      },
    ];
  });
  items.sort((a, b) => a.distanceKm - b.distanceKm || a.code.localeCompare(b.code));
  return { sku, from: from.id, items };
}

async function activeLocations(db: Executor): Promise<Map<string, Location>> {
  const all = await allPages((cursor) => listLocations(db, { limit: 200, cursor, active: true }));
  return new Map(all.map((location) => [location.id, location]));
}

async function allPages<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    items.push(...next.items);
    cursor = next.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return items;
}
