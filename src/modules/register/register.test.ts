import { sql } from 'kysely';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { createVariants, ledgerMismatches, receive, seedBasics, type Basics } from '../../../test/support/fixtures.ts';
import { qrCodesIn, startSmtpInbox, type Inbox } from '../../../test/support/mail.ts';
import { TEST_RETAILER } from '../../../test/support/policies.ts';
import { activateRules, warehouseFirst } from '../../../test/support/routing.ts';
import { postgresUrl } from '../../../test/support/database.ts';
import { expectProblem } from '../../../test/support/problems.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { createMailer } from '../documents/mailer.ts';
import { prepareBatch, writeBatch, type PreparedOrder } from '../orders/place/index.ts';
import { assertRegisterOpen } from './sessions.ts';
import { sellingSetupCache } from '../orders/selling-setup.ts';
import { TEST_PROVIDERS } from '../payments/providers.ts';
import { paymentTimeline } from '../payments/service.ts';
import { RECEIPT_COLUMNS } from './receipt-text.ts';

/**
 * A day at store A's register, end to end over HTTP: open with a float, sell from the shelf in cash (change given),
 * sell with card and cash, sell an item the store lacks and send it home from the warehouse (Endless Aisle: item +
 * shipping + packing paid at the counter, confirmation emailed, shipped later without a second capture), pay cash
 * out, close with a count that differs, and read the X and Z reports; receipts as PDF and printer text; stock nearby.
 */

const ADDRESS = { line1: '8 quai Saint-Antoine', postalCode: '69002', city: 'Lyon', country: 'FR' };
const TEA = 1250;
const POT = 3990;
const LAMP = 8900;
const SHIPPING = 490;
const PACKING = 150;
const FLOAT = 15000;
const VASE = 2000;

let api: TestApi;
let basics: Basics;
let inbox: Inbox;
let mailer: ReturnType<typeof createMailer>;
/** What the day has made so far. */
const day = {} as { till: string; tillB: string; session: string; shelfSale: any; split: any; endless: any };

const money = (minor: number) =>
  new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' })
    .format(minor / 100)
    .replaceAll('\u202f', ' ')
    .replaceAll('\u00a0', ' ');
const flat = (text: string) => text.replaceAll('\u202f', ' ').replaceAll('\u00a0', ' ');
const pdfText = async (pdf: Buffer, pages = 1) => {
  const { text, totalPages } = await extractText(new Uint8Array(pdf), { mergePages: true });
  expect(totalPages).toBe(pages);
  return flat(text);
};
const binary = async (path: string, token?: string) => {
  const response = await fetch(api.baseUrl + path, { headers: { authorization: `Bearer ${token ?? 'test-admin-key-0123456789'}` } });
  return { status: response.status, type: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()) };
};
const level = async (sku: string, locationId: string) =>
  (await api.call('GET', `/v1/inventory/levels?sku=${sku}&locationId=${locationId}`)).body.items[0] as { onHand: number; reserved: number };

beforeAll(async () => {
  inbox = await startSmtpInbox();
  mailer = createMailer({ smtpUrl: inbox.url, from: 'Maison Rhône <orders@example.com>' });
  api = await startTestApi({ policies: { mail: { mailer, retailer: TEST_RETAILER } }, workers: { orderEmails: true } });
  basics = await seedBasics(api);
  await createVariants(api, ['TEA', 'POT', 'LAMP', 'VASE']);
  const prices = await api.call('PUT', `/v1/price-lists/${basics.priceList.id}/prices`, {
    body: {
      prices: [
        { sku: 'TEA', amount: TEA },
        { sku: 'POT', amount: POT },
        { sku: 'LAMP', amount: LAMP },
        { sku: 'VASE', amount: VASE },
      ],
    },
  });
  expect(prices.status).toBe(200);
  for (const [method, amount, packingFee] of [
    ['ship_to_address', SHIPPING, PACKING],
    ['pickup_in_store', 0, 0],
  ] as const) {
    const rate = await api.call('PUT', '/v1/delivery-rates', { body: { method, pricing: 'flat', amount, packingFee, currency: 'EUR', taxClass: 'standard' } });
    expect(rate.status, JSON.stringify(rate.body)).toBe(200);
  }
  await receive(api, basics.storeA.id, [
    { sku: 'TEA', quantity: 10 },
    { sku: 'POT', quantity: 5 },
  ]);
  await receive(api, basics.storeB.id, [
    { sku: 'TEA', quantity: 3 },
    { sku: 'LAMP', quantity: 1 },
  ]);
  await receive(api, basics.warehouse.id, [
    { sku: 'TEA', quantity: 20 },
    { sku: 'LAMP', quantity: 4 },
  ]);
  // Store A's register sells from its shelf and, for Endless Aisle, from the warehouse.
  const channel = await api.call('PATCH', `/v1/channels/${basics.registerA.id}`, {
    body: { locations: [{ locationId: basics.storeA.id }, { locationId: basics.warehouse.id }] },
  });
  expect(channel.status, JSON.stringify(channel.body)).toBe(200);
});
afterAll(async () => {
  await api?.close();
  mailer?.close();
  await inbox?.close();
});

