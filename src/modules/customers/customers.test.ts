import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { seedBasics, type Basics } from '../../../test/support/fixtures.ts';
import { sql } from 'kysely';
import { matchBuyers, profilesQuery, type Buyer, type MatchedProfile } from './matching.ts';
import { guestSchema, type Guest } from './schema.ts';
import { createGuests } from './service.ts';

const address = { label: 'Home', name: 'Marie Curie', line1: '12 rue des Écoles', postalCode: '75005', city: 'Paris', country: 'FR' };

async function countRows(api: TestApi) {
  const db = api.database.db;
  const count = async (table: 'customers' | 'customer_emails' | 'customer_phones' | 'customer_addresses' | 'customer_groups') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    customers: await count('customers'),
    emails: await count('customer_emails'),
    phones: await count('customer_phones'),
    addresses: await count('customer_addresses'),
    groups: await count('customer_groups'),
  };
}

describe('customers', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  const create = (body: unknown, options: { token?: string; headers?: Record<string, string> } = {}) => api.call('POST', '/v1/customers', { body, ...options });

  it('creates one profile with lower-cased emails, normalised phones, addresses and consent, and reads it back', async () => {
    const created = await create({
      firstName: 'Marie',
      lastName: 'Curie',
      emails: [' Marie.Curie@Example.COM '],
      phones: ['+33 (0)6 12.34-56-78'],
      addresses: [{ ...address, isDefault: true }],
      discountBasisPoints: 500,
      consent: { marketingEmail: true },
      note: 'Prefers pickup',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      firstName: 'Marie',
      lastName: 'Curie',
      emails: ['marie.curie@example.com'],
      phones: ['+33612345678'],
      addresses: [{ ...address, line2: '', region: '', phone: '', isDefault: true }],
      group: null,
      discountBasisPoints: 500,
      consent: { marketingEmail: true, marketingSms: false, marketingSmsAt: null },
      note: 'Prefers pickup',
    });
    expect(Date.parse(created.body.consent.marketingEmailAt)).not.toBeNaN();
    expect(Date.parse(created.body.createdAt)).not.toBeNaN();
    const read = await api.call('GET', `/v1/customers/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    expect((await api.call('GET', '/v1/customers/0190a0a0-0000-7000-8000-000000000000')).status).toBe(404);
  });

  it('finds customers by name, email and phone however the phone is written', async () => {
    const ada = await create({ firstName: 'Ada', lastName: 'Lovelace', emails: ['ada@example.org'], phones: ['+44 20 7946 0018'] });
    const alan = await create({ firstName: 'Alan', lastName: 'Turing_', emails: ['alan@example.org'], phones: [] });
    expect([ada.status, alan.status]).toEqual([201, 201]);
    const ids = async (query: string) => {
      const response = await api.call('GET', `/v1/customers?${query}`);
      expect(response.status).toBe(200);
      return response.body.items.map((customer: { id: string }) => customer.id);
    };
    expect(await ids('q=lovel')).toEqual([ada.body.id]);
    expect(await ids(`q=${encodeURIComponent('ada lovelace')}`)).toEqual([ada.body.id]);
    expect(await ids('q=ALAN%40example')).toEqual([alan.body.id]);
    expect(await ids(`q=${encodeURIComponent('7946-0018')}`)).toEqual([ada.body.id]);
    expect(await ids('q=_')).toEqual([alan.body.id]);
    expect(await ids('q=%25')).toEqual([]);
    expect(await ids('email=ADA%40example.org')).toEqual([ada.body.id]);
    expect(await ids(`phone=${encodeURIComponent('+44 (20) 7946.0018')}`)).toEqual([ada.body.id]);
    expect(await ids(`phone=${encodeURIComponent('+44 20 7946 0019')}`)).toEqual([]);
    const badPhone = await api.call('GET', '/v1/customers?phone=call-me');
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.errors).toContainEqual(expect.objectContaining({ field: 'query.phone' }));

    const first = await api.call('GET', '/v1/customers?q=a&limit=1');
    expect(first.body.items).toHaveLength(1);
    const second = await api.call('GET', `/v1/customers?q=a&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
  });

  it('refuses a second profile with an email another profile has, naming it, and writes nothing', async () => {
    const owner = await create({ firstName: 'Grace', lastName: 'Hopper', emails: ['grace@example.com'] });
    const before = await countRows(api);
    const second = await create({
      firstName: 'G.',
      lastName: 'Hopper',
      emails: ['new@example.com', 'GRACE@example.com'],
      phones: ['+1 555 0100 200'],
      addresses: [address],
    });
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toContain('application/problem+json');
    expect(second.body).toMatchObject({ code: 'customer-exists', existingCustomerId: owner.body.id, matchedOn: 'email', email: 'grace@example.com' });
    expect(await countRows(api)).toEqual(before);
  });

  it('refuses a second profile with a phone another profile has, however it is written', async () => {
    const owner = await create({ firstName: 'Katherine', lastName: 'Johnson', emails: [], phones: ['+1 (757) 555-0199'] });
    const before = await countRows(api);
    const second = await create({ firstName: 'Kate', lastName: 'Johnson', emails: ['kate@example.com'], phones: ['+1.757.555.0199'] });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'customer-exists', existingCustomerId: owner.body.id, matchedOn: 'phone', phone: '+17575550199' });
    expect(await countRows(api)).toEqual(before);
  });

  it('keeps one profile when ten channels create the same email at once', async () => {
    const before = await countRows(api);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        create({ firstName: `Racer ${index}`, lastName: 'Same', emails: ['race@example.com'], phones: [`+3361000000${index}`] }),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    const winner = responses.find((response) => response.status === 201)!;
    for (const loser of responses.filter((response) => response.status === 409)) expect(loser.body.existingCustomerId).toBe(winner.body.id);
    const after = await countRows(api);
    expect(after.customers - before.customers).toBe(1);
    expect(after.phones - before.phones).toBe(1);
  });

  it('answers requests racing for overlapping emails with 200, 201 or 409 and leaves one owner per email', async () => {
    const holder = await create({ firstName: 'Holder', lastName: 'Swap', emails: ['swap-a@example.com'], phones: ['+33 6 44 00 00 01'] });
    const requests = Array.from({ length: 12 }, (_, index) => {
      const emails = index % 2 ? ['swap-a@example.com', 'swap-b@example.com'] : ['swap-b@example.com', 'swap-a@example.com'];
      if (index % 3 === 0)
        return api.call('PATCH', `/v1/customers/${holder.body.id}`, { body: { emails: index % 2 ? ['swap-b@example.com'] : ['swap-a@example.com'] } });
      return create({ firstName: `Swapper ${index}`, lastName: 'Swap', emails: emails.slice(0, 1 + (index % 2)), phones: ['+33 6 44 00 00 02'] });
    });
    const statuses = (await Promise.all(requests)).map((response) => response.status);
    expect(
      statuses.every((status) => status === 200 || status === 201 || status === 409),
      statuses.join(),
    ).toBe(true);
    const owners = await api.database.db.selectFrom('customer_emails').select(['email', 'customer_id']).where('email', 'like', 'swap-%').execute();
    expect(new Set(owners.map((owner) => owner.email)).size).toBe(owners.length);
  });

  it('changes names, consent, discount and replaces emails and phones under the same uniqueness rule', async () => {
    const other = await create({ firstName: 'Other', lastName: 'Person', emails: ['taken@example.com'] });
    const customer = await create({ firstName: 'Rosalind', lastName: 'Franklin', emails: ['rosalind@example.com'], consent: { marketingSms: true } });
    const id = customer.body.id;
    const patched = await api.call('PATCH', `/v1/customers/${id}`, {
      body: {
        lastName: 'Franklin-Smith',
        emails: ['Ros@Example.com'],
        phones: ['06 11 22 33 44'],
        consent: { marketingEmail: true, marketingSms: true },
        note: 'VIP',
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ lastName: 'Franklin-Smith', emails: ['ros@example.com'], phones: ['+33611223344'], note: 'VIP' });
    expect(patched.body.consent.marketingSmsAt).toBe(customer.body.consent.marketingSmsAt);
    expect(patched.body.consent.marketingEmailAt).not.toBeNull();
    expect((await create({ firstName: 'R', lastName: 'F', emails: ['rosalind@example.com'] })).status).toBe(201);

    const stolen = await api.call('PATCH', `/v1/customers/${id}`, { body: { emails: ['ros@example.com', 'taken@example.com'], note: 'not saved' } });
    expect(stolen.status).toBe(409);
    expect(stolen.body).toMatchObject({ code: 'customer-exists', existingCustomerId: other.body.id, email: 'taken@example.com' });
    const unnamed = await api.call('PATCH', `/v1/customers/${id}`, { body: { firstName: '  ' } });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors[0].field).toBe('body.firstName');
    const empty = await api.call('PATCH', `/v1/customers/${id}`, { body: { emails: [], phones: [] } });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].field).toBe('body.emails');
    const unchanged = await api.call('GET', `/v1/customers/${id}`);
    expect(unchanged.body).toMatchObject({ emails: ['ros@example.com'], phones: ['+33611223344'], note: 'VIP' });
    expect((await api.call('PATCH', '/v1/customers/0190a0a0-0000-7000-8000-000000000000', { body: { note: 'x' } })).status).toBe(404);
  });

  it("keeps the language the customer's emails and documents are written in: set, changed, cleared, and only a known one", async () => {
    const created = await create({ firstName: 'Jane', lastName: 'Doe', emails: ['jane.lang@example.com'], language: 'en' });
    expect(created.status).toBe(201);
    expect(created.body.language).toBe('en');
    expect((await create({ firstName: 'No', lastName: 'Lang', emails: ['no.lang@example.com'] })).body.language).toBeNull();
    const id = created.body.id;
    expect((await api.call('PATCH', `/v1/customers/${id}`, { body: { language: 'fr' } })).body.language).toBe('fr');
    expect((await api.call('GET', `/v1/customers/${id}`)).body.language).toBe('fr');
    expect((await api.call('PATCH', `/v1/customers/${id}`, { body: { note: 'unchanged language' } })).body.language).toBe('fr');
    expect((await api.call('PATCH', `/v1/customers/${id}`, { body: { language: null } })).body.language).toBeNull();
    const unknown = await api.call('PATCH', `/v1/customers/${id}`, { body: { language: 'klingon' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('body.language');
  });

  it('keeps at most one default address', async () => {
    const customer = await create({ firstName: 'Lise', lastName: 'Meitner', emails: ['lise@example.com'], addresses: [{ ...address, isDefault: true }] });
    const id = customer.body.id;
    const firstAddress = customer.body.addresses[0];
    const work = await api.call('POST', `/v1/customers/${id}/addresses`, { body: { ...address, label: 'Work', phone: '+49 30 1234567', isDefault: true } });
    expect(work.status).toBe(201);
    expect(work.body).toMatchObject({ label: 'Work', phone: '+49301234567', isDefault: true });
    let read = await api.call('GET', `/v1/customers/${id}`);
    expect(read.body.addresses.map((entry: { id: string; isDefault: boolean }) => [entry.id, entry.isDefault])).toEqual([
      [work.body.id, true],
      [firstAddress.id, false],
    ]);
    const home = await api.call('PATCH', `/v1/customers/${id}/addresses/${firstAddress.id}`, { body: { isDefault: true, city: 'Lyon', phone: '' } });
    expect(home.status).toBe(200);
    expect(home.body).toMatchObject({ city: 'Lyon', isDefault: true });
    expect((await api.call('PATCH', `/v1/customers/${id}/addresses/${firstAddress.id}`, { body: {} })).body).toEqual(home.body);
    const badChange = await api.call('PATCH', `/v1/customers/${id}/addresses/${firstAddress.id}`, { body: { country: 'France' } });
    expect(badChange.status).toBe(400);
    expect(badChange.body.errors[0].field).toBe('body.country');
    read = await api.call('GET', `/v1/customers/${id}`);
    expect(read.body.addresses.filter((entry: { isDefault: boolean }) => entry.isDefault).map((entry: { id: string }) => entry.id)).toEqual([firstAddress.id]);

    const deleted = await api.call('DELETE', `/v1/customers/${id}/addresses/${work.body.id}`);
    expect(deleted.status).toBe(204);
    expect((await api.call('DELETE', `/v1/customers/${id}/addresses/${work.body.id}`)).status).toBe(404);
    const stranger = await create({ firstName: 'Stranger', lastName: '', phones: ['+33 7 00 00 00 09'] });
    expect((await api.call('PATCH', `/v1/customers/${stranger.body.id}/addresses/${firstAddress.id}`, { body: { city: 'X' } })).status).toBe(404);
    expect((await api.call('GET', `/v1/customers/${id}`)).body.addresses).toHaveLength(1);
  });

  it('puts customers in groups and filters by group', async () => {
    const group = await api.call('POST', '/v1/customer-groups', { body: { code: 'gold', name: 'Gold members', discountBasisPoints: 1000 } });
    expect(group.status).toBe(201);
    expect(group.body).toMatchObject({ code: 'gold', name: 'Gold members', discountBasisPoints: 1000 });
    const duplicate = await api.call('POST', '/v1/customer-groups', { body: { code: 'gold', name: 'Again' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'customer-group-code-taken', existingId: group.body.id });
    await api.call('POST', '/v1/customer-groups', { body: { code: 'silver', name: 'Silver' } });
    const page = await api.call('GET', '/v1/customer-groups?limit=1');
    expect(page.body.items).toHaveLength(1);
    expect(page.body.nextCursor).not.toBeNull();

    const member = await create({ firstName: 'Golden', lastName: 'Member', emails: ['gold@example.com'], customerGroupId: group.body.id });
    expect(member.body.group).toMatchObject({ id: group.body.id, discountBasisPoints: 1000 });
    const members = await api.call('GET', `/v1/customers?customerGroupId=${group.body.id}`);
    expect(members.body.items.map((customer: { id: string }) => customer.id)).toEqual([member.body.id]);
    const left = await api.call('PATCH', `/v1/customers/${member.body.id}`, { body: { customerGroupId: null } });
    expect(left.body.group).toBeNull();
    const unknown = await api.call('PATCH', `/v1/customers/${member.body.id}`, { body: { customerGroupId: '0190a0a0-0000-7000-8000-000000000000' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('body.customerGroupId');
  });

  it('replays an idempotent create and refuses the same key for another request', async () => {
    const headers = { 'idempotency-key': 'create-customer-1' };
    const body = { firstName: 'Idem', lastName: 'Potent', emails: ['idem@example.com'] };
    const first = await create(body, { headers });
    const again = await create(body, { headers });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const other = await create({ ...body, firstName: 'Other' }, { headers });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency-key-reused');
    const found = await api.call('GET', '/v1/customers?email=idem%40example.com');
    expect(found.body.items).toHaveLength(1);
  });

  describe('refuses malformed input with a problem naming the field, and writes nothing', () => {
    const huge = 'x'.repeat(1024 * 1024);
    const long = 'x'.repeat(100_000);
    const valid = { firstName: 'Valid', lastName: 'Person', emails: ['valid@example.com'] };
    const cases: [string, string, { body?: unknown; rawBody?: string }, string | null][] = [
      ['POST', '/v1/customers', { rawBody: '{"firstName": "Half' }, null],
      ['POST', '/v1/customers', { rawBody: '[]' }, null],
      ['POST', '/v1/customers', { rawBody: 'null' }, null],
      ['POST', '/v1/customers', { body: { lastName: 'Nobody', emails: ['a@example.com'] } }, 'body.firstName'],
      ['POST', '/v1/customers', { body: { ...valid, emails: 'valid@example.com' } }, 'body.emails'],
      ['POST', '/v1/customers', { body: { ...valid, emails: [] } }, 'body.emails'],
      ['POST', '/v1/customers', { body: { ...valid, emails: ['not-an-email'] } }, 'body.emails.0'],
      ['POST', '/v1/customers', { body: { ...valid, emails: Array.from({ length: 11 }, (_, i) => `e${i}@example.com`) } }, 'body.emails'],
      ['POST', '/v1/customers', { body: { ...valid, phones: ['call me maybe'] } }, 'body.phones.0'],
      ['POST', '/v1/customers', { body: { ...valid, phones: ['12 34'] } }, 'body.phones.0'],
      ['POST', '/v1/customers', { body: { ...valid, phones: [33612345678] } }, 'body.phones.0'],
      ['POST', '/v1/customers', { body: { ...valid, firstName: long } }, 'body.firstName'],
      ['POST', '/v1/customers', { body: { ...valid, note: huge } }, null],
      ['POST', '/v1/customers', { body: { ...valid, discountBasisPoints: 10_001 } }, 'body.discountBasisPoints'],
      ['POST', '/v1/customers', { body: { ...valid, discountBasisPoints: 2.5 } }, 'body.discountBasisPoints'],
      ['POST', '/v1/customers', { body: { ...valid, consent: { marketingEmail: 'yes' } } }, 'body.consent.marketingEmail'],
      ['POST', '/v1/customers', { body: { ...valid, customerGroupId: 'gold' } }, 'body.customerGroupId'],
      ['POST', '/v1/customers', { body: { ...valid, customerGroupId: '0190a0a0-0000-7000-8000-000000000000' } }, 'body.customerGroupId'],
      ['POST', '/v1/customers', { body: { ...valid, addresses: [{ ...address, country: 'fr' }] } }, 'body.addresses.0.country'],
      ['POST', '/v1/customers', { body: { ...valid, addresses: [{ ...address, line1: undefined }] } }, 'body.addresses.0.line1'],
      [
        'POST',
        '/v1/customers',
        {
          body: {
            ...valid,
            addresses: [
              { ...address, isDefault: true },
              { ...address, isDefault: true },
            ],
          },
        },
        'body.addresses',
      ],
      ['POST', '/v1/customer-groups', { rawBody: 'not json' }, null],
      ['POST', '/v1/customer-groups', { body: { name: 'No code' } }, 'body.code'],
      ['POST', '/v1/customer-groups', { body: { code: 'has spaces', name: 'Bad' } }, 'body.code'],
      ['POST', '/v1/customer-groups', { body: { code: 'vip', name: 'VIP', discountBasisPoints: -1 } }, 'body.discountBasisPoints'],
      ['POST', '/v1/customer-groups', { body: { code: 'vip', name: long } }, 'body.name'],
      ['POST', '/v1/customer-groups', { body: { code: 'vip', name: huge } }, null],
    ];
    it.each(cases)('%s %s %#', async (method, path, options, field) => {
      const before = await countRows(api);
      const response = await api.call(method, path, options);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      if (field !== null) expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      expect(await countRows(api)).toEqual(before);
    });

    it('on the address routes too', async () => {
      const customer = await create({ firstName: 'Address', lastName: 'Tester', emails: ['addresses@example.com'] });
      const path = `/v1/customers/${customer.body.id}/addresses`;
      const before = await countRows(api);
      const attempts: [{ body?: unknown; rawBody?: string }, string | null][] = [
        [{ rawBody: '[' }, null],
        [{ body: { ...address, line1: '' } }, 'body.line1'],
        [{ body: { ...address, country: 'FRA' } }, 'body.country'],
        [{ body: { ...address, isDefault: 'yes' } }, 'body.isDefault'],
        [{ body: { ...address, phone: 'office' } }, 'body.phone'],
        [{ body: { ...address, city: huge } }, null],
      ];
      for (const [options, field] of attempts) {
        const response = await api.call('POST', path, options);
        expect(response.status, JSON.stringify(response.body)).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        if (field !== null) expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      }
      expect((await api.call('POST', '/v1/customers/0190a0a0-0000-7000-8000-000000000000/addresses', { body: address })).status).toBe(404);
      expect((await api.call('POST', '/v1/customers/not-a-uuid/addresses', { body: address })).status).toBe(400);
      expect(await countRows(api)).toEqual(before);
    });
  });

  describe("checkouts: matching a buyer to a profile (the order path's look-up), and new guests", () => {
    /** The buyer as an order request carries them (validated as the API does), matched as the order path does. */
    const match = async (given: Guest | { id: string }) => {
      const buyer: Buyer = 'id' in given ? given : guestSchema.parse(given);
      const { rows } = await sql<{ profiles: MatchedProfile[] }>`select ${profilesQuery([buyer])} as profiles`.execute(api.database.db);
      return matchBuyers([buyer], rows[0]?.profiles ?? [])[0];
    };
    const newGuest = (guest: Guest) => api.database.db.transaction().execute((trx) => createGuests(trx, [guestSchema.parse(guest)]));

    it('matches by email, else by phone, else no profile yet (one is made when the order is written); an unknown id is a 400', async () => {
      const known = await create({ firstName: 'Known', lastName: 'Buyer', emails: ['known@example.com'], phones: ['+33 7 00 00 00 01'] });
      const byEmail = await match({ firstName: 'K', lastName: 'B', email: 'KNOWN@example.com', phone: '+33 7 99 99 99 99' });
      expect(byEmail).toMatchObject({ customerId: known.body.id, contact: { email: 'known@example.com' } });
      const byPhone = await match({ firstName: 'K', lastName: 'B', email: 'other@example.com', phone: '+33.7.00.00.00.01' });
      expect(byPhone).toMatchObject({ customerId: known.body.id, contact: { email: 'other@example.com' } });
      expect(await match({ id: known.body.id })).toMatchObject({ customerId: known.body.id, contact: { email: 'known@example.com' } });
      expect(await match({ id: '0190a0a0-0000-7000-8000-000000000000' })).toMatchObject({ kind: 'invalid-input' });
      const fresh = await match({ firstName: 'New', lastName: 'Buyer', email: 'New.Buyer@example.com' });
      expect(fresh).toMatchObject({ customerId: undefined, contact: { email: 'new.buyer@example.com', phone: null } });
      const [id] = await newGuest({ firstName: 'New', lastName: 'Buyer', email: 'New.Buyer@example.com' });
      expect((await api.call('GET', `/v1/customers/${id}`)).body).toMatchObject({ firstName: 'New', emails: ['new.buyer@example.com'], phones: [] });
      expect(await match({ firstName: 'New', lastName: 'Buyer', email: 'new.buyer@example.com' })).toMatchObject({ customerId: id });
      expect(guestSchema.safeParse({ firstName: 'No', lastName: 'Contact' }).success).toBe(false);
    });

    it('creates one profile when the same new guest checks out in several places at once', async () => {
      const before = await countRows(api);
      const results = await Promise.all(
        Array.from({ length: 6 }, () => newGuest({ firstName: 'Twin', lastName: 'Checkout', email: 'twin@example.com', phone: '+33 6 55 55 55 55' })),
      );
      expect(new Set(results.flat()).size).toBe(1);
      expect((await countRows(api)).customers - before.customers).toBe(1);
    });
  });
});

describe('customers across channels', () => {
  let api: TestApi;
  let basics: Basics;
  beforeAll(async () => {
    api = await startTestApi();
    basics = await seedBasics(api);
  });
  afterAll(() => api?.close());

  it('lets store staff and channel integrations create and read the one shared profile', async () => {
    const atRegister = await api.call('POST', '/v1/customers', {
      token: basics.storeAKey,
      body: { firstName: 'Walk', lastName: 'In', phones: ['+33 6 01 02 03 04'] },
    });
    expect(atRegister.status).toBe(201);
    // The web shop writes the same number the national way: it is the same customer.
    const online = await api.call('POST', '/v1/customers', {
      token: basics.webKey,
      body: { firstName: 'Walk', lastName: 'In', emails: ['walk@example.com'], phones: ['06.01.02.03.04'] },
    });
    expect(online.status).toBe(409);
    expect(online.body).toMatchObject({ existingCustomerId: atRegister.body.id, matchedOn: 'phone', phone: '+33601020304' });
    // The web shop finds the profile by the exact phone its buyer gave at checkout…
    const looked = await api.call('GET', `/v1/customers?phone=${encodeURIComponent('06 01 02 03 04')}`, { token: basics.webKey });
    expect(looked.status).toBe(200);
    expect(looked.body.items.map((customer: { id: string }) => customer.id)).toEqual([atRegister.body.id]);
    // …but neither browses nor reads or changes a profile with no order through it that it did not create.
    expect((await api.call('GET', '/v1/customers?q=walk', { token: basics.webKey })).status).toBe(403);
    expect((await api.call('GET', '/v1/customers', { token: basics.webKey })).status).toBe(403);
    const read = await api.call('GET', `/v1/customers/${atRegister.body.id}`, { token: basics.webKey });
    expect(read.status).toBe(404);
    expect(read.headers.get('content-type')).toContain('application/problem+json');
    expect((await api.call('PATCH', `/v1/customers/${atRegister.body.id}`, { token: basics.webKey, body: { firstName: 'Renamed' } })).status).toBe(404);
    // Staff at the counter serve any customer: search, read and change.
    const patched = await api.call('PATCH', `/v1/customers/${atRegister.body.id}`, { token: basics.storeAKey, body: { emails: ['walk.in@example.com'] } });
    expect(patched.status).toBe(200);
    const found = await api.call('GET', '/v1/customers?q=walk.in', { token: basics.storeAKey });
    expect(found.body.items.map((customer: { id: string }) => customer.id)).toEqual([atRegister.body.id]);
    expect((await api.call('GET', '/v1/customers', { token: basics.storeAKey })).status).toBe(403);
    expect((await api.call('GET', '/v1/customers')).status).toBe(200);
    // A profile the web shop created is its own to read and change before any order.
    const ownProfile = await api.call('POST', '/v1/customers', {
      token: basics.webKey,
      body: { firstName: 'Web', lastName: 'Only', emails: ['web.only@example.com'] },
    });
    expect(ownProfile.status).toBe(201);
    expect((await api.call('GET', `/v1/customers/${ownProfile.body.id}`, { token: basics.webKey })).status).toBe(200);
    expect((await api.call('PATCH', `/v1/customers/${ownProfile.body.id}`, { token: basics.webKey, body: { lastName: 'Shopper' } })).body.lastName).toBe(
      'Shopper',
    );
    expect((await api.call('GET', '/v1/customer-groups', { token: basics.storeAKey })).status).toBe(200);
  });

  it('keeps groups and discounts to admins', async () => {
    for (const token of [basics.storeAKey, basics.webKey]) {
      const created = await api.call('POST', '/v1/customers', {
        token,
        body: { firstName: 'Vip', lastName: 'Self', emails: ['vip@example.com'], discountBasisPoints: 10_000 },
      });
      expect(created.status).toBe(403);
    }
    const own = await api.call('POST', '/v1/customers', {
      token: basics.webKey,
      body: { firstName: 'Plain', lastName: 'Buyer', emails: ['plain@example.com'] },
    });
    expect(own.status).toBe(201);
    const raised = await api.call('PATCH', `/v1/customers/${own.body.id}`, { token: basics.webKey, body: { discountBasisPoints: 5000 } });
    expect(raised.status).toBe(403);
    expect((await api.call('GET', `/v1/customers/${own.body.id}`)).body.discountBasisPoints).toBe(0);
  });

  it('keeps customer groups to admins', async () => {
    for (const token of [basics.storeAKey, basics.webKey]) {
      const response = await api.call('POST', '/v1/customer-groups', { token, body: { code: 'staff', name: 'Staff' } });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('forbidden');
    }
    expect((await countRows(api)).groups).toBe(0);
  });

  it('refuses a disabled channel and writes nothing', async () => {
    const disabled = await api.call('PATCH', `/v1/channels/${basics.web.id}`, { body: { enabled: false } });
    expect(disabled.status).toBe(200);
    const before = await countRows(api);
    const response = await api.call('POST', '/v1/customers', {
      token: basics.webKey,
      body: { firstName: 'Too', lastName: 'Late', emails: ['late@example.com'] },
    });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('channel-disabled');
    expect(await countRows(api)).toEqual(before);
  });
});
