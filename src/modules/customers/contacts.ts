import type { Executor, Trx } from '../../platform/db/database.ts';
import { Conflict, InvalidInput } from '../../platform/errors.ts';

/**
 * One owner per email and per phone. The primary keys of customer_emails and customer_phones decide, so two requests
 * racing for the same email cannot both win: the loser's insert waits for the winner and then inserts nothing.
 *
 * Every request claims in the same order (emails, then phones, each sorted) and lets go of old values only after its
 * last claim, so requests claiming overlapping values always wait in one direction and never deadlock.
 */

export type Contact = 'email' | 'phone';

/** Another profile already owns an email or phone. */
export interface ContactMatch {
  matchedOn: Contact;
  value: string;
  existingCustomerId: string;
}

/** A second profile with an email or phone another one has is refused, naming the profile that has it. */
export class CustomerExists extends Conflict {
  readonly match: ContactMatch;
  constructor(match: ContactMatch) {
    super('customer-exists', `Customer ${match.existingCustomerId} already has the ${match.matchedOn} ${match.value}.`, {
      existingCustomerId: match.existingCustomerId,
      matchedOn: match.matchedOn,
      [match.matchedOn]: match.value,
    });
    this.match = match;
  }
}

export async function ownerOf(db: Executor, contact: Contact, value: string): Promise<string | undefined> {
  const row =
    contact === 'email'
      ? await db.selectFrom('customer_emails').select('customer_id').where('email', '=', value).executeTakeFirst()
      : await db.selectFrom('customer_phones').select('customer_id').where('phone', '=', value).executeTakeFirst();
  return row?.customer_id;
}

/** Inserts the values nobody owns yet and answers which ones it inserted. */
async function insertUnowned(trx: Trx, contact: Contact, values: string[], customerId: string): Promise<Set<string>> {
  const rows =
    contact === 'email'
      ? await trx
          .insertInto('customer_emails')
          .values(values.map((email) => ({ email, customer_id: customerId })))
          .onConflict((conflict) => conflict.column('email').doNothing())
          .returning('email as value')
          .execute()
      : await trx
          .insertInto('customer_phones')
          .values(values.map((phone) => ({ phone, customer_id: customerId })))
          .onConflict((conflict) => conflict.column('phone').doNothing())
          .returning('phone as value')
          .execute();
  return new Set(rows.map((row) => row.value));
}

/** Gives the values to the customer, or answers which profile owns one of them already. */
async function claim(trx: Trx, contact: Contact, values: string[], customerId: string): Promise<ContactMatch | null> {
  let pending = [...new Set(values)].sort();
  for (let attempt = 0; pending.length && attempt < 3; attempt++) {
    const inserted = await insertUnowned(trx, contact, pending, customerId);
    pending = pending.filter((value) => !inserted.has(value));
    for (const value of pending) {
      const existingCustomerId = await ownerOf(trx, contact, value);
      if (existingCustomerId !== undefined) return { matchedOn: contact, value, existingCustomerId };
    }
    // Their owner let go of them between our insert and our look-up: claim them again.
  }
  if (pending.length) throw new Conflict('customer-contended', `The ${contact} ${pending[0]} is being changed by another request; try again.`);
  return null;
}

/** Claims a new profile's emails and phones; the first one another profile owns is answered instead. */
export async function claimContacts(trx: Trx, customerId: string, emails: string[], phones: string[]): Promise<ContactMatch | null> {
  return (await claim(trx, 'email', emails, customerId)) ?? (await claim(trx, 'phone', phones, customerId));
}

async function contactsOf(trx: Trx, contact: Contact, customerId: string): Promise<string[]> {
  const rows =
    contact === 'email'
      ? await trx.selectFrom('customer_emails').select('email as value').where('customer_id', '=', customerId).execute()
      : await trx.selectFrom('customer_phones').select('phone as value').where('customer_id', '=', customerId).execute();
  return rows.map((row) => row.value);
}

/**
 * Replaces a customer's emails and/or phones (undefined keeps a list as it is). Throws CustomerExists when another
 * profile owns a new value, and refuses to leave the customer with neither an email nor a phone.
 */
export async function replaceContacts(trx: Trx, customerId: string, next: { emails?: string[] | undefined; phones?: string[] | undefined }): Promise<void> {
  const emails = await contactsOf(trx, 'email', customerId);
  const phones = await contactsOf(trx, 'phone', customerId);
  const nextEmails = next.emails ?? emails;
  const nextPhones = next.phones ?? phones;
  if (!nextEmails.length && !nextPhones.length) {
    throw new InvalidInput([{ field: next.emails !== undefined ? 'body.emails' : 'body.phones', message: 'a customer keeps at least one email or phone' }]);
  }
  const added = (current: string[], wanted: string[]) => wanted.filter((value) => !current.includes(value));
  const dropped = (current: string[], wanted: string[]) => current.filter((value) => !wanted.includes(value));
  const match = await claimContacts(trx, customerId, added(emails, nextEmails), added(phones, nextPhones));
  if (match) throw new CustomerExists(match);
  const droppedEmails = dropped(emails, nextEmails);
  const droppedPhones = dropped(phones, nextPhones);
  if (droppedEmails.length) await trx.deleteFrom('customer_emails').where('customer_id', '=', customerId).where('email', 'in', droppedEmails).execute();
  if (droppedPhones.length) await trx.deleteFrom('customer_phones').where('customer_id', '=', customerId).where('phone', 'in', droppedPhones).execute();
}
