import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, type TestApi } from '../support/api.ts';
import { launchBrowser, openStoreApp, scan, screenshot, seriousViolations, startDemoServer } from '../support/browser.ts';

let api: TestApi;
let browser: Browser;
const location = async (code: string) =>
  (await api.call('GET', '/v1/locations', { token: ADMIN_KEY })).body.items.find((each: { code: string }) => each.code === code) as {
    id: string;
    name: string;
  };
const registerOf = async (storeId: string) => (await api.call('GET', `/v1/locations/${storeId}/registers`, { token: ADMIN_KEY })).body.items[0];
const onHand = async (sku: string, storeId: string) =>
  (await api.call('GET', `/v1/stock/${sku}/nearby?from=${storeId}`, { token: ADMIN_KEY })).body.items.find(
    (row: { locationId: string }) => row.locationId === storeId,
  )?.onHand ?? 0;

/** Items on the shelf of a store, cheapest first (with a barcode, so that they are scanned). */
async function shelfItems(storeId: string, count: number): Promise<{ sku: string; barcode: string; title: string }[]> {
  return api.database.db
    .selectFrom('variants as v')
    .innerJoin('stock_levels as s', 's.variant_id', 'v.id')
    .innerJoin('prices as p', 'p.variant_id', 'v.id')
    .innerJoin('price_lists as l', 'l.id', 'p.price_list_id')
    .select(['v.sku', 'v.barcode', 'v.title'])
    .where('s.location_id', '=', storeId)
    .where('s.on_hand', '>=', 5)
    .where('v.barcode', 'is not', null)
    .where('l.code', '=', 'retail-eur')
    .orderBy('p.amount')
    .orderBy('v.sku')
    .limit(count)
    .execute() as Promise<{ sku: string; barcode: string; title: string }[]>;
}

/** An item the store has none of, deep in the warehouse. */
async function missingItem(storeId: string): Promise<{ sku: string; barcode: string }> {
  const warehouse = await location('WH-SAINT-PRIEST');
  return api.database.db
    .selectFrom('variants as v')
    .innerJoin('stock_levels as w', (join) => join.onRef('w.variant_id', '=', 'v.id').on('w.location_id', '=', warehouse.id))
    .select(['v.sku', 'v.barcode'])
    .where('w.on_hand', '>=', 5)
    .where('v.barcode', 'is not', null)
    .where('v.id', 'not in', (eb) => eb.selectFrom('stock_levels').select('variant_id').where('location_id', '=', storeId).where('on_hand', '>', 0))
    .orderBy('v.sku')
    .executeTakeFirstOrThrow() as Promise<{ sku: string; barcode: string }>;
}

const timings: number[] = [];
/**
 * A scan, timed in the page with performance.now() from its Enter until its line (at that quantity) is in the document
 * (logged, never asserted).
 */
async function timedScan(page: Page, code: string, sku: string, quantity: number): Promise<void> {
  const selector = `tr[data-sku="${sku}"][data-quantity="${quantity}"]`;
  const elapsed = page.evaluate(
    (selector) =>
      new Promise<number>((resolve) => {
        const page = globalThis as any;
        let start = 0;
        const onEnter = (event: { key: string }) => {
          if (event.key !== 'Enter') return;
          start = page.performance.now();
          page.removeEventListener('keydown', onEnter, true);
        };
        page.addEventListener('keydown', onEnter, true);
        const observer = new page.MutationObserver(() => {
          if (start && page.document.querySelector(selector)) {
            observer.disconnect();
            resolve(page.performance.now() - start);
          }
        });
        observer.observe(page.document.body, { subtree: true, childList: true, attributes: true });
      }),
    selector,
  );
  // The listener is in place before the first key (CDP runs the evaluations in order).
  await page.evaluate(() => undefined);
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press('Enter');
  timings.push(await elapsed);
  await page.locator(selector).waitFor();
}

/** Nothing focused: the scanner's keys go to the screen, not to a field. */
const idle = (page: Page) => page.evaluate(() => (globalThis as any).document.activeElement?.blur());

