import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@komisi/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

// The server's side of the admin console: its built files at /admin/ (hashed assets kept, the page
// revalidated, client routes answered with the page, a clear 503 without a build) and its CSP.

let platform: TestApp;
let built: string;
let withBuild: ReturnType<typeof createApp>;
let withoutBuild: ReturnType<typeof createApp>;
const INDEX =
  '<!doctype html><html><head><script type="module" src="/admin/assets/index-abc123.js"></script></head></html>';

beforeAll(async () => {
  platform = await startTestApp();
  built = mkdtempSync(join(tmpdir(), 'komisi-admin-dist-'));
  mkdirSync(join(built, 'assets'));
  writeFileSync(join(built, 'index.html'), INDEX);
  writeFileSync(join(built, 'assets', 'index-abc123.js'), 'console.log("console")');
  writeFileSync(join(built, 'assets', 'index-abc123.css'), 'body{}');
  const log = createLogger('silent');
  withBuild = createApp({ services: platform.services, log, adminDir: built });
  withoutBuild = createApp({ services: platform.services, log, adminDir: join(built, 'missing') });
});

afterAll(async () => {
  rmSync(built, { recursive: true, force: true });
  await platform?.close();
});

describe('the admin console at /admin/', () => {
  it('serves its page, revalidated, under a CSP that allows this origin only', async () => {
    const res = await withBuild.request('/admin/');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(INDEX);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:/);
  });

  it('answers the page for client routes, and sends /admin to /admin/', async () => {
    for (const path of ['/admin/sign-in', '/admin/t/sinoman/members', '/admin/platform/tenants/qutab']) {
      const res = await withBuild.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toBe(INDEX);
    }
    const bare = await withBuild.request('/admin');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/admin/');
  });

  it('keeps hashed assets a year, with their type; a missing or odd name is a 404, never the page', async () => {
    const js = await withBuild.request('/admin/assets/index-abc123.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await withBuild.request('/admin/assets/index-abc123.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    for (const path of [
      '/admin/assets/gone-000.js',
      '/admin/assets/..%2Findex.html',
      '/admin/assets/.hidden',
    ]) {
      expect((await withBuild.request(path)).status, path).toBe(404);
    }
  });

  it('without a build, says so with a 503 page', async () => {
    const res = await withoutBuild.request('/admin/');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('pnpm build');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
