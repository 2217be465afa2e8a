import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../../test/support/api.ts';
import { ledgerMismatches, seedBasics, stockedSkus, type Basics } from '../../../../test/support/fixtures.ts';
import { startSmtpInbox, type Inbox } from '../../../../test/support/mail.ts';
import { runConsumer } from '../../../platform/outbox.ts';
import { createMailer } from '../../documents/mailer.ts';
import { orderEmails } from '../emails.ts';

/**
 * Ship to store: the pickup store lacks the goods, the warehouse sends them on a transfer. Receiving it makes the
 * order ready for pickup at once and the customer is emailed; it is handed over later, and completes only then.
 */
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2099, cvc: '123' };
const RETAILER = { name: 'Maison Rhône', addressLines: ['45 rue de la République', '69002 Lyon'], locale: 'fr-FR' };
const LAMP = 4900;

let api: TestApi;
let basics: Basics;
let inbox: Inbox;
let stopSender: () => Promise<void>;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  api = await startTestApi();
  basics = await seedBasics(api);
  await stockedSkus(api, basics, [{ sku: 'LAMP', price: LAMP, quantity: 10 }]);
  const rate = await api.call('PUT', '/v1/delivery-rates', {
    body: { method: 'ship_to_store', pricing: 'flat', amount: 0, packingFee: 0, currency: 'EUR', taxClass: 'standard' },
  });
  expect(rate.status).toBe(200);
  const mailer = createMailer({ smtpUrl: inbox.url, from: 'Maison Rhône <orders@example.com>' });
  const stop = runConsumer(api.database.db, orderEmails(api.database.db, mailer, RETAILER), { owner: 'ship-to-store-test', idleMs: 50, onFailure: () => {} });
  stopSender = async () => {
    await stop();
    mailer.close();
  };
});
afterAll(async () => {
  await stopSender?.();
  expect(await ledgerMismatches(api)).toEqual([]);
  await api?.close();
  await inbox?.close();
});

async function mailsTo(to: string, count: number) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = inbox.messages.filter((message) => message.to.includes(to));
    if (found.length >= count) return Promise.all(found.map((message) => simpleParser(message.raw)));
    if (Date.now() > deadline) throw new Error(`${found.length} of ${count} emails to ${to}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const level = async (locationId: string) => {
  const { onHand, reserved, incoming } = (await api.call('GET', `/v1/inventory/levels?sku=LAMP&locationId=${locationId}`)).body.items[0] ?? {
    onHand: 0,
    reserved: 0,
    incoming: 0,
  };
  return { onHand, reserved, incoming };
};
const timeline = async (id: string) =>
  ((await api.call('GET', `/v1/orders/${id}/timeline`)).body.items as { type: string; detail: Record<string, unknown> }[]).map((entry) =>
    entry.type === 'email.sent' ? `email.sent:${entry.detail.kind}` : entry.type,
  );

describe('ship to store', () => {
  it('incoming → arrived → ready (code, ready email) on receipt of the transfer → handed over; completed only then', async () => {
    const email = 'ship.to.store@example.com';
    const warehouseBefore = await level(basics.warehouse.id);
    const storeBefore = await level(basics.storeA.id);
    const placed = await api.call('POST', '/v1/orders', {
      body: {
        channelId: basics.web.id,
        customer: { firstName: 'Marc', lastName: 'Bernard', email },
        lines: [{ sku: 'LAMP', quantity: 2 }],
        deliveryGroups: [{ method: 'ship_to_store', pickupLocationId: basics.storeA.id }],
        payments: [{ method: 'card_online', amount: 2 * LAMP, card: CARD }],
      },
    });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const order = placed.body;
    const group = order.deliveryGroups[0];
    expect(group).toMatchObject({ status: 'awaiting_transfer', pickupCode: null });
    await mailsTo(email, 1);

    expect((await api.call('POST', `/v1/transfers/${group.transferId}/ship`)).status).toBe(200);
    expect(await level(basics.warehouse.id)).toEqual({ ...warehouseBefore, onHand: warehouseBefore.onHand - 2 });
    const received = await api.call('POST', `/v1/transfers/${group.transferId}/receive`, {
      body: { lines: [{ sku: 'LAMP', quantity: 2 }] },
      token: basics.storeAKey,
    });
    expect(received.status, JSON.stringify(received.body)).toBe(200);
    expect(await level(basics.storeA.id)).toEqual({ onHand: storeBefore.onHand + 2, reserved: storeBefore.reserved + 2, incoming: storeBefore.incoming });

    const ready = (await api.call('GET', `/v1/orders/${order.id}`)).body;
    expect(ready).toMatchObject({ status: 'in_progress', amountToPay: 0 });
    expect(ready.deliveryGroups[0]).toMatchObject({ status: 'ready_for_pickup', pickupCode: expect.stringMatching(/^\d{6}$/) });
    const [, notice] = await mailsTo(email, 2);
    expect(notice!.subject).toBe(`Votre commande ${order.number} est prête à être retirée`);
    expect(await timeline(order.id)).toEqual([
      'order.placed',
      'email.sent:confirmation',
      'transfer.shipped',
      'group.arrived_at_store',
      'group.ready_for_pickup',
      'email.sent:ready_for_pickup',
    ]);

    const handed = await api.call('POST', `/v1/orders/${order.id}/delivery-groups/${group.id}/hand-over`, {
      token: basics.storeAKey,
      body: { collectedBy: { name: 'Marc Bernard', pickupCode: ready.deliveryGroups[0].pickupCode } },
    });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    expect(handed.body).toMatchObject({ status: 'completed', deliveryGroups: [{ status: 'collected' }] });
    expect(handed.body.payments).toEqual([expect.objectContaining({ method: 'card_online', status: 'captured', capturedAmount: 2 * LAMP })]);
    expect(await level(basics.storeA.id)).toEqual(storeBefore);
    expect((await timeline(order.id)).at(-1)).toBe('group.collected');
  });
});
