import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, type TestApi } from '../support/api.ts';
import { launchBrowser, openStoreApp, screenshot, seriousViolations, startDemoServer } from '../support/browser.ts';

/**
 * Offline cash sales (web/store/src/offline/): the register keeps its unsent cash sales in IndexedDB and applies each
 * once, in order, when the server answers again. The sales are put in the queue as a register that lost the server
 * left them — in the queue's stored format, which is a contract: a browser closed with sales in it reads them back
 * after an update — then the page is reloaded while `POST /v1/orders` and `GET /health` cannot be reached.
 */

let api: TestApi;
let browser: Browser;
let store: { id: string };
let registerId: string;
let mug: { sku: string; price: number };
let tillChannelId: string;

beforeAll(async () => {
  [api, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  const stores = (await api.call('GET', '/v1/locations?type=store&limit=100', { token: ADMIN_KEY })).body.items;
  store = stores.find((location: { code: string }) => location.code === 'LYON-REPUBLIQUE');
  registerId = (await api.call('GET', `/v1/locations/${store.id}/registers`, { token: ADMIN_KEY })).body.items[0].id;
  const opened = await api.call('POST', `/v1/registers/${registerId}/sessions`, { token: ADMIN_KEY, body: { openingFloat: 15000, currency: 'EUR' } });
  expect(opened.status).toBe(201);
  const channels = (await api.call('GET', '/v1/channels?limit=100', { token: ADMIN_KEY })).body.items;
  const till = channels.find((channel: { type: string; storeLocationId?: string }) => channel.type === 'register' && channel.storeLocationId === store.id);
  const variant = await shelved(5);
  const quote = await api.call('POST', '/v1/quotes', {
    token: ADMIN_KEY,
    body: {
      channelId: till.id,
      lines: [{ sku: variant.sku, quantity: 1 }],
      deliveryGroups: [{ method: 'pickup_in_store', lineIndexes: [0], locationId: store.id }],
    },
  });
  expect(quote.status).toBe(200);
  mug = { sku: variant.sku, price: quote.body.totals.total };
  tillChannelId = till.id;
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/** A register cash sale of one mug to a guest known by `email`, as the register screen sends it. */
const cashSale = (email: string, sku = mug.sku) => ({
  registerId,
  customer: { firstName: 'Client', lastName: 'Comptoir', email },
  lines: [{ sku, quantity: 1 }],
  deliveryGroups: [{ method: 'pickup_in_store', pickupLocationId: store.id }],
  payments: [{ method: 'cash', amount: mug.price, tendered: mug.price + 500 }],
});

interface Queued {
  idempotencyKey: string;
  body: unknown;
  soldOfflineAt: string;
  triedOnline: boolean;
}

/** Puts sales in the register's queue (IndexedDB `aisle-offline-sales`/`sales`, keyed by their place), after those held. */
async function leaveInQueue(page: Page, sales: Queued[]): Promise<void> {
  await page.evaluate(async (sales) => {
    const { indexedDB } = globalThis as unknown as { indexedDB: any };
    const db = await new Promise<any>((resolve, reject) => {
      const request = indexedDB.open('aisle-offline-sales');
      request.onupgradeneeded = () => request.result.createObjectStore('sales');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const transaction = db.transaction('sales', 'readwrite');
    const queue = transaction.objectStore('sales');
    const last = await new Promise<number>((resolve) => {
      const request = queue.openKeyCursor(null, 'prev');
      request.onsuccess = () => resolve((request.result?.key as number | undefined) ?? 0);
    });
    for (const [index, sale] of sales.entries()) queue.add({ ...sale, seq: last + index + 1, queuedAt: sale.soldOfflineAt }, last + index + 1);
    await new Promise((resolve, reject) => {
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
    });
    db.close();
    // As the queue tells the register's tabs that it changed.
    new (globalThis as any).BroadcastChannel('aisle-offline-sales').postMessage('changed');
  }, sales);
}

const serverUnreachable = (context: BrowserContext) =>
  Promise.all([
    context.route('**/v1/orders', (route) => route.abort('connectionrefused')),
    context.route('**/health', (route) => route.abort('connectionrefused')),
  ]);
const serverBack = (context: BrowserContext) => Promise.all([context.unroute('**/v1/orders'), context.unroute('**/health')]);

/** A variant of which the store has at least `units` available on its shelf. */
async function shelved(units: number): Promise<{ sku: string }> {
  const variants = (await api.call('GET', '/v1/variants?limit=50', { token: ADMIN_KEY })).body.items as { sku: string }[];
  for (const variant of variants) if ((await available(variant.sku)) >= units) return variant;
  throw new Error(`no variant with ${units} units at the store`);
}

const available = async (sku: string): Promise<number> => {
  const nearby = await api.call('GET', `/v1/stock/${encodeURIComponent(sku)}/nearby?from=${store.id}`, { token: ADMIN_KEY });
  return nearby.body.items.find((level: { locationId: string }) => level.locationId === store.id)?.available ?? 0;
};

const ordersOf = async (email: string) =>
  (await api.call('GET', `/v1/orders?email=${encodeURIComponent(email)}`, { token: ADMIN_KEY })).body.items as {
    id: string;
    number: string;
    createdAt: string;
  }[];

describe('offline cash sales', () => {
  it('keeps two cash sales through a reload while the server cannot be reached, then applies each once, in order, from two tabs', async () => {
    const page = await openStoreApp(browser, api.baseUrl, 'LYON-REPUBLIQUE', 'fr');
    const context = page.context();
    await serverUnreachable(context);
    const before = await available(mug.sku);
    const soldAt = new Date().toISOString();
    await leaveInQueue(page, [
      { idempotencyKey: crypto.randomUUID(), body: cashSale('hors.ligne.un@example.com'), soldOfflineAt: soldAt, triedOnline: false },
      { idempotencyKey: crypto.randomUUID(), body: cashSale('hors.ligne.deux@example.com'), soldOfflineAt: soldAt, triedOnline: false },
    ]);

    await page.reload();
    const status = page.locator('header').getByRole('status');
    await expect.poll(() => status.textContent()).toBe('Hors ligne — 2 ventes en attente d’envoi');
    const second = await context.newPage();
    await second.goto(`${api.baseUrl}/store/`);
    await expect.poll(() => second.locator('header').getByRole('status').textContent()).toBe('Hors ligne — 2 ventes en attente d’envoi');
    await page.screenshot({ path: '/tmp/offline-queued-fr.png' });
    await screenshot(page, 'offline-queue');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await ordersOf('hors.ligne.un@example.com')).toEqual([]);

    await serverBack(context);
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('');
    await expect.poll(() => second.locator('header').getByRole('status').textContent(), { timeout: 20_000 }).toBe('');
    const [first] = await ordersOf('hors.ligne.un@example.com');
    const [then] = await ordersOf('hors.ligne.deux@example.com');
    expect(await ordersOf('hors.ligne.un@example.com')).toHaveLength(1);
    expect(await ordersOf('hors.ligne.deux@example.com')).toHaveLength(1);
    expect(first!.number < then!.number).toBe(true);
    expect(await available(mug.sku)).toBe(before - 2);
    await page.reload();
    await page.locator('header.top').waitFor();
    expect(await status.textContent()).toBe('');
    await context.close();
  });

  it('says at once when the network is cut in the browser, and sends what waits as soon as it is back', async () => {
    const page = await openStoreApp(browser, api.baseUrl, 'LYON-REPUBLIQUE', 'fr');
    const context = page.context();
    const status = page.locator('header').getByRole('status');
    await context.setOffline(true);
    await expect.poll(() => status.textContent()).toBe('Hors ligne');
    await leaveInQueue(page, [
      { idempotencyKey: crypto.randomUUID(), body: cashSale('reseau.coupe@example.com'), soldOfflineAt: new Date().toISOString(), triedOnline: false },
    ]);
    await expect.poll(() => status.textContent()).toBe('Hors ligne — 1 vente en attente d’envoi');

    await context.setOffline(false);
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('');
    expect(await ordersOf('reseau.coupe@example.com')).toHaveLength(1);
    await context.close();
  });

  it('does not place twice a sale whose first, direct attempt reached the server but whose answer was lost', async () => {
    const page = await openStoreApp(browser, api.baseUrl, 'LYON-REPUBLIQUE', 'en');
    const context = page.context();
    const key = crypto.randomUUID();
    const body = cashSale('lost.answer@example.com');
    const direct = await page.evaluate(
      async ({ body, key }) =>
        (await fetch('/v1/orders', { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(body) }))
          .status,
      { body, key },
    );
    expect(direct).toBe(201);
    await serverUnreachable(context);
    await leaveInQueue(page, [{ idempotencyKey: key, body, soldOfflineAt: new Date().toISOString(), triedOnline: true }]);
    await page.reload();
    const status = page.locator('header').getByRole('status');
    await expect.poll(() => status.textContent()).toBe('Offline — 1 sale waiting to be sent');

    await serverBack(context);
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('');
    expect(await ordersOf('lost.answer@example.com')).toHaveLength(1);
    expect(await page.getByText(/refused/).count()).toBe(0);
    await context.close();
  });

  it('keeps a sale the server refuses aside, visible with its reason, sends the next one, and lets the staff resolve it', async () => {
    const page = await openStoreApp(browser, api.baseUrl, 'LYON-REPUBLIQUE', 'fr');
    const context = page.context();
    await serverUnreachable(context);
    const soldAt = new Date().toISOString();
    await leaveInQueue(page, [
      { idempotencyKey: crypto.randomUUID(), body: cashSale('refusee@example.com', 'NO-SUCH-SKU'), soldOfflineAt: soldAt, triedOnline: false },
      { idempotencyKey: crypto.randomUUID(), body: cashSale('apres.refus@example.com'), soldOfflineAt: soldAt, triedOnline: false },
    ]);
    await page.reload();
    const status = page.locator('header').getByRole('status');
    await expect.poll(() => status.textContent()).toBe('Hors ligne — 2 ventes en attente d’envoi');

    await serverBack(context);
    const refused = page.getByText('1 vente refusée par le serveur');
    await refused.waitFor({ timeout: 20_000 });
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('');
    expect(await ordersOf('apres.refus@example.com')).toHaveLength(1);
    expect(await ordersOf('refusee@example.com')).toHaveLength(0);
    await refused.click();
    const resolve = page.getByRole('button', { name: 'Marquer comme traitée' });
    await resolve.waitFor();
    await page.screenshot({ path: '/tmp/offline-refused-fr.png' });
    expect(await seriousViolations(page)).toEqual([]);
    await resolve.click();
    await refused.waitFor({ state: 'detached' });
    await context.close();
  });

  // Needs the server side of offline sales (soldOfflineAt, stock shortfalls: branch i21-server), run green merged with
  // it: drop `.todo` once it is on main.
  it('records the units a sale made offline took beyond the stock as a shortfall for the store, never as a refusal', async () => {
    const page = await openStoreApp(browser, api.baseUrl, 'LYON-REPUBLIQUE', 'en');
    const context = page.context();
    await serverUnreachable(context);
    const sku = (await shelved(1)).sku;
    const onShelf = (await api.call('GET', `/v1/stock/${encodeURIComponent(sku)}/nearby?from=${store.id}`, { token: ADMIN_KEY })).body.items.find(
      (level: { locationId: string }) => level.locationId === store.id,
    ).onHand as number;
    const quantity = onShelf + 2;
    const quote = await api.call('POST', '/v1/quotes', {
      token: ADMIN_KEY,
      body: { channelId: tillChannelId, lines: [{ sku, quantity }], deliveryGroups: [{ method: 'pickup_in_store', lineIndexes: [0], locationId: store.id }] },
    });
    const total = quote.body.totals.total as number;
    const body = { ...cashSale('beyond.stock@example.com', sku), lines: [{ sku, quantity }], payments: [{ method: 'cash', amount: total, tendered: total }] };
    await leaveInQueue(page, [{ idempotencyKey: crypto.randomUUID(), body, soldOfflineAt: new Date().toISOString(), triedOnline: false }]);
    await page.reload();
    const status = page.locator('header').getByRole('status');
    await expect.poll(() => status.textContent()).toBe('Offline — 1 sale waiting to be sent');

    await serverBack(context);
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('');
    expect(await page.getByText(/refused/).count()).toBe(0);
    const [order] = await ordersOf('beyond.stock@example.com');
    const shortfalls = (await api.call('GET', `/v1/locations/${store.id}/stock-shortfalls`, { token: ADMIN_KEY })).body.items;
    expect(shortfalls).toEqual([expect.objectContaining({ sku, quantity: 2, orderId: order!.id, status: 'open' })]);
    await context.close();
  });

  it('through the register screen: the network cut, two cash sales kept, the page reloaded with the server still away, then both applied once', async () => {
    const page = await openStoreApp(browser, api.baseUrl, 'LYON-REPUBLIQUE', 'fr');
    const context = page.context();
    await page.getByRole('link', { name: 'Caisse' }).click();
    await page.getByRole('button', { name: 'Clôturer la caisse' }).waitFor();
    // An item with stock on this store's shelves (the tests before may have sold the mug out).
    const item = await shelved(5);
    const variant = (await api.call('GET', `/v1/variants?sku=${encodeURIComponent(item.sku)}`, { token: ADMIN_KEY })).body.items[0];
    const status = page.locator('header').getByRole('status');
    const sell = async () => {
      await page.evaluate(() => (globalThis as any).document.activeElement?.blur());
      await page.keyboard.type(variant.barcode ?? item.sku, { delay: 5 });
      await page.keyboard.press('Enter');
      await page.locator(`tr[data-sku="${item.sku}"][data-quantity="1"]`).waitFor();
      await page.getByRole('button', { name: 'Espèces', exact: true }).click();
      await page.getByRole('button', { name: /^50,00/ }).click();
      await page.getByRole('button', { name: /^Encaisser/ }).click();
    };
    // Online first: the register learns the item and its shelf price.
    await sell();
    await page.getByTestId('receipt').waitFor();
    await page.getByRole('button', { name: 'Nouvelle vente' }).click();
    const before = await available(item.sku);

    // The network cut in the browser: cash sales go on, kept on the register.
    await context.setOffline(true);
    await expect.poll(() => status.textContent()).toContain('Hors ligne');
    for (const sale of [1, 2]) {
      await sell();
      await page.getByText(`Vente gardée sur cette caisse (n° ${sale} en attente)`).waitFor();
      await screenshot(page, 'register-offline');
      await page.getByRole('button', { name: 'Nouvelle vente' }).click();
      await expect.poll(() => status.textContent()).toContain(sale === 1 ? '1 vente en attente' : '2 ventes en attente');
    }
    expect(await available(item.sku)).toBe(before);

    // The page reloaded while the server still cannot be reached: nothing is lost.
    await context.route('**/v1/orders', (route) => route.abort('connectionrefused'));
    await context.route('**/health', (route) => route.abort('connectionrefused'));
    await context.setOffline(false);
    await page.reload();
    await expect.poll(() => status.textContent()).toContain('2 ventes en attente d’envoi');
    expect(await available(item.sku)).toBe(before);

    // The server back: each sale applied once, in order.
    await context.unroute('**/v1/orders');
    await context.unroute('**/health');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('');
    expect(await available(item.sku)).toBe(before - 2);
    const timeline = await Promise.all(
      (await api.call('GET', `/v1/orders?limit=5`, { token: ADMIN_KEY })).body.items
        .slice(0, 2)
        .map(async (order: { id: string }) =>
          (await api.call('GET', `/v1/orders/${order.id}/timeline`, { token: ADMIN_KEY })).body.items.map((entry: { type: string }) => entry.type),
        ),
    );
    for (const types of timeline) expect(types).toContain('order.sold_offline');
    await context.close();
  });
});
