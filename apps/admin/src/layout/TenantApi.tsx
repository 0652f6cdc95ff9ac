import type { ReactNode } from 'react';
import type { TenantClient } from '../api/clients.ts';
import { queryClient } from '../api/query-client.ts';
import { ansania, dtehm, qutab, sinoman } from '../api/trpc.ts';
import { PROFILES } from '../profiles.ts';

/** Mounts the typed tRPC integration of the tenant's profile around its screens. */
export function TenantApi({ tenant, children }: { tenant: TenantClient; children: ReactNode }) {
  switch (tenant.profile) {
    case PROFILES.sinoman:
      return (
        <sinoman.TRPCProvider trpcClient={tenant.client} queryClient={queryClient}>
          {children}
        </sinoman.TRPCProvider>
      );
    case PROFILES.qutab:
      return (
        <qutab.TRPCProvider trpcClient={tenant.client} queryClient={queryClient}>
          {children}
        </qutab.TRPCProvider>
      );
    case PROFILES.ansania:
      return (
        <ansania.TRPCProvider trpcClient={tenant.client} queryClient={queryClient}>
          {children}
        </ansania.TRPCProvider>
      );
    case PROFILES.dtehm:
      return (
        <dtehm.TRPCProvider trpcClient={tenant.client} queryClient={queryClient}>
          {children}
        </dtehm.TRPCProvider>
      );
  }
}
