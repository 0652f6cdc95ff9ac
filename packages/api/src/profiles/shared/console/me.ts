import { CURRENCY_MINOR_DIGITS, type CurrencyCode } from '@komisi/domain';
import { adminProcedure } from '../../../kernel/trpc.ts';
import { meInput, meMeta, meOutput } from './me.types.ts';

/** How the console formats dates and money for a tenant of this currency: its country's first, then English. */
const LOCALES: Record<CurrencyCode, string[]> = {
  IDR: ['id-ID', 'en-US'],
  UGX: ['en-UG', 'en-US'],
  USD: ['en-US'],
};

export const meProcedure = adminProcedure
  .meta(meMeta)
  .input(meInput)
  .output(meOutput)
  .query(async ({ ctx }) => {
    const account = await ctx.services.identity.account(ctx.scope(), ctx.auth.accountId);
    const tenant = ctx.tenant;
    const apps = ctx.services.tenantApps.console(tenant);
    return {
      account: { id: account.id, name: account.name, email: account.email },
      roles: [...account.roles],
      tenant: {
        slug: tenant.slug,
        name: tenant.name,
        profile: tenant.profile,
        profiles: ctx.services.tenantApps.profileIds(tenant),
        currency: tenant.currency,
        currencyDigits: CURRENCY_MINOR_DIGITS[tenant.currency],
        timeZone: tenant.timeZone,
        locales: LOCALES[tenant.currency],
      },
      sections: [...apps.sections],
      dashboardMetrics: [...apps.dashboard],
    };
  });
