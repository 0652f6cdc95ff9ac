import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { DICTIONARIES } from '../../../admin/src/i18n/dictionary.ts';
import { DEFAULT_ADMIN_DIR } from '../admin/admin-routes.ts';
import { serveWithLimits } from '../header-limit.ts';
import { startTestApp, type TestApp } from './test-app.ts';

// The admin console in Debian's chromium against the real server (fresh database, demo tenants), for
// the browser tests of each area: every page checked for console errors, requests to another origin
// and axe-core's serious or critical violations; with KOMISI_ADMIN_SCREENSHOTS=<dir>, saved as PNG.

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

/** The console's labels, to find what a test clicks as a user would read it. */
export const LABELS = DICTIONARIES;

/** One tab of the console, recording what a page must not do. */
export interface Tab {
  page: Page;
  context: BrowserContext;
  requests: string[];
  errors: string[];
}

/** The server on a port of its own, the console it serves, and a browser to open it in. */
export interface ConsoleUnderTest {
  app: TestApp;
  origin: string;
  openTab(): Promise<Tab>;
  expectCleanPage(tab: Tab, name: string, options?: { screenshot?: boolean }): Promise<void>;
  /** axe on the notifications shown now, once they are at rest */
  expectReadableNotifications(tab: Tab, name: string): Promise<void>;
  signIn(tab: Tab, tenant: string, email: string, password: string): Promise<void>;
  close(): Promise<void>;
}

export async function startConsole(
  options: Parameters<typeof startTestApp>[0] = {},
): Promise<ConsoleUnderTest> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  if (!existsSync(join(DEFAULT_ADMIN_DIR, 'index.html')))
    throw new Error(`${DEFAULT_ADMIN_DIR} is missing: run pnpm build (or pnpm --filter @komisi/admin build)`);
  if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
  const app = await startTestApp(options);
  let origin = '';
  const server = await new Promise<ReturnType<typeof serveWithLimits>>((done) => {
    const s = serveWithLimits(
      { fetch: app.app.fetch, port: 0, hostname: '127.0.0.1' },
      (info: AddressInfo) => {
        origin = `http://127.0.0.1:${info.port}`;
        done(s);
      },
    );
  });
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

  return {
    app,
    origin,
    async openTab() {
      const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
      const page = await context.newPage();
      const tab: Tab = { page, context, requests: [], errors: [] };
      page.on('request', (r) => tab.requests.push(r.url()));
      page.on('console', (m) => m.type() === 'error' && tab.errors.push(m.text()));
      page.on('pageerror', (e) => tab.errors.push(e.message));
      return tab;
    },
    async expectCleanPage(tab, name, { screenshot = true } = {}) {
      await tab.page.waitForLoadState('networkidle');
      // a drawer or dialog still fading in would be checked half transparent
      await tab.page.evaluate(() =>
        Promise.allSettled(
          document
            .getAnimations()
            .filter((a) => a.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY)
            .map((a) => a.finished),
        ),
      );
      // a notification fading in or out is checked half transparent (its text then fails the
      // contrast rule): close them all and check the page without; expectReadableNotifications
      // checks them at rest
      await dismissNotifications(tab.page);
      const elsewhere = tab.requests.filter(
        (url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url),
      );
      expect(elsewhere, name).toEqual([]);
      expect(tab.errors, name).toEqual([]);
      const violations = await seriousViolations(tab);
      expect(violations, name).toEqual([]);
      if (SCREENSHOTS && screenshot)
        await tab.page.screenshot({
          path: join(SCREENSHOTS, `${name}.png`),
          fullPage: true,
          // the page as it stands, without the notifications of what the test just did
          style: '.mantine-Notifications-root { display: none !important; }',
        });
    },
    async expectReadableNotifications(tab, name) {
      // at rest: shown, every animation done, and still fully opaque a moment later
      const opaque = () =>
        tab.page.waitForFunction(() => {
          const roots = [...document.querySelectorAll('.mantine-Notification-root')];
          return (
            roots.length > 0 &&
            document
              .getAnimations()
              .every(
                (a) =>
                  a.playState !== 'running' ||
                  a.effect?.getComputedTiming().iterations === Number.POSITIVE_INFINITY,
              ) &&
            roots.every((el) => {
              for (let e: Element | null = el; e; e = e.parentElement)
                if (getComputedStyle(e).opacity !== '1') return false;
              return true;
            })
          );
        });
      await opaque();
      await tab.page.waitForTimeout(400);
      await opaque();
      expect(await seriousViolations(tab, '.mantine-Notifications-root'), name).toEqual([]);
    },
    async signIn(tab, tenant, email, password) {
      const { page } = tab;
      await page.goto(`${origin}/admin/sign-in`);
      const { signIn } = DICTIONARIES.en;
      await page.getByLabel(signIn.tenant).fill(tenant);
      await page.getByLabel(signIn.email).fill(email);
      await page.locator('input[type="password"]').fill(password);
      await page.getByRole('button', { name: signIn.submit }).click();
    },
    async close() {
      await browser.close();
      await new Promise<void>((done) => server.close(() => done()));
      await app.close();
    },
  };
}

/**
 * Opens a section from the navbar. The notifications of what the test did before are closed
 * first: one still shown (or sliding out) sits over the bottom-right of the next page, where the
 * forms' buttons are, and can take a click meant for them.
 */
export async function navTo(page: Page, label: string) {
  await dismissNotifications(page);
  await page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click();
}

/**
 * Submits a form whose action asks first, then confirms: `submit` is clicked until the dialog named
 * `question` shows (once, unless a click was lost), then the dialog's `confirm` button. In CI on a
 * loaded machine the settings editor's Save, clicked just after its panel opened, was twice lost:
 * no question came and the test waited out its 30 s.
 */
export async function submitAndConfirm(page: Page, submit: Locator, question: string, confirm: string) {
  const dialog = page.getByRole('dialog', { name: question });
  await expect
    .poll(
      async () => {
        if (!(await dialog.isVisible())) await submit.click({ timeout: 5_000 });
        return dialog.waitFor({ timeout: 3_000 }).then(
          () => true,
          () => false,
        );
      },
      { timeout: 30_000, interval: 0 },
    )
    .toBe(true);
  await dialog.getByRole('button', { name: confirm }).click();
}

/** Closes every notification shown and waits until they are gone. */
async function dismissNotifications(page: Page) {
  await page.evaluate(() => {
    for (const b of document.querySelectorAll<HTMLButtonElement>('.mantine-Notification-root button'))
      b.click();
  });
  await page.waitForFunction(() => !document.querySelector('.mantine-Notification-root'), null, {
    timeout: 15_000,
  });
}

/** axe's serious and critical violations on the page (or only inside `include`), one line each. */
async function seriousViolations(tab: Tab, include?: string): Promise<string[]> {
  await tab.page.evaluate(AXE_SOURCE);
  return tab.page.evaluate(async (within) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page above
    const axe = (window as any).axe;
    const result = await axe.run(within ? { include: [[within]] } : document, {
      resultTypes: ['violations'],
    });
    type Node = { target: string[]; any: { message: string }[] };
    return (result.violations as { id: string; impact: string; nodes: Node[] }[])
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} [${n.any[0]?.message ?? ''}]`).join(', ')}`,
      );
  }, include ?? null);
}
