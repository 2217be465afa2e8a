import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, type TestApi } from '../support/api.ts';
import { launchBrowser, openStoreApp, scan, screenshot, seriousViolations, startDemoServer } from '../support/browser.ts';

let api: TestApi;
let browser: Browser;
let storeId: string;
let partDieuId: string;
beforeAll(async () => {
  [api, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  const stores = (await api.call('GET', '/v1/locations?type=store', { token: ADMIN_KEY })).body.items;
  storeId = stores.find((store: { code: string }) => store.code === 'LYON-REPUBLIQUE').id;
  partDieuId = stores.find((store: { code: string }) => store.code === 'LYON-PART-DIEU').id;
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

type QueueItem = {
  groupId: string;
  orderId: string;
  orderNumber: string;
  stage: string;
  transfer: { id: string } | null;
  lines: { sku: string; title: string; quantity: number }[];
};
const queue = async (stage?: string, at = storeId) =>
  (await api.call('GET', `/v1/locations/${at}/work${stage ? `?stage=${stage}` : ''}`, { token: ADMIN_KEY })).body as {
    counts: Record<string, number>;
    items: QueueItem[];
  };
const barcodeOf = async (sku: string): Promise<string> => (await api.call('GET', `/v1/variants?sku=${encodeURIComponent(sku)}`)).body.items[0].barcode;
const groupOf = async (item: QueueItem) =>
  (await api.call('GET', `/v1/orders/${item.orderId}`)).body.deliveryGroups.find((group: { id: string }) => group.id === item.groupId);
const pickState = async (item: QueueItem) => (await api.call('GET', `/v1/orders/${item.orderId}/delivery-groups/${item.groupId}/scans`)).body;

/** A scanner typing into the focused code field (or a person typing the code), then Enter: the field's own path. */
async function scanIntoField(page: Page, label: string, code: string) {
  await page.getByLabel(label).focus();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

/** Opens the work queue from the app's navigation. */
async function openQueue(page: Page, language: 'fr' | 'en') {
  await page.getByRole('link', { name: language === 'fr' ? 'Préparation' : 'Work queue' }).click();
  await page.getByRole('heading', { level: 1, name: language === 'fr' ? 'Préparation' : 'Work queue' }).waitFor();
}

describe('the store’s work queue', () => {
  it('shows the counts, refuses a wrong scan on screen, then picks, packs and ships an order from the shelves', async () => {
    const before = await queue();
    const order = before.items.find((item) => item.stage === 'to_pick')!;
    expect(order).toBeDefined();
    const page = await openStoreApp(browser, api.baseUrl, 'LYON-REPUBLIQUE', 'fr');
    await openQueue(page, 'fr');
    const toPick = page.getByRole('button', { name: /^À préparer/ });
    await expect.poll(() => toPick.textContent()).toContain(String(before.counts.to_pick));
    await expect.poll(() => page.getByRole('button', { name: /^À recevoir/ }).textContent()).toContain(String(before.counts.incoming));
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'work-queue');

    await page.getByRole('link', { name: `Ouvrir la commande ${order.orderNumber}` }).click();
    await page.getByRole('heading', { level: 1, name: `Commande ${order.orderNumber}` }).waitFor();
    await page.getByRole('heading', { name: 'Scanner un article' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // A wrong item: refused on screen in the problem's words, and nothing recorded.
    const skus = new Set(order.lines.map((line) => line.sku));
    const others = (await api.call('GET', '/v1/variants?limit=50')).body.items as { sku: string; barcode: string | null }[];
    const wrong = others.find((variant) => !skus.has(variant.sku) && variant.barcode)!;
    await scanIntoField(page, 'Code-barres ou référence', wrong.barcode!);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Article incorrect');
    expect(await alert.textContent()).toContain(wrong.sku);
    await screenshot(page, 'work-wrong-scan');
    expect((await pickState(order)).lines.every((line: { picked: number }) => line.picked === 0)).toBe(true);

    // The right items: each unit ticked.
    for (const line of order.lines) {
      const barcode = await barcodeOf(line.sku);
      for (let unit = 1; unit <= line.quantity; unit++) {
        await scanIntoField(page, 'Code-barres ou référence', barcode);
        await page
          .getByRole('status')
          .filter({ hasText: `${unit}/${line.quantity}` })
          .first()
          .waitFor();
      }
    }
    await expect.poll(async () => (await pickState(order)).complete).toBe(true);

    // Pack a parcel, then ship it with the manual carrier and a tracking number.
    await page.getByLabel('Poids (g)').fill('850');
    await page.getByLabel('Type de carton').selectOption('S');
    await page.getByRole('button', { name: 'Emballé' }).click();
    await page.getByRole('combobox', { name: /^Transporteur/ }).waitFor();
    await page.getByLabel('Nom du transporteur', { exact: true }).fill('Colissimo');
    await page.getByLabel('Numéro de suivi', { exact: true }).fill('6A98765432101');
    await page.getByRole('button', { name: 'Expédier', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Expédié avec Colissimo' }).waitFor();
    await page.getByRole('link', { name: /Étiquette/ }).waitFor();

    const group = await groupOf(order);
    expect(group).toMatchObject({ status: 'shipped', carrier: 'Colissimo', trackingNumber: '6A98765432101' });
    expect(group.trackingUrl).toContain('6A98765432101');
    const shipment = (await api.call('GET', `/v1/orders/${order.orderId}/delivery-groups/${order.groupId}/shipment`)).body;
    expect(shipment.parcels).toMatchObject([{ box: 'S', weightGrams: 850 }]);
    const timeline = (await api.call('GET', `/v1/orders/${order.orderId}/timeline`)).body;
    expect(timeline.items.map((entry: { type: string }) => entry.type)).toContain('group.shipped');
    expect((await queue()).items.some((item) => item.groupId === order.groupId)).toBe(false);
    await page.context().close();
  });

  it('prepares a pickup by scanning and marks it ready, in English', async () => {
    const pickup = (await queue('to_prepare')).items[0]!;
    expect(pickup).toBeDefined();
    const page = await openStoreApp(browser, api.baseUrl, 'LYON-REPUBLIQUE', 'en');
    await openQueue(page, 'en');
    await page.getByRole('button', { name: /^To prepare/ }).click();
    await page.getByRole('link', { name: `Open order ${pickup.orderNumber}` }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'work-queue');

    await page.getByRole('link', { name: `Open order ${pickup.orderNumber}` }).click();
    await page.getByRole('heading', { name: 'Scan an item' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'work-wrong-scan');
    for (const line of pickup.lines) {
      const barcode = await barcodeOf(line.sku);
      for (let unit = 1; unit <= line.quantity; unit++) {
        await scan(page, barcode);
        await page
          .getByRole('status')
          .filter({ hasText: `${unit}/${line.quantity}` })
          .first()
          .waitFor();
      }
    }
    await expect.poll(async () => (await pickState(pickup)).complete).toBe(true);
    await page.getByRole('button', { name: 'Mark ready' }).click();
    await page.getByRole('status').filter({ hasText: 'Pickup code' }).waitFor();
    const group = await groupOf(pickup);
    expect(group.status).toBe('ready_for_pickup');
    expect(await page.getByRole('status').filter({ hasText: 'Pickup code' }).textContent()).toContain(group.pickupCode);
    await page.context().close();
  });

  it('receives an incoming ship-to-store transfer: the order becomes ready for pickup', async () => {
    const incoming = (await queue('incoming')).items[0]!;
    expect(incoming.transfer).not.toBeNull();
    expect((await api.call('POST', `/v1/transfers/${incoming.transfer!.id}/ship`, { token: ADMIN_KEY })).status).toBe(200);
    const page = await openStoreApp(browser, api.baseUrl, 'LYON-REPUBLIQUE', 'fr');
    await openQueue(page, 'fr');
    await page.getByRole('button', { name: /^À recevoir/ }).click();
    await page.getByRole('button', { name: `Réceptionner la marchandise de la commande ${incoming.orderNumber}` }).click();
    await page.getByRole('status').filter({ hasText: 'réceptionnée' }).waitFor();
    expect((await groupOf(incoming)).status).toBe('ready_for_pickup');
    await page.context().close();
  });

  it('rejects a line with a reason: it leaves the store’s queue and is routed elsewhere', async () => {
    const order = (await queue('to_pick', partDieuId)).items[0]!;
    const line = order.lines[0]!;
    const page = await openStoreApp(browser, api.baseUrl, 'LYON-PART-DIEU', 'fr');
    await page.goto(`${api.baseUrl}/store/work/${order.orderId}/${order.groupId}`);
    await page.getByRole('button', { name: `Refuser ${line.title}` }).click();
    await page.getByRole('combobox', { name: /^Motif/ }).selectOption('not_found');
    await page.getByRole('button', { name: 'Refuser', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Commande ${order.orderNumber}` })
      .waitFor();
    expect((await queue(undefined, partDieuId)).items.some((item) => item.groupId === order.groupId)).toBe(false);
    const rerouted = (await api.call('GET', `/v1/orders/${order.orderId}`)).body.deliveryGroups;
    expect(rerouted.every((group: { fulfilmentLocationId: string | null }) => group.fulfilmentLocationId !== partDieuId)).toBe(true);
    await page.context().close();
  });
});
