import type {
  AffiliateMarketerRouter,
  AnsaniaRouter,
  ConsoleRouter,
  DtehmRouter,
  PlatformRouter,
  QutabRouter,
  SinomanRouter,
} from '@komisi/sdk';
import { createTRPCContext } from '@trpc/tanstack-react-query';

// One TanStack Query integration per router: a screen of a profile asks for its own, typed by the
// router the SDK exports. Only the signed-in tenant's provider is mounted (layout/TenantApi.tsx).
export const sinoman = createTRPCContext<SinomanRouter>();
export const qutab = createTRPCContext<QutabRouter>();
export const ansania = createTRPCContext<AnsaniaRouter>();
export const dtehm = createTRPCContext<DtehmRouter>();
/** The voucher-code affiliates' procedures, on a tenant serving that app beside its shop (ansania's). */
export const affiliateMarketer = createTRPCContext<AffiliateMarketerRouter>();
export const platform = createTRPCContext<PlatformRouter>();
/** The console's own procedures (`console.*`), the same on every tenant: the tenant-wide screens use it. */
export const consoleApi = createTRPCContext<ConsoleRouter>();
