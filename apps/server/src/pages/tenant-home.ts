import { escapeHtml, type TenantRecord } from '@komisi/api';
import { code, link, page } from './page-layout.ts';
import type { TenantLinks } from './tenant-links.ts';

/**
 * `/t/{tenant}/` (or `/` on a host mapped to the tenant): the tenant's name, the apps it runs and
 * where their APIs are. Referral links land here unless the programme names another target.
 */
export function renderTenantHome(tenant: TenantRecord, links: TenantLinks, onMappedHost: boolean): string {
  const apps = links.apps
    .map(
      (a) => `<h2>${escapeHtml(a.profile.title)}</h2>
<p>${escapeHtml(a.profile.description)}</p>
<ul>
<li>REST base: ${code(a.rest)}</li>
<li>${link(a.openapi, 'OpenAPI document')}</li>
<li>${link(a.docs, 'API reference')}</li>
</ul>`,
    )
    .join('\n');
  const around = [
    ...(onMappedHost ? [] : [link('/', 'All tenants')]),
    link('/docs/', 'API docs'),
    link('/health', 'Health'),
  ];
  return page(
    tenant.name,
    `<h1>${escapeHtml(tenant.name)}</h1>
<p>Tenant ${code(tenant.slug)}; the typed SDK speaks tRPC at ${code(links.trpc)}.</p>
${apps}
<p>${around.join(' · ')}</p>`,
  );
}
