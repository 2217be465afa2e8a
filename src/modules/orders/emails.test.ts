import { simpleParser, type ParsedMail } from 'mailparser';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startTestApi, type TestApi } from '../../../test/support/api.ts';
import { postgresUrl } from '../../../test/support/database.ts';
import { receive, seedBasics, stockedSkus, type Basics } from '../../../test/support/fixtures.ts';
import { qrCodeIn, qrCodesIn, startSmtpInbox, type Inbox } from '../../../test/support/mail.ts';
import { TEST_RETAILER } from '../../../test/support/policies.ts';
import { startServerProcess } from '../../../test/support/processes.ts';
import { publish, runConsumer, type OutboxEvent } from '../../platform/outbox.ts';
import { createMailer } from '../documents/mailer.ts';
import { orderEmails } from './emails.ts';

/**
 * The customers' order emails are sent from the outbox, not by the request that placed the order: they survive a
 * process that was not sending (or died), a mail server that refuses for a while, and several processes sending at
 * once. The sender runs here as `aisle serve` runs it (`runConsumer`), against a real SMTP server.
 */
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2099, cvc: '123' };
const ADDRESS = { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon', country: 'FR' };
/** The retailer is in Lyon (fr-FR): customers and channels without a language of their own are written to in French. */
const RETAILER = TEST_RETAILER;
const confirmed = (number: string) => `Votre commande ${number} est confirmée`;

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
    expect((await subjects(before)).sort()).toEqual(orders.map((order) => confirmed(order.number)).sort());
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
    expect((await subjects(before)).sort()).toEqual(orders.map((order) => confirmed(order.number)).sort());
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
    expect(await subjects(before)).toEqual([confirmed(next.number)]);
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
    expect(notice.subject).toBe(`Votre commande ${order.number} est prête à être retirée`);
    expect(notice.text).toContain('2 × ');
    expect(notice.text).toContain('(CAP)');
    expect(notice.text).toMatch(/Reste à payer au retrait\s:\s30,00\s€/);
    const image = notice.attachments.find((attachment) => attachment.contentType === 'image/png')!;
    // The HTML shows it: mailparser puts an image the HTML refers to by cid in place, as a data URL.
    expect(notice.html).toContain(`src="data:image/png;base64,${image.content.toString('base64')}"`);
    expect(qrCodeIn(image.content)).toBe(order.qrPayload);
    expect((await timelineOf(order.id)).map((event) => event.detail.kind)).toEqual(['confirmation', 'ready_for_pickup']);
  });
});

const plain = (text: string) => text.replace(/\s+/g, ' ');
const pdfText = async (pdf: Buffer | Uint8Array) => plain((await extractText(new Uint8Array(pdf), { mergePages: true })).text);

/** The emails sent to `to` so far, parsed, once there are at least `count`. */
async function mailTo(to: string, count: number): Promise<ParsedMail[]> {
  const found = await until(
    () => inbox.messages.filter((message) => message.to.includes(to)),
    (messages) => messages.length >= count,
  );
  return Promise.all(found.map((message) => simpleParser(message.raw)));
}

/** `GET /v1/orders/{id}/invoice` as a client receives it: the status, the content type and the bytes. */
async function invoiceOf(orderId: string, options: { token?: string; language?: string } = {}) {
  const response = await fetch(`${api.baseUrl}/v1/orders/${orderId}/invoice${options.language ? `?language=${options.language}` : ''}`, {
    headers: { authorization: `Bearer ${options.token ?? ADMIN_KEY}` },
  });
  return { status: response.status, type: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()) };
}

/**
 * Writes an event to the outbox as its producer would. The pickup events come with the Click & Collect work
 * (pickup code, window, reminders, expiry), whose catalog declares their payloads; here they are written as that
 * contract says, so the emails are proven on their own.
 */
async function emit(type: string, payload: Record<string, unknown>) {
  await publish(api.database.db, [{ type, subject: `order:${payload.orderId}`, payload } as unknown as OutboxEvent]);
}

async function place(body: Record<string, unknown>) {
  const placed = await api.call('POST', '/v1/orders', { body: { channelId: basics.web.id, lines: [{ sku: 'CAP', quantity: 2 }], ...body } });
  expect(placed.status, JSON.stringify(placed.body)).toBe(201);
  return placed.body;
}

