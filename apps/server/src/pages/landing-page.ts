import { escapeHtml, type TenantRecord } from '@komisi/api';
import { code, link, page } from './page-layout.ts';
import { tenantLinks } from './tenant-links.ts';

function tenantItem(tenant: TenantRecord): string {
  const links = tenantLinks(tenant, `/t/${tenant.slug}`);
  const apps = links.apps
    .map(
      (a) =>
        `${escapeHtml(a.profile.title)}: REST ${code(a.rest)} · ${link(a.openapi, 'OpenAPI')} · ${link(a.docs, 'reference')}`,
    )
    .join('<br>');
  return `<li>${link(links.home, tenant.name)} ${code(tenant.slug)}<br><small>${apps}</small></li>`;
}

/** `/`: what this server is and where everything is (the docs, each tenant, the health check). */
export function renderLandingPage(tenants: readonly TenantRecord[]): string {
  const list = tenants.length ? `<ul>${tenants.map(tenantItem).join('\n')}</ul>` : '<p>No tenants yet.</p>';
  return page(
    'Komisi',
    `<h1>Komisi</h1>
<p>A multi-tenant backend for commerce with commissions. Each tenant runs one documented app: its REST
paths are the app's own, under ${code('/t/{tenant}/api')}; the typed SDK speaks tRPC at ${code('/t/{tenant}/trpc')}.</p>
<ul>
<li>${link('/docs/', 'API reference')}: one OpenAPI 3.1 document per app</li>
<li>${link('/health', 'Health')}: the server and its database, as JSON</li>
</ul>
<h2>Tenants</h2>
${list}`,
  );
}
