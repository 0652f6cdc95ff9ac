import type { Logger, RateLimiter, ReferralClickWriter, Services } from '@komisi/api';
import { type Context, Hono } from 'hono';
import { adminRoutes } from './admin/admin-routes.ts';
import { tenantCors } from './cors.ts';
import { docsRoutes } from './docs-routes.ts';
import { fileRoutes } from './files/file-routes.ts';
import { healthRoutes } from './health.ts';
import { pageRoutes } from './pages/page-routes.ts';
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
  /** the admin console's built files (default: apps/admin/dist) */
  adminDir?: string;
}

/** The HTTP surface: tenants under /t/{slug} (or mapped hosts), the sandbox gateway, docs, health, pages. */
export function createApp({
  services,
  log,
  trustProxy = false,
  corsOrigins = [],
  rateLimiter,
  referralClicks,
  adminDir,
}: AppOptions) {
  const app = new Hono<{ Variables: { requestId: string } }>();
  const dispatch = createTenantDispatcher({ services, log, trustProxy, rateLimiter });

  // referral links: /t/{tenant}/r/{code} and /r/{code} on mapped hosts. The busiest route, answered
  // ahead of the middlewares below (it does their work itself: lean-route.ts). A browser follows
  // them as navigations, never with fetch: no CORS.
  app.route('/', referralRoutes({ services, clicks: referralClicks, trustProxy, log }));

  app.use('*', requestMeta(log));
  app.use('*', securityHeaders({ trustProxy }));
  app.onError((err, c) => {
    log.error({ err, requestId: c.get('requestId') }, 'unhandled error');
    return c.json({ error: 'Internal server error', request_id: c.get('requestId') }, 500);
  });

  app.route(
    '/',
    healthRoutes(() => services.orm.em.fork().getConnection().execute('select 1')),
  );
  app.route('/', sandboxPayRoutes(services));
  // the platform administrators' API (outside every tenant): /platform/api/… and /platform/trpc/…
  app.route('/', platformRoutes({ services, log, trustProxy, rateLimiter }));
  // the API reference, its assets and the favicon
  app.route('/', docsRoutes(services));
  // the admin console (its built files at /admin/)
  app.route('/', adminRoutes(adminDir ? { dir: adminDir } : {}));

  // CORS where the tenant is known: its /t/{tenant}/… paths, and the paths of a host mapped to it
  const tenantOfHost = (c: Context) => services.tenants.byHost(new URL(c.req.url).hostname);
  const corsOfPath = tenantCors({
    origins: corsOrigins,
    trustProxy,
    tenant: (c) => services.tenants.bySlug(c.req.param('tenant') ?? ''),
  });
  const corsOfHost = tenantCors({ origins: corsOrigins, trustProxy, tenant: tenantOfHost });
  // the landing page `/` (a mapped host's tenant home) and each tenant's home `/t/{tenant}/`
  app.route('/', pageRoutes({ services, tenantOfHost }));
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
