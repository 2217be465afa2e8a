import { sql, type Selectable } from 'kysely';
import type { Executor, Trx } from '../../platform/db/database.ts';
import type { CustomerAddressesTable, CustomerGroupsTable, CustomersTable } from '../../platform/db/schema.ts';
import { newId } from '../../platform/ids.ts';
import { insertRows, type Guarded } from '../../platform/db/statements.ts';
import { decodeCursor, toPage, type Page } from '../../platform/http/pagination.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { Conflict, Forbidden, InvalidInput, NotFound, RuleViolation } from '../../platform/errors.ts';
import { claimContacts, CustomerExists, ownerOf, replaceContacts } from './contacts.ts';
import {
  normalisePhone,
  type AddressChanges,
  type Consent,
  type ConsentChanges,
  type Customer,
  type CustomerAddress,
  type CustomerChanges,
  type CustomerGroup,
  type Guest,
  type NewAddress,
  type NewCustomer,
  type NewCustomerGroup,
} from './schema.ts';

const MAX_ADDRESSES = 50;

export { CustomerExists, type ContactMatch } from './contacts.ts';

const toGroup = (row: Selectable<CustomerGroupsTable>): CustomerGroup => ({
  id: row.id,
  code: row.code,
  name: row.name,
  discountBasisPoints: row.discount_basis_points,
  createdAt: row.created_at.toISOString(),
});

const toAddress = (row: Selectable<CustomerAddressesTable>): CustomerAddress => ({
  id: row.id,
  label: row.label,
  name: row.name,
  line1: row.line1,
  line2: row.line2,
  postalCode: row.postal_code,
  city: row.city,
  region: row.region,
  country: row.country,
  phone: row.phone,
  isDefault: row.is_default,
});

const NO_CONSENT: Consent = { marketingEmail: false, marketingEmailAt: null, marketingSms: false, marketingSmsAt: null };

function toConsent(stored: Record<string, unknown>): Consent {
  const at = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    marketingEmail: stored.marketingEmail === true,
    marketingEmailAt: at(stored.marketingEmailAt),
    marketingSms: stored.marketingSms === true,
    marketingSmsAt: at(stored.marketingSmsAt),
  };
}

/** Keeps when each consent was last given or withdrawn; sending the same answer again changes nothing. */
function changeConsent(current: Consent, changes: ConsentChanges, now: Date): Consent {
  const next = { ...current };
  if (changes.marketingEmail !== undefined && changes.marketingEmail !== current.marketingEmail) {
    next.marketingEmail = changes.marketingEmail;
    next.marketingEmailAt = now.toISOString();
  }
  if (changes.marketingSms !== undefined && changes.marketingSms !== current.marketingSms) {
    next.marketingSms = changes.marketingSms;
    next.marketingSmsAt = now.toISOString();
  }
  return next;
}

/** Emails, phones, addresses and groups of a page of customers: one query each, whatever the page size. */
async function toCustomers(db: Executor, rows: Selectable<CustomersTable>[]): Promise<Customer[]> {
  if (!rows.length) return [];
  const ids = rows.map((row) => row.id);
  const groupIds = [...new Set(rows.flatMap((row) => (row.customer_group_id === null ? [] : [row.customer_group_id])))];
  const emails = await db.selectFrom('customer_emails').selectAll().where('customer_id', 'in', ids).orderBy('email').execute();
  const phones = await db.selectFrom('customer_phones').selectAll().where('customer_id', 'in', ids).orderBy('phone').execute();
  const addresses = await db
    .selectFrom('customer_addresses')
    .selectAll()
    .where('customer_id', 'in', ids)
    .orderBy('is_default', 'desc')
    .orderBy('id')
    .execute();
  const groups = groupIds.length ? await db.selectFrom('customer_groups').selectAll().where('id', 'in', groupIds).execute() : [];
  const groupById = new Map(groups.map((group) => [group.id, toGroup(group)]));
  const ofCustomer = <T extends { customer_id: string }, U>(list: T[], id: string, map: (row: T) => U) =>
    list.filter((row) => row.customer_id === id).map(map);
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
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }));
}

