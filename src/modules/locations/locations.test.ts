import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { expectProblem, fieldsOf } from '../../../test/support/problems.ts';
import { locationBody, seedBasics, type Basics } from '../../../test/support/fixtures.ts';

/** Warehouses, stores and drop-ship vendors over HTTP: created by admins, read by everyone, changed within each role's rights. */
let api: TestApi;
let basics: Basics;
beforeAll(async () => {
  api = await startTestApi();
  basics = await seedBasics(api);
});
afterAll(() => api?.close());

describe('locations', () => {
  it('creates a location and reads it back as it was given, with defaults for what was left out', async () => {
    const created = await api.call('POST', '/v1/locations', {
      body: { ...locationBody('LYON-2', 'store', 45.75, 4.83), capabilities: ['click_and_collect', 'click_and_collect', 'register_sales'] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      code: 'LYON-2',
      name: 'Location LYON-2',
      type: 'store',
      latitude: 45.75,
      longitude: 4.83,
      timezone: 'Europe/Paris',
      address: { line1: '1 rue de la République', postalCode: '69002', city: 'Lyon', country: 'FR' },
      openingHours: { mon: ['09:00-19:00'], sat: ['10:00-18:00'] },
      dailyCapacity: 100,
      active: true,
    });
    // A capability named twice is kept once.
    expect([...created.body.capabilities].sort()).toEqual(['click_and_collect', 'register_sales']);
    expect((await api.call('GET', `/v1/locations/${created.body.id}`, { token: basics.webKey })).body).toEqual(created.body);

    const bare = await api.call('POST', '/v1/locations', {
      body: {
        code: 'VENDOR-1',
        name: 'Vendor',
        type: 'dropship_vendor',
        address: { line1: 'Main St 1', postalCode: '10115', city: 'Berlin', country: 'DE' },
        latitude: 52.5,
        longitude: 13.4,
      },
    });
    expect(bare.status, JSON.stringify(bare.body)).toBe(201);
    expect(bare.body).toMatchObject({ timezone: 'UTC', openingHours: {}, capabilities: [], dailyCapacity: 0, active: true });
  });

  it('refuses a code already used, naming the location that has it', async () => {
    const again = await api.call('POST', '/v1/locations', { body: locationBody('WH', 'warehouse') });
    expectProblem(again, 409, 'location-code-taken');
    expect(again.body.existingId).toBe(basics.warehouse.id);
  });

  it('refuses invalid fields, naming each, and creates nothing', async () => {
    const invalid = await api.call('POST', '/v1/locations', {
      body: {
        ...locationBody('bad code!', 'store'),
        latitude: 91,
        timezone: 'Mars/Olympus',
        openingHours: { mon: ['9h-19h'] },
        type: 'shop',
        address: { line1: '', postalCode: '1', city: 'X', country: 'FR' },
      },
    });
    expectProblem(invalid, 400);
    expect(fieldsOf(invalid)).toEqual(['body.address.line1', 'body.code', 'body.latitude', 'body.openingHours.mon.0', 'body.timezone', 'body.type']);
    expect((await api.call('GET', '/v1/locations?q=bad')).body.items).toEqual([]);
  });

  it('lets only admins create a location', async () => {
    expectProblem(await api.call('POST', '/v1/locations', { body: locationBody('BY-STORE', 'store'), token: basics.storeAKey }), 403);
    expectProblem(await api.call('POST', '/v1/locations', { body: locationBody('BY-WEB', 'store'), token: basics.webKey }), 403);
    expectProblem(await api.call('POST', '/v1/locations', { body: locationBody('BY-NOBODY', 'store'), token: null }), 401);
    expect((await api.call('GET', '/v1/locations?q=BY-')).body.items).toEqual([]);
  });

  it('answers 404 for a location that does not exist', async () => {
    expectProblem(await api.call('GET', '/v1/locations/01900000-0000-7000-8000-000000000000'), 404);
    expectProblem(await api.call('PATCH', '/v1/locations/01900000-0000-7000-8000-000000000000', { body: { name: 'Ghost' } }), 404);
  });

  it('lists by page and filters by type, capability, active and a search on code, name or city', async () => {
    const outlet = (
      await api.call('POST', '/v1/locations', {
        body: {
          ...locationBody('OUTLET_50', 'store'),
          name: 'Outlet 50% off',
          address: { line1: '2 quai', postalCode: '13002', city: 'Marseille', country: 'FR' },
          capabilities: ['ships_orders'],
          active: false,
        },
      })
    ).body;
    const all: string[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await api.call('GET', `/v1/locations?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      all.push(...page.body.items.map((location: { id: string }) => location.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(expect.arrayContaining([basics.warehouse.id, basics.storeA.id, basics.storeB.id, outlet.id]));

    const ids = async (query: string) => (await api.call('GET', `/v1/locations?${query}`)).body.items.map((location: { id: string }) => location.id);
    expect(await ids('type=warehouse')).toEqual([basics.warehouse.id]);
    expect(await ids('capability=ships_orders')).toEqual(expect.arrayContaining([basics.warehouse.id, outlet.id]));
    expect(await ids('capability=ships_orders')).not.toContain(basics.storeA.id);
    expect(await ids('active=false')).toEqual([outlet.id]);
    expect(await ids('active=true')).not.toContain(outlet.id);
    expect(await ids('q=marseille')).toEqual([outlet.id]);
    expect(await ids('q=outlet_')).toEqual([outlet.id]);
    expect(await ids('q=50%25 OFF')).toEqual([outlet.id]);
    // % and _ in the search are letters, not wildcards: only the outlet has them.
    expect(await ids(`q=${encodeURIComponent('_')}`)).toEqual([outlet.id]);
    expect(await ids(`q=${encodeURIComponent('%')}`)).toEqual([outlet.id]);
    expectProblem(await api.call('GET', '/v1/locations?type=shop'), 400);
  });

  it('lets an admin change anything but the code and the type', async () => {
    const created = (await api.call('POST', '/v1/locations', { body: locationBody('CHANGE-ME', 'store') })).body;
    const changed = await api.call('PATCH', `/v1/locations/${created.id}`, {
      body: {
        name: 'Renamed',
        latitude: 48.85,
        longitude: 2.35,
        timezone: 'Europe/Lisbon',
        capabilities: ['accepts_returns'],
        dailyCapacity: 7,
        active: false,
        openingHours: { sun: ['10:00-12:00'] },
      },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({
      code: 'CHANGE-ME',
      type: 'store',
      name: 'Renamed',
      latitude: 48.85,
      longitude: 2.35,
      timezone: 'Europe/Lisbon',
      capabilities: ['accepts_returns'],
      dailyCapacity: 7,
      active: false,
      openingHours: { sun: ['10:00-12:00'] },
      address: created.address,
    });
    expect(Date.parse(changed.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));
    expect((await api.call('GET', `/v1/locations/${created.id}`)).body).toEqual(changed.body);
    // An invalid change is refused whole: nothing of it is written.
    expectProblem(await api.call('PATCH', `/v1/locations/${created.id}`, { body: { dailyCapacity: -1, timezone: 'Nowhere/Here' } }), 400);
    expect((await api.call('GET', `/v1/locations/${created.id}`)).body).toEqual(changed.body);
  });

  it('keeps the location groups and capacity windows routing filters on, given at creation and changed later', async () => {
    const created = await api.call('POST', '/v1/locations', {
      body: {
        ...locationBody('GROUPED', 'store'),
        groups: ['lyon', 'city-centre', 'lyon'],
        capacityWindows: [
          { from: '14:00', to: '19:00', orders: 25 },
          { from: '09:00', to: '14:00', orders: 20 },
        ],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // A group named twice is kept once; the windows are kept as given.
    expect(created.body.groups).toEqual(['lyon', 'city-centre']);
    expect(created.body.capacityWindows).toEqual([
      { from: '14:00', to: '19:00', orders: 25 },
      { from: '09:00', to: '14:00', orders: 20 },
    ]);
    expect((await api.call('POST', '/v1/locations', { body: locationBody('UNGROUPED', 'store') })).body).toMatchObject({ groups: [], capacityWindows: [] });

    const changed = await api.call('PATCH', `/v1/locations/${created.body.id}`, { body: { groups: ['outlets'], capacityWindows: [] } });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ groups: ['outlets'], capacityWindows: [] });
    expect((await api.call('GET', `/v1/locations/${created.body.id}`, { token: basics.webKey })).body).toEqual(changed.body);
  });

  it('refuses capacity windows that end before they start, overlap or are not times of day, naming each', async () => {
    const invalid = await api.call('POST', '/v1/locations', {
      body: {
        ...locationBody('BAD-WINDOWS', 'store'),
        capacityWindows: [
          { from: '09:00', to: '12:00', orders: 10 },
          { from: '11:00', to: '15:00', orders: 10 },
          { from: '18:00', to: '17:00', orders: 10 },
          { from: '9h', to: '25:00', orders: -1 },
        ],
        groups: [''],
      },
    });
    expectProblem(invalid, 400);
    expect(fieldsOf(invalid)).toEqual([
      'body.capacityWindows.1.from',
      'body.capacityWindows.2.to',
      'body.capacityWindows.3.from',
      'body.capacityWindows.3.orders',
      'body.capacityWindows.3.to',
      'body.groups.0',
    ]);
  });

  it('lets store staff change only the opening hours and capacity of their own store', async () => {
    const own = await api.call('PATCH', `/v1/locations/${basics.storeA.id}`, {
      body: { openingHours: { mon: ['08:00-20:00'] }, dailyCapacity: 55, capacityWindows: [{ from: '08:00', to: '12:00', orders: 10 }] },
      token: basics.storeAKey,
    });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body).toMatchObject({
      openingHours: { mon: ['08:00-20:00'] },
      dailyCapacity: 55,
      capacityWindows: [{ from: '08:00', to: '12:00', orders: 10 }],
      name: 'Location STORE-A',
    });

    const before = (await api.call('GET', `/v1/locations/${basics.storeA.id}`)).body;
    expectProblem(
      await api.call('PATCH', `/v1/locations/${basics.storeA.id}`, { body: { name: 'My store now', dailyCapacity: 1 }, token: basics.storeAKey }),
      403,
    );
    expectProblem(await api.call('PATCH', `/v1/locations/${basics.storeA.id}`, { body: { groups: ['flagships'] }, token: basics.storeAKey }), 403);
    expectProblem(await api.call('PATCH', `/v1/locations/${basics.storeB.id}`, { body: { dailyCapacity: 1 }, token: basics.storeAKey }), 403);
    expectProblem(await api.call('PATCH', `/v1/locations/${basics.storeA.id}`, { body: { dailyCapacity: 1 }, token: basics.webKey }), 403);
    // Nothing of a refused change was written.
    expect((await api.call('GET', `/v1/locations/${basics.storeA.id}`)).body).toEqual(before);
    expect((await api.call('GET', `/v1/locations/${basics.storeB.id}`)).body.dailyCapacity).toBe(100);
  });
});
