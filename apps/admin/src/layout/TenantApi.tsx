import type { AffiliateMarketerRouter, ConsoleRouter } from '@komisi/sdk';
import type { TRPCClient } from '@trpc/client';
import type { ReactNode } from 'react';
import type { TenantClient } from '../api/clients.ts';
import { queryClient } from '../api/query-client.ts';
import { affiliateMarketer, ansania, consoleApi, dtehm, qutab, sinoman } from '../api/trpc.ts';
import { PROFILES } from '../profiles.ts';

/**
 * Mounts the typed tRPC integrations around a tenant's screens: the console's (the same procedures
 * on every tenant) and its profile's, both on the tenant's one client.
 */
export function TenantApi({ tenant, children }: { tenant: TenantClient; children: ReactNode }) {
  // every profile's router has `console`: the same client serves it, typed by the console's router
  const console = tenant.client as unknown as TRPCClient<ConsoleRouter>;
  return (
    <consoleApi.TRPCProvider trpcClient={console} queryClient={queryClient}>
      <ProfileApi tenant={tenant}>{children}</ProfileApi>
    </consoleApi.TRPCProvider>
  );
}

function ProfileApi({ tenant, children }: { tenant: TenantClient; children: ReactNode }) {
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
          {/* the shop's tenant serves the voucher-code affiliates' procedures too (`admin.*Affiliate*`) */}
          <affiliateMarketer.TRPCProvider
            trpcClient={tenant.client as unknown as TRPCClient<AffiliateMarketerRouter>}
            queryClient={queryClient}
          >
            {children}
          </affiliateMarketer.TRPCProvider>
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
