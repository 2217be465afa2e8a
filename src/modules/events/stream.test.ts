import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startTestApi, type TestApi } from '../../../test/support/api.ts';
import { receive, seedBasics, stockedSkus, type Basics } from '../../../test/support/fixtures.ts';
import { openSse, type SseMessage, type SseStream } from '../../../test/support/sse.ts';

/**
 * The live stream of the outbox (GET /v1/events/stream) over real HTTP: each store hears of its own orders only,
 * a reconnection with Last-Event-ID gets exactly what it missed, and streams end when the client or the server goes.
 */
let api: TestApi;
let basics: Basics;
let storeBKey: string;
const streams: SseStream[] = [];
/** Store A's staff member who signs in (the store app in a browser). */
const COUNTER = { email: 'counter@example.com', password: 'correct horse battery' };

beforeAll(async () => {
  // Short intervals so that the tests do not wait; nothing below depends on them.
  api = await startTestApi({ eventStream: { pollMs: 20, keepAliveMs: 100 } });
  basics = await seedBasics(api);
  await stockedSkus(api, basics, [{ sku: 'CAP', price: 1500, quantity: 100 }]);
  await receive(api, basics.storeA.id, [{ sku: 'CAP', quantity: 50 }]);
  await receive(api, basics.storeB.id, [{ sku: 'CAP', quantity: 50 }]);
  const rate = { method: 'pickup_in_store', pricing: 'flat', amount: 0, currency: 'EUR', taxClass: 'standard' };
  expect((await api.call('PUT', '/v1/delivery-rates', { body: rate })).status).toBe(200);
  const counter = { ...COUNTER, name: 'Counter', role: 'store', locationId: basics.storeA.id };
  expect((await api.call('POST', '/v1/staff-users', { body: counter })).status).toBe(201);
  storeBKey = (await api.call('POST', '/v1/api-keys', { body: { name: 'Store B', role: 'store', locationId: basics.storeB.id } })).body.token;
});
afterAll(async () => {
  for (const stream of streams) stream.close();
  await api?.close();
});

async function open(path: string, headers: Record<string, string> = {}, token: string | null = ADMIN_KEY) {
  const stream = await openSse(api.baseUrl + path, { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers });
  streams.push(stream);
  return stream;
}

/** A pickup order at a store, paid at the counter: its group is routed to that store. */
async function pickupAt(storeId: string) {
  const placed = await api.call('POST', '/v1/orders', {
    body: {
      channelId: basics.web.id,
      customer: { firstName: 'Léa', lastName: 'Roux', email: 'lea@example.com' },
      lines: [{ sku: 'CAP', quantity: 1 }],
      deliveryGroups: [{ method: 'pickup_in_store', pickupLocationId: storeId }],
      payments: [{ method: 'pay_at_pickup', amount: 1500 }],
    },
  });
  expect(placed.status, JSON.stringify(placed.body)).toBe(201);
  return placed.body.id as string;
}

const data = (message: SseMessage) => (message.data ? JSON.parse(message.data) : undefined);
const placed = (orderId: string) => (message: SseMessage) => message.event === 'order.placed' && data(message).payload.orderId === orderId;
/** The orders of the events among messages (messages with no data only move the position). */
const ordersIn = (messages: SseMessage[]) => messages.filter((message) => message.data).map((message) => data(message).payload.orderId as string);

