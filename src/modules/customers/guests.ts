import { sql } from 'kysely';
import type { Trx } from '../../platform/db/database.ts';
import { insertRows, type Guarded } from '../../platform/db/statements.ts';
import { Conflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { NO_CONSENT } from './consent.ts';
import { ownerOf } from './contacts.ts';
import type { Guest } from './schema.ts';

/** Profiles made for the guests of orders (an order whose buyer matched no profile), many at once. */

/**
 * The profiles to create for guests (one per email or phone shared between them), as parts of one statement: the
 * profiles, then their emails and phones, claimed `on conflict do nothing` (the parts `guest_emails` and `guest_phones`
 * return the values claimed). `conditions` hold when every value was claimed: no other request got there first.
 */
export function newGuestProfiles(guests: Guest[]): { ids: string[]; created: string[]; byContact: Map<string, string>; guard: Guarded } {
  const byContact = new Map<string, string>();
  const created: { id: string; firstName: string; lastName: string; language?: string | undefined }[] = [];
  const ids = guests.map((given) => {
    const guest = { ...given, email: given.email?.toLowerCase() };
    const keys = [guest.email && `e:${guest.email}`, guest.phone && `p:${guest.phone}`].filter((key): key is string => !!key);
    const known = keys.map((key) => byContact.get(key)).find((id) => id !== undefined);
    const id = known ?? newId();
    if (!known) created.push({ id, ...guest });
    for (const key of keys) if (!byContact.has(key)) byContact.set(key, id);
    return id;
  });
  const claims = (prefix: string) =>
    [...byContact]
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, id]) => ({ value: key.slice(2), customer_id: id }))
      .sort((a, b) => (a.value < b.value ? -1 : 1));
  const emails = claims('e:');
  const phones = claims('p:');
  const guard: Guarded = created.length
    ? {
        parts: [
          sql`guest_profiles as (${insertRows(
            'customers',
            { id: 'uuid', first_name: 'text', last_name: 'text', consent: 'jsonb', language: 'text' },
            created.map((guest) => ({
              id: guest.id,
              first_name: guest.firstName,
              last_name: guest.lastName,
              consent: JSON.stringify(NO_CONSENT),
              language: guest.language ?? null,
            })),
          )})`,
          sql`guest_emails as (${
            insertRows(
              'customer_emails',
              { email: 'text', customer_id: 'uuid' },
              emails.map(({ value, customer_id }) => ({ email: value, customer_id })),
              sql`on conflict do nothing returning email`,
            ) ?? sql`select null::text as email where false`
          })`,
          sql`guest_phones as (${
            insertRows(
              'customer_phones',
              { phone: 'text', customer_id: 'uuid' },
              phones.map(({ value, customer_id }) => ({ phone: value, customer_id })),
              sql`on conflict do nothing returning phone`,
            ) ?? sql`select null::text as phone where false`
          })`,
        ],
        conditions: [
          {
            held: sql`(select count(*) from guest_emails) = ${emails.length}::int and (select count(*) from guest_phones) = ${phones.length}::int`,
            what: 'guest contacts unclaimed',
          },
        ],
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
    if (owner === undefined)
      throw new Conflict(
        'customer-contended',
        `The ${key.startsWith('e:') ? 'email' : 'phone'} ${key.slice(2)} is being changed by another request; try again.`,
      );
    replaced.set(id, owner);
  }
  await trx
    .deleteFrom('customers')
    .where('id', 'in', [...replaced.keys()])
    .execute();
  return ids.map((id) => replaced.get(id) ?? id);
}
