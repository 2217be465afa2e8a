import { sql, type Selectable } from 'kysely';
import type { Executor, Trx } from '../../platform/db/database.ts';
import type { CustomersTable } from './tables.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage, type Page } from '../../platform/http/pagination.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { NotFound } from '../../platform/errors.ts';
import { claimContacts, CustomerExists, replaceContacts } from './contacts.ts';
import { normalisePhone, type Customer, type CustomerChanges, type NewCustomer } from './schema.ts';
import { assertMayList, assertMaySeeCustomer, assertMaySetDiscounts } from './access.ts';
import { insertAddresses, toAddress } from './addresses.ts';
import { changeConsent, NO_CONSENT, toConsent } from './consent.ts';
import { assertGroupExists, toGroup } from './groups.ts';
import { isLanguage } from '../documents/language.ts';

/**
 * Customer profiles: create, read, search, change. Addresses, groups, guests and who may see which profile have
 * their own files; their functions are re-exported here, so the routes and other modules keep one import.
 */

export { assertMaySeeCustomer } from './access.ts';
export { addAddress, deleteAddress, updateAddress } from './addresses.ts';
export { createCustomerGroup, listCustomerGroups } from './groups.ts';
export { createGuests, newGuestProfiles } from './guests.ts';
export { CustomerExists, type ContactMatch } from './contacts.ts';

/** Emails, phones, addresses and groups of a page of customers: one query each, whatever the page size. */
async function toCustomers(db: Executor, rows: Selectable<CustomersTable>[]): Promise<Customer[]> {
  if (!rows.length) return [];
  const ids = rows.map((row) => row.id);
  const groupIds = [...new Set(rows.flatMap((row) => (row.customer_group_id === null ? [] : [row.customer_group_id])))];
  const emails = await db.selectFrom('customer_emails').selectAll().where('customer_id', 'in', ids).orderBy('email').execute();
  const phones = await db.selectFrom('customer_phones').selectAll().where('customer_id', 'in', ids).orderBy('phone').execute();
  const addresses = await db.selectFrom('customer_addresses').selectAll().where('customer_id', 'in', ids).orderBy('is_default', 'desc').orderBy('id').execute();
  const groups = groupIds.length ? await db.selectFrom('customer_groups').selectAll().where('id', 'in', groupIds).execute() : [];
  const groupById = new Map(groups.map((group) => [group.id, toGroup(group)]));
  const ofCustomer = <T extends { customer_id: string }, U>(list: T[], id: string, map: (row: T) => U) => list.filter((row) => row.customer_id === id).map(map);
  return rows.map((row) => ({
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    emails: ofCustomer(emails, row.id, (entry) => entry.email),
    phones: ofCustomer(phones, row.id, (entry) => entry.phone),
    addresses: ofCustomer(addresses, row.id, toAddress),
    group: row.customer_group_id === null ? null : (groupById.get(row.customer_group_id) ?? null),
    discountBasisPoints: row.discount_basis_points,
    consent: toConsent(row.consent),
    note: row.note,
    // A language the code no longer writes reads as none said: the channel's or the retailer's then applies.
    language: isLanguage(row.language) ? row.language : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }));
}

