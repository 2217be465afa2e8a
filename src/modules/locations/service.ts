import { sql, type Selectable } from 'kysely';
import type { Executor, Trx } from '../../platform/db/database.ts';
import type { LocationsTable } from './tables.ts';
import { assertActsForLocation, type Principal } from '../../platform/auth/principal.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage, type Page } from '../../platform/http/pagination.ts';
import { Conflict, Forbidden, NotFound } from '../../platform/errors.ts';
import { STORE_EDITABLE, type Location, type LocationChanges, type NewLocation } from './schema.ts';

export const toLocation = (row: Selectable<LocationsTable>): Location => ({
  id: row.id,
  code: row.code,
  name: row.name,
  type: row.type,
  address: row.address,
  latitude: row.latitude,
  longitude: row.longitude,
  timezone: row.timezone,
  openingHours: row.opening_hours,
  capabilities: row.capabilities as Location['capabilities'],
  dailyCapacity: row.daily_capacity,
  capacityWindows: row.capacity_windows,
  groups: row.groups,
  pickupWindowDays: row.pickup_window_days,
  pickupReminderHours: row.pickup_reminder_hours,
  mustScan: row.must_scan,
  active: row.active,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export async function createLocation(trx: Trx, input: NewLocation): Promise<Location> {
  const existing = await trx.selectFrom('locations').select('id').where('code', '=', input.code).executeTakeFirst();
  if (existing) throw new Conflict('location-code-taken', `Location code ${input.code} is already used.`, { existingId: existing.id });
  const row = await trx
    .insertInto('locations')
    .values({
      id: newId(),
      code: input.code,
      name: input.name,
      type: input.type,
      address: JSON.stringify(input.address),
      latitude: input.latitude,
      longitude: input.longitude,
      timezone: input.timezone,
      opening_hours: JSON.stringify(input.openingHours),
      capabilities: [...new Set(input.capabilities)],
      daily_capacity: input.dailyCapacity,
      capacity_windows: JSON.stringify(input.capacityWindows),
      groups: [...new Set(input.groups)],
      pickup_window_days: input.pickupWindowDays,
      pickup_reminder_hours: input.pickupReminderHours,
      must_scan: input.mustScan,
      active: input.active,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toLocation(row);
}

export async function getLocation(db: Executor, id: string): Promise<Location> {
  const row = await db.selectFrom('locations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Location', id);
  return toLocation(row);
}

export interface LocationFilter {
  limit: number;
  cursor?: string | undefined;
  type?: Location['type'] | undefined;
  capability?: string | undefined;
  active?: boolean | undefined;
  q?: string | undefined;
}

export async function listLocations(db: Executor, filter: LocationFilter): Promise<Page<Location>> {
  const after = decodeCursor(filter.cursor);
  const pattern = filter.q === undefined ? undefined : `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`;
  const rows = await db
    .selectFrom('locations')
    .selectAll()
    .$if(after !== undefined, (q) => q.where('id', '>', after!))
    .$if(filter.type !== undefined, (q) => q.where('type', '=', filter.type!))
    .$if(filter.capability !== undefined, (q) => q.where((eb) => eb(eb.val(filter.capability!), '=', eb.fn.any('capabilities'))))
    .$if(filter.active !== undefined, (q) => q.where('active', '=', filter.active!))
    .$if(pattern !== undefined, (q) =>
      q.where((eb) => eb.or([eb('code', 'ilike', pattern!), eb('name', 'ilike', pattern!), sql<boolean>`address->>'city' ilike ${pattern}`])),
    )
    .orderBy('id')
    .limit(filter.limit + 1)
    .execute();
  return toPage(rows, filter.limit, (row) => row.id, toLocation);
}

/** Admins change anything; store staff only the opening hours and capacity of their own store. */
export async function updateLocation(trx: Trx, principal: Principal, id: string, changes: LocationChanges): Promise<Location> {
  assertActsForLocation(principal, id);
  if (principal.role !== 'admin') {
    const forbidden = Object.keys(changes).filter((field) => !STORE_EDITABLE.includes(field as keyof LocationChanges));
    if (forbidden.length) throw new Forbidden(`Store staff may change only ${STORE_EDITABLE.join(', ')}; not ${forbidden.join(', ')}.`);
  }
  const row = await trx
    .updateTable('locations')
    .set({
      updated_at: new Date(),
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.address !== undefined ? { address: JSON.stringify(changes.address) } : {}),
      ...(changes.latitude !== undefined ? { latitude: changes.latitude } : {}),
      ...(changes.longitude !== undefined ? { longitude: changes.longitude } : {}),
      ...(changes.timezone !== undefined ? { timezone: changes.timezone } : {}),
      ...(changes.openingHours !== undefined ? { opening_hours: JSON.stringify(changes.openingHours) } : {}),
      ...(changes.capabilities !== undefined ? { capabilities: [...new Set(changes.capabilities)] } : {}),
      ...(changes.dailyCapacity !== undefined ? { daily_capacity: changes.dailyCapacity } : {}),
      ...(changes.capacityWindows !== undefined ? { capacity_windows: JSON.stringify(changes.capacityWindows) } : {}),
      ...(changes.groups !== undefined ? { groups: [...new Set(changes.groups)] } : {}),
      ...(changes.pickupWindowDays !== undefined ? { pickup_window_days: changes.pickupWindowDays } : {}),
      ...(changes.pickupReminderHours !== undefined ? { pickup_reminder_hours: changes.pickupReminderHours } : {}),
      ...(changes.mustScan !== undefined ? { must_scan: changes.mustScan } : {}),
      ...(changes.active !== undefined ? { active: changes.active } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new NotFound('Location', id);
  return toLocation(row);
}
