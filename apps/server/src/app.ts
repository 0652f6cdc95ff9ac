import { readFileSync } from 'node:fs';
import {
  type Logger,
  PLATFORM_API,
  PROFILES,
  profilesOf,
  type RateLimiter,
  type ReferralClickWriter,
  type Services,
} from '@komisi/api';
import { renderIndexPage, renderProfilePage, scalarBundlePath } from '@komisi/openapi-docs';
import { type Context, Hono } from 'hono';
import { tenantCors } from './cors.ts';
import { fileRoutes } from './files/file-routes.ts';
import { platformRoutes } from './platform-routes.ts';
import { referralRoutes } from './referral/referral-routes.ts';
import { requestMeta } from './request-meta.ts';
import { sandboxPayRoutes } from './sandbox-page.ts';
import { securityHeaders } from './security-headers.ts';
import { createTenantDispatcher } from './tenant-routes.ts';

export interface AppOptions {
  services: Services;
  log: Logger;
  trustProxy?: boolean;
  /** browser origins every tenant accepts (CORS), beside each tenant's `settings.allowedOrigins` */
  corsOrigins?: readonly string[];
  rateLimiter?: RateLimiter;
  /** counted referral-link clicks go here (absent: links redirect, nothing is counted) */
  referralClicks?: ReferralClickWriter;
}

/** The HTTP surface: tenants under /t/{slug} (or mapped hosts), the sandbox gateway, docs, health. */
export function createApp({
  services,
  log,
  trustProxy = false,
  corsOrigins = [],
  rateLimiter,
  referralClicks,
}: AppOptions) {
  const app = new Hono<{ Variables: { requestId: string } }>();
  const dispatch = createTenantDispatcher({ services, log, trustProxy, rateLimiter });
  let scalarBundle: string | undefined;

  app.use('*', requestMeta(log));
  app.use('*', securityHeaders({ trustProxy }));
  app.onError((err, c) => {
    log.error({ err, requestId: c.get('requestId') }, 'unhandled error');
    return c.json({ error: 'Internal server error', request_id: c.get('requestId') }, 500);
  });

  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.route('/', sandboxPayRoutes(services));
  // the platform administrators' API (outside every tenant): /platform/api/… and /platform/trpc/…
  app.route('/', platformRoutes({ services, log, trustProxy, rateLimiter }));

  app.get('/docs', (c) => c.redirect('/docs/'));
  app.get('/docs/', (c) => {
    const byProfile = new Map<string, string[]>();
    for (const t of services.tenants.all())
      for (const p of profilesOf(t)) byProfile.set(p.id, [...(byProfile.get(p.id) ?? []), t.slug]);
    return c.html(renderIndexPage(Object.values(PROFILES), byProfile, PLATFORM_API));
  });
  app.get('/docs/assets/scalar.js', (c) => {
    scalarBundle ??= readFileSync(scalarBundlePath(), 'utf8');
    c.header('cache-control', 'public, max-age=86400');
    return c.body(scalarBundle, 200, { 'content-type': 'text/javascript; charset=utf-8' });
  });
  app.get(`/docs/${PLATFORM_API.id}/`, (c) =>
    c.html(
      renderProfilePage(PLATFORM_API, `${PLATFORM_API.restPrefix}/openapi.json`, '/docs/assets/scalar.js'),
    ),
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
    return c.html(renderProfilePage(profile, spec, '/docs/assets/scalar.js'));
  });

  // CORS where the tenant is known: its /t/{tenant}/… paths, and the paths of a host mapped to it
  const tenantOfHost = (c: Context) => services.tenants.byHost(new URL(c.req.url).hostname);
  const corsOfPath = tenantCors({
    origins: corsOrigins,
    trustProxy,
    tenant: (c) => services.tenants.bySlug(c.req.param('tenant') ?? ''),
  });
  const corsOfHost = tenantCors({ origins: corsOrigins, trustProxy, tenant: tenantOfHost });
  // referral links: /t/{tenant}/r/{code} and /r/{code} on mapped hosts (before the tenant catch-alls).
  // A browser follows them as navigations, never with fetch: no CORS, so the busiest route stays lean.
  app.route('/', referralRoutes({ services, clicks: referralClicks, trustProxy }));

  app.use('/t/:tenant/*', corsOfPath);
  app.use('/files/*', corsOfHost);
  // signed links to stored files (KTP, photos): /t/{tenant}/files/{id} and /files/{id} on mapped hosts
  app.route('/', fileRoutes({ services, log }));

  app.all('/t/:tenant/*', async (c) => {
    const slug = c.req.param('tenant');
    const tenant = await services.tenants.bySlug(slug);
    if (!tenant) return c.json({ error: `Unknown tenant ${slug}` }, 404);
    const basePath = `/t/${slug}`;
    return dispatch(c, tenant, basePath, c.req.path.slice(basePath.length));
  });

  // A host mapped to a tenant serves the spec's paths at the root: https://api.example.com/api/...
  // (middleware registered here runs only for requests no route above has answered)
  app.use('*', corsOfHost);
  app.all('*', async (c) => {
    // node-server builds the request URL from the Host header, so the URL's host is the caller's host
    const tenant = await tenantOfHost(c);
    if (!tenant) return c.json({ error: 'Not found' }, 404);
    return dispatch(c, tenant, '', c.req.path);
  });

  return app;
}
