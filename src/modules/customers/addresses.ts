import type { Selectable } from 'kysely';
import type { Trx } from '../../platform/db/database.ts';
import type { CustomerAddressesTable } from './tables.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { NotFound, RuleViolation } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { assertMaySeeCustomer } from './access.ts';
import type { AddressChanges, CustomerAddress, NewAddress } from './schema.ts';

/** A customer's address book: at most MAX_ADDRESSES addresses, at most one the default. */

const MAX_ADDRESSES = 50;

export const toAddress = (row: Selectable<CustomerAddressesTable>): CustomerAddress => ({
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

export async function insertAddresses(trx: Trx, customerId: string, addresses: NewAddress[]): Promise<Selectable<CustomerAddressesTable>[]> {
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
