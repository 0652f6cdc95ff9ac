import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { DICTIONARIES } from '../../../admin/src/i18n/dictionary.ts';
import { DEFAULT_ADMIN_DIR } from '../admin/admin-routes.ts';
import { serveWithLimits } from '../header-limit.ts';
import { startTestApp, type TestApp } from './test-app.ts';

// The admin console (built by `pnpm build`) in Debian's chromium against the real server on a fresh
// database with the demo tenants: what a browser test of the console needs, and the checks every
// page passes (no console error, nothing from another origin, no serious axe-core violation). With
// KOMISI_ADMIN_SCREENSHOTS=<dir>, each checked page is also saved there as a PNG.

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOTS = process.env.KOMISI_ADMIN_SCREENSHOTS
  ? resolve(import.meta.dirname, '../../../..', process.env.KOMISI_ADMIN_SCREENSHOTS)
  : null;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const LABELS = DICTIONARIES;

/** One tab of the console, recording what a page must not do. */
export interface Tab {
  page: Page;
  context: BrowserContext;
  requests: string[];
  errors: string[];
}

export interface ConsoleBrowser {
  app: TestApp;
  origin: string;
  openTab(): Promise<Tab>;
  /** no error logged, nothing from elsewhere, no serious or critical axe violation (then a screenshot) */
  expectCleanPage(tab: Tab, name: string, options?: { screenshot?: boolean }): Promise<void>;
  signIn(tab: Tab, tenant: string, email: string, password: string): Promise<void>;
  close(): Promise<void>;
}

export async function startConsoleBrowser(): Promise<ConsoleBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  if (!existsSync(join(DEFAULT_ADMIN_DIR, 'index.html')))
    throw new Error(`${DEFAULT_ADMIN_DIR} is missing: run pnpm build (or pnpm --filter @komisi/admin build)`);
  if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
  const app = await startTestApp();
  let server: ReturnType<typeof serveWithLimits> | undefined;
  const origin = await new Promise<string>((done) => {
    server = serveWithLimits({ fetch: app.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      done(`http://127.0.0.1:${info.port}`),
    );
  });
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

  async function openTab(): Promise<Tab> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
    const page = await context.newPage();
    const tab: Tab = { page, context, requests: [], errors: [] };
    page.on('request', (r) => tab.requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && tab.errors.push(m.text()));
    page.on('pageerror', (e) => tab.errors.push(e.message));
    return tab;
  }

  async function expectCleanPage(tab: Tab, name: string, { screenshot = true } = {}) {
    await tab.page.waitForLoadState('networkidle');
    const elsewhere = tab.requests.filter(
      (url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url),
    );
    expect(elsewhere, name).toEqual([]);
    expect(tab.errors, name).toEqual([]);
    // colours are checked at rest, not halfway through a notification's fade-in
    await tab.page.waitForFunction(() =>
      document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    );
    await tab.page.evaluate(AXE_SOURCE);
    const violations = await tab.page.evaluate(async () => {
      // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page above
      const axe = (window as any).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      type Node = { target: string[]; any: { message: string }[] };
      return (result.violations as { id: string; impact: string; nodes: Node[] }[])
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} [${n.any[0]?.message ?? ''}]`).join(', ')}`,
        );
    });
    expect(violations, name).toEqual([]);
    if (SCREENSHOTS && screenshot)
      await tab.page.screenshot({
        path: join(SCREENSHOTS, `${name}.png`),
        fullPage: true,
        style: '.mantine-Notifications-root { display: none !important; }',
      });
  }

  async function signIn(tab: Tab, tenant: string, email: string, password: string) {
    const { page } = tab;
    const en = LABELS.en;
    await page.goto(`${origin}/admin/sign-in`);
    await page.getByLabel(en.signIn.tenant).fill(tenant);
    await page.getByLabel(en.signIn.email).fill(email);
    await page.locator('input[type="password"]').fill(password);
    await page.getByRole('button', { name: en.signIn.submit }).click();
  }

  return {
    app,
    origin,
    openTab,
    expectCleanPage,
    signIn,
    async close() {
      await browser.close();
      await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
      await app.close();
    },
  };
}

/** Opens a section from the navbar. */
export async function navTo(page: Page, label: string) {
  await page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click();
}
