import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/platform/web/build.ts';
import { ADMIN_KEY, type TestApi } from '../support/api.ts';
import { launchBrowser, openStoreApp, scan, screenshot, seriousViolations, startDemoServer } from '../support/browser.ts';

let api: TestApi;
let browser: Browser;
beforeAll(async () => {
  [api, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe('the store app', () => {
  it('is served at /store/ with compressed, cacheable assets and no page for a missing one', async () => {
    const page = await fetch(`${api.baseUrl}/store/`, { headers: { 'accept-encoding': 'br' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    const script = html.match(/src="(\/store\/assets\/[^"]+\.js)"/)![1]!;
    const asset = await fetch(`${api.baseUrl}${script}`, { headers: { 'accept-encoding': 'br' } });
    expect(asset.headers.get('content-encoding')).toBe('br');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${api.baseUrl}/store/work`)).status).toBe(200);
  });

  it('weighs under 300 KB of compressed JavaScript for all its screens (the camera’s QR reader apart, loaded when used)', async () => {
    const assets = path.join(WEB_DIST, 'store', 'assets');
    const scripts = (await readdir(assets)).filter((file) => file.endsWith('.js') && !file.startsWith('qr-scanner'));
    const sizes = await Promise.all(scripts.map(async (file) => (await stat(path.join(assets, `${file}.gz`))).size));
    const total = sizes.reduce((sum, size) => sum + size, 0);
    console.log(`store app: ${scripts.length} scripts, ${(total / 1024).toFixed(1)} KB gzip`);
    expect(total).toBeLessThan(300 * 1024);
  });

  it('signs a store associate in, bound to their store, and shows an item’s stock everywhere, nearest first, by scanning', async () => {
    const page = await openStoreApp(browser, api.baseUrl, 'LYON-REPUBLIQUE');
    await expect.poll(() => page.locator('header .brand').textContent()).toContain('Lyon République');
    await page.getByRole('link', { name: 'Stock' }).click();
    await page.locator('h1').click();
    const mug = (await api.call('GET', '/v1/variants?q=Mug', { token: ADMIN_KEY })).body.items[0];
    await scan(page, mug.barcode);
    await expect.poll(() => page.url()).toContain(`/store/stock/${mug.sku}`);
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    const first = await rows.first().textContent();
    expect(first).toContain('Lyon République');
    expect(await rows.count()).toBe(4);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'stock');
    await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
    await page.getByRole('heading', { name: 'Stock of an item' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'stock');
  });
});