describe('a day at the register', () => {
  it('sets up registers: the store its own, an admin any store, never a warehouse', async () => {
    const till = await api.call('POST', `/v1/locations/${basics.storeA.id}/registers`, { token: basics.storeAKey, body: { name: 'Till 1' } });
    expect(till.status, JSON.stringify(till.body)).toBe(201);
    expect(till.body).toMatchObject({ locationId: basics.storeA.id, name: 'Till 1', openSession: null });
    day.till = till.body.id;
    expectProblem(
      await api.call('POST', `/v1/locations/${basics.storeA.id}/registers`, { token: basics.storeAKey, body: { name: 'Till 1' } }),
      409,
      'register-name-taken',
    );
    expectProblem(await api.call('POST', `/v1/locations/${basics.storeB.id}/registers`, { token: basics.storeAKey, body: { name: 'Mine' } }), 403);
    expectProblem(await api.call('POST', `/v1/locations/${basics.warehouse.id}/registers`, { body: { name: 'Dock' } }), 422, 'register-needs-store');
    const tillB = await api.call('POST', `/v1/locations/${basics.storeB.id}/registers`, { body: { name: 'Till B' } });
    expect(tillB.status).toBe(201);
    day.tillB = tillB.body.id;
    expectProblem(await api.call('GET', `/v1/locations/${basics.storeB.id}/registers`, { token: basics.storeAKey }), 403);
  });

  it('opens a session with a cash float, once, and only at its own store', async () => {
    expectProblem(
      await api.call('POST', `/v1/registers/${day.tillB}/sessions`, { token: basics.storeAKey, body: { openingFloat: 100, currency: 'EUR' } }),
      403,
    );
    const opened = await api.call('POST', `/v1/registers/${day.till}/sessions`, { token: basics.storeAKey, body: { openingFloat: FLOAT, currency: 'EUR' } });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect(opened.body).toMatchObject({ registerId: day.till, openingFloat: FLOAT, closedAt: null, countedCash: null });
    day.session = opened.body.id;
    expectProblem(
      await api.call('POST', `/v1/registers/${day.till}/sessions`, { token: basics.storeAKey, body: { openingFloat: 0, currency: 'EUR' } }),
      409,
      'register-open',
    );
    const list = await api.call('GET', `/v1/locations/${basics.storeA.id}/registers`, { token: basics.storeAKey });
    expect(list.body.items).toEqual([expect.objectContaining({ id: day.till, openSession: expect.objectContaining({ id: day.session }) })]);
  });

  it('sells from the shelf in cash: deducted at once, change given, the payment names the register', async () => {
    const before = await level('TEA', basics.storeA.id);
    const sale = await api.call('POST', '/v1/orders', {
      token: basics.storeAKey,
      body: {
        registerId: day.till,
        customer: { firstName: 'Léa', lastName: 'Dubois', phone: '+33 6 11 22 33 44' },
        lines: [{ sku: 'TEA', quantity: 2 }],
        deliveryGroups: [{ method: 'pickup_in_store', pickupLocationId: basics.storeA.id }],
        payments: [{ method: 'cash', amount: 2 * TEA, tendered: 3000 }],
      },
    });
    expect(sale.status, JSON.stringify(sale.body)).toBe(201);
    expect(sale.body).toMatchObject({ status: 'completed', channelId: basics.registerA.id, totals: { total: 2 * TEA } });
    expect(sale.body.deliveryGroups[0].status).toBe('collected');
    expect(sale.body.payments).toEqual([
      expect.objectContaining({ method: 'cash', status: 'captured', amount: 2500, cashTendered: 3000, changeGiven: 500, registerId: day.till }),
    ]);
    expect(await level('TEA', basics.storeA.id)).toMatchObject({ onHand: before.onHand - 2, reserved: before.reserved });
    const timeline = (await api.call('GET', `/v1/orders/${sale.body.id}/timeline`, { token: basics.storeAKey })).body.items;
    expect(timeline.map((item: { type: string }) => item.type)).toEqual(['order.placed', 'order.completed']);
    day.shelfSale = sale.body;
  });

  it('prints the receipt as a narrow PDF with the QR code, and as 42 columns of text for the printer, in French by default', async () => {
    const pdf = await binary(`/v1/orders/${day.shelfSale.id}/receipt`, basics.storeAKey);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const text = await pdfText(pdf.body);
    for (const expected of [
      TEST_RETAILER.name,
      'Location STORE-A',
      '69002 Lyon',
      'Till 1',
      day.shelfSale.number,
      money(2500),
      'Ticket de caisse',
      'Rendu monnaie',
      money(500),
      money(3000),
      'TVA 20',
    ]) {
      expect(text).toContain(expected);
    }
    expect(await qrCodesIn(pdf.body)).toEqual([day.shelfSale.qrPayload]);

    const printed = await api.call('GET', `/v1/orders/${day.shelfSale.id}/receipt?format=text`, { token: basics.storeAKey });
    expect(printed.status).toBe(200);
    expect(printed.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const lines = (printed.body as string).trimEnd().split('\n');
    expect(Math.max(...lines.map((line) => [...line].length))).toBeLessThanOrEqual(RECEIPT_COLUMNS);
    const row = (label: string) => lines.find((line) => line.startsWith(label));
    // The customer gave no language, nor did the register's channel: the retailer's (fr-FR, Lyon).
    expect(row('TOTAL TTC')).toMatch(new RegExp(`^TOTAL TTC +${money(2500)}$`));
    expect(row('Espèces reçues')).toMatch(new RegExp(`${money(3000)}$`));
    expect(row('Rendu monnaie')).toMatch(new RegExp(`${money(500)}$`));
    expect(row('TVA 20')).toMatch(new RegExp(`${money(417)}$`)); // 2500 gross at 20 %: 416.67 of VAT, rounded per line
    expect(printed.body).toContain('Caisse : Till 1');
    expect(printed.body).toContain('Merci de votre visite !');
    expect(printed.body).toContain(day.shelfSale.qrPayload);
    // The associate prints it in English for a visitor: English words, amounts as en-GB writes them.
    const english = await api.call('GET', `/v1/orders/${day.shelfSale.id}/receipt?format=text&language=en`, { token: basics.storeAKey });
    expect(english.status).toBe(200);
    expect(english.body).toMatch(/^TOTAL +€25\.00$/m);
    expect(english.body).toMatch(/^Change +€5\.00$/m);
    expect(english.body).toContain('Register: Till 1');
    expect(english.body).not.toContain('Espèces');
    const englishPdf = await binary(`/v1/orders/${day.shelfSale.id}/receipt?language=en`, basics.storeAKey);
    expect(await pdfText(englishPdf.body)).toContain('Thank you for your visit!');
    expectProblem(await api.call('GET', `/v1/orders/${day.shelfSale.id}/receipt?language=de`, { token: basics.storeAKey }), 400);
    // Another store, or another channel, does not read it.
    expectProblem(await api.call('GET', `/v1/orders/${day.shelfSale.id}/receipt?format=text`, { token: basics.webKey }), 404);
  });

  it('takes a split payment: card at the terminal and cash', async () => {
    const sale = await api.call('POST', '/v1/orders', {
      token: basics.storeAKey,
      body: {
        registerId: day.till,
        customer: { firstName: 'Paul', lastName: 'Martin', email: 'paul.martin@example.com', language: 'en' },
        lines: [{ sku: 'POT', quantity: 1 }],
        deliveryGroups: [{ method: 'pickup_in_store', pickupLocationId: basics.storeA.id }],
        payments: [
          { method: 'card_register', amount: 2000, reference: 'TPE-1001', cardBrand: 'visa', cardLast4: '4242' },
          { method: 'cash', amount: POT - 2000 },
        ],
      },
    });
    expect(sale.status, JSON.stringify(sale.body)).toBe(201);
    expect(sale.body.status).toBe('completed');
    expect(sale.body.payments).toEqual([
      expect.objectContaining({ method: 'card_register', status: 'captured', amount: 2000, registerId: day.till }),
      expect.objectContaining({ method: 'cash', status: 'captured', amount: POT - 2000, changeGiven: 0, registerId: day.till }),
    ]);
    const printed = await api.call('GET', `/v1/orders/${sale.body.id}/receipt?format=text`, { token: basics.storeAKey });
    // Paul reads English: his receipt is in English, amounts as en-GB writes them.
    expect(printed.body).toMatch(/Card \*\*\*\*4242 +€20\.00/);
    expect(printed.body).toContain('Thank you for your visit!');
    day.split = sale.body;
  });

  it('sells an item the store lacks and sends it home from the warehouse (Endless Aisle), paid in full at the counter', async () => {
    expect((await api.call('GET', `/v1/inventory/levels?sku=LAMP&locationId=${basics.storeA.id}`)).body.items).toEqual([]);
    const quote = await api.call('POST', '/v1/quotes', {
      token: basics.storeAKey,
      body: { channelId: basics.registerA.id, lines: [{ sku: 'LAMP', quantity: 1 }], deliveryGroups: [{ method: 'ship_to_address', lineIndexes: [0] }] },
    });
    expect(quote.status, JSON.stringify(quote.body)).toBe(200);
    expect(quote.body.deliveryGroups[0]).toMatchObject({ shippingFee: SHIPPING, packingFee: PACKING });
    const total = LAMP + SHIPPING + PACKING;
    expect(quote.body.totals).toMatchObject({ subtotal: LAMP, shippingTotal: SHIPPING, packingTotal: PACKING, total });

    const sale = await api.call('POST', '/v1/orders', {
      token: basics.storeAKey,
      body: {
        registerId: day.till,
        customer: { firstName: 'Noé', lastName: 'Girard', email: 'noe.girard@example.com' },
        lines: [{ sku: 'LAMP', quantity: 1 }],
        deliveryGroups: [{ method: 'ship_to_address', address: ADDRESS, recipient: 'Noé Girard' }],
        payments: [
          { method: 'card_register', amount: 5000, reference: 'TPE-1002' },
          { method: 'cash', amount: total - 5000, tendered: 5000 },
        ],
      },
    });
    expect(sale.status, JSON.stringify(sale.body)).toBe(201);
    expect(sale.body).toMatchObject({ status: 'placed', totals: { shipping: SHIPPING, packing: PACKING, total } });
    expect(sale.body.deliveryGroups[0]).toMatchObject({
      status: 'reserved',
      fulfilmentLocationId: basics.warehouse.id,
      shippingFee: SHIPPING,
      packingFee: PACKING,
    });
    expect(sale.body.payments).toEqual([
      expect.objectContaining({ method: 'card_register', status: 'captured', capturedAmount: 5000, registerId: day.till }),
      expect.objectContaining({ method: 'cash', status: 'captured', capturedAmount: total - 5000, changeGiven: 5000 - (total - 5000), registerId: day.till }),
    ]);
    expect(await level('LAMP', basics.warehouse.id)).toMatchObject({ onHand: 4, reserved: 1 });
    day.endless = sale.body;

    // The split sale's customer got the first confirmation; this one the second.
    const mails = [await inbox.next(1), await inbox.next(2)];
    const confirmation = mails.find((mail) => JSON.stringify(mail.to).includes('noe.girard@example.com'));
    expect(confirmation?.subject).toContain(sale.body.number);

    // The receipt says where it goes.
    const printed = await api.call('GET', `/v1/orders/${sale.body.id}/receipt?format=text`, { token: basics.storeAKey });
    expect(printed.body.replace(/\s+/g, ' ')).toContain('Livraison à : Noé Girard, 8 quai Saint-Antoine, 69002 Lyon');
    expect(printed.body).toMatch(new RegExp(`Livraison +${money(SHIPPING)}`));
    expect(printed.body).toMatch(new RegExp(`Emballage +${money(PACKING)}`));

    // The warehouse ships it later: nothing is captured again.
    const group = sale.body.deliveryGroups[0];
    const shipped = await api.call('POST', `/v1/orders/${sale.body.id}/delivery-groups/${group.id}/ship`, {
      body: { carrier: 'Colissimo', trackingNumber: '6A999' },
    });
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(200);
    expect(shipped.body.deliveryGroups[0].status).toBe('shipped');
    expect(shipped.body.payments).toEqual(sale.body.payments.map((payment: object) => expect.objectContaining({ ...payment, updatedAt: expect.any(String) })));
    // The email consumer writes `email.sent` once the SMTP server has taken the message: wait for it.
    let timeline: string[] = [];
    for (let tries = 0; tries < 200 && !timeline.includes('email.sent'); tries++) {
      if (tries) await new Promise((resolve) => setTimeout(resolve, 50));
      timeline = (await api.call('GET', `/v1/orders/${sale.body.id}/timeline`, { token: basics.storeAKey })).body.items.map(
        (item: { type: string }) => item.type,
      );
    }
    expect(timeline).toEqual(expect.arrayContaining(['order.placed', 'email.sent', 'group.shipped']));
    // Each payment's own timeline: captured once, at the register, and nothing since.
    const movements = await paymentTimeline(api.database.db, sale.body.id);
    expect(movements.map((movement) => [movement.paymentId, movement.type, movement.amount])).toEqual(
      sale.body.payments.map((payment: { id: string; amount: number }) => [payment.id, 'captured', payment.amount]),
    );
    expect(await level('LAMP', basics.warehouse.id)).toMatchObject({ onHand: 3, reserved: 0 });
  });

  it('sells at the counter an item nobody has yet: backordered at the warehouse with a promised date, paid in full now', async () => {
    // The retailer's rules for the register: warehouse first, and backorder against incoming stock rather than refuse.
    await activateRules(api, basics.registerA.id, { rules: [warehouseFirst('backorder')] });
    const expectedAt = '2031-03-02T09:00:00.000Z';
    const incoming = await api.call('POST', '/v1/inventory/incoming', {
      body: { locationId: basics.warehouse.id, lines: [{ sku: 'VASE', quantity: 5 }], expectedAt, reference: 'PO-VASE' },
    });
    expect(incoming.status, JSON.stringify(incoming.body)).toBe(201);
    const total = VASE + SHIPPING + PACKING;
    // A customer the store already knows (found with GET /v1/customers?phone=…), chosen by id.
    const marc = await api.call('POST', '/v1/customers', {
      token: basics.storeAKey,
      body: { firstName: 'Marc', lastName: 'Blanc', phones: ['+33 6 21 21 21 21'] },
    });
    expect(marc.status, JSON.stringify(marc.body)).toBe(201);
    const sale = await api.call('POST', '/v1/orders', {
      token: basics.storeAKey,
      body: {
        registerId: day.till,
        customer: { id: marc.body.id },
        lines: [{ sku: 'VASE', quantity: 1 }],
        deliveryGroups: [{ method: 'ship_to_address', address: ADDRESS }],
        payments: [{ method: 'card_register', amount: total, reference: 'TPE-1003' }],
      },
    });
    expect(sale.status, JSON.stringify(sale.body)).toBe(201);
    expect(sale.body.deliveryGroups[0]).toMatchObject({
      status: 'backordered',
      fulfilmentLocationId: basics.warehouse.id,
      promisedAt: new Date(Date.parse(expectedAt) + 48 * 3600_000).toISOString(),
    });
    expect(sale.body.payments).toEqual([expect.objectContaining({ method: 'card_register', status: 'captured', capturedAmount: total, registerId: day.till })]);
    expect(sale.body.customerId).toBe(marc.body.id);
  });

  it('gives cash back from the drawer when a sale paid at the register is cancelled', async () => {
    const total = LAMP + SHIPPING + PACKING;
    const sale = await api.call('POST', '/v1/orders', {
      token: basics.storeAKey,
      body: {
        registerId: day.till,
        customer: { firstName: 'Inès', lastName: 'Roux', phone: '+33 6 12 12 12 12' },
        lines: [{ sku: 'LAMP', quantity: 1 }],
        deliveryGroups: [{ method: 'ship_to_address', address: ADDRESS }],
        payments: [{ method: 'cash', amount: total }],
      },
    });
    expect(sale.status, JSON.stringify(sale.body)).toBe(201);
    const cancelled = await api.call('POST', `/v1/orders/${sale.body.id}/cancel`, { token: basics.storeAKey, body: { reason: 'Changed her mind' } });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.payments).toEqual([expect.objectContaining({ method: 'cash', status: 'refunded', refundedAmount: total, registerId: day.till })]);
  });

  it('refuses sales at another store’s register, at a register it does not know, and from a channel', async () => {
    const body = (registerId: string) => ({
      registerId,
      customer: { firstName: 'Ana', lastName: 'Lopez', phone: '+33 6 55 44 33 22' },
      lines: [{ sku: 'TEA', quantity: 1 }],
      deliveryGroups: [{ method: 'pickup_in_store', pickupLocationId: basics.storeA.id }],
      payments: [{ method: 'cash', amount: TEA }],
    });
    expectProblem(await api.call('POST', '/v1/orders', { token: basics.storeAKey, body: body(day.tillB) }), 403);
    expectProblem(await api.call('POST', '/v1/orders', { body: { ...body(day.tillB), channelId: basics.registerA.id } }), 400);
    expectProblem(await api.call('POST', '/v1/orders', { token: basics.storeAKey, body: body('01900000-0000-7000-8000-000000000000') }), 400);
    expectProblem(await api.call('POST', '/v1/orders', { token: basics.webKey, body: body(day.till) }), 403);
  });

  it('pays cash out, reads the X report, closes with a count that differs, and keeps the Z report', async () => {
    const paidOut = await api.call('POST', `/v1/register-sessions/${day.session}/cash-movements`, {
      token: basics.storeAKey,
      body: { kind: 'paid_out', amount: 2000, reason: 'Window cleaner' },
    });
    expect(paidOut.status, JSON.stringify(paidOut.body)).toBe(201);
    expectProblem(
      await api.call('POST', `/v1/register-sessions/${day.session}/cash-movements`, {
        token: basics.webKey,
        body: { kind: 'paid_in', amount: 1, reason: 'x' },
      }),
      403,
    );

    const endlessTotal = LAMP + SHIPPING + PACKING;
    // The cancelled sale's cash came in and went back out.
    const cashTaken = 2500 + (POT - 2000) + (endlessTotal - 5000) + endlessTotal;
    const expected = FLOAT + cashTaken - endlessTotal - 2000;
    const x = await api.call('GET', `/v1/register-sessions/${day.session}/report`, { token: basics.storeAKey });
    expect(x.status, JSON.stringify(x.body)).toBe(200);
    expect(x.body).toMatchObject({
      kind: 'X',
      sales: 5,
      tenders: [
        { method: 'card_register', count: 3, amount: 7000 + VASE + SHIPPING + PACKING },
        { method: 'cash', count: 4, amount: cashTaken },
      ],
      refunds: [{ method: 'cash', count: 1, amount: endlessTotal }],
      cash: {
        openingFloat: FLOAT,
        taken: cashTaken,
        refunded: endlessTotal,
        tendered: 3000 + (POT - 2000) + 5000 + endlessTotal,
        changeGiven: 500 + (5000 - (endlessTotal - 5000)),
        paidIn: 0,
        paidOut: 2000,
      },
      cashMovements: [expect.objectContaining({ kind: 'paid_out', amount: 2000, reason: 'Window cleaner' })],
      expectedCash: expected,
      countedCash: null,
      difference: null,
    });

    const closed = await api.call('POST', `/v1/register-sessions/${day.session}/close`, {
      token: basics.storeAKey,
      body: { countedCash: expected - 30, note: 'Short 30 cents' },
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ kind: 'Z', expectedCash: expected, countedCash: expected - 30, difference: -30, session: { note: 'Short 30 cents' } });
    expect(closed.body.session.closedAt).not.toBeNull();
    const z = await api.call('GET', `/v1/register-sessions/${day.session}/report`, { token: basics.storeAKey });
    expect({ ...z.body, generatedAt: null }).toEqual({ ...closed.body, generatedAt: null });

    const pdf = await binary(`/v1/register-sessions/${day.session}/report/document`, basics.storeAKey);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const text = await pdfText(pdf.body);
    for (const expectedText of [
      'Rapport Z (clôture de caisse)', // in the retailer's language (fr-FR)
      'Till 1',
      'Espèces théoriques',
      money(expected),
      'Espèces comptées',
      money(expected - 30),
      'Écart de caisse',
      money(-30),
      'Window cleaner',
      'Carte bancaire (3)',
      money(7000 + VASE + SHIPPING + PACKING),
      'Espèces remboursées',
    ]) {
      expect(text).toContain(expectedText);
    }

    expectProblem(
      await api.call('POST', `/v1/register-sessions/${day.session}/close`, { token: basics.storeAKey, body: { countedCash: 0 } }),
      422,
      'session-closed',
    );
    expectProblem(
      await api.call('POST', `/v1/register-sessions/${day.session}/cash-movements`, {
        token: basics.storeAKey,
        body: { kind: 'paid_in', amount: 100, reason: 'late' },
      }),
      422,
      'session-closed',
    );
    const list = await api.call('GET', `/v1/locations/${basics.storeA.id}/registers`, { token: basics.storeAKey });
    expect(list.body.items[0].openSession).toBeNull();
    const sessions = await api.call('GET', `/v1/registers/${day.till}/sessions?limit=1`, { token: basics.storeAKey });
    expect(sessions.body).toEqual({ items: [closed.body.session], nextCursor: null });
    expectProblem(await api.call('GET', `/v1/registers/${day.till}/sessions`, { token: basics.webKey }), 403);
  });

  it('refuses a sale at a closed register, with nothing charged or deducted', async () => {
    const before = await level('TEA', basics.storeA.id);
    const refused = await api.call('POST', '/v1/orders', {
      token: basics.storeAKey,
      body: {
        registerId: day.till,
        customer: { firstName: 'Ana', lastName: 'Lopez', phone: '+33 6 55 44 33 22' },
        lines: [{ sku: 'TEA', quantity: 1 }],
        deliveryGroups: [{ method: 'pickup_in_store', pickupLocationId: basics.storeA.id }],
        payments: [{ method: 'cash', amount: TEA }],
      },
    });
    expectProblem(refused, 422, 'register-closed');
    expect(await level('TEA', basics.storeA.id)).toEqual(before);
    expect(await ledgerMismatches(api)).toEqual([]);
  });

  it('refuses a sale whose register closed between its check and its write (checked again under lock)', async () => {
    const session = await api.call('POST', `/v1/registers/${day.till}/sessions`, { token: basics.storeAKey, body: { openingFloat: 0, currency: 'EUR' } });
    expect(session.status).toBe(201);
    const staff: Principal = { role: 'store', locationId: basics.storeA.id, channelId: null, userId: null, apiKeyId: null, actor: 'test:store-a' };
    const db = api.database.db;
    const sale = {
      principal: staff,
      input: {
        registerId: day.till,
        customer: { firstName: 'Late', lastName: 'Buyer', phone: '+33 6 99 88 77 66' },
        lines: [{ sku: 'TEA', quantity: 1, deliveryGroup: 0 }],
        deliveryGroups: [{ method: 'pickup_in_store' as const, pickupLocationId: basics.storeA.id }],
        payments: [{ method: 'cash' as const, amount: TEA }],
      },
    };
    const prepared = (await prepareBatch(db, [sale], TEST_PROVIDERS, new Date(), sellingSetupCache(db))).filter(
      (step): step is PreparedOrder => 'tenders' in step,
    );
    expect(prepared).toHaveLength(1); // checked: the register was open
    const before = await level('TEA', basics.storeA.id);
    const closed = await api.call('POST', `/v1/register-sessions/${session.body.id}/close`, { token: basics.storeAKey, body: { countedCash: 0 } });
    expect(closed.body).toMatchObject({ kind: 'Z', sales: 0, expectedCash: 0, difference: 0 });
    const [outcome] = await writeBatch(db, prepared, TEST_PROVIDERS, new Date());
    expect(outcome).toMatchObject({ error: expect.objectContaining({ code: 'register-closed' }) });
    expect(await level('TEA', basics.storeA.id)).toEqual(before);
    expect((await api.call('GET', `/v1/register-sessions/${session.body.id}/report`, { token: basics.storeAKey })).body).toMatchObject({
      sales: 0,
      tenders: [],
    });
  });

  it('tells a hand-over whether money may be taken at a register (assertRegisterOpen)', async () => {
    const db = api.database.db;
    const staffOf = (locationId: string): Principal => ({ role: 'store', locationId, channelId: null, userId: null, apiKeyId: null, actor: 'test:staff' });
    const session = await api.call('POST', `/v1/registers/${day.tillB}/sessions`, { body: { openingFloat: 0, currency: 'EUR' } });
    expect(session.status).toBe(201);
    await expect(db.transaction().execute((trx) => assertRegisterOpen(trx, staffOf(basics.storeB.id), day.tillB))).resolves.toMatchObject({
      id: session.body.id,
    });
    await expect(assertRegisterOpen(db, staffOf(basics.storeA.id), day.tillB)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(assertRegisterOpen(db, staffOf(basics.storeA.id), day.till)).rejects.toMatchObject({ code: 'register-closed' });
    await expect(assertRegisterOpen(db, staffOf(basics.storeA.id), '01900000-0000-7000-8000-000000000000')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('finds an item in the other stores and the warehouse, nearest first, with on hand, reserved and available', async () => {
    await api.call('POST', '/v1/reservations', {
      body: { channelId: basics.web.id, kind: 'hold', lines: [{ sku: 'TEA', locationId: basics.storeB.id, quantity: 1 }] },
    });
    const nearby = await api.call('GET', `/v1/stock/TEA/nearby?from=${basics.storeA.id}`, { token: basics.storeAKey });
    expect(nearby.status, JSON.stringify(nearby.body)).toBe(200);
    expect(nearby.body.items.map((item: { code: string }) => item.code)).toEqual(['STORE-A', 'STORE-B', 'WH']);
    const [here, storeB, warehouse] = nearby.body.items;
    expect(here).toMatchObject({ locationId: basics.storeA.id, distanceKm: 0, onHand: 8, reserved: 0, available: 8 });
    expect(storeB).toMatchObject({ onHand: 3, reserved: 1, available: 2 });
    expect(storeB.distanceKm).toBeCloseTo(2.1, 0);
    expect(warehouse).toMatchObject({ onHand: 20, reserved: 0, available: 20 });
    expect(warehouse.distanceKm).toBeGreaterThan(storeB.distanceKm);
    expectProblem(await api.call('GET', `/v1/stock/TEA/nearby?from=${basics.storeA.id}`, { token: basics.webKey }), 403);
    const unknown = await api.call('GET', `/v1/stock/NOPE/nearby?from=${basics.storeA.id}`, { token: basics.storeAKey });
    expectProblem(unknown, 400);
    expect(unknown.body.errors).toEqual([{ field: 'params.sku', message: 'SKU NOPE does not exist' }]);
    expectProblem(await api.call('GET', '/v1/stock/TEA/nearby?from=01900000-0000-7000-8000-000000000000', { token: basics.storeAKey }), 404);
  });
});

describe('a close racing sales at the same register', () => {
  it('counts exactly the sales written before it, whichever comes first (a later one is refused): the Z report expects their cash', async () => {
    const db = api.database.db;
    const staff: Principal = { role: 'store', locationId: basics.storeA.id, channelId: null, userId: null, apiKeyId: null, actor: 'test:store-a' };
    const sale = (index: number) => ({
      principal: staff,
      input: {
        registerId: day.till,
        customer: { firstName: 'Racing', lastName: `Buyer ${index}`, phone: `+33 6 00 00 00 ${String(10 + index)}` },
        lines: [{ sku: 'TEA', quantity: 1, deliveryGroup: 0 }],
        deliveryGroups: [{ method: 'pickup_in_store' as const, pickupLocationId: basics.storeA.id }],
        payments: [{ method: 'cash' as const, amount: TEA }],
      },
    });
    for (let round = 0; round < 3; round++) {
      const session = await api.call('POST', `/v1/registers/${day.till}/sessions`, { token: basics.storeAKey, body: { openingFloat: 1000, currency: 'EUR' } });
      expect(session.status).toBe(201);
      const prepared = (await prepareBatch(db, [sale(2 * round), sale(2 * round + 1)], TEST_PROVIDERS, new Date(), sellingSetupCache(db))).filter(
        (step): step is PreparedOrder => 'tenders' in step,
      );
      expect(prepared).toHaveLength(2);
      // Written one by one, as two desks would, while the register closes.
      const [first, second, closed] = await Promise.all([
        writeBatch(db, [prepared[0]!], TEST_PROVIDERS, new Date()),
        writeBatch(db, [prepared[1]!], TEST_PROVIDERS, new Date()),
        api.call('POST', `/v1/register-sessions/${session.body.id}/close`, { token: basics.storeAKey, body: { countedCash: 0 } }),
      ]);
      expect(closed.status, JSON.stringify(closed.body)).toBe(200);
      const outcomes = [...first, ...second];
      const placed = outcomes.filter((outcome) => 'order' in outcome);
      for (const outcome of outcomes) if ('error' in outcome) expect(outcome.error).toMatchObject({ code: 'register-closed' });
      const z = await api.call('GET', `/v1/register-sessions/${session.body.id}/report`, { token: basics.storeAKey });
      expect(z.body).toMatchObject({ kind: 'Z', sales: placed.length, expectedCash: 1000 + placed.length * TEA, difference: -(1000 + placed.length * TEA) });
    }
    expect(await ledgerMismatches(api)).toEqual([]);
  });
  it.skipIf(!postgresUrl)('makes a close wait for money being taken in another transaction (assertRegisterOpen), then counts it (PostgreSQL)', async () => {
    const db = api.database.db;
    const staff: Principal = { role: 'store', locationId: basics.storeA.id, channelId: null, userId: null, apiKeyId: null, actor: 'test:store-a' };
    const session = await api.call('POST', `/v1/registers/${day.till}/sessions`, { token: basics.storeAKey, body: { openingFloat: 0, currency: 'EUR' } });
    expect(session.status).toBe(201);
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let checked!: () => void;
    const open = new Promise<void>((resolve) => {
      checked = resolve;
    });
    // A hand-over's transaction: the register checked (its session locked, shared), the money not yet written.
    const handOver = db.transaction().execute(async (trx) => {
      await assertRegisterOpen(trx, staff, day.till);
      checked();
      await released;
    });
    await open;
    const closing = api.call('POST', `/v1/register-sessions/${session.body.id}/close`, { token: basics.storeAKey, body: { countedCash: 0 } });
    // The close is waiting on the session's lock.
    for (let tries = 0; ; tries++) {
      const { rows } = await sql<{ waiting: number }>`
        select count(*)::int as waiting from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and query ilike '%register_sessions%for update%'`.execute(db);
      if (rows[0]!.waiting > 0) break;
      if (tries > 400) throw new Error('the close never waited for the session lock');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const committedAt = new Date();
    release();
    await handOver;
    const closed = await closing;
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(Date.parse(closed.body.session.closedAt)).toBeGreaterThanOrEqual(committedAt.getTime());
  });
});
