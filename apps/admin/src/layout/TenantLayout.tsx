import { Outlet } from '@tanstack/react-router';
import { useEffect } from 'react';
import { tenantClientOf } from '../api/clients.ts';
import { rememberCurrencyDigits } from '../i18n/format.ts';
import { tenantLanguage, useI18n } from '../i18n/i18n.tsx';
import type { ManagedProfile } from '../profiles.ts';
import { sectionsFor } from '../sections.tsx';
import { type Session, useSession } from '../session/session-store.ts';
import { ConsoleShell } from './ConsoleShell.tsx';
import { TenantApi } from './TenantApi.tsx';
import { TenantContext } from './tenant-context.ts';

/** A tenant's console: its sections in the navbar, its profile's API around the page. */
export function TenantLayout() {
  const session = useSession();
  const { t, suggestLanguage } = useI18n();
  const tenant = session?.kind === 'tenant' ? session.tenant : null;
  // money is formatted with the digits the API gives for the tenant's currency, from the first render
  if (tenant) rememberCurrencyDigits(tenant.currency, tenant.currencyDigits);
  useEffect(() => {
    if (tenant) suggestLanguage(tenantLanguage(tenant.locales));
  }, [tenant, suggestLanguage]);
  // the route's guard signed nobody else in; after a sign-out the page is about to leave
  if (session?.kind !== 'tenant' || !tenant) return null;
  const base = `/t/${tenant.slug}`;
  const nav = sectionsFor(tenant.profile as ManagedProfile, tenant.sections).map((s) => ({
    to: `${base}/${s.id}`,
    label: s.label(t),
    icon: s.icon,
  }));
  return (
    <TenantContext.Provider value={tenant}>
      <TenantApi tenant={tenantClientOf(session as Extract<Session, { kind: 'tenant' }>)}>
        <ConsoleShell heading={tenant.name} account={session.email} nav={nav} signInPath="/sign-in">
          <Outlet />
        </ConsoleShell>
      </TenantApi>
    </TenantContext.Provider>
  );
}
