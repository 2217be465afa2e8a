import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api.ts';
import { createVariants, ledgerMismatches, receive, seedBasics, type Basics } from '../../../test/support/fixtures.ts';
import { qrCodesIn, startSmtpInbox, type Inbox } from '../../../test/support/mail.ts';
import { TEST_RETAILER } from '../../../test/support/policies.ts';
import { createMailer } from '../documents/mailer.ts';

const CARD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2099, cvc: '123' };
const DECLINED = { ...CARD, number: '4000 0000 0000 0002' };
const ADDRESS = { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon', country: 'FR' };

let api: TestApi;
let basics: Basics;
let inbox: Inbox;
let mailer: ReturnType<typeof createMailer>;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  mailer = createMailer({ smtpUrl: inbox.url, from: 'Maison Rhône <orders@example.com>' });
  // This server sends the order emails as `aisle serve` does (src/workers.ts).
  api = await startTestApi({ policies: { mail: { mailer, retailer: TEST_RETAILER } }, workers: { orderEmails: true } });
  basics = await seedBasics(api);
  await createVariants(api, ['SHIRT', 'MUG', 'LAST', 'CAP']);
  const prices = await api.call('PUT', `/v1/price-lists/${basics.priceList.id}/prices`, {
    body: {
      prices: [
        { sku: 'SHIRT', amount: 2500 },
        { sku: 'MUG', amount: 1200 },
        { sku: 'LAST', amount: 1000 },
        { sku: 'CAP', amount: 1500 },
      ],
    },
  });
  expect(prices.status).toBe(200);
  for (const method of ['ship_to_address', 'pickup_in_store', 'ship_to_store']) {
    const rate = await api.call('PUT', '/v1/delivery-rates', {
      body: {
        method,
        pricing: method === 'ship_to_address' ? 'flat' : 'flat',
        amount: method === 'ship_to_address' ? 490 : 0,
        packingFee: 0,
        currency: 'EUR',
        taxClass: 'standard',
      },
    });
    expect(rate.status).toBe(200);
  }
  await receive(api, basics.warehouse.id, [
    { sku: 'SHIRT', quantity: 20 },
    { sku: 'MUG', quantity: 20 },
    { sku: 'LAST', quantity: 1 },
    { sku: 'CAP', quantity: 200 },
  ]);
  await receive(api, basics.storeA.id, [
    { sku: 'SHIRT', quantity: 5 },
    { sku: 'MUG', quantity: 5 },
  ]);
});
afterAll(async () => {
  await api?.close();
  mailer?.close();
  await inbox?.close();
});

const level = async (sku: string, locationId: string) => (await api.call('GET', `/v1/inventory/levels?sku=${sku}&locationId=${locationId}`)).body.items[0];

const webOrder = (extra: Record<string, unknown> = {}) => ({
  channelId: basics.web.id,
  customer: { firstName: 'Camille', lastName: 'Martin', email: 'camille@example.com' },
  lines: [
    { sku: 'SHIRT', quantity: 2 },
    { sku: 'MUG', quantity: 1 },
  ],
  deliveryGroups: [{ method: 'ship_to_address', address: ADDRESS }],
  payments: [{ method: 'card_online', amount: 2 * 2500 + 1200 + 490, card: CARD }],
  ...extra,
});

