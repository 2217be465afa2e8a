import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quickTenders } from '../../web/store/src/screens/counter/rules.ts';
import { ADMIN_KEY, type TestApi } from '../support/api.ts';
import { launchBrowser, openStoreApp, scan, screenshot, seriousViolations, startDemoServer } from '../support/browser.ts';
import { qrCodesIn } from '../support/mail.ts';

/**
 * The Click & Collect counter in a real browser against a real server with the demo shop: the associate of Lyon
 * République scans the invoice's QR code, takes the cash with change, hands the order over (scenario 1, paid at
 * pickup), or hands over an order paid online whose card is captured then (scenario 2); the server's records are checked.
 */
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2099, cvc: '123' };

let api: TestApi;
let browser: Browser;
let store: { id: string };
let registerId: string;
let webChannel: string;
let skus: string[];

beforeAll(async () => {
  [api, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  const stores = (await api.call('GET', '/v1/locations?type=store')).body.items as { id: string; code: string }[];
  store = stores.find((location) => location.code === 'LYON-REPUBLIQUE')!;
  const till = (await api.call('GET', `/v1/locations/${store.id}/registers`)).body.items.find((item: { name: string }) => item.name === 'Caisse 1');
  registerId = till.id;
  if (!till.openSession) {
    const opened = await api.call('POST', `/v1/registers/${registerId}/sessions`, { body: { openingFloat: 15000, currency: 'EUR' } });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  }
  webChannel = (await api.call('GET', '/v1/channels')).body.items.find((channel: { code: string }) => channel.code === 'web').id;
  const levels = (await api.call('GET', `/v1/inventory/levels?locationId=${store.id}&limit=200`)).body.items as { sku: string; available: number }[];
  skus = levels.filter((level) => level.available >= 3).map((level) => level.sku);
  expect(skus.length).toBeGreaterThan(4);
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const level = async (sku: string) => {
  const { onHand, reserved } = (await api.call('GET', `/v1/inventory/levels?sku=${sku}&locationId=${store.id}`)).body.items[0];
  return { onHand, reserved };
};

/** A web order to collect at Lyon République, placed, then prepared and marked ready at the counter. */
async function readyPickup(sku: string | string[], quantity: number, payment: 'pay_at_pickup' | 'card_online', email: string) {
  const lines = [sku].flat().map((each) => ({ sku: each, quantity }));
  const quote = await api.call('POST', '/v1/quotes', {
    body: { channelId: webChannel, lines, deliveryGroups: [{ method: 'pickup_in_store', lineIndexes: lines.map((_, index) => index), locationId: store.id }] },
  });
  expect(quote.status, JSON.stringify(quote.body)).toBe(200);
  const amount = quote.body.totals.total as number;
  const placed = await api.call('POST', '/v1/orders', {
    body: {
      channelId: webChannel,
      customer: { firstName: 'Hugo', lastName: 'Petit', email },
      lines,
      deliveryGroups: [{ method: 'pickup_in_store', pickupLocationId: store.id }],
      payments: [payment === 'card_online' ? { method: 'card_online', amount, card: CARD } : { method: 'pay_at_pickup', amount }],
    },
  });
  expect(placed.status, JSON.stringify(placed.body)).toBe(201);
  const groupId = placed.body.deliveryGroups[0].id;
  expect(placed.body.deliveryGroups[0].pickupLocationId).toBe(store.id);
  const ready = await api.call('POST', `/v1/orders/${placed.body.id}/delivery-groups/${groupId}/ready-for-pickup`);
  expect(ready.status, JSON.stringify(ready.body)).toBe(200);
  return { ...ready.body, amount, groupId } as {
    id: string;
    number: string;
    amount: number;
    groupId: string;
    deliveryGroups: { pickupCode: string; lines: { id: string; title: string; lineTotal: number }[] }[];
  };
}

/** The QR code printed on the order's invoice, read from the PDF as a camera or a scanner reads it. */
async function invoiceQr(orderId: string): Promise<string> {
  const pdf = await fetch(`${api.baseUrl}/v1/orders/${orderId}/invoice`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
  expect(pdf.headers.get('content-type')).toContain('application/pdf');
  const [qr] = await qrCodesIn(Buffer.from(await pdf.arrayBuffer()));
  return qr!;
}

async function openCounter(language: 'fr' | 'en'): Promise<Page> {
  const page = await openStoreApp(browser, api.baseUrl, 'LYON-REPUBLIQUE', language);
  await page.getByRole('link', { name: language === 'fr' ? 'Retrait' : 'Click & Collect' }).click();
  await page.getByRole('heading', { level: 1, name: language === 'fr' ? 'Retrait en magasin' : 'Click & Collect' }).waitFor();
  return page;
}

describe('the Click & Collect counter', () => {
  it('scenario 1: scans the invoice QR, shows what is left to pay, takes a larger note, shows the change and hands over in 3 actions', async () => {
    const sku = skus[0]!;
    const before = await level(sku);
    const order = await readyPickup(sku, 2, 'pay_at_pickup', 'counter.cash@example.com');
    expect(await level(sku)).toEqual({ onHand: before.onHand, reserved: before.reserved + 2 });
    const qr = await invoiceQr(order.id);
    expect(qr).toBe(`AISLE-ORDER:${order.number}`);

    const page = await openCounter('fr');
    // The order waits in the list of this counter; the search view is accessible.
    await page.getByRole('link', { name: new RegExp(`Commande ${order.number}`) }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    let actions = 0;
    // 1. The scanner reads the invoice's QR code.
    await scan(page, qr);
    actions++;
    await page.getByRole('heading', { level: 1, name: new RegExp(`Commande ${order.number}`) }).waitFor();
    expect(page.url()).toContain(`/store/counter/${order.id}`);
    const due = page.locator('.counter-due');
    await expect.poll(() => due.textContent()).toContain('Reste à payer');
    const euros = (amount: number) => (amount / 100).toFixed(2).replace('.', ',');
    expect(await due.textContent()).toContain(euros(order.amount));
    expect(await page.locator('.counter-code').textContent()).toBe(order.deliveryGroups[0]!.pickupCode);
    expect(await page.getByRole('radio', { name: /Le client/ }).isChecked()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    // 2. The customer gives a note larger than what is due: its quick button.
    const note = quickTenders(order.amount).find((amount) => amount > order.amount && [500, 1000, 2000, 5000, 10000, 20000].includes(amount))!;
    await page.getByRole('button', { name: new RegExp(`^${euros(note)}`) }).click();
    actions++;
    await expect.poll(() => page.locator('.counter-change').textContent()).toMatch(new RegExp(`Rendu\\s*${euros(note - order.amount)}`));
    await screenshot(page, 'counter-order');

    // 3. Hand over: one request.
    await page.getByRole('button', { name: 'Remettre la commande' }).click();
    actions++;
    await page.getByRole('heading', { name: /Commande remise/ }).waitFor();
    expect(actions).toBeLessThanOrEqual(5);
    expect(await page.locator('.counter-due').textContent()).toContain(euros(note - order.amount));
    await expect.poll(() => page.locator('.counter-receipt pre').textContent()).toContain(order.number);
    await screenshot(page, 'counter-handed-over');
    expect(await page.getByRole('link', { name: 'Ticket (PDF)' }).getAttribute('href')).toBe(`/v1/orders/${order.id}/receipt`);
    expect(await seriousViolations(page)).toEqual([]);
    // Printed, the page is the receipt alone.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.counter-receipt pre').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Client suivant' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    // What the server recorded: the group collected by the customer, cash with the note and the change, at Caisse 1.
    const after = (await api.call('GET', `/v1/orders/${order.id}`)).body;
    expect(after).toMatchObject({
      status: 'completed',
      amountToPay: 0,
      deliveryGroups: [{ status: 'collected', collectedBy: { name: 'Hugo Petit', relation: 'customer' } }],
    });
    expect(after.payments).toEqual([
      expect.objectContaining({ method: 'pay_at_pickup', status: 'cancelled' }),
      expect.objectContaining({
        method: 'cash',
        status: 'captured',
        capturedAmount: order.amount,
        cashTendered: note,
        changeGiven: note - order.amount,
        registerId,
      }),
    ]);
    expect(await level(sku)).toEqual({ onHand: before.onHand - 2, reserved: before.reserved });

    // Next customer: back to the search.
    await page.getByRole('button', { name: 'Client suivant' }).click();
    await page.getByRole('heading', { level: 1, name: 'Retrait en magasin' }).waitFor();
    // It no longer waits at the counter.
    await expect.poll(() => page.getByRole('link', { name: new RegExp(`Commande ${order.number}`) }).count()).toBe(0);
    await page.context().close();
  });

  it('scenario 2: finds a card-paid order by its typed pickup code, says it is paid, refuses a wrong code in the server’s words, captures the card at the hand-over', async () => {
    const sku = skus[1]!;
    const before = await level(sku);
    const order = await readyPickup(sku, 1, 'card_online', 'counter.card@example.com');
    const code = order.deliveryGroups[0]!.pickupCode;

    const page = await openCounter('en');
    // No camera on the test machine: it is said, not a blank box.
    await page.getByRole('button', { name: 'Scan the QR code with the camera' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/No camera|Camera access was refused|camera could not start/);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Pickup code or order number').fill(code);
    await page.getByLabel('Pickup code or order number').press('Enter');
    await page.getByRole('heading', { level: 1, name: new RegExp(`Order ${order.number}`) }).waitFor();
    await expect.poll(() => page.locator('.counter-due').textContent()).toContain('Paid');
    expect(await page.getByRole('group', { name: 'Payment' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'counter-order');

    // A wrong code is refused in the server's words, and nothing changes.
    const wrong = code === '000000' ? '111111' : '000000';
    await page.getByLabel('Pickup code given (optional)').fill(wrong);
    await page.getByLabel('ID checked').check();
    await page.getByRole('button', { name: 'Hand over the order' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('This is not the pickup code of this order');
    expect((await api.call('GET', `/v1/orders/${order.id}`)).body.deliveryGroups[0].status).toBe('ready_for_pickup');

    await page.getByLabel('Pickup code given (optional)').fill(code);
    await page.getByRole('button', { name: 'Hand over the order' }).click();
    await page.getByRole('heading', { name: /Order handed over/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const after = (await api.call('GET', `/v1/orders/${order.id}`)).body;
    expect(after).toMatchObject({
      status: 'completed',
      amountToPay: 0,
      deliveryGroups: [{ status: 'collected', collectedBy: { name: 'Hugo Petit', idChecked: true, codeGiven: true } }],
    });
    // The card authorised online is captured now, once; nothing else is charged.
    expect(after.payments).toEqual([expect.objectContaining({ method: 'card_online', status: 'captured', capturedAmount: order.amount })]);
    expect(await level(sku)).toEqual({ onHand: before.onHand - 1, reserved: before.reserved });
    await page.context().close();
  });

  it('partial pickup: one item taken and paid by card and cash, the other kept waiting at the counter with the same code', async () => {
    const order = await readyPickup([skus[2]!, skus[3]!], 1, 'pay_at_pickup', 'counter.partial@example.com');
    const [taken, left] = order.deliveryGroups[0]!.lines;
    const page = await openCounter('fr');
    // The order number typed in the field finds it too.
    await page.getByLabel('Code de retrait ou n° de commande').fill(order.number);
    await page.getByRole('button', { name: 'Chercher' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`Commande ${order.number}`) }).waitFor();
    await page.getByRole('checkbox', { name: `Remis : ${left!.title}` }).uncheck();
    await page.getByRole('radio', { name: 'Les garder en attente au comptoir' }).check();
    const euros = (amount: number) => (amount / 100).toFixed(2).replace('.', ',');
    await expect.poll(() => page.locator('.counter-due').textContent()).toContain(euros(taken!.lineTotal));
    // Split: part on the card terminal, the rest in cash, exact.
    await page.getByRole('radio', { name: 'Carte + espèces' }).check();
    const onCard = Math.min(1000, taken!.lineTotal - 100);
    await page.getByLabel('Par carte').fill(euros(onCard));
    await page.getByLabel('Référence du TPE').fill('TPE-7781');
    await page.getByRole('button', { name: /^Compte juste/ }).click();
    // Her sister collects it, ID checked.
    await page.getByRole('radio', { name: 'Une autre personne' }).check();
    await page.getByLabel('Nom').fill('Léa Petit');
    await page.getByLabel('Lien avec le client').selectOption('family');
    await page.getByLabel('Pièce d’identité vérifiée').check();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Remettre la commande' }).click();
    await page.getByRole('heading', { name: /Commande remise/ }).waitFor();
    await page.getByText('Le reste reste en attente au comptoir').waitFor();

    const after = (await api.call('GET', `/v1/orders/${order.id}`)).body;
    expect(after.status).toBe('in_progress');
    expect(after.amountToPay).toBe(left!.lineTotal);
    const waiting = after.deliveryGroups.find((group: { id: string }) => group.id === order.groupId);
    expect(waiting).toMatchObject({ status: 'ready_for_pickup', pickupCode: order.deliveryGroups[0]!.pickupCode, lines: [{ id: left!.id }] });
    expect(after.deliveryGroups.find((group: { id: string }) => group.id !== order.groupId)).toMatchObject({
      status: 'collected',
      lines: [{ sku: skus[2] }],
      collectedBy: { name: 'Léa Petit', relation: 'family', idChecked: true, codeGiven: false },
    });
    expect(after.payments.filter((payment: { status: string }) => payment.status === 'captured')).toEqual([
      expect.objectContaining({ method: 'card_register', capturedAmount: onCard, providerReference: 'TPE-7781', registerId }),
      expect.objectContaining({ method: 'cash', capturedAmount: taken!.lineTotal - onCard, changeGiven: 0, registerId }),
    ]);
    await page.context().close();
  });

  it('says the register is closed, with a link to open it, before taking money', async () => {
    const till = (await api.call('GET', `/v1/locations/${store.id}/registers`)).body.items.find((item: { id: string }) => item.id === registerId);
    const closed = await api.call('POST', `/v1/register-sessions/${till.openSession.id}/close`, { body: { countedCash: 0 } });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const order = await readyPickup(skus[4]!, 1, 'pay_at_pickup', 'counter.closed@example.com');
    const page = await openCounter('en');
    await scan(page, order.deliveryGroups[0]!.pickupCode);
    await page.getByRole('heading', { level: 1, name: new RegExp(`Order ${order.number}`) }).waitFor();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The register has no open session');
    expect(await page.getByRole('link', { name: 'Open the register' }).getAttribute('href')).toBe('/store/register');
    expect(await page.getByRole('button', { name: 'Hand over the order' }).isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
