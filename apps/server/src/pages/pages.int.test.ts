import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

// The pages a person opens in a browser: the landing page, each tenant's home, and where a
// referral link with the default target lands.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ env: { KOMISI_TENANT_HOSTS: 'qurban.example=qutab' } });
});
afterAll(async () => {
  await app.close();
});

const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

async function html(url: string) {
  const res = await app.app.request(url);
  return { res, text: await res.text() };
}

/** The same headers as the API reference pages. */
async function expectDocsHeaders(res: Response) {
  const docs = await app.app.request('/docs/');
  for (const h of [
    'content-security-policy',
    'x-frame-options',
    'referrer-policy',
    'x-content-type-options',
  ]) {
    expect(res.headers.get(h), h).toBe(docs.headers.get(h));
  }
}

describe('GET /', () => {
  it('links the docs, the health check and each tenant with its API base and OpenAPI documents', async () => {
    const { res, text } = await html('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    await expectDocsHeaders(res);
    for (const href of [
      '/docs/',
      '/health',
      '/t/dtehm/',
      '/t/dtehm/api/openapi.json',
      '/docs/dtehm-mobile/',
      '/t/qutab/',
      '/t/ansania/api/openapi.json?profile=affiliate-marketer',
    ]) {
      expect(text).toContain(`href="${href}"`);
    }
    expect(text).toContain('<code>/t/ansania/api</code>');
  });
});

describe('GET /t/{tenant}/', () => {
  it("is the tenant's home: its name, its apps, their API base, OpenAPI document and reference", async () => {
    const { res, text } = await html('/t/qutab/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    await expectDocsHeaders(res);
    expect(text).toContain('<h1>Qutab</h1>');
    expect(text).toContain('Qutab Platform API');
    expect(text).toContain('<code>/t/qutab/api</code>');
    expect(text).toContain('href="/t/qutab/api/openapi.json"');
    expect(text).toContain('href="/docs/qutab-platform/"');
    expect(text).toContain('href="/"');
  });

  it('redirects the path without its slash, and answers 404 for an unknown tenant', async () => {
    const bare = await app.app.request('/t/qutab');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/t/qutab/');
    expect((await app.app.request('/t/nobody/')).status).toBe(404);
  });

  it('is the root of a host mapped to the tenant, with links on that host', async () => {
    const { res, text } = await html('https://qurban.example/');
    expect(res.status).toBe(200);
    expect(text).toContain('<h1>Qutab</h1>');
    expect(text).toContain('href="/api/openapi.json"');
    expect(text).not.toContain('All tenants');
  });
});

describe('a referral link with the default target', () => {
  async function follow(url: string) {
    const link = await app.app.request(url, { headers: { 'user-agent': CHROME } });
    expect(link.status).toBe(302);
    const target = new URL(link.headers.get('location')!);
    return { target, landing: await app.app.request(target.href) };
  }

  it("lands on the tenant's home page, a 200 HTML page", async () => {
    const [affiliate] = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ code: string }[]>(
        `select a.code from affiliate a join tenant t on t.id = a.tenant_id
         where t.slug = 'qutab' and a.status = 'approved' limit 1`,
      );
    const { target, landing } = await follow(`/t/qutab/r/${affiliate!.code}?utm_source=wa`);
    expect(target.pathname).toBe('/t/qutab/');
    expect(landing.status).toBe(200);
    expect(landing.headers.get('content-type')).toContain('text/html');
    expect(await landing.text()).toContain('<h1>Qutab</h1>');
  });

  it('lands on the home page on a mapped host too', async () => {
    const { target, landing } = await follow('https://qurban.example/r/ANYCODE');
    expect(target.href).toBe('https://qurban.example/');
    expect(landing.status).toBe(200);
    expect(landing.headers.get('content-type')).toContain('text/html');
  });
});

describe('GET /health', () => {
  it('reports the server and its database', async () => {
    const res = await app.app.request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
  });
});
