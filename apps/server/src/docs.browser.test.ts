import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { buildOpenApiDocument, PROFILES } from '@komisi/api';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWithLimits } from './header-limit.ts';
import { startTestApp, type TestApp } from './testing/test-app.ts';

// The docs site in a real browser (Debian's chromium, headless): each reference page lists every
// operation by its summary, shows the spec's examples, logs no error and loads nothing from
// another origin (fonts, scripts and the favicon all come from this server).

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** One operation per profile whose page must show a value of its example answer. */
const SAMPLES: Record<string, { method: string; path: string; value: string }> = {
  'dtehm-mobile': { method: 'post', path: '/orders/calculate-commission', value: 'John Stockist' },
  'ansania-ecommerce': { method: 'get', path: '/products/{slug}', value: 'TABLE-OAK-NAT-L' },
  'qutab-platform': { method: 'get', path: '/affiliate/referral-link', value: 'https://qutab.id/r/XK7mP2q' },
  'affiliate-marketer': { method: 'get', path: '/affiliate/stats', value: 'Ergonomic Keyboard' },
};

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'];

type Operation = {
  summary?: string;
  responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
};

/** Every operation of a profile's document, keyed `method path`. */
function operations(profileId: string): Map<string, Operation> {
  const doc = buildOpenApiDocument(PROFILES[profileId]!, 'http://127.0.0.1/api');
  return new Map(
    Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      HTTP_METHODS.flatMap((method) => {
        const op = (item as Record<string, Operation | undefined>)[method];
        return op ? [[`${method} ${path}`, op] as const] : [];
      }),
    ),
  );
}

interface Visit {
  page: Page;
  /** every request the page made */
  requests: string[];
  /** console errors and uncaught exceptions */
  errors: string[];
  /** status of each response, by URL */
  statuses: Map<string, number>;
}

let app: TestApp;
let server: ReturnType<typeof serveWithLimits>;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  app = await startTestApp();
  await new Promise<void>((resolve) => {
    server = serveWithLimits(
      { fetch: app.app.fetch, port: 0, hostname: '127.0.0.1' },
      (info: AddressInfo) => {
        origin = `http://127.0.0.1:${info.port}`;
        resolve();
      },
    );
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await app?.close();
});

async function visit(path: string): Promise<Visit> {
  const page = await browser.newPage();
  const visit: Visit = { page, requests: [], errors: [], statuses: new Map() };
  page.on('request', (request) => visit.requests.push(request.url()));
  page.on('response', (response) => visit.statuses.set(response.url(), response.status()));
  page.on('console', (message) => {
    if (message.type() === 'error') visit.errors.push(message.text());
  });
  page.on('pageerror', (error) => visit.errors.push(error.message));
  await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
  return visit;
}

/** Nothing left the server's origin: no CDN font, script, image or service call. */
function expectOnlyOwnOrigin(v: Visit) {
  const elsewhere = v.requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url));
  expect(elsewhere).toEqual([]);
}

describe('the docs site in a browser', () => {
  it('/docs/ lists every profile, with its fonts and favicon from this server', async () => {
    const v = await visit('/docs/');
    for (const profile of Object.values(PROFILES)) {
      await v.page.getByRole('link', { name: profile.title }).waitFor();
    }
    expect(v.statuses.get(`${origin}/docs/assets/favicon.svg`)).toBe(200);
    expect(v.statuses.get(`${origin}/docs/assets/fonts.css`)).toBe(200);
    expect(v.errors).toEqual([]);
    expectOnlyOwnOrigin(v);
    await v.page.close();
  });

  it.each(Object.keys(SAMPLES))('/docs/%s/ shows every operation and the spec’s examples', async (id) => {
    const v = await visit(`/docs/${id}/`);
    const { page } = v;
    const all = operations(id);
    const sample = SAMPLES[id]!;
    const sampled = all.get(`${sample.method} ${sample.path}`)!;
    // the sample's value is in the example answer the document carries
    expect(JSON.stringify(sampled.responses['200']?.content?.['application/json']?.example)).toContain(
      sample.value,
    );
    // every operation by its summary (the sidebar shows a raw path where one is missing)
    await page.getByText(sampled.summary!, { exact: true }).first().waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: the text shown, not the text of hidden nodes
    const text = await page.locator('body').innerText();
    const missing = [...all.values()].map((op) => op.summary).filter((s) => !s || !text.includes(s));
    expect(missing).toEqual([]);
    // Scalar's hosted services are not offered (they would leave this origin)
    expect(text).not.toContain('Ask AI');
    expect(text).not.toContain('Open API Client');
    // the operation's page shows its example answer
    await page.getByText(sampled.summary!, { exact: true }).first().click();
    await page.getByText(sample.value).first().waitFor({ state: 'visible' });
    // Scalar's text font is served here and used
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check('16px Inter'))).toBe(true);
    expect(v.statuses.get(`${origin}/docs/assets/favicon.svg`)).toBe(200);
    expect(v.errors).toEqual([]);
    expectOnlyOwnOrigin(v);
    await page.close();
  });

  it('the page a payment returns to shows its favicon, within its CSP', async () => {
    const v = await visit('/t/dtehm/payment-complete');
    await v.page.getByText('Thank you').waitFor();
    await v.page.waitForTimeout(200);
    expect(v.errors).toEqual([]);
    expectOnlyOwnOrigin(v);
    await v.page.close();
  });
});
