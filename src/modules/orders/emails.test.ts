import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startTestApi, type TestApi } from '../../../test/support/api.ts';
import { postgresUrl } from '../../../test/support/database.ts';
import { receive, seedBasics, stockedSkus, type Basics } from '../../../test/support/fixtures.ts';
import { qrCodeIn, startSmtpInbox, type Inbox } from '../../../test/support/mail.ts';
import { startServerProcess } from '../../../test/support/processes.ts';
import { runConsumer } from '../../platform/outbox.ts';
import { createMailer } from '../documents/mailer.ts';
import { orderEmails } from './emails.ts';

/**
 * The customers' order emails are sent from the outbox, not by the request that placed the order: they survive a
 * process that was not sending (or died), a mail server that refuses for a while, and several processes sending at
 * once. The sender runs here as `aisle serve` runs it (`runConsumer`), against a real SMTP server.
 */
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2099, cvc: '123' };
const ADDRESS = { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon', country: 'FR' };
const RETAILER = { name: 'Maison Rhône', addressLines: ['45 rue de la République', '69002 Lyon'], locale: 'fr-FR' };

let api: TestApi;
let basics: Basics;
let inbox: Inbox;
/** The reply code the mail server gives each recipient for now (none: accepted). */
const refusals = new Map<string, number[]>();

beforeAll(async () => {
  inbox = await startSmtpInbox({ refuse: (to) => refusals.get(to[0]!)?.shift() });
  // No process of this API sends confirmations: each test starts the senders it needs.
  api = await startTestApi();
  basics = await seedBasics(api);
  await stockedSkus(api, basics, [{ sku: 'CAP', price: 1500, quantity: 1000 }]);
  await receive(api, basics.storeA.id, [{ sku: 'CAP', quantity: 10 }]);
  for (const method of ['ship_to_address', 'pickup_in_store']) {
    const rate = await api.call('PUT', '/v1/delivery-rates', {
      body: { method, pricing: 'flat', amount: 0, packingFee: 0, currency: 'EUR', taxClass: 'standard' },
    });
    expect(rate.status).toBe(200);
  }
});
afterAll(async () => {
  await api?.close();
  await inbox?.close();
});

function startSender(owner: string) {
  const mailer = createMailer({ smtpUrl: inbox.url, from: 'Maison Rhône <orders@example.com>' });
  const stop = runConsumer(api.database.db, orderEmails(api.database.db, mailer, RETAILER), { owner, idleMs: 50, onFailure: () => {} });
  return async () => {
    await stop();
    mailer.close();
  };
}

/** Places a web order for one cap, through the test API or through a server process at `url`. */
async function placeOrder(email: string, url?: string): Promise<{ id: string; number: string }> {
  const body = {
    channelId: basics.web.id,
    customer: { firstName: 'Camille', lastName: 'Martin', email },
    lines: [{ sku: 'CAP', quantity: 1 }],
    deliveryGroups: [{ method: 'ship_to_address', address: ADDRESS }],
    payments: [{ method: 'card_online', amount: 1500, card: CARD }],
  };
  const placed = url
    ? await fetch(`${url}/v1/orders`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (response) => ({ status: response.status, body: await response.json() }))
    : await api.call('POST', '/v1/orders', { body });
  expect(placed.status).toBe(201);
  return placed.body;
}

const timelineOf = async (orderId: string) =>
  ((await api.call('GET', `/v1/orders/${orderId}/timeline`)).body.items as { type: string; detail: Record<string, unknown> }[]).filter((event) =>
    event.type.startsWith('email.'),
  );

async function until<T>(read: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`still not done after ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `aisle_outbox_waiting_seconds` of the order emails, from `GET /metrics`. */
async function waitingSeconds() {
  const text = (await api.call('GET', '/metrics')).body as string;
  const name = 'aisle_outbox_waiting_seconds{consumer="order-emails"} ';
  return Number(
    text
      .split('\n')
      .find((line) => line.startsWith(name))!
      .slice(name.length),
  );
}

const subjects = async (from: number) => Promise.all(inbox.messages.slice(from).map(async (message) => (await simpleParser(message.raw)).subject));

describe('order confirmations', () => {
  it('are sent for orders placed while no process was sending them, once each, and written in the timeline', async () => {
    const before = inbox.messages.length;
    const orders = [await placeOrder('first@example.com'), await placeOrder('second@example.com')];
    // Operators see the emails running late: the wait grows while nobody sends (and nothing was sent meanwhile).
    await until(waitingSeconds, (seconds) => seconds >= 0.2);
    expect(inbox.messages.length).toBe(before);

    const stop = startSender('process-a');
    await until(
      () => inbox.messages.length,
      (count) => count >= before + 2,
    );
    await stop();
    expect(await waitingSeconds()).toBe(0);
    expect((await subjects(before)).sort()).toEqual(orders.map((order) => `Your order ${order.number} is confirmed`).sort());
    for (const order of orders) {
      const [sent, ...more] = await timelineOf(order.id);
      expect(more).toEqual([]);
      expect(sent).toMatchObject({
        type: 'email.sent',
        detail: {
          kind: 'confirmation',
          to: expect.stringMatching(/@example\.com$/),
          messageId: expect.stringMatching(/^<order-.+\.confirmation@example\.com>$/),
        },
      });
    }
  });

  it('are sent once each when several processes send at the same time', async () => {
    const before = inbox.messages.length;
    const stops = [startSender('process-a'), startSender('process-b'), startSender('process-c')];
    const orders = await Promise.all(Array.from({ length: 24 }, (_, index) => placeOrder(`buyer.${index}@example.com`)));
    await until(
      () => inbox.messages.length,
      (count) => count >= before + orders.length,
    );
    // Every event taken (nothing waiting), then every sender stopped (stopping waits for a pass under way): a duplicate
    // on its way has arrived by now, and none can come after.
    await until(waitingSeconds, (seconds) => seconds === 0);
    await Promise.all(stops.map((stop) => stop()));
    expect((await subjects(before)).sort()).toEqual(orders.map((order) => `Your order ${order.number} is confirmed`).sort());
  });

  it('are tried again while the mail server refuses them for a while, with the same Message-ID each time', async () => {
    refusals.set('patient@example.com', [451, 451]);
    const before = { delivered: inbox.messages.length, refused: inbox.refused.length };
    const stop = startSender('process-a');
    const order = await placeOrder('patient@example.com');
    await until(
      () => inbox.messages.length,
      (count) => count > before.delivered,
    );
    await stop();
    const attempts = [...inbox.refused.slice(before.refused), ...inbox.messages.slice(before.delivered)].map((message) => message.raw);
    expect(attempts).toHaveLength(3);
    const ids = await Promise.all(attempts.map(async (raw) => (await simpleParser(raw)).messageId));
    expect(new Set(ids).size).toBe(1);
    expect(await timelineOf(order.id)).toEqual([
      expect.objectContaining({ type: 'email.sent', detail: expect.objectContaining({ kind: 'confirmation', messageId: ids[0] }) }),
    ]);
  });

  it('write an address refused for good in the timeline, and go on with the next orders', async () => {
    refusals.set('nobody@example.com', [550]);
    const before = inbox.messages.length;
    const stop = startSender('process-a');
    const bounced = await placeOrder('nobody@example.com');
    const next = await placeOrder('somebody@example.com');
    await until(
      () => inbox.messages.length,
      (count) => count > before,
    );
    await stop();
    expect(await subjects(before)).toEqual([`Your order ${next.number} is confirmed`]);
    expect(await timelineOf(bounced.id)).toEqual([
      expect.objectContaining({ type: 'email.failed', detail: expect.objectContaining({ kind: 'confirmation', to: 'nobody@example.com' }) }),
    ]);
  });
});

describe('the Click & Collect notice', () => {
  it('tells the customer the order waits at the store, what is in it, what is left to pay, with the QR code the counter scans', async () => {
    const before = inbox.messages.length;
    const stop = startSender('process-a');
    const placed = await api.call('POST', '/v1/orders', {
      body: {
        channelId: basics.web.id,
        customer: { firstName: 'Hugo', lastName: 'Petit', email: 'hugo@example.com' },
        lines: [{ sku: 'CAP', quantity: 2 }],
        deliveryGroups: [{ method: 'pickup_in_store', pickupLocationId: basics.storeA.id }],
        payments: [{ method: 'pay_at_pickup', amount: 3000 }],
      },
    });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const order = placed.body;
    await until(
      () => inbox.messages.length,
      (count) => count > before,
    );
    const ready = await api.call('POST', `/v1/orders/${order.id}/delivery-groups/${order.deliveryGroups[0].id}/ready-for-pickup`, { token: basics.storeAKey });
    expect(ready.status).toBe(200);
    await until(
      () => inbox.messages.length,
      (count) => count > before + 1,
    );
    await stop();

    const notice = await simpleParser(inbox.messages[before + 1]!.raw);
    expect(notice.subject).toBe(`Your order ${order.number} is ready for pickup`);
    expect(notice.text).toContain('2 × ');
    expect(notice.text).toContain('(CAP)');
    expect(notice.text).toMatch(/To pay at pickup: 30,00\s€/);
    const image = notice.attachments.find((attachment) => attachment.contentType === 'image/png')!;
    // The HTML shows it: mailparser puts an image the HTML refers to by cid in place, as a data URL.
    expect(notice.html).toContain(`src="data:image/png;base64,${image.content.toString('base64')}"`);
    expect(qrCodeIn(image.content)).toBe(order.qrPayload);
    expect((await timelineOf(order.id)).map((event) => event.detail.kind)).toEqual(['confirmation', 'ready_for_pickup']);
  });
});

describe.skipIf(!postgresUrl)('order emails from `aisle serve` processes (PostgreSQL)', () => {
  it('are sent once each by two server processes taking turns, whichever placed the order', async () => {
    const servers = await Promise.all(
      [0, 1].map(() => startServerProcess(api.database, { AISLE_ORDER_EMAILS: 'on', SMTP_URL: inbox.url, MAIL_FROM: 'Maison Rhône <orders@example.com>' })),
    );
    try {
      const before = inbox.messages.length;
      const orders = await Promise.all(Array.from({ length: 20 }, (_, index) => placeOrder(`walk.in.${index}@example.com`, servers[index % 2]!.url)));
      await until(
        () => inbox.messages.length,
        (count) => count >= before + orders.length,
      );
      // Every event taken, then both processes stopped (a process sends what it has taken before it exits): a
      // duplicate on its way has arrived by now, and none can come after.
      await until(waitingSeconds, (seconds) => seconds === 0);
      await Promise.all(servers.map((server) => server.stop()));
      expect((await subjects(before)).sort()).toEqual(orders.map((order) => `Your order ${order.number} is confirmed`).sort());
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
    }
  });
});
