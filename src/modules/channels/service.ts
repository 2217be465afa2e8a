import type { Selectable } from 'kysely';
import type { Executor, Trx } from '../../platform/db/database.ts';
import type { ChannelsTable } from './tables.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage, type Page } from '../../platform/http/pagination.ts';
import { Conflict, InvalidInput, NotFound, RuleViolation } from '../../platform/errors.ts';
import type { Channel, ChannelChanges, NewChannel } from './schema.ts';
import { isLanguage } from '../documents/language.ts';

type ChannelLocation = Channel['locations'][number];

function toChannel(row: Selectable<ChannelsTable>, locations: ChannelLocation[]): Channel {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    type: row.type,
    currency: row.currency,
    priceListId: row.price_list_id,
    storeLocationId: row.store_location_id,
    enabled: row.enabled,
    language: isLanguage(row.language) ? row.language : null,
    locations,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

async function locationsOf(db: Executor, channelIds: string[]): Promise<Map<string, ChannelLocation[]>> {
  const byChannel = new Map<string, ChannelLocation[]>(channelIds.map((id) => [id, []]));
  if (!channelIds.length) return byChannel;
  const rows = await db.selectFrom('channel_locations').selectAll().where('channel_id', 'in', channelIds).orderBy('location_id').execute();
  for (const row of rows) byChannel.get(row.channel_id)!.push({ locationId: row.location_id, sells: row.sells, fulfils: row.fulfils });
  return byChannel;
}

async function assertPriceList(db: Executor, priceListId: string, currency: string) {
  const list = await db.selectFrom('price_lists').select(['currency']).where('id', '=', priceListId).executeTakeFirst();
  if (!list) throw new InvalidInput([{ field: 'body.priceListId', message: `price list ${priceListId} does not exist` }]);
  if (list.currency !== currency) {
    throw new RuleViolation('currency-mismatch', `The price list is in ${list.currency} but the channel sells in ${currency}.`, {
      priceListCurrency: list.currency,
      channelCurrency: currency,
    });
  }
}

async function assertLocations(db: Executor, locationIds: string[]) {
  if (!locationIds.length) return;
  const found = new Set((await db.selectFrom('locations').select('id').where('id', 'in', locationIds).execute()).map((row) => row.id));
  const errors = locationIds.flatMap((id, index) =>
    found.has(id) ? [] : [{ field: `body.locations.${index}.locationId`, message: `location ${id} does not exist` }],
  );
  if (errors.length) throw new InvalidInput(errors);
}

async function replaceLocations(trx: Trx, channelId: string, locations: ChannelLocation[]) {
  await trx.deleteFrom('channel_locations').where('channel_id', '=', channelId).execute();
  if (locations.length) {
    await trx
      .insertInto('channel_locations')
      .values(locations.map((entry) => ({ channel_id: channelId, location_id: entry.locationId, sells: entry.sells, fulfils: entry.fulfils })))
      .execute();
  }
}

export async function createChannel(trx: Trx, input: NewChannel): Promise<Channel> {
  const existing = await trx.selectFrom('channels').select('id').where('code', '=', input.code).executeTakeFirst();
  if (existing) throw new Conflict('channel-code-taken', `Channel code ${input.code} is already used.`, { existingId: existing.id });
  await assertPriceList(trx, input.priceListId, input.currency);
  let locations = input.locations;
  if (input.type === 'register') {
    const store = await trx.selectFrom('locations').select('type').where('id', '=', input.storeLocationId!).executeTakeFirst();
    if (!store) throw new InvalidInput([{ field: 'body.storeLocationId', message: `location ${input.storeLocationId} does not exist` }]);
    if (store.type !== 'store') throw new RuleViolation('register-needs-store', 'A register stands in a store, not in a warehouse or vendor.');
    // A register always sells from the shelf it stands next to.
    if (!locations.some((entry) => entry.locationId === input.storeLocationId))
      locations = [{ locationId: input.storeLocationId!, sells: true, fulfils: true }, ...locations];
  }
  await assertLocations(
    trx,
    locations.map((entry) => entry.locationId),
  );
  const row = await trx
    .insertInto('channels')
    .values({
      id: newId(),
      code: input.code,
      name: input.name,
      type: input.type,
      currency: input.currency,
      price_list_id: input.priceListId,
      store_location_id: input.type === 'register' ? input.storeLocationId! : null,
      enabled: input.enabled,
      language: input.language ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await replaceLocations(trx, row.id, locations);
  return toChannel(row, (await locationsOf(trx, [row.id])).get(row.id)!);
}

/** Admins see every channel; a channel integration its own; store staff the registers of their store. */
function assertMaySee(principal: Principal, row: Selectable<ChannelsTable>) {
  if (principal.role === 'admin') return;
  if (principal.role === 'channel' && principal.channelId === row.id) return;
  if (principal.role === 'store' && row.store_location_id !== null && principal.locationId === row.store_location_id) return;
  // As for every object a caller may not see: 404, as a channel that does not exist.
  throw new NotFound('Channel', row.id);
}

export async function getChannel(db: Executor, principal: Principal, id: string): Promise<Channel> {
  const row = await db.selectFrom('channels').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Channel', id);
  assertMaySee(principal, row);
  return toChannel(row, (await locationsOf(db, [id])).get(id)!);
}

export interface ChannelFilter {
  limit: number;
  cursor?: string | undefined;
  type?: Channel['type'] | undefined;
  enabled?: boolean | undefined;
}

export async function listChannels(db: Executor, principal: Principal, filter: ChannelFilter): Promise<Page<Channel>> {
  const after = decodeCursor(filter.cursor);
  const rows = await db
    .selectFrom('channels')
    .selectAll()
    .$if(principal.role === 'channel', (q) => q.where('id', '=', principal.channelId!))
    .$if(principal.role === 'store', (q) => q.where('store_location_id', '=', principal.locationId!))
    .$if(after !== undefined, (q) => q.where('id', '>', after!))
    .$if(filter.type !== undefined, (q) => q.where('type', '=', filter.type!))
    .$if(filter.enabled !== undefined, (q) => q.where('enabled', '=', filter.enabled!))
    .orderBy('id')
    .limit(filter.limit + 1)
    .execute();
  const page = toPage(
    rows,
    filter.limit,
    (row) => row.id,
    (row) => row,
  );
  const locations = await locationsOf(
    db,
    page.items.map((row) => row.id),
  );
  return { items: page.items.map((row) => toChannel(row, locations.get(row.id)!)), nextCursor: page.nextCursor };
}

export async function updateChannel(trx: Trx, id: string, changes: ChannelChanges): Promise<Channel> {
  const current = await trx.selectFrom('channels').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!current) throw new NotFound('Channel', id);
  if (changes.priceListId !== undefined) await assertPriceList(trx, changes.priceListId, current.currency);
  if (changes.locations !== undefined) {
    if (current.store_location_id && !changes.locations.some((entry) => entry.locationId === current.store_location_id)) {
      throw new RuleViolation('register-keeps-its-store', 'A register always sells from the store it stands in; keep that location in the list.');
    }
    await assertLocations(
      trx,
      changes.locations.map((entry) => entry.locationId),
    );
    await replaceLocations(trx, id, changes.locations);
  }
  const row = await trx
    .updateTable('channels')
    .set({
      updated_at: new Date(),
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.priceListId !== undefined ? { price_list_id: changes.priceListId } : {}),
      ...(changes.enabled !== undefined ? { enabled: changes.enabled } : {}),
      ...(changes.language !== undefined ? { language: changes.language } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toChannel(row, (await locationsOf(trx, [id])).get(id)!);
}

/**
 * Locks a channel's row until the transaction ends, for changes made one at a time per channel (routing's rule set
 * versions); a 404 if it does not exist. FOR NO KEY UPDATE: rows that refer to the channel are still written meanwhile.
 */
export async function lockChannel(trx: Trx, id: string): Promise<void> {
  const row = await trx.selectFrom('channels').select('id').where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
  if (!row) throw new NotFound('Channel', id);
}

/**
 * The channel a request acts through, refused when disabled: nothing is sold or changed through a disabled channel.
 * Later modules (orders, availability) call this with the channel a request names.
 */
export async function requireEnabledChannel(db: Executor, id: string): Promise<Selectable<ChannelsTable>> {
  return checkedChannel(await db.selectFrom('channels').selectAll().where('id', '=', id).executeTakeFirst(), id);
}

/** The channel row if it exists and is enabled; otherwise the 404 or the 422 `channel-disabled`. */
export function checkedChannel(row: Selectable<ChannelsTable> | undefined, id: string): Selectable<ChannelsTable> {
  if (!row) throw new NotFound('Channel', id);
  if (!row.enabled) throw new RuleViolation('channel-disabled', `Channel ${row.code} is disabled.`, { channelId: id });
  return row;
}