/** "23,30 €" or "€23.30" → 2330 (amounts under a thousand: no grouping). */
const euros = (text: string | null) => Math.round(Number((text ?? '').replace(/[^\d,.-]/g, '').replace(',', '.')) * 100);

beforeAll(async () => {
  [api, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
});
afterAll(async () => {
  const sorted = [...timings].sort((a, b) => a - b);
  if (sorted.length)
    console.log(
      `scan-to-line: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms over ${sorted.length} scans`,
      sorted.map((t) => t.toFixed(1)),
    );
  await browser?.close();
  await api?.close();
});

describe('the register screen', () => {
  let page: Page;
  let store: { id: string; name: string };

  it('opens the register with a float and sells two shelf items scanned, paid 50 € in cash with the change shown and the receipt', async () => {
    store = await location('LYON-REPUBLIQUE');
    const [mug, second] = await shelfItems(store.id, 2);
    const before = { mug: await onHand(mug!.sku, store.id), second: await onHand(second!.sku, store.id) };
    page = await openStoreApp(browser, api.baseUrl, 'LYON-REPUBLIQUE', 'fr');
    await page.getByLabel('Fond de caisse (€)').fill('100');
    await page.getByRole('button', { name: 'Ouvrir la caisse' }).click();
    await page.getByRole('button', { name: 'Clôturer la caisse' }).waitFor();

    await idle(page);
    await timedScan(page, mug!.barcode, mug!.sku, 1);
    await timedScan(page, second!.barcode, second!.sku, 1);
    await timedScan(page, mug!.barcode, mug!.sku, 2);
    expect(await page.locator('table.register-cart tbody tr').count()).toBe(2);
    // Typed into the search field: the same as a scan.
    await page.getByLabel('Scanner ou saisir une référence, un code-barres ou un nom').fill(second!.sku);
    await page.keyboard.press('Enter');
    await page.locator(`tr[data-sku="${second!.sku}"][data-quantity="2"]`).waitFor();
    await page.locator(`tr[data-sku="${second!.sku}"]`).getByRole('spinbutton').fill('1');
    await page.locator(`tr[data-sku="${second!.sku}"][data-quantity="1"]`).waitFor();
    const charge = page.getByRole('button', { name: /^Encaisser/ });
    await page.getByRole('button', { name: 'Espèces', exact: true }).click();
    await page.getByRole('button', { name: /^50,00/ }).click();
    const total = euros(await page.getByTestId('total').textContent());
    expect(total).toBeLessThan(5000);
    await expect.poll(async () => euros(await page.getByTestId('change').textContent())).toBe(5000 - total);
    const placed: (string | undefined)[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/v1/orders') placed.push(request.headers()['idempotency-key']);
    });
    await charge.click();

    await page.getByRole('button', { name: 'Nouvelle vente' }).waitFor();
    // One request for the sale, with its own key.
    expect(placed).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/)]);
    expect(euros(await page.getByTestId('change').textContent())).toBe(5000 - total);
    const number = (await page.getByRole('status').filter({ hasText: 'Vente' }).textContent())!.match(/Vente (\S+) enregistrée/)![1]!;
    await expect.poll(() => page.getByTestId('receipt').textContent()).toContain(number);
    await screenshot(page, 'register-receipt');
    expect(await page.getByRole('link', { name: 'Ticket (PDF)' }).getAttribute('href')).toMatch(/^\/v1\/orders\/.+\/receipt$/);

    const order = (await api.call('GET', `/v1/orders?number=${encodeURIComponent(number)}`, { token: ADMIN_KEY })).body.items[0];
    expect(order.status).toBe('completed');
    expect(order.totals.total).toBe(total);
    expect(order.deliveryGroups[0].lines.map((line: { sku: string; quantity: number }) => [line.sku, line.quantity]).sort()).toEqual(
      [
        [mug!.sku, 2],
        [second!.sku, 1],
      ].sort(),
    );
    const register = await registerOf(store.id);
    expect(order.payments).toEqual([
      expect.objectContaining({
        method: 'cash',
        status: 'captured',
        capturedAmount: total,
        cashTendered: 5000,
        changeGiven: 5000 - total,
        registerId: register.id,
      }),
    ]);
    expect(await onHand(mug!.sku, store.id)).toBe(before.mug - 2);
    expect(await onHand(second!.sku, store.id)).toBe(before.second - 1);
    await page.getByRole('button', { name: 'Nouvelle vente' }).click();
    await page.getByText('Scannez un article pour commencer une vente.').waitFor();
  });

  it('sells an item the store lacks, delivered home from elsewhere, with the fees, paid by card at the register, in ≤ 5 actions', async () => {
    const item = await missingItem(store.id);
    const customer = (await api.call('GET', '/v1/customers?limit=50', { token: ADMIN_KEY })).body.items.find(
      (each: { addresses: unknown[]; emails: string[] }) => each.addresses.length > 0 && each.emails.length > 0,
    );
    let actions = 0;
    const act = async (step: () => Promise<void>) => {
      actions++;
      await step();
    };

    await idle(page);
    await act(() => scan(page, item.barcode));
    await page.locator(`tr[data-sku="${item.sku}"]`).getByText('à livrer').waitFor();
    await page.getByRole('table', { name: 'Stock ailleurs' }).getByText('km').first().waitFor();
    await act(async () => {
      await page.getByLabel('Nom, e-mail ou téléphone').fill(customer.emails[0]);
      await page.keyboard.press('Enter');
    });
    await act(() => page.getByRole('button', { name: new RegExp(`${customer.firstName} ${customer.lastName}`) }).click());
    await page.getByRole('heading', { name: 'Livraison à domicile' }).waitFor();
    await page.getByText('Frais de port').waitFor();
    await page.getByText('Frais d’emballage').waitFor();
    await act(() => page.getByRole('button', { name: 'Carte bancaire' }).click());
    await act(() => page.getByRole('button', { name: /^Encaisser/ }).click());
    await page.getByRole('button', { name: 'Nouvelle vente' }).waitFor();
    expect(actions).toBeLessThanOrEqual(5);

    const number = (await page.getByRole('status').filter({ hasText: 'Vente' }).textContent())!.match(/Vente (\S+) enregistrée/)![1]!;
    const order = (await api.call('GET', `/v1/orders?number=${encodeURIComponent(number)}`, { token: ADMIN_KEY })).body.items[0];
    const quote = (
      await api.call('POST', '/v1/quotes', {
        token: ADMIN_KEY,
        body: {
          channelId: order.channelId,
          customerId: customer.id,
          lines: [{ sku: item.sku, quantity: 1 }],
          deliveryGroups: [{ method: 'ship_to_address', lineIndexes: [0] }],
        },
      })
    ).body;
    expect(quote.totals.shippingTotal + quote.totals.packingTotal).toBeGreaterThan(0);
    expect(order.customerId).toBe(customer.id);
    expect(order.totals).toMatchObject({ total: quote.totals.total, shipping: quote.totals.shippingTotal, packing: quote.totals.packingTotal });
    const [group] = order.deliveryGroups;
    expect(group.method).toBe('ship_to_address');
    expect(group.fulfilmentLocationId).not.toBeNull();
    expect(group.fulfilmentLocationId).not.toBe(store.id);
    expect(order.payments).toEqual([expect.objectContaining({ method: 'card_register', status: 'captured', capturedAmount: quote.totals.total })]);
    expect(order.amountToPay).toBe(0);
    await page.getByRole('button', { name: 'Nouvelle vente' }).click();
  });

  it('closes the register with a counted cash that differs: expected, counted and the difference, then the Z report', async () => {
    const register = await registerOf(store.id);
    const x = (await api.call('GET', `/v1/register-sessions/${register.openSession.id}/report`, { token: ADMIN_KEY })).body;
    await page.getByRole('button', { name: 'Clôturer la caisse' }).click();
    const dialog = page.getByRole('dialog', { name: 'Clôturer la caisse' });
    await dialog.getByLabel('Espèces comptées (€)').fill(String((x.expectedCash - 200) / 100).replace('.', ','));
    await expect.poll(() => dialog.getByTestId('cash-difference').textContent()).toMatch(/-2,00/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'register-close');
    await dialog.getByRole('button', { name: 'Clôturer avec ce comptage' }).click();
    await page.getByRole('button', { name: 'Ouvrir la caisse' }).waitFor();
    expect(await page.getByTestId('cash-difference').textContent()).toMatch(/-2,00/);
    expect(await page.getByRole('link', { name: 'Rapport Z (PDF)' }).getAttribute('href')).toBe(
      `/v1/register-sessions/${register.openSession.id}/report/document`,
    );
    const z = (await api.call('GET', `/v1/register-sessions/${register.openSession.id}/report`, { token: ADMIN_KEY })).body;
    expect(z).toMatchObject({ kind: 'Z', countedCash: x.expectedCash - 200, difference: -200 });
  });

  it('has no serious accessibility violation, closed, open and with a cart, in French and in English; a split sale, card and cash with change', async () => {
    const croix = await location('LYON-CROIX-ROUSSE');
    const [item] = await shelfItems(croix.id, 1);
    const french = await openStoreApp(browser, api.baseUrl, 'LYON-CROIX-ROUSSE', 'fr');
    await french.getByRole('button', { name: 'Ouvrir la caisse' }).waitFor();
    expect(await seriousViolations(french)).toEqual([]);
    await french.getByLabel('Fond de caisse (€)').fill('150');
    await french.getByRole('button', { name: 'Ouvrir la caisse' }).click();
    await french.getByRole('button', { name: 'Clôturer la caisse' }).waitFor();
    expect(await seriousViolations(french)).toEqual([]);
    await idle(french);
    await timedScan(french, item!.barcode, item!.sku, 1);
    await french.getByRole('button', { name: 'Espèces', exact: true }).click();
    await french.getByRole('button', { name: 'Livrer' }).click();
    await french.getByRole('button', { name: 'Nouveau client' }).click();
    expect(await seriousViolations(french)).toEqual([]);

    const english = await openStoreApp(browser, api.baseUrl, 'LYON-CROIX-ROUSSE', 'en');
    await english.getByRole('button', { name: 'Close the register' }).waitFor();
    await idle(english);
    await timedScan(english, item!.barcode, item!.sku, 1);
    await timedScan(english, item!.barcode, item!.sku, 2);
    await english.getByRole('button', { name: 'Card + cash' }).click();
    expect(await seriousViolations(english)).toEqual([]);
    await screenshot(french, 'register');

    // A discount by hand, with its reason: the server prices it (never under the minimum price).
    await english.getByRole('button', { name: /^Discount on/ }).click();
    expect(await seriousViolations(english)).toEqual([]);
    await english.getByLabel('Value').fill('10');
    await english.getByLabel('Reason (printed on the receipt)').fill('Damaged box');
    await english.getByRole('button', { name: 'Apply' }).click();
    const given = english.locator('.register-discount p');
    await expect.poll(() => given.textContent()).toMatch(/Discount given: −€\d+\.\d\d \(Damaged box\)/);
    await screenshot(english, 'register');

    // Split: part on the card terminal, the rest in cash with change.
    await english.getByLabel('On card (€)').fill('10');
    await english.getByLabel('Amount given (€)').fill('10');
    const total = euros(await english.getByTestId('total').textContent());
    await expect.poll(async () => euros(await english.getByTestId('change').textContent())).toBe(2000 - total);
    await english.getByRole('button', { name: /^Charge/ }).click();
    const number = (await english.getByRole('status').filter({ hasText: 'Sale' }).textContent())!.match(/Sale (\S+) recorded/)![1]!;
    const order = (await api.call('GET', `/v1/orders?number=${encodeURIComponent(number)}`, { token: ADMIN_KEY })).body.items[0];
    expect(
      order.payments
        .map((payment: { method: string; capturedAmount: number; changeGiven: number | null }) => [payment.method, payment.capturedAmount, payment.changeGiven])
        .sort(),
    ).toEqual(
      [
        ['card_register', 1000, null],
        ['cash', total - 1000, 2000 - total],
      ].sort(),
    );
  });
});
