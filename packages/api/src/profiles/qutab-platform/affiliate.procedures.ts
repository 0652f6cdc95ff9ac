import { DomainError, isDomainError } from '@komisi/domain';
import { authedProcedure } from '../../kernel/trpc.ts';

/** Signed in with an affiliate application (any status): a customer-only account gets 403. */
export const affiliateProcedure = authedProcedure.use(async ({ ctx, next }) => {
  const affiliate = await ctx.services.affiliateApplications
    .byAccount(ctx.scope(), ctx.auth.accountId)
    .catch((e: unknown) => {
      if (isDomainError(e) && e.code === 'NOT_FOUND') {
        throw new DomainError('FORBIDDEN', 'This account is not an affiliate', {
          details: { code: 'AFFILIATE_NOT_FOUND' },
        });
      }
      throw e;
    });
  return next({ ctx: { affiliate } });
});

/** An approved affiliate: the dashboard's data exists only from approval on. */
export const approvedAffiliateProcedure = affiliateProcedure.use(async ({ ctx, next }) => {
  if (ctx.affiliate.status !== 'approved') {
    throw new DomainError('FORBIDDEN', `Your affiliate application is ${ctx.affiliate.status}`, {
      details: { code: 'AFFILIATE_NOT_APPROVED' },
    });
  }
  return next();
});