describe('placing an order', () => {
  it('reserves stock, prices it as the quote does, authorises the card and emails the invoice with its QR code', async () => {
    const quote = await api.call('POST', '/v1/quotes', {
      body: {
        channelId: basics.web.id,
        lines: [
          { sku: 'SHIRT', quantity: 2 },
          { sku: 'MUG', quantity: 1 },
        ],
        deliveryGroups: [{ method: 'ship_to_address', lineIndexes: [0, 1] }],
      },
    });
    expect(quote.status).toBe(200);
    const before = await level('SHIRT', basics.warehouse.id);
    const placed = await api.call('POST', '/v1/orders', { body: webOrder() });
    expect(placed.status).toBe(201);
    const order = placed.body;
    expect(order).toMatchObject({ status: 'placed', currency: 'EUR', email: 'camille@example.com' });
    expect(order.totals.total).toBe(quote.body.totals.total);
    expect(order.totals.tax).toBe(quote.body.totals.taxTotal);
    expect(order.deliveryGroups[0]).toMatchObject({
      method: 'ship_to_address',
      status: 'reserved',
      fulfilmentLocationId: basics.warehouse.id,
      shippingFee: 490,
    });
    expect(order.deliveryGroups[0].promisedAt).not.toBeNull();
    expect(order.payments).toEqual([expect.objectContaining({ method: 'card_online', status: 'authorized', amount: order.totals.total, cardLast4: '4242' })]);
    expect((await level('SHIRT', basics.warehouse.id)).reserved).toBe(before.reserved + 2);
    // The answer is built from the rows written: it is exactly what the database reads back.
    expect((await api.call('GET', `/v1/orders/${order.id}`)).body).toEqual(order);

    const mail = await inbox.next(1);
    expect(mail.subject).toBe(`Votre commande ${order.number} est confirmée`);
    const pdf = mail.attachments[0]!.content;
    expect(await qrCodesIn(pdf)).toEqual([order.qrPayload]);
    const scanned = await api.call('GET', `/v1/orders?qr=${encodeURIComponent(order.qrPayload)}`, { token: basics.storeAKey });
    // Store A does not hold this order: a register elsewhere would not see it; the admin does.
    expect(scanned.body.items).toEqual([]);
    expect((await api.call('GET', `/v1/orders?qr=${encodeURIComponent(order.qrPayload)}`)).body.items[0].id).toBe(order.id);

    const timeline = await api.call('GET', `/v1/orders/${order.id}/timeline`);
    expect(timeline.body.items[0]).toMatchObject({ type: 'order.placed', actor: 'admin-key', channelId: basics.web.id });
  });

  it('does not place an order whose card is declined, and keeps no stock', async () => {
    const before = await level('MUG', basics.warehouse.id);
    const orders = (await api.call('GET', '/v1/orders?limit=200')).body.items.length;
    const declined = await api.call('POST', '/v1/orders', {
      body: webOrder({ payments: [{ method: 'card_online', amount: 2 * 2500 + 1200 + 490, card: DECLINED }] }),
    });
    expect(declined.status).toBe(422);
    expect(declined.body.code).toBe('payment-declined');
    expect((await level('MUG', basics.warehouse.id)).reserved).toBe(before.reserved);
    expect((await api.call('GET', '/v1/orders?limit=200')).body.items.length).toBe(orders);
  });

  it('refuses an order it cannot fill with a 409 naming the lines, and voids the authorisation', async () => {
    const short = await api.call('POST', '/v1/orders', {
      body: webOrder({ lines: [{ sku: 'LAST', quantity: 2 }], payments: [{ method: 'card_online', amount: 2000 + 490, card: CARD }] }),
    });
    expect(short.status).toBe(409);
    expect(short.body.shortages).toEqual([expect.objectContaining({ sku: 'LAST', requested: 2, available: 1 })]);
    const payments = await api.database.db.selectFrom('payments').select('id').where('amount', '=', 2490).execute();
    expect(payments).toEqual([]);
  });

  it('completes a register sale of goods on the shelf at once: deducted and paid', async () => {
    const before = await level('SHIRT', basics.storeA.id);
    const sale = await api.call('POST', '/v1/orders', {
      token: basics.storeAKey,
      body: {
        customer: { firstName: 'Léa', lastName: 'Dubois', phone: '+33 6 11 22 33 44' },
        lines: [{ sku: 'SHIRT', quantity: 1 }],
        deliveryGroups: [{ method: 'pickup_in_store', pickupLocationId: basics.storeA.id }],
        payments: [{ method: 'cash', amount: 2500, tendered: 3000 }],
      },
    });
    expect(sale.status).toBe(201);
    expect(sale.body).toMatchObject({ status: 'completed', channelId: basics.registerA.id });
    expect(sale.body.deliveryGroups[0].status).toBe('collected');
    expect(sale.body.payments[0]).toMatchObject({ method: 'cash', status: 'captured', capturedAmount: 2500 });
    expect(await level('SHIRT', basics.storeA.id)).toMatchObject({ onHand: before.onHand - 1, reserved: before.reserved });
    expect((await api.call('GET', `/v1/orders/${sale.body.id}`)).body).toEqual(sale.body);
  });

  it('sends a register sale home from a location chosen by its stock (Endless Aisle at the counter)', async () => {
    const sale = await api.call('POST', '/v1/orders', {
      token: basics.storeAKey,
      body: {
        customer: { firstName: 'Noé', lastName: 'Girard', email: 'noe@example.com' },
        lines: [{ sku: 'MUG', quantity: 2 }],
        deliveryGroups: [{ method: 'ship_to_address', address: ADDRESS }],
        payments: [{ method: 'card_register', amount: 2 * 1200 + 490, reference: 'TPE-0042' }],
      },
    });
    expect(sale.status, JSON.stringify(sale.body)).toBe(201);
    expect(sale.body).toMatchObject({ status: 'placed', channelId: basics.registerA.id });
    expect(sale.body.deliveryGroups[0]).toMatchObject({ status: 'reserved', fulfilmentLocationId: basics.storeA.id });
  });

  it('takes payment at pickup when the goods are handed over', async () => {
    const order = await api.call('POST', '/v1/orders', {
      token: basics.webKey,
      body: {
        customer: { firstName: 'Hugo', lastName: 'Petit', email: 'hugo@example.com' },
        lines: [{ sku: 'MUG', quantity: 1 }],
        deliveryGroups: [{ method: 'pickup_in_store', pickupLocationId: basics.storeA.id }],
        payments: [{ method: 'pay_at_pickup', amount: 1200 }],
      },
    });
    expect(order.status).toBe(201);
    expect(order.body.payments[0].status).toBe('awaiting_pickup');
    const group = order.body.deliveryGroups[0];
    const body = { collectedBy: { name: 'Hugo Petit' }, payments: [{ method: 'cash', amount: 1200 }] };
    const handed = await api.call('POST', `/v1/orders/${order.body.id}/delivery-groups/${group.id}/hand-over`, { token: basics.storeAKey, body });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    // The pay-at-pickup payment is settled by the cash taken at the counter, a payment of its own.
    expect(handed.body).toMatchObject({
      status: 'completed',
      amountToPay: 0,
      payments: [
        expect.objectContaining({ method: 'pay_at_pickup', status: 'cancelled', authorizedAmount: 0 }),
        expect.objectContaining({ method: 'cash', status: 'captured', capturedAmount: 1200 }),
      ],
    });
    const again = await api.call('POST', `/v1/orders/${order.body.id}/delivery-groups/${group.id}/hand-over`, { token: basics.storeAKey, body });
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ code: 'invalid-transition', state: 'collected' });
  });
});