async function assertGroupExists(db: Executor, groupId: string, field: string) {
  const group = await db.selectFrom('customer_groups').select('id').where('id', '=', groupId).executeTakeFirst();
  if (!group) throw new InvalidInput([{ field, message: `customer group ${groupId} does not exist` }]);
}

async function insertAddresses(trx: Trx, customerId: string, addresses: NewAddress[]): Promise<Selectable<CustomerAddressesTable>[]> {
  if (!addresses.length) return [];
  return trx
    .insertInto('customer_addresses')
    .values(
      addresses.map((address) => ({
        id: newId(),
        customer_id: customerId,
        label: address.label,
        name: address.name,
        line1: address.line1,
        line2: address.line2,
        postal_code: address.postalCode,
        city: address.city,
        region: address.region,
        country: address.country,
        phone: address.phone ?? '',
        is_default: address.isDefault,
      })),
    )
    .returningAll()
    .execute();
}

/**
 * Who may see which profile (docs/architecture.md, "Access model"). A profile is the retailer's, shared by every
 * channel, but a channel key sees only the profiles its channel needs: those with an order through it and those it
 * created. Admins and store staff (who serve any customer at the counter) see every profile. A profile the caller
 * may not see answers 404, as one that does not exist: an id tells nothing about who shops elsewhere.
 */
export async function assertMaySeeCustomer(db: Executor, principal: Principal, id: string): Promise<void> {
  if (principal.role !== 'channel') return;
  const channelId = principal.channelId!;
  const visible = await db
    .selectFrom('customers')
    .select('id')
    .where('id', '=', id)
    .where((eb) => eb.or([
      eb('created_by_channel_id', '=', channelId),
      eb.exists(eb.selectFrom('orders').select('orders.id').whereRef('orders.customer_id', '=', 'customers.id').where('orders.channel_id', '=', channelId)),
    ]))
    .executeTakeFirst();
  if (!visible) throw new NotFound('Customer', id);
}

/** Groups and individual discounts are the retailer's pricing policy: set by admins only. */
function assertMaySetDiscounts(principal: Principal, changes: { customerGroupId?: unknown; discountBasisPoints?: unknown }) {
  if (principal.role === 'admin') return;
  const fields = (['customerGroupId', 'discountBasisPoints'] as const).filter((field) => changes[field] !== undefined);
  if (fields.length) throw new Forbidden(`Only admins set a customer's group and discount; not ${fields.join(', ')}.`);
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

/**
 * Admins list and export every profile. Store staff search (a name, email or phone: `q`, `email` or `phone`) to serve
 * the customer at the counter. A channel key only looks a buyer up by the exact email or phone they gave at its
 * checkout: never browsing by name or part of a number. The refusals are 403s: the question is refused, not an object.
 */
function assertMayList(principal: Principal, filter: CustomerFilter) {
  if (principal.role === 'admin') return;
  const exact = filter.email !== undefined || filter.phone !== undefined;
  if (principal.role === 'channel') {
    if (!exact || filter.q !== undefined || filter.customerGroupId !== undefined) {
      throw new Forbidden('A channel key looks customers up by exact email or phone only; only admins list customers.');
    }
    return;
  }
  if (!exact && !filter.q) throw new Forbidden('Store staff search for a customer by q, email or phone; only admins list every customer.');
}

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
          ...(phonePattern === undefined
            ? []
            : [eb('id', 'in', eb.selectFrom('customer_phones').select('customer_id').where('phone', 'like', phonePattern))]),
        ]),
      ),
    )
    .orderBy('id')
    .limit(filter.limit + 1)
    .execute();
  const page = toPage(rows, filter.limit, (row) => row.id, (row) => row);
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
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return (await toCustomers(trx, [row]))[0]!;
}

/**
 * The profiles to create for guests (one per email or phone shared between them), as parts of one statement: the
 * profiles, then their emails and phones, claimed `on conflict do nothing` (the parts `guest_emails` and `guest_phones`
 * return the values claimed). `conditions` hold when every value was claimed: no other request got there first.
 */