const pickupAtA = () => ({ deliveryGroups: [{ method: 'pickup_in_store', pickupLocationId: basics.storeA.id }] });
const PAY_AT_PICKUP = { payments: [{ method: 'pay_at_pickup', amount: 3000 }] };
const BY_CARD = { payments: [{ method: 'card_online', amount: 3000, card: CARD }] };

describe("the customer's language", () => {
  let stop: () => Promise<void>;
  beforeAll(() => {
    stop = startSender('process-language');
  });
  afterAll(() => stop());

  it('a French customer gets the confirmation and the invoice in French, with the legal mentions and what is left to pay; its QR recalls the order at the register', async () => {
    const order = await place({
      customer: { firstName: 'Hugo', lastName: 'Petit', email: 'hugo.fr@example.com', language: 'fr' },
      ...pickupAtA(),
      ...PAY_AT_PICKUP,
    });
    expect((await api.call('GET', `/v1/customers/${order.customerId}`)).body.language).toBe('fr');
    const [mail] = await mailTo('hugo.fr@example.com', 1);
    expect(mail!.subject).toBe(confirmed(order.number));
    expect(plain(mail!.text!)).toContain('Bonjour Hugo Petit,');
    expect(plain(mail!.text!)).toContain('Reste à payer au retrait : 30,00 €');
    expect(plain(mail!.text!)).toContain('Vous la retirerez à Location STORE-A, 1 rue de la République, 69002 Lyon.');
    const attachment = mail!.attachments.find((file) => file.contentType === 'application/pdf')!;
    expect(attachment.filename).toBe(`facture-${order.number}.pdf`);

    const text = await pdfText(attachment.content);
    for (const printed of [
      `Facture N° de facture INV-${order.number}`,
      'Maison Rhône',
      'SIRET : 123 456 789 00012',
      'N° TVA intracommunautaire : FR12123456789',
      'SAS au capital de 10 000 € · RCS Lyon 123 456 789',
      'Commandé sur Web shop',
      'Total TTC 30,00 €',
      'Reste à payer au retrait 30,00 €',
    ])
      expect(text).toContain(plain(printed));
    // Nothing was paid yet: no "paid" line, and no English.
    expect(text).not.toMatch(/Payé|Paid|Invoice/);

    // At the register: the QR code of the emailed invoice recalls the order.
    const [scanned] = await qrCodesIn(attachment.content);
    expect(scanned).toBe(order.qrPayload);
    const found = await api.call('GET', `/v1/orders?qr=${encodeURIComponent(scanned!)}`, { token: basics.storeAKey });
    expect(found.body.items.map((item: { id: string }) => item.id)).toEqual([order.id]);

    // The same invoice over HTTP, for whoever may read the order: the store that hands it over…
    const served = await invoiceOf(order.id, { token: basics.storeAKey });
    expect(served.status).toBe(200);
    expect(served.type).toBe('application/pdf');
    expect(await pdfText(served.body)).toBe(text);
    expect(await qrCodesIn(served.body)).toEqual([order.qrPayload]);
    // …in another language when asked…
    const english = await pdfText((await invoiceOf(order.id, { language: 'en' })).body);
    expect(english).toContain('VAT number: FR12123456789');
    expect(english).toContain('To pay at pickup €30.00');
    expect((await invoiceOf(order.id, { language: 'de' })).status).toBe(400);
    // …and not for another channel's key (as for the order: 404).
    const registerKey = (await api.call('POST', '/v1/api-keys', { body: { name: 'Register A', role: 'channel', channelId: basics.registerA.id } })).body.token;
    expect((await invoiceOf(order.id, { token: registerKey })).status).toBe(404);
    expect((await invoiceOf(order.id, { token: basics.webKey })).status).toBe(200);

    expect((await timelineOf(order.id)).map((event) => event.detail)).toEqual([expect.objectContaining({ kind: 'confirmation', language: 'fr' })]);
  });

  it('an English customer gets English emails and an English invoice; the shipped email names the carrier and tracking number', async () => {
    const order = await place({
      customer: { firstName: 'Jane', lastName: 'Doe', email: 'jane.en@example.com', language: 'en' },
      lines: [{ sku: 'CAP', quantity: 1 }],
      deliveryGroups: [{ method: 'ship_to_address', address: ADDRESS }],
      payments: [{ method: 'card_online', amount: 1500, card: CARD }],
    });
    const [mail] = await mailTo('jane.en@example.com', 1);
    expect(mail!.subject).toBe(`Your order ${order.number} is confirmed`);
    expect(mail!.text).toContain('Hello Jane Doe,');
    expect(mail!.text).toContain('Total: €15.00');
    expect(mail!.text).not.toContain('pickup');
    expect(mail!.html).toContain('<html lang="en">');
    const text = await pdfText(mail!.attachments[0]!.content);
    expect(mail!.attachments[0]!.filename).toBe(`invoice-${order.number}.pdf`);
    for (const printed of ['Invoice', 'SIRET: 123 456 789 00012', 'VAT number: FR12123456789', 'Total €15.00', 'Paid by card €15.00', '3 place Bellecour'])
      expect(text).toContain(printed);
    expect(text).not.toMatch(/To pay|Facture|Payé/);

    const step = (name: string, body?: unknown) =>
      api.call('POST', `/v1/orders/${order.id}/delivery-groups/${order.deliveryGroups[0].id}/${name}`, body ? { body } : {});
    expect((await step('start-picking')).status).toBe(200);
    expect((await step('pack')).status).toBe(200);
    const tracking = 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901';
    expect((await step('ship', { carrier: 'Colissimo', trackingNumber: '6A12345678901', trackingUrl: tracking })).status).toBe(200);
    const [, shipped] = await mailTo('jane.en@example.com', 2);
    expect(shipped!.subject).toBe(`Your order ${order.number} has been shipped`);
    expect(shipped!.text).toContain('1 × ');
    expect(shipped!.text).toContain('(CAP)');
    expect(shipped!.text).toContain('Carrier: Colissimo, tracking number 6A12345678901.');
    // The tracking page given at shipping is linked (an unknown one is never made up: documents.test.ts).
    expect(shipped!.html).toContain(`<a href="${tracking.replace('&', '&amp;')}"`);
    expect((await timelineOf(order.id)).map((event) => event.detail.kind)).toEqual(['confirmation', 'shipped']);
  });

  it("writes to a customer without a language in the channel's, the customer's own language first", async () => {
    const channel = await api.call('PATCH', `/v1/channels/${basics.web.id}`, { body: { language: 'en' } });
    expect(channel.status).toBe(200);
    expect(channel.body.language).toBe('en');
    try {
      const silent = await place({ customer: { firstName: 'Sam', lastName: 'Lee', email: 'sam.nolang@example.com' }, ...pickupAtA(), ...PAY_AT_PICKUP });
      const french = await place({
        customer: { firstName: 'Léa', lastName: 'Roux', email: 'lea.still.fr@example.com', language: 'fr' },
        ...pickupAtA(),
        ...BY_CARD,
      });
      expect((await mailTo('sam.nolang@example.com', 1))[0]!.subject).toBe(`Your order ${silent.number} is confirmed`);
      expect((await mailTo('lea.still.fr@example.com', 1))[0]!.subject).toBe(confirmed(french.number));

      // Ready at the store, as the Click & Collect work announces it: with the pickup code and the end of the window.
      await emit('order.ready_for_pickup', {
        orderId: silent.id,
        groupId: silent.deliveryGroups[0].id,
        number: silent.number,
        pickupCode: '482913',
        pickupBy: '2026-12-14T18:00:00.000Z',
      });
      const [, ready] = await mailTo('sam.nolang@example.com', 2);
      expect(ready!.subject).toBe(`Your order ${silent.number} is ready for pickup`);
      const said = plain(ready!.text!);
      expect(said).toContain('It will be kept for you until Monday, 14 December 2026 at 19:00.');
      expect(said).toContain('Your pickup code: 482913');
      expect(said).toContain('To pay at pickup: €30.00');
    } finally {
      expect((await api.call('PATCH', `/v1/channels/${basics.web.id}`, { body: { language: null } })).body.language).toBeNull();
    }
  });
});

