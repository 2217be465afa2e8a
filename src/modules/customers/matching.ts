import { sql, type RawBuilder } from 'kysely';
import { InvalidInput } from '../../platform/errors.ts';
import type { Guest } from './schema.ts';

/**
 * Whose order is it: the profile of each buyer when it is already known, before the order is written. A buyer named
 * by id must exist; guest details match an existing profile by email first, then by phone, so that the profile's
 * discounts apply to the price. An unmatched guest gets a profile when the order is written (`newGuestProfiles`,
 * `createGuests`). The order keeps the email and phone given, else the profile's.
 *
 * The look-up is a part of the caller's statement (`profilesQuery`): the order desk reads its order numbers, the
 * set-up's version and the buyers together, in one round trip.
 */

/** Who an order names as its buyer: a profile by id, or a guest's details. */
export type Buyer = { id: string } | Guest;

/** A buyer as the order sees them: the profile (if known), the contact details to keep, and the discounts. */
export interface KnownBuyer {
  customerId: string | undefined;
  contact: { email: string | null; phone: string | null };
  discount?: { own: number; group: number | null };
}

/** A row of `profilesQuery`: a profile found by id, email or phone, with its discounts and contacts. */
export type MatchedProfile = { by: 'id' | 'email' | 'phone'; key: string; id: string; own: number; group: number | null; emails: string[]; phones: string[] };

/** The profiles the buyers name or match, as one JSON array (three indexed look-ups: by id, by email, by phone). */
export function profilesQuery(buyers: Buyer[]): RawBuilder<MatchedProfile[]> {
  const ids = [...new Set(buyers.flatMap((buyer) => ('id' in buyer ? [buyer.id] : [])))];
  const emails = [...new Set(buyers.flatMap((buyer) => ('email' in buyer && buyer.email ? [buyer.email.toLowerCase()] : [])))];
  const phones = [...new Set(buyers.flatMap((buyer) => ('phone' in buyer && buyer.phone ? [buyer.phone] : [])))];
  const profile = sql`c.id, c.discount_basis_points as own, g.discount_basis_points as "group",
    array(select email from customer_emails e where e.customer_id = c.id order by email) as emails,
    array(select phone from customer_phones p where p.customer_id = c.id order by phone) as phones`;
  return sql<MatchedProfile[]>`(select coalesce(json_agg(known), '[]') from (
        select 'id' as by, c.id::text as key, ${profile}
        from customers c left join customer_groups g on g.id = c.customer_group_id where c.id = any(${ids}::uuid[])
        union all
        select 'email', m.email, ${profile}
        from customer_emails m join customers c on c.id = m.customer_id left join customer_groups g on g.id = c.customer_group_id where m.email = any(${emails}::text[])
        union all
        select 'phone', m.phone, ${profile}
        from customer_phones m join customers c on c.id = m.customer_id left join customer_groups g on g.id = c.customer_group_id where m.phone = any(${phones}::text[])
      ) known)`;
}

/** Each buyer's profile among those `profilesQuery` found (a 400 for an id that names no profile). Pure. */
export function matchBuyers(buyers: Buyer[], profiles: MatchedProfile[]): (KnownBuyer | Error)[] {
  const by = (kind: MatchedProfile['by']) => new Map(profiles.filter((row) => row.by === kind).map((row) => [row.key, row]));
  const [byId, byEmail, byPhone] = [by('id'), by('email'), by('phone')];
  return buyers.map((buyer): KnownBuyer | Error => {
    if ('id' in buyer) {
      const profile = byId.get(buyer.id);
      if (!profile) return new InvalidInput([{ field: 'body.customer.id', message: 'no such customer' }]);
      return { customerId: profile.id, contact: { email: profile.emails[0] ?? null, phone: profile.phones[0] ?? null }, discount: profile };
    }
    const email = buyer.email?.toLowerCase() ?? null;
    const phone = buyer.phone ?? null;
    const profile = (email !== null ? byEmail.get(email) : undefined) ?? (phone !== null ? byPhone.get(phone) : undefined);
    return { customerId: profile?.id, contact: { email, phone }, ...(profile ? { discount: profile } : {}) };
  });
}