export function newGuestProfiles(guests: Guest[]): { ids: string[]; created: string[]; byContact: Map<string, string>; guard: Guarded } {
  const byContact = new Map<string, string>();
  const created: { id: string; firstName: string; lastName: string }[] = [];
  const ids = guests.map((given) => {
    const guest = { ...given, email: given.email?.toLowerCase() };
    const keys = [guest.email && `e:${guest.email}`, guest.phone && `p:${guest.phone}`].filter((key): key is string => !!key);
    const known = keys.map((key) => byContact.get(key)).find((id) => id !== undefined);
    const id = known ?? newId();
    if (!known) created.push({ id, ...guest });
    for (const key of keys) if (!byContact.has(key)) byContact.set(key, id);
    return id;
  });
  const claims = (prefix: string) => [...byContact].filter(([key]) => key.startsWith(prefix)).map(([key, id]) => ({ value: key.slice(2), customer_id: id })).sort((a, b) => (a.value < b.value ? -1 : 1));
  const emails = claims('e:');
  const phones = claims('p:');
  const guard: Guarded = created.length
    ? {
      parts: [
        sql`guest_profiles as (${insertRows('customers', { id: 'uuid', first_name: 'text', last_name: 'text', consent: 'jsonb' },
          created.map((guest) => ({ id: guest.id, first_name: guest.firstName, last_name: guest.lastName, consent: JSON.stringify(NO_CONSENT) })))})`,
        sql`guest_emails as (${insertRows('customer_emails', { email: 'text', customer_id: 'uuid' }, emails.map(({ value, customer_id }) => ({ email: value, customer_id })), sql`on conflict do nothing returning email`) ?? sql`select null::text as email where false`})`,
        sql`guest_phones as (${insertRows('customer_phones', { phone: 'text', customer_id: 'uuid' }, phones.map(({ value, customer_id }) => ({ phone: value, customer_id })), sql`on conflict do nothing returning phone`) ?? sql`select null::text as phone where false`})`,
      ],
      conditions: [{ held: sql`(select count(*) from guest_emails) = ${emails.length}::int and (select count(*) from guest_phones) = ${phones.length}::int`, what: 'guest contacts unclaimed' }],
    }
    : { parts: [], conditions: [] };
  return { ids, created: created.map((guest) => guest.id), byContact, guard };
}

/**
 * Profiles for the guests of many orders at once (the guest details of an order that matched no profile before its
 * transaction): guests sharing an email or a phone become one profile, and each new profile claims its email and
 * phone (contacts.ts). A guest whose email or phone another request claimed meanwhile gets that
 * profile instead. Answers the profile id of each guest, in order.
 */
export async function createGuests(trx: Trx, guests: Guest[]): Promise<string[]> {
  const { ids, created, byContact, guard } = newGuestProfiles(guests);
  if (!created.length) return ids;
  const { rows } = await sql<{ contact: 'email' | 'phone'; value: string }>`
    with ${sql.join(guard.parts, sql`, `)}
    select 'email' as contact, email as value from guest_emails union all select 'phone', phone from guest_phones`.execute(trx);
  const claimed = new Set(rows.map((row) => `${row.contact === 'email' ? 'e' : 'p'}:${row.value}`));
  const lost = [...byContact].filter(([key, id]) => !claimed.has(key) && created.includes(id));
  if (!lost.length) return ids;
  // Another request claimed one of these values between our look-up and our insert: its profile is the customer.
  const replaced = new Map<string, string>();
  for (const [key, id] of lost) {
    if (replaced.has(id)) continue;
    const owner = await ownerOf(trx, key.startsWith('e:') ? 'email' : 'phone', key.slice(2));
    if (owner === undefined) throw new Conflict('customer-contended', `The ${key.startsWith('e:') ? 'email' : 'phone'} ${key.slice(2)} is being changed by another request; try again.`);
    replaced.set(id, owner);
  }
  await trx.deleteFrom('customers').where('id', 'in', [...replaced.keys()]).execute();
  return ids.map((id) => replaced.get(id) ?? id);
}