export async function createCustomer(trx: Trx, principal: Principal, input: NewCustomer): Promise<Customer> {
  // The default of discountBasisPoints (0) is no discount: only an explicit one is policy.
  assertMaySetDiscounts(principal, { customerGroupId: input.customerGroupId, discountBasisPoints: input.discountBasisPoints || undefined });
  if (input.customerGroupId !== undefined) await assertGroupExists(trx, input.customerGroupId, 'body.customerGroupId');
  const row = await trx
    .insertInto('customers')
    .values({
      id: newId(),
      first_name: input.firstName,
      last_name: input.lastName,
      customer_group_id: input.customerGroupId ?? null,
      discount_basis_points: input.discountBasisPoints,
      consent: JSON.stringify(changeConsent(NO_CONSENT, input.consent, new Date())),
      note: input.note,
      language: input.language ?? null,
      created_by_channel_id: principal.role === 'channel' ? principal.channelId : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  // A conflict throws, and the transaction takes the new profile back with it.
  const match = await claimContacts(trx, row.id, input.emails, input.phones);
  if (match) throw new CustomerExists(match);
  await insertAddresses(trx, row.id, input.addresses);
  return (await toCustomers(trx, [row]))[0]!;
}

/** One profile, for a caller who may see it (404 otherwise). */
export async function getCustomerFor(db: Executor, principal: Principal, id: string): Promise<Customer> {
  await assertMaySeeCustomer(db, principal, id);
  return getCustomer(db, id);
}

export async function getCustomer(db: Executor, id: string): Promise<Customer> {
  const row = await db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Customer', id);
  return (await toCustomers(db, [row]))[0]!;
}

export interface CustomerFilter {
  limit: number;
  cursor?: string | undefined;
  q?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  customerGroupId?: string | undefined;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/** `phoneRegion`: the country of a phone in `q` written without +. */
export async function listCustomers(db: Executor, principal: Principal, filter: CustomerFilter, phoneRegion: string): Promise<Page<Customer>> {
  assertMayList(principal, filter);
  const after = decodeCursor(filter.cursor);
  const pattern = filter.q ? likePattern(filter.q) : undefined;
  // Phones are stored in E.164: a whole number is matched as such, a part by its digits ("7946 0018" finds
  // +442079460018; a national trunk 0 is dropped, so "06 12" finds +33612…).
  const phoneDigits = filter.q ? (normalisePhone(filter.q, phoneRegion) ?? filter.q.replace(/[\s.()-]/g, '').replace(/^0(?=\d)/, '')) : '';
  const phonePattern = /^\+?\d{3,}$/.test(phoneDigits) ? likePattern(phoneDigits) : undefined;
  const rows = await db
    .selectFrom('customers')
    .selectAll()
    .$if(after !== undefined, (q) => q.where('id', '>', after!))
    .$if(filter.email !== undefined, (q) =>
      q.where('id', 'in', (eb) => eb.selectFrom('customer_emails').select('customer_id').where('email', '=', filter.email!)),
    )
    .$if(filter.phone !== undefined, (q) =>
      q.where('id', 'in', (eb) => eb.selectFrom('customer_phones').select('customer_id').where('phone', '=', filter.phone!)),
    )
    .$if(filter.customerGroupId !== undefined, (q) => q.where('customer_group_id', '=', filter.customerGroupId!))
    .$if(pattern !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('first_name', 'ilike', pattern!),
          eb('last_name', 'ilike', pattern!),
          sql<boolean>`first_name || ' ' || last_name ilike ${pattern}`,
          eb('id', 'in', eb.selectFrom('customer_emails').select('customer_id').where('email', 'ilike', pattern!)),
          ...(phonePattern === undefined ? [] : [eb('id', 'in', eb.selectFrom('customer_phones').select('customer_id').where('phone', 'like', phonePattern))]),
        ]),
      ),
    )
    .orderBy('id')
    .limit(filter.limit + 1)
    .execute();
  const page = toPage(
    rows,
    filter.limit,
    (row) => row.id,
    (row) => row,
  );
  return { items: await toCustomers(db, page.items), nextCursor: page.nextCursor };
}

export async function updateCustomer(trx: Trx, principal: Principal, id: string, changes: CustomerChanges): Promise<Customer> {
  await assertMaySeeCustomer(trx, principal, id);
  assertMaySetDiscounts(principal, changes);
  // Key-share compatible, so other requests can still attach orders or contacts to the profile meanwhile.
  const current = await trx.selectFrom('customers').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
  if (!current) throw new NotFound('Customer', id);
  if (changes.customerGroupId) await assertGroupExists(trx, changes.customerGroupId, 'body.customerGroupId');
  if (changes.emails !== undefined || changes.phones !== undefined) await replaceContacts(trx, id, changes);
  const now = new Date();
  const row = await trx
    .updateTable('customers')
    .set({
      updated_at: now,
      ...(changes.firstName !== undefined ? { first_name: changes.firstName } : {}),
      ...(changes.lastName !== undefined ? { last_name: changes.lastName } : {}),
      ...(changes.customerGroupId !== undefined ? { customer_group_id: changes.customerGroupId } : {}),
      ...(changes.discountBasisPoints !== undefined ? { discount_basis_points: changes.discountBasisPoints } : {}),
      ...(changes.consent !== undefined ? { consent: JSON.stringify(changeConsent(toConsent(current.consent), changes.consent, now)) } : {}),
      ...(changes.note !== undefined ? { note: changes.note } : {}),
      ...(changes.language !== undefined ? { language: changes.language } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return (await toCustomers(trx, [row]))[0]!;
}
