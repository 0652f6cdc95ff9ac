import type { Services, TenantRecord } from '@komisi/api';
import { type Context, Hono } from 'hono';
import { renderLandingPage } from './landing-page.ts';
import { renderTenantHome } from './tenant-home.ts';
import { tenantLinks } from './tenant-links.ts';

export interface PageRouteOptions {
  services: Services;
  /** the tenant a request's host is mapped to, if any */
  tenantOfHost: (c: Context) => Promise<TenantRecord | undefined>;
}

/** The HTML pages a person lands on: `/` (or a mapped host's tenant home) and `/t/{tenant}/`. */
export function pageRoutes({ services, tenantOfHost }: PageRouteOptions) {
  const app = new Hono();

  app.get('/', async (c) => {
    const tenant = await tenantOfHost(c);
    if (tenant) return c.html(renderTenantHome(tenant, tenantLinks(tenant, ''), true));
    return c.html(renderLandingPage(services.tenants.all()));
  });

  app.get('/t/:tenant', (c) => c.redirect(`/t/${encodeURIComponent(c.req.param('tenant'))}/`, 301));

  app.get('/t/:tenant/', async (c) => {
    const slug = c.req.param('tenant');
    const tenant = await services.tenants.bySlug(slug);
    if (!tenant) return c.json({ error: `Unknown tenant ${slug}` }, 404);
    return c.html(renderTenantHome(tenant, tenantLinks(tenant, `/t/${slug}`), false));
  });

  return app;
}