describe('the event stream', () => {
  it("sends a store the events of orders routed to it and none of another store's, as GET /v1/events shows them", async () => {
    const s1 = await open('/v1/events/stream?types=order.placed', {}, basics.storeAKey);
    const s2 = await open('/v1/events/stream?types=order.placed', {}, storeBKey);
    expect(s1.status).toBe(200);
    expect(s1.contentType).toMatch(/^text\/event-stream/);
    // Placed one after the other: each stream has passed the others' events once it has its own later one.
    const atB = await pickupAt(basics.storeB.id);
    const atA = await pickupAt(basics.storeA.id);
    const atBAgain = await pickupAt(basics.storeB.id);
    const heardByA = await s1.until(placed(atA));
    const heardByB = await s2.until(placed(atBAgain));
    expect(ordersIn(heardByA)).toEqual([atA]);
    expect(ordersIn(heardByB)).toEqual([atB, atBAgain]);

    const message = heardByA.at(-1)!;
    const event = data(message);
    expect(message.event).toBe('order.placed');
    expect(event).toMatchObject({ type: 'order.placed', subject: `order:${atA}`, payload: { orderId: atA, channelId: basics.web.id } });
    // The id is the list's cursor: the list after it starts after this event.
    const listed = await api.call('GET', `/v1/events?type=order.placed&after=${message.id}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item: { payload: { orderId: string } }) => item.payload.orderId)).toEqual([atBAgain]);
    const before = await api.call('GET', '/v1/events?type=order.placed&limit=1000');
    expect(before.body.items).toContainEqual(event);
  });

  it('resumes from Last-Event-ID with exactly the events after it, then live, and catches up without waiting with live=false', async () => {
    const first = await open('/v1/events/stream?types=order.*', {}, basics.storeAKey);
    const seen = await pickupAt(basics.storeA.id);
    const last = (await first.until(placed(seen))).at(-1)!;
    first.close();

    // Missed while disconnected.
    const missed = await pickupAt(basics.storeA.id);
    await pickupAt(basics.storeB.id);
    const resumed = await open('/v1/events/stream?types=order.*', { 'last-event-id': last.id! }, basics.storeAKey);
    const replayed = await resumed.until(placed(missed));
    const live = await pickupAt(basics.storeA.id);
    const after = await resumed.until(placed(live));
    expect(ordersIn(replayed)).toEqual([missed]);
    expect(ordersIn(after)).toEqual([live]);

    // The same from a cursor in the query, ending once caught up; Last-Event-ID wins over it.
    const catchUp = await open(`/v1/events/stream?types=order.placed&live=false&after=${last.id}`, {}, basics.storeAKey);
    expect(ordersIn(await catchUp.rest())).toEqual([missed, live]);
    const headerWins = await open(
      `/v1/events/stream?types=order.placed&live=false&after=${last.id}`,
      { 'last-event-id': replayed.at(-1)!.id! },
      basics.storeAKey,
    );
    expect(ordersIn(await headerWins.rest())).toEqual([live]);
  });

  it('moves the position past events the reader may not see, and a resumption from there misses nothing', async () => {
    const a = await open('/v1/events/stream?types=order.placed', {}, basics.storeAKey);
    // Started from now: the first message says where now was.
    const start = (await a.until((message) => message.id !== undefined))[0]!;
    expect(start.data).toBeUndefined();
    const other = await pickupAt(basics.storeB.id);
    // Store A's stream reads store B's order and says so with an id and no data (EventSource dispatches nothing).
    const moved = await a.until((message) => message.id !== undefined && message.id !== start.id);
    expect(ordersIn(moved)).toEqual([]);
    // The position is past the other store's order: the feed after it goes on from there.
    const past = await api.call('GET', `/v1/events?type=order.placed&after=${moved.at(-1)!.id}`);
    expect(past.body.items.map((item: { payload: { orderId: string } }) => item.payload.orderId)).not.toContain(other);
    a.close();
    const mine = await pickupAt(basics.storeA.id);
    const resumed = await open('/v1/events/stream?types=order.placed', { 'last-event-id': moved.at(-1)!.id! }, basics.storeAKey);
    expect(ordersIn(await resumed.until(placed(mine)))).toEqual([mine]);
  });

  it('recognises signed-in store staff by the session cookie, as the browser’s EventSource sends it', async () => {
    const login = await api.call('POST', '/v1/auth/login', { body: { email: COUNTER.email, password: COUNTER.password }, token: null });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const stream = await open('/v1/events/stream?types=order.placed', { cookie }, null);
    expect(stream.status).toBe(200);
    const atB = await pickupAt(basics.storeB.id);
    const atA = await pickupAt(basics.storeA.id);
    const heard = await stream.until(placed(atA));
    expect(ordersIn(heard)).not.toContain(atB);
  });

  it('ends a stream when its key is revoked or its session ends, and refuses it again', async () => {
    const key = (await api.call('POST', '/v1/api-keys', { body: { name: 'Till tablet', role: 'store', locationId: basics.storeA.id } })).body;
    const byKey = await open('/v1/events/stream', {}, key.token);
    await byKey.until((message) => message.comment === 'keep-alive');
    expect((await api.call('POST', `/v1/api-keys/${key.id}/revoke`, { body: {} })).status).toBe(200);
    expect(await byKey.rest()).toBeInstanceOf(Array);
    expect((await api.call('GET', '/v1/events/stream?live=false', { token: key.token })).status).toBe(401);

    const login = await api.call('POST', '/v1/auth/login', { body: { email: COUNTER.email, password: COUNTER.password }, token: null });
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const bySession = await open('/v1/events/stream', { cookie }, null);
    await bySession.until((message) => message.comment === 'keep-alive');
    expect((await api.call('POST', '/v1/auth/logout', { cookie, token: null })).status).toBe(204);
    expect(await bySession.rest()).toBeInstanceOf(Array);
  });

  it('sends keep-alive comments on a quiet stream', async () => {
    const quiet = await open('/v1/events/stream?types=transfer.received', {}, basics.storeAKey);
    expect(await quiet.until((message) => message.comment === 'keep-alive')).toContainEqual({ comment: 'keep-alive' });
  });

  it('refuses a cursor it did not send and types that are not types, naming them', async () => {
    const badHeader = await api.call('GET', '/v1/events/stream?live=false', { headers: { 'last-event-id': 'not-a-cursor' } });
    expect(badHeader.status).toBe(400);
    expect(badHeader.body.errors).toEqual([expect.objectContaining({ field: 'header.last-event-id' })]);
    const badQuery = await api.call('GET', '/v1/events/stream?live=false&after=bm9wZQ');
    expect(badQuery.body.errors).toEqual([expect.objectContaining({ field: 'query.after' })]);
    const badTypes = await api.call('GET', '/v1/events/stream?live=false&types=order.placed,DROP%20TABLE');
    expect(badTypes.status).toBe(400);
    expect(badTypes.body.errors).toEqual([expect.objectContaining({ field: 'query.types.1' })]);
    expect((await api.call('GET', '/v1/events/stream?live=false', { token: null })).status).toBe(401);
  });

  it('ends its open streams when the server closes, after a client hung up', async () => {
    const own = await startTestApi({ eventStream: { pollMs: 20, keepAliveMs: 100 } });
    try {
      const gone = await openSse(`${own.baseUrl}/v1/events/stream`, { authorization: `Bearer ${ADMIN_KEY}` });
      await gone.until((message) => message.comment === 'keep-alive');
      gone.close();
      const staying = await openSse(`${own.baseUrl}/v1/events/stream`, { authorization: `Bearer ${ADMIN_KEY}` });
      await staying.until((message) => message.comment === 'keep-alive');
      const closing = own.app.close();
      expect(await staying.rest()).toBeInstanceOf(Array);
      await closing;
      expect(own.app.server.listening).toBe(false);
    } finally {
      await own.close().catch(() => undefined);
    }
  });
});