describe('Click & Collect emails', () => {
  let stop: () => Promise<void>;
  beforeAll(() => {
    stop = startSender('process-pickup');
  });
  afterAll(() => stop());

  it('ready with the pickup code and the end of the window (again when resent, as a new message), a reminder before the end, the cancellation when not collected', async () => {
    const order = await place({
      customer: { firstName: 'Léa', lastName: 'Moreau', email: 'lea.pickup@example.com', language: 'fr' },
      ...pickupAtA(),
      ...BY_CARD,
    });
    const group = { orderId: order.id, groupId: order.deliveryGroups[0].id, number: order.number };
    await mailTo('lea.pickup@example.com', 1);
    const window = { pickupCode: '482913', pickupBy: '2026-12-14T18:00:00.000Z' };

    await emit('order.ready_for_pickup', { ...group, ...window });
    const [, ready] = await mailTo('lea.pickup@example.com', 2);
    expect(ready!.subject).toBe(`Votre commande ${order.number} est prête à être retirée`);
    const said = plain(ready!.text!);
    expect(said).toContain(`Votre commande ${order.number} vous attend à Location STORE-A, 1 rue de la République, 69002 Lyon.`);
    expect(said).toContain('Nous la gardons pour vous jusqu’au lundi 14 décembre 2026 à 19:00.');
    expect(said).toContain('Votre code de retrait : 482913');
    expect(said).toContain('2 × ');
    // Paid online by card: nothing to pay at the counter.
    expect(said).not.toContain('Reste à payer');
    expect(qrCodeIn(ready!.attachments.find((file) => file.contentType === 'image/png')!.content)).toBe(order.qrPayload);

    await emit('order.ready_for_pickup', { ...group, ...window, resent: true });
    const [, , resent] = await mailTo('lea.pickup@example.com', 3);
    expect(resent!.subject).toBe(ready!.subject);
    expect(resent!.messageId).not.toBe(ready!.messageId);

    await emit('order.pickup_reminder', { ...group, ...window });
    const reminder = (await mailTo('lea.pickup@example.com', 4))[3]!;
    expect(reminder.subject).toBe(`Rappel\u00a0: votre commande ${order.number} vous attend`);
    expect(plain(reminder.text!)).toContain('Merci de la retirer avant le lundi 14 décembre 2026 à 19:00 : passé ce délai, elle sera annulée.');
    expect(plain(reminder.text!)).toContain('Votre code de retrait : 482913');

    // Paid by card online, as the invoice says while the order stands.
    expect(await pdfText((await invoiceOf(order.id)).body)).toContain(plain('Payé par carte 30,00 €'));

    // Not collected: the order is cancelled, the card's hold released; the customer is told so.
    expect((await api.call('POST', `/v1/orders/${order.id}/cancel`, { body: { reason: 'Not collected in time' } })).status).toBe(200);
    // A voided payment is not money paid: the invoice no longer says so.
    expect(await pdfText((await invoiceOf(order.id)).body)).not.toContain('Payé');
    await emit('order.pickup_expired', group);
    const expired = (await mailTo('lea.pickup@example.com', 5))[4]!;
    expect(expired.subject).toBe(`Votre commande ${order.number} n’a pas été retirée et a été annulée`);
    expect(plain(expired.text!)).toContain('Le montant réservé sur votre carte a été libéré : vous ne serez pas débité.');
    expect(expired.text).toContain('2 × ');

    expect((await timelineOf(order.id)).map((event) => event.detail.kind)).toEqual([
      'confirmation',
      'ready_for_pickup',
      'ready_for_pickup',
      'pickup_reminder',
      'pickup_expired',
    ]);
  });

  it("tells a customer who paid nothing that nothing will be charged, and writes a new date in the retailer's time zone", async () => {
    const order = await place({ customer: { firstName: 'Paul', lastName: 'Girard', email: 'paul.expired@example.com' }, ...pickupAtA(), ...PAY_AT_PICKUP });
    await mailTo('paul.expired@example.com', 1);
    expect((await api.call('POST', `/v1/orders/${order.id}/cancel`, { body: { reason: 'Not collected in time' } })).status).toBe(200);
    await emit('order.pickup_expired', { orderId: order.id, groupId: order.deliveryGroups[0].id, number: order.number });
    const [, expired] = await mailTo('paul.expired@example.com', 2);
    expect(plain(expired!.text!)).toContain('rien ne vous sera débité');

    // 23:30 UTC is already the next day in Lyon.
    await emit('order.backordered', { orderId: order.id, groupId: order.deliveryGroups[0].id, number: order.number, promisedAt: '2031-05-02T23:30:00.000Z' });
    const [, , later] = await mailTo('paul.expired@example.com', 3);
    expect(later!.subject).toBe(`Votre commande ${order.number}\u00a0: une nouvelle date`);
    expect(later!.text).toContain('3 mai 2031');
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
      expect((await subjects(before)).sort()).toEqual(orders.map((order) => confirmed(order.number)).sort());
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
    }
  });
});