/** Locks the profile (so two requests cannot both make an address the default) and marks it changed. */
async function touchCustomer(trx: Trx, principal: Principal, id: string): Promise<void> {
  await assertMaySeeCustomer(trx, principal, id);
  const row = await trx.updateTable('customers').set({ updated_at: new Date() }).where('id', '=', id).returning('id').executeTakeFirst();
  if (!row) throw new NotFound('Customer', id);
}

async function clearDefaultAddress(trx: Trx, customerId: string) {
  await trx.updateTable('customer_addresses').set({ is_default: false }).where('customer_id', '=', customerId).where('is_default', '=', true).execute();
}

export async function addAddress(trx: Trx, principal: Principal, customerId: string, input: NewAddress): Promise<CustomerAddress> {
  await touchCustomer(trx, principal, customerId);
  const { count } = await trx
    .selectFrom('customer_addresses')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('customer_id', '=', customerId)
    .executeTakeFirstOrThrow();
  if (Number(count) >= MAX_ADDRESSES) {
    throw new RuleViolation('too-many-addresses', `A customer keeps at most ${MAX_ADDRESSES} addresses; delete one first.`, { limit: MAX_ADDRESSES });
  }
  if (input.isDefault) await clearDefaultAddress(trx, customerId);
  const [row] = await insertAddresses(trx, customerId, [input]);
  return toAddress(row!);
}

export async function updateAddress(trx: Trx, principal: Principal, customerId: string, addressId: string, changes: AddressChanges): Promise<CustomerAddress> {
  await touchCustomer(trx, principal, customerId);
  if (changes.isDefault) await clearDefaultAddress(trx, customerId);
  const set = {
    ...(changes.label !== undefined ? { label: changes.label } : {}),
    ...(changes.name !== undefined ? { name: changes.name } : {}),
    ...(changes.line1 !== undefined ? { line1: changes.line1 } : {}),
    ...(changes.line2 !== undefined ? { line2: changes.line2 } : {}),
    ...(changes.postalCode !== undefined ? { postal_code: changes.postalCode } : {}),
    ...(changes.city !== undefined ? { city: changes.city } : {}),
    ...(changes.region !== undefined ? { region: changes.region } : {}),
    ...(changes.country !== undefined ? { country: changes.country } : {}),
    ...(changes.phone !== undefined ? { phone: changes.phone } : {}),
    ...(changes.isDefault !== undefined ? { is_default: changes.isDefault } : {}),
  };
  const row = Object.keys(set).length
    ? await trx.updateTable('customer_addresses').set(set).where('id', '=', addressId).where('customer_id', '=', customerId).returningAll().executeTakeFirst()
    : await trx.selectFrom('customer_addresses').selectAll().where('id', '=', addressId).where('customer_id', '=', customerId).executeTakeFirst();
  if (!row) throw new NotFound('Address', addressId);
  return toAddress(row);
}

export async function deleteAddress(trx: Trx, principal: Principal, customerId: string, addressId: string): Promise<void> {
  await touchCustomer(trx, principal, customerId);
  const row = await trx.deleteFrom('customer_addresses').where('id', '=', addressId).where('customer_id', '=', customerId).returning('id').executeTakeFirst();
  if (!row) throw new NotFound('Address', addressId);
}

export async function createCustomerGroup(trx: Trx, input: NewCustomerGroup): Promise<CustomerGroup> {
  const row = await trx
    .insertInto('customer_groups')
    .values({ id: newId(), code: input.code, name: input.name, discount_basis_points: input.discountBasisPoints })
    .onConflict((conflict) => conflict.column('code').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (row) return toGroup(row);
  const existing = await trx.selectFrom('customer_groups').select('id').where('code', '=', input.code).executeTakeFirstOrThrow();
  throw new Conflict('customer-group-code-taken', `Customer group code ${input.code} is already used.`, { existingId: existing.id });
}

export async function listCustomerGroups(db: Executor, query: { limit: number; cursor?: string | undefined }): Promise<Page<CustomerGroup>> {
  const after = decodeCursor(query.cursor);
  const rows = await db
    .selectFrom('customer_groups')
    .selectAll()
    .$if(after !== undefined, (q) => q.where('id', '>', after!))
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (row) => row.id, toGroup);
}
