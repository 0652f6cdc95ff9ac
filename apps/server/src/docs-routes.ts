import { readFileSync } from 'node:fs';
import { PLATFORM_API, PROFILES, profilesOf, type Services } from '@komisi/api';
import {
  FAVICON_SVG,
  FONTS_CSS,
  fontPath,
  renderIndexPage,
  renderProfilePage,
  scalarBundlePath,
} from '@komisi/openapi-docs';
import { type Context, Hono } from 'hono';

/** Where the docs pages load their script, fonts and icon from: this server, never a CDN. */
const ASSETS = '/docs/assets';
/** The assets change only with a release (pinned packages): browsers may keep them a day. */
const CACHED = 'public, max-age=86400';

/**
 * The API reference (`/docs/`, one Scalar page per profile) with everything it loads, and the
 * favicon every HTML page of the server names (`/favicon.svg`).
 */
export function docsRoutes(services: Services) {
  const app = new Hono();
  let scalarBundle: string | undefined;
  const fonts = new Map<string, Buffer>();

  const favicon = (c: Context) =>
    c.body(FAVICON_SVG, 200, { 'content-type': 'image/svg+xml', 'cache-control': CACHED });
  app.get('/favicon.svg', favicon);
  app.get(`${ASSETS}/favicon.svg`, favicon);
  // what a browser asks for by itself where a page names no icon (a JSON answer opened in a tab)
  app.get('/favicon.ico', (c) => c.redirect('/favicon.svg', 301));

  app.get('/docs', (c) => c.redirect('/docs/'));
  app.get('/docs/', (c) => {
    const byProfile = new Map<string, string[]>();
    for (const t of services.tenants.all())
      for (const p of profilesOf(t)) byProfile.set(p.id, [...(byProfile.get(p.id) ?? []), t.slug]);
    return c.html(renderIndexPage(Object.values(PROFILES), byProfile, ASSETS, PLATFORM_API));
  });
  app.get(`${ASSETS}/scalar.js`, (c) => {
    scalarBundle ??= readFileSync(scalarBundlePath(), 'utf8');
    c.header('cache-control', CACHED);
    return c.body(scalarBundle, 200, { 'content-type': 'text/javascript; charset=utf-8' });
  });
  app.get(`${ASSETS}/fonts.css`, (c) =>
    c.body(FONTS_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': CACHED }),
  );
  app.get(`${ASSETS}/fonts/:file`, (c) => {
    const file = c.req.param('file');
    const path = fontPath(file);
    if (!path) return c.notFound();
    if (!fonts.has(file)) fonts.set(file, readFileSync(path));
    return c.body(new Uint8Array(fonts.get(file)!), 200, {
      'content-type': 'font/woff2',
      'cache-control': CACHED,
    });
  });
  app.get(`/docs/${PLATFORM_API.id}/`, (c) =>
    c.html(renderProfilePage(PLATFORM_API, `${PLATFORM_API.restPrefix}/openapi.json`, ASSETS)),
  );
  app.get('/docs/:profile/', (c) => {
    const profile = PROFILES[c.req.param('profile')];
    if (!profile) return c.notFound();
    const main = services.tenants.all().find((t) => t.profile === profile.id);
    const extra = services.tenants.all().find((t) => profilesOf(t).some((p) => p.id === profile.id));
    const spec = main
      ? `/t/${main.slug}${profile.restPrefix}/openapi.json`
      : extra
        ? `/t/${extra.slug}${profile.restPrefix}/openapi.json?profile=${profile.id}`
        : '';
    return c.html(renderProfilePage(profile, spec, ASSETS));
  });

  return app;
}
