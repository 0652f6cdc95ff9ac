import { IconBuildingStore } from '@tabler/icons-react';
import { Outlet } from '@tanstack/react-router';
import { platformClientOf } from '../api/clients.ts';
import { queryClient } from '../api/query-client.ts';
import { platform } from '../api/trpc.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session/session-store.ts';
import { ConsoleShell } from './ConsoleShell.tsx';

/** The platform administrators' console: every tenant, their profiles and settings. */
export function PlatformLayout() {
  const session = useSession();
  const { t } = useI18n();
  if (session?.kind !== 'platform') return null;
  return (
    <platform.TRPCProvider trpcClient={platformClientOf()} queryClient={queryClient}>
      <ConsoleShell
        heading={t.app.platform}
        account={session.email}
        nav={[{ to: '/platform/tenants', label: t.nav.tenants, icon: IconBuildingStore }]}
        signInPath="/platform/sign-in"
      >
        <Outlet />
      </ConsoleShell>
    </platform.TRPCProvider>
  );
}
