import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_LOGIN, seedDemo } from '../../src/demo/seed.ts';
import { startTestApi, type TestApi, type TestApiOptions } from './api.ts';

/** Debian's Chromium (`apt-get install -y chromium`), never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A real server on a fresh database with the demo shop (Maison Rhône, Lyon), serving the store app. */
export async function startDemoServer(options: TestApiOptions = {}): Promise<TestApi> {
  const api = await startTestApi(options);
  await seedDemo(api.database.db, { onlyIfEmpty: false });
  return api;
}

/** The demo store staff's login: `lyon-republique@demo.aisle.dev`, the demo password. */
export const storeLogin = (storeCode: string) => ({ email: `${storeCode.toLowerCase()}@demo.aisle.dev`, password: DEMO_LOGIN.adminPassword });

/** Opens the store app and signs in as the staff of `storeCode`, in `language`. */
export async function openStoreApp(browser: Browser, baseUrl: string, storeCode: string, language: 'fr' | 'en' = 'fr'): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1180, height: 820 },
    locale: language === 'fr' ? 'fr-FR' : 'en-GB',
    timezoneId: 'Europe/Paris',
  });
  const page = await context.newPage();
  await page.addInitScript((lang) => localStorage.setItem('aisle.store.language', lang), language);
  await page.goto(`${baseUrl}/store/`);
  const login = storeLogin(storeCode);
  await page.getByLabel(language === 'fr' ? 'E-mail' : 'Email').fill(login.email);
  await page.getByLabel(language === 'fr' ? 'Mot de passe' : 'Password').fill(login.password);
  await page.getByRole('button', { name: language === 'fr' ? 'Se connecter' : 'Sign in' }).click();
  await page.locator('header.top').waitFor();
  return page;
}

/** What a keyboard-wedge scanner does: the code's keys, a few milliseconds apart, then Enter. */
export async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press('Enter');
}

let axeSource: string | undefined;
/** The serious and critical accessibility violations axe-core finds on the page as it is. */
export async function seriousViolations(page: Page): Promise<{ id: string; help: string; nodes: string[] }[]> {
  axeSource ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const page = globalThis as any;
    const result = await page.axe.run(page.document, { resultTypes: ['violations'] });
    return result.violations
      .filter((violation: any) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation: any) => ({ id: violation.id, help: violation.help, nodes: violation.nodes.map((node: any) => node.target.join(' ')) }));
  });
}

/**
 * With `SCREENSHOTS=1` (`npm run screenshots`), saves the page as docs/screenshots/<name>-<language>.png for the
 * README; otherwise does nothing, so the browser tests are also what shows each screen.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS) return;
  const language = await page.evaluate(() => (globalThis as any).document.documentElement.lang as string);
  await page.screenshot({ path: path.resolve(import.meta.dirname, '../../docs/screenshots', `${name}-${language}.png`), fullPage: false });
}
