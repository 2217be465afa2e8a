import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { seedBasics, type Basics } from '../../../test/support/fixtures.ts';
import { sha256 } from '../../platform/auth/passwords.ts';
import { ApiKeys } from './service.ts';

/** Asks again every 20 ms until the answer has `wanted` status or `ms` have passed; the last status. */
async function statusWithin(ms: number, ask: () => Promise<{ status: number }>, wanted: number): Promise<number> {
  const until = performance.now() + ms;
  for (;;) {
    const { status } = await ask();
    if (status === wanted || performance.now() > until) return status;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let api: TestApi;
let basics: Basics;
beforeAll(async () => {
  api = await startTestApi();
  basics = await seedBasics(api);
});
afterAll(() => api?.close());

describe('access control', () => {
  it('refuses a request without credentials with a 401 problem', async () => {
    const response = await api.call('GET', '/v1/locations', { token: null });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.code).toBe('unauthenticated');
  });

  it('refuses an unknown API key', async () => {
    const response = await api.call('GET', '/v1/locations', { token: 'ak_not-a-key' });
    expect(response.status).toBe(401);
  });

  it('signs a staff user in with a session cookie and out again', async () => {
    await api.call('POST', '/v1/staff-users', { body: { email: 'Ops@Example.com', name: 'Ops', password: 'correct horse battery', role: 'admin' } });
    const wrong = await api.call('POST', '/v1/auth/login', { token: null, body: { email: 'ops@example.com', password: 'wrong password!' } });
    expect(wrong.status).toBe(401);
    const login = await api.call('POST', '/v1/auth/login', { token: null, body: { email: 'ops@example.com', password: 'correct horse battery' } });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    expect(cookie).toMatch(/^aisle_session=/);
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    const me = await api.call('GET', '/v1/auth/me', { token: null, cookie });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ role: 'admin', userId: login.body.user.id });
    await api.call('POST', '/v1/auth/logout', { token: null, cookie });
    expect((await api.call('GET', '/v1/auth/me', { token: null, cookie })).status).toBe(401);
  });

  it('stores only a hash of API keys and revokes them at once', async () => {
    const created = await api.call('POST', '/v1/api-keys', { body: { name: 'ERP', role: 'admin' } });
    expect(created.status).toBe(201);
    const token: string = created.body.token;
    const stored = await api.database.db.selectFrom('api_keys').select('token_hash').where('id', '=', created.body.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect((await api.call('GET', '/v1/auth/me', { token })).body.role).toBe('admin');
    expect((await api.call('POST', `/v1/api-keys/${created.body.id}/revoke`)).body.revokedAt).not.toBeNull();
    expect((await api.call('GET', '/v1/auth/me', { token })).status).toBe(401);
  });

  it('forgets a key it keeps after a second, even with no notification, and at once when told', async () => {
    const created = await api.call('POST', '/v1/api-keys', { body: { name: 'Marketplace', role: 'admin' } });
    const hash = sha256(created.body.token);
    const keys = new ApiKeys(api.database.db, 200);
    expect((await keys.find(hash))?.id).toBe(created.body.id);
    // Another process revokes it (straight in the database): this process goes on accepting it until the second is up.
    await api.database.db.updateTable('api_keys').set({ revoked_at: new Date() }).where('id', '=', created.body.id).execute();
    expect((await keys.find(hash))?.id).toBe(created.body.id);
    // Asked again until the cached answer lapses (200 ms here), with room for a slow host.
    expect(await statusWithin(10_000, async () => ({ status: (await keys.find(hash)) ? 200 : 401 }), 401)).toBe(401);

    const other = await api.call('POST', '/v1/api-keys', { body: { name: 'POS', role: 'admin' } });
    const otherHash = sha256(other.body.token);
    expect((await keys.find(otherHash))?.id).toBe(other.body.id);
    await api.database.db.updateTable('api_keys').set({ revoked_at: new Date() }).where('id', '=', other.body.id).execute();
    keys.forget();
    expect(await keys.find(otherHash)).toBeUndefined();
  });

  it('hears a key revoked by another server process and refuses it well within the second it would keep it', async () => {
    const created = await api.call('POST', '/v1/api-keys', { body: { name: 'Marketplace feed', role: 'admin' } });
    const token: string = created.body.token;
    expect((await api.call('GET', '/v1/auth/me', { token })).status).toBe(200);
    // Another process revokes it: straight in the database, so this process learns of it only from the notification.
    await api.database.db.updateTable('api_keys').set({ revoked_at: new Date() }).where('id', '=', created.body.id).execute();
    expect(await statusWithin(300, () => api.call('GET', '/v1/auth/me', { token }), 401)).toBe(401);
  });

  it('keeps store staff to their own store', async () => {
    const own = await api.call('PATCH', `/v1/locations/${basics.storeA.id}`, { token: basics.storeAKey, body: { dailyCapacity: 80 } });
    expect(own.status).toBe(200);
    expect(own.body.dailyCapacity).toBe(80);
    const other = await api.call('PATCH', `/v1/locations/${basics.storeB.id}`, { token: basics.storeAKey, body: { dailyCapacity: 1 } });
    expect(other.status).toBe(403);
    const renamed = await api.call('PATCH', `/v1/locations/${basics.storeA.id}`, { token: basics.storeAKey, body: { name: 'Mine now' } });
    expect(renamed.status).toBe(403);
    const createLocation = await api.call('POST', '/v1/locations', { token: basics.storeAKey, body: {} });
    expect(createLocation.status).toBe(403);
    expect((await api.call('GET', '/v1/api-keys', { token: basics.storeAKey })).status).toBe(403);
  });

  it('keeps a channel integration to its own channel', async () => {
    const own = await api.call('GET', `/v1/channels/${basics.web.id}`, { token: basics.webKey });
    expect(own.status).toBe(200);
    // Another channel is not there for this key, as if it did not exist.
    const other = await api.call('GET', `/v1/channels/${basics.registerA.id}`, { token: basics.webKey });
    expect(other.status).toBe(404);
    const list = await api.call('GET', '/v1/channels', { token: basics.webKey });
    expect(list.body.items.map((channel: { id: string }) => channel.id)).toEqual([basics.web.id]);
    expect((await api.call('PATCH', `/v1/locations/${basics.storeA.id}`, { token: basics.webKey, body: { dailyCapacity: 1 } })).status).toBe(403);
    expect((await api.call('POST', '/v1/staff-users', { token: basics.webKey, body: {} })).status).toBe(403);
  });

  it('lets an admin do everything, including creating store staff bound to a store', async () => {
    const missingStore = await api.call('POST', '/v1/staff-users', {
      body: { email: 'clerk@example.com', name: 'Clerk', password: 'long enough pw', role: 'store' },
    });
    expect(missingStore.status).toBe(400);
    expect(missingStore.body.errors).toContainEqual(expect.objectContaining({ field: 'body.locationId' }));
    const clerk = await api.call('POST', '/v1/staff-users', {
      body: { email: 'clerk@example.com', name: 'Clerk', password: 'long enough pw', role: 'store', locationId: basics.storeA.id },
    });
    expect(clerk.status).toBe(201);
    expect(clerk.body.locationId).toBe(basics.storeA.id);
    const duplicate = await api.call('POST', '/v1/staff-users', {
      body: { email: 'clerk@example.com', name: 'Clerk', password: 'long enough pw', role: 'admin' },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.existingId).toBe(clerk.body.id);
  });
});