describe('after the order', () => {
  it('ships: stock deducted, card captured, the address frozen', async () => {
    const order = (
      await api.call('POST', '/v1/orders', { body: webOrder({ customer: { firstName: 'Jules', lastName: 'Moreau', email: 'jules@example.com' } }) })
    ).body;
    const moved = await api.call('POST', `/v1/orders/${order.id}/address`, { body: { address: { ...ADDRESS, line1: '10 rue Mercière' } } });
    expect(moved.body.deliveryGroups[0].address.line1).toBe('10 rue Mercière');
    const before = await level('MUG', basics.warehouse.id);
    const shipped = await api.call('POST', `/v1/orders/${order.id}/delivery-groups/${order.deliveryGroups[0].id}/ship`, {
      body: { carrier: 'Colissimo', trackingNumber: '6A123' },
    });
    expect(shipped.status).toBe(200);
    expect(shipped.body).toMatchObject({
      status: 'completed',
      payments: [expect.objectContaining({ status: 'captured', capturedAmount: order.totals.total })],
    });
    expect(await level('MUG', basics.warehouse.id)).toMatchObject({ onHand: before.onHand - 1, reserved: before.reserved - 1 });
    const late = await api.call('POST', `/v1/orders/${order.id}/address`, { body: { address: ADDRESS } });
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ code: 'invalid-transition', state: 'shipped' });
  });

  it('cancels some lines, then the rest: stock released, payment voided', async () => {
    const order = (await api.call('POST', '/v1/orders', { body: webOrder({ customer: { firstName: 'Inès', lastName: 'Leroy', email: 'ines@example.com' } }) }))
      .body;
    const shirtLine = order.deliveryGroups[0].lines.find((line: { sku: string }) => line.sku === 'SHIRT');
    const before = await level('SHIRT', basics.warehouse.id);
    const partial = await api.call('POST', `/v1/orders/${order.id}/cancel`, {
      body: { lines: [{ lineId: shirtLine.id, quantity: 1 }], reason: 'changed mind' },
    });
    expect(partial.status).toBe(200);
    expect((await level('SHIRT', basics.warehouse.id)).reserved).toBe(before.reserved - 1);
    expect(partial.body.status).toBe('placed');
    const all = await api.call('POST', `/v1/orders/${order.id}/cancel`, { body: { reason: 'no longer needed' } });
    expect(all.body.status).toBe('cancelled');
    expect(all.body.payments[0].status).toBe('voided');
    expect((await level('SHIRT', basics.warehouse.id)).reserved).toBe(before.reserved - 2);
    expect((await api.call('POST', `/v1/orders/${order.id}/cancel`, { body: { reason: 'again' } })).body).toMatchObject({
      code: 'invalid-transition',
      state: 'cancelled',
    });
    const notes = await api.call('POST', `/v1/orders/${order.id}/notes`, { body: { text: 'Customer called' } });
    expect(notes.status).toBe(201);
    const timeline = (await api.call('GET', `/v1/orders/${order.id}/timeline`)).body.items.map((event: { type: string }) => event.type);
    expect(timeline).toEqual(['order.placed', 'lines.cancelled', 'order.cancelled', 'note.added']);
    expect(await ledgerMismatches(api)).toEqual([]);
  });

  it('keeps one history per customer across channels, and finds orders by email and phone', async () => {
    const customer = (await api.call('GET', '/v1/customers?email=camille@example.com')).body.items[0];
    await api.call('POST', '/v1/orders', {
      token: basics.storeAKey,
      body: {
        customer: { id: customer.id },
        lines: [{ sku: 'MUG', quantity: 1 }],
        deliveryGroups: [{ method: 'pickup_in_store', pickupLocationId: basics.storeA.id }],
        payments: [{ method: 'card_register', amount: 1200, reference: 'T-1' }],
      },
    });
    const history = await api.call('GET', `/v1/customers/${customer.id}/orders`, { token: basics.storeAKey });
    expect(new Set(history.body.items.map((order: { channelId: string }) => order.channelId))).toEqual(new Set([basics.web.id, basics.registerA.id]));
    const web = await api.call('GET', `/v1/customers/${customer.id}/orders?channelId=${basics.web.id}`);
    expect(web.body.items.every((order: { channelId: string }) => order.channelId === basics.web.id)).toBe(true);
    expect((await api.call('GET', '/v1/orders?email=CAMILLE@example.com')).body.items.length).toBeGreaterThanOrEqual(2);
    expect((await api.call('GET', `/v1/orders?phone=${encodeURIComponent('+33611223344')}`)).body.items).toHaveLength(1);
  });

  it('knows a guest by phone however it is written: national at the counter, international online', async () => {
    const atCounter = await api.call('GET', `/v1/orders?phone=${encodeURIComponent('06 11 22 33 44')}`);
    expect(atCounter.body.items).toHaveLength(1);
    const online = await api.call('POST', '/v1/orders', {
      body: webOrder({
        customer: { firstName: 'Léa', lastName: 'Dubois', phone: '06.11.22.33.44' },
        lines: [{ sku: 'CAP', quantity: 1 }],
        payments: [{ method: 'card_online', amount: 1500 + 490, card: CARD }],
      }),
    });
    expect(online.status, JSON.stringify(online.body)).toBe(201);
    expect(online.body).toMatchObject({ customerId: atCounter.body.items[0].customerId, phone: '+33611223344' });
  });

  it('answers a retried order with the same order and charges once', async () => {
    const headers = { 'idempotency-key': 'checkout-42' };
    const first = await api.call('POST', '/v1/orders', {
      headers,
      body: webOrder({ customer: { firstName: 'Zoé', lastName: 'Girard', email: 'zoe@example.com' } }),
    });
    const second = await api.call('POST', '/v1/orders', {
      headers,
      body: webOrder({ customer: { firstName: 'Zoé', lastName: 'Girard', email: 'zoe@example.com' } }),
    });
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body.id).toBe(first.body.id);
    expect((await api.call('GET', '/v1/orders?email=zoe@example.com')).body.items).toHaveLength(1);
  });

  it('uses a promotion code with 10 uses exactly 10 times among 100 concurrent orders', async () => {
    const promo = await api.call('POST', '/v1/promotions', { body: { code: 'TEN', kind: 'percentage', value: 1000, usageLimit: 10, active: true } });
    expect(promo.status).toBe(201);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        api.call('POST', '/v1/orders', {
          body: {
            channelId: basics.web.id,
            customer: { firstName: 'Buyer', lastName: String(index), email: `buyer${index}@example.com` },
            lines: [{ sku: 'CAP', quantity: 1 }],
            deliveryGroups: [{ method: 'pickup_in_store', pickupLocationId: basics.storeB.id, fulfilmentLocationId: basics.warehouse.id }],
            promotionCode: 'TEN',
            payments: [{ method: 'pay_at_pickup', amount: 1350 }],
          },
        }),
      ),
    );
    const discounted = results.filter((result) => result.status === 201);
    // Each buyer quoted the discounted price; once the code is used up, the price is 1500 and 1350 no longer covers it.
    expect(discounted).toHaveLength(10);
    expect(results.filter((result) => result.status !== 201).every((result) => result.status === 422 || result.status === 409)).toBe(true);
    const used = await api.call('GET', `/v1/promotions/${promo.body.id}`);
    expect(used.body.timesUsed).toBe(10);

    // A cancelled order gives its use of the code back, once.
    const cancelled = await api.call('POST', `/v1/orders/${discounted[0]!.body.id}/cancel`, { body: { reason: 'changed her mind' } });
    expect(cancelled.status).toBe(200);
    expect((await api.call('GET', `/v1/promotions/${promo.body.id}`)).body.timesUsed).toBe(9);
    const again = await api.call('POST', `/v1/orders/${discounted[0]!.body.id}/cancel`, { body: { reason: 'twice' } });
    expect(again.status).toBe(422);
    expect((await api.call('GET', `/v1/promotions/${promo.body.id}`)).body.timesUsed).toBe(9);
  });
});
