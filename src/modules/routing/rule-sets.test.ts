import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { seedBasics, type Basics } from '../../../test/support/fixtures.ts';
import { expectProblem, fieldsOf } from '../../../test/support/problems.ts';
import { ruleSetActivated } from './events.ts';

/** A channel's routing rules in versions over HTTP: drafts, activation (and rollback), archiving, who reads which. */
let api: TestApi;
let basics: Basics;
/** A key of the register channel: another channel than the web shop. */
let registerKey: string;
let channelCount = 0;

const WAREHOUSE_FIRST = { rules: [{ name: 'Warehouse first', locations: { types: ['warehouse'] }, ranking: ['stock_after'] }] };

beforeAll(async () => {
  api = await startTestApi();
  basics = await seedBasics(api);
  registerKey = (await api.call('POST', '/v1/api-keys', { body: { name: 'Register A', role: 'channel', channelId: basics.registerA.id } })).body.token;
});
afterAll(() => api?.close());

/** A channel of its own for a test, so that versions and the active one are the test's alone. */
async function newChannel(): Promise<string> {
  const created = await api.call('POST', '/v1/channels', {
    body: { code: `rules-${++channelCount}`, name: 'Rules', type: 'social', currency: 'EUR', priceListId: basics.priceList.id },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

async function createRuleSet(channelId: string, name = 'Rules', document: unknown = WAREHOUSE_FIRST) {
  const created = await api.call('POST', '/v1/routing/rule-sets', { body: { channelId, name, document } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

const activate = (id: string) => api.call('POST', `/v1/routing/rule-sets/${id}/activate`);
const archive = (id: string) => api.call('POST', `/v1/routing/rule-sets/${id}/archive`);
const read = async (id: string) => (await api.call('GET', `/v1/routing/rule-sets/${id}`)).body;
const activeOf = async (channelId: string) => (await api.call('GET', `/v1/routing/rule-sets?channelId=${channelId}&status=active`)).body.items;

describe('routing rule sets', () => {
  it('given a channel, when an admin creates rule sets, then each is a draft numbered after the last, with the defaults written out', async () => {
    const channelId = await newChannel();
    const first = await createRuleSet(channelId, 'Spring');
    expect(first).toEqual({
      id: expect.any(String),
      channelId,
      version: 1,
      name: 'Spring',
      status: 'draft',
      document: {
        rules: [
          {
            name: 'Warehouse first',
            orders: {},
            locations: { types: ['warehouse'] },
            ranking: ['stock_after'],
            allocation: { split: false, maxShipments: 2 },
            whenNothingQualifies: 'next_rule',
          },
        ],
        options: { mergeShipments: false, maxRejections: 3, pickupRejected: 'reroute' },
      },
      createdBy: 'admin-key',
      createdAt: expect.any(String),
      activatedAt: null,
      archivedAt: null,
    });
    expect((await createRuleSet(channelId, 'Summer')).version).toBe(2);
    // Versions are per channel.
    expect((await createRuleSet(await newChannel())).version).toBe(1);
    expect(await read(first.id)).toEqual(first);
  });

  it('given two versions, when the second is activated after the first, then the first is archived; activating the first again rolls back', async () => {
    const channelId = await newChannel();
    const v1 = await createRuleSet(channelId, 'v1');
    const v2 = await createRuleSet(channelId, 'v2');

    const first = await activate(v1.id);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ id: v1.id, status: 'active', archivedAt: null });
    expect(Date.parse(first.body.activatedAt)).toBeGreaterThanOrEqual(Date.parse(v1.createdAt));

    const second = await activate(v2.id);
    expect(second.body).toMatchObject({ id: v2.id, status: 'active', archivedAt: null });
    const archived = await read(v1.id);
    expect(archived).toMatchObject({ status: 'archived', activatedAt: first.body.activatedAt });
    expect(Date.parse(archived.archivedAt)).toBeGreaterThanOrEqual(Date.parse(first.body.activatedAt));
    expect((await activeOf(channelId)).map((set: { id: string }) => set.id)).toEqual([v2.id]);

    // The rollback: the archived version is the active one again, activated anew; the other is archived.
    const rollback = await activate(v1.id);
    expect(rollback.body).toMatchObject({ id: v1.id, status: 'active', archivedAt: null });
    expect(Date.parse(rollback.body.activatedAt)).toBeGreaterThanOrEqual(Date.parse(second.body.activatedAt));
    expect(await read(v2.id)).toMatchObject({ status: 'archived', activatedAt: second.body.activatedAt });
    expect((await activeOf(channelId)).map((set: { id: string }) => set.id)).toEqual([v1.id]);

    // Each activation published routing.rule_set_activated, with the catalog's payload.
    const events = await api.database.db
      .selectFrom('outbox_events')
      .select(['subject', 'payload'])
      .where('type', '=', 'routing.rule_set_activated')
      .where('subject', '=', `channel:${channelId}`)
      .orderBy('id')
      .execute();
    expect(events.map((event) => ruleSetActivated.payload.parse(event.payload))).toEqual([
      { ruleSetId: v1.id, channelId, version: 1 },
      { ruleSetId: v2.id, channelId, version: 2 },
      { ruleSetId: v1.id, channelId, version: 1 },
    ]);
  });

  it('given an active or archived version, when its rules are replaced, then it is refused as frozen; a draft is replaced', async () => {
    const channelId = await newChannel();
    const active = await createRuleSet(channelId, 'Active');
    await activate(active.id);
    const archived = await createRuleSet(channelId, 'Archived');
    await archive(archived.id);
    const draft = await createRuleSet(channelId, 'Draft');
    const replacement = { name: 'Stores first', document: { rules: [{ name: 'Stores', locations: { types: ['store'] } }] } };

    for (const frozen of [active, archived]) {
      const refused = await api.call('PUT', `/v1/routing/rule-sets/${frozen.id}`, { body: replacement });
      expectProblem(refused, 422, 'invalid-transition');
      expect(refused.body).toMatchObject({ state: frozen === active ? 'active' : 'archived', action: 'edit' });
      expect(await read(frozen.id)).toMatchObject({ name: frozen.name, document: frozen.document });
    }

    const replaced = await api.call('PUT', `/v1/routing/rule-sets/${draft.id}`, { body: replacement });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    expect(replaced.body).toMatchObject({ id: draft.id, version: 3, status: 'draft', name: 'Stores first' });
    expect(replaced.body.document.rules).toEqual([expect.objectContaining({ name: 'Stores', locations: { types: ['store'] }, ranking: ['distance'] })]);
  });

  it('given the active version, when it is archived, then the channel has none active; moves its state does not allow are refused', async () => {
    const channelId = await newChannel();
    const set = await createRuleSet(channelId);
    await activate(set.id);
    expectProblem(await activate(set.id), 422, 'invalid-transition');

    const archived = await archive(set.id);
    expect(archived.status, JSON.stringify(archived.body)).toBe(200);
    expect(archived.body).toMatchObject({ status: 'archived', archivedAt: expect.any(String) });
    expect(await activeOf(channelId)).toEqual([]);
    const again = await archive(set.id);
    expectProblem(again, 422, 'invalid-transition');
    expect(again.body).toMatchObject({ state: 'archived', action: 'archive', allowed: ['activate'] });

    const draft = await createRuleSet(channelId);
    expect((await archive(draft.id)).body).toMatchObject({ status: 'archived', activatedAt: null });
    expectProblem(await activate('01900000-0000-7000-8000-000000000000'), 404);
    expectProblem(await api.call('GET', '/v1/routing/rule-sets/01900000-0000-7000-8000-000000000000'), 404);
  });

  it('given concurrent creations for one channel, then each gets a version of its own', async () => {
    const channelId = await newChannel();
    const created = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        api.call('POST', '/v1/routing/rule-sets', { body: { channelId, name: `Race ${index}`, document: WAREHOUSE_FIRST } }),
      ),
    );
    expect(created.map((response) => response.status)).toEqual(created.map(() => 201));
    expect(created.map((response) => response.body.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
  });

  it('given concurrent activations of two versions of one channel, then they take turns and one version is active', async () => {
    const channelId = await newChannel();
    const [a, b, c] = [await createRuleSet(channelId), await createRuleSet(channelId), await createRuleSet(channelId)];
    await activate(a.id);
    const [first, second] = await Promise.all([activate(b.id), activate(c.id)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const statuses = await Promise.all([a, b, c].map(async (set) => (await read(set.id)).status));
    expect(statuses.filter((status) => status === 'active')).toHaveLength(1);
    expect(statuses[0]).toBe('archived');
  });

  it('answers a retried creation with the first answer, creating one version', async () => {
    const channelId = await newChannel();
    const headers = { 'idempotency-key': 'create-rules-once' };
    const body = { channelId, name: 'Once', document: WAREHOUSE_FIRST };
    const first = await api.call('POST', '/v1/routing/rule-sets', { body, headers });
    const retry = await api.call('POST', '/v1/routing/rule-sets', { body, headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect((await api.call('GET', `/v1/routing/rule-sets?channelId=${channelId}`)).body.items).toHaveLength(1);
  });

  it("given rule sets of two channels, then a channel's key reads only its own, and only admins write", async () => {
    const web = await createRuleSet(basics.web.id, 'Web rules');
    const register = await createRuleSet(basics.registerA.id, 'Register rules');

    const listed = await api.call('GET', '/v1/routing/rule-sets?limit=200', { token: basics.webKey });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((set: { id: string }) => set.id)).toContain(web.id);
    expect(listed.body.items.every((set: { channelId: string }) => set.channelId === basics.web.id)).toBe(true);
    expect((await api.call('GET', `/v1/routing/rule-sets/${web.id}`, { token: basics.webKey })).body).toEqual(web);
    // Another channel's version is answered as one that does not exist; naming another channel is refused.
    expectProblem(await api.call('GET', `/v1/routing/rule-sets/${register.id}`, { token: basics.webKey }), 404);
    expectProblem(await api.call('GET', `/v1/routing/rule-sets?channelId=${basics.registerA.id}`, { token: basics.webKey }), 403);
    expect((await api.call('GET', `/v1/routing/rule-sets/${register.id}`, { token: registerKey })).body).toEqual(register);

    expectProblem(await api.call('GET', '/v1/routing/rule-sets', { token: basics.storeAKey }), 403);
    expectProblem(
      await api.call('POST', '/v1/routing/rule-sets', { body: { channelId: basics.web.id, name: 'Mine', document: WAREHOUSE_FIRST }, token: basics.webKey }),
      403,
    );
    expectProblem(await api.call('POST', `/v1/routing/rule-sets/${web.id}/activate`, { token: basics.webKey }), 403);
    expect((await read(web.id)).status).toBe('draft');
  });

  it('refuses rules that cannot be followed, naming each field, and a channel that does not exist', async () => {
    const invalid = await api.call('POST', '/v1/routing/rule-sets', {
      body: {
        channelId: basics.web.id,
        name: 'Broken',
        document: {
          rules: [
            { name: 'Park without a queue', whenNothingQualifies: 'park' },
            { name: 'Sequence without one', ranking: ['sequence'] },
            { name: 'Nowhere', locations: { maxDistanceKm: -5, types: ['moon'] }, ranking: ['luck'] },
          ],
          options: { maxRejections: 0 },
        },
      },
    });
    expectProblem(invalid, 400);
    expect(fieldsOf(invalid)).toEqual([
      'body.document.options.maxRejections',
      'body.document.rules.0.queue',
      'body.document.rules.1.sequence',
      'body.document.rules.2.locations.maxDistanceKm',
      'body.document.rules.2.locations.types.0',
      'body.document.rules.2.ranking.0',
    ]);

    const empty = await api.call('POST', '/v1/routing/rule-sets', { body: { channelId: basics.web.id, name: 'Empty', document: { rules: [] } } });
    expectProblem(empty, 400);
    expect(fieldsOf(empty)).toEqual(['body.document.rules']);

    const unknown = await api.call('POST', '/v1/routing/rule-sets', {
      body: { channelId: '01900000-0000-7000-8000-000000000000', name: 'Ghost', document: WAREHOUSE_FIRST },
    });
    expectProblem(unknown, 400);
    expect(fieldsOf(unknown)).toEqual(['body.channelId']);

    const draft = await createRuleSet(basics.web.id);
    const badReplace = await api.call('PUT', `/v1/routing/rule-sets/${draft.id}`, {
      body: { name: 'Still broken', document: { rules: [{ name: 'Park', whenNothingQualifies: 'park' }] } },
    });
    expectProblem(badReplace, 400);
    expect(fieldsOf(badReplace)).toEqual(['body.document.rules.0.queue']);
    expect(await read(draft.id)).toEqual(draft);
  });
});
