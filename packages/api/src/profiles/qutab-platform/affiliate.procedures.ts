import { DomainError, isDomainError } from '@komisi/domain';
import type { AffiliateStatus } from '../../contexts/referral-affiliates/affiliate.entity.ts';
import { authedProcedure } from '../../kernel/trpc.ts';

/** A customer-only account (no affiliate application): 403. */
function notAnAffiliate(): DomainError {
  return new DomainError('FORBIDDEN', 'This account is not an affiliate', {
    details: { code: 'AFFILIATE_NOT_FOUND' },
  });
}

/**
 * The dashboard's data exists only from approval on: 403 for an account without an application
 * (undefined) or with one not approved. For procedures that read the affiliate's status themselves,
 * in the statement that reads their data (see `affiliateDashboardProcedure`).
 */
export function requireApproved(status: AffiliateStatus | undefined): void {
  if (status === undefined) throw notAnAffiliate();
  if (status !== 'approved') {
    throw new DomainError('FORBIDDEN', `Your affiliate application is ${status}`, {
      details: { code: 'AFFILIATE_NOT_APPROVED' },
    });
  }
}

/** Signed in with an affiliate application (any status): a customer-only account gets 403. */
export const affiliateProcedure = authedProcedure.use(async ({ ctx, next }) => {
  const affiliate = await ctx.services.affiliateApplications
    .byAccount(ctx.scope(), ctx.auth.accountId)
    .catch((e: unknown) => {
      if (isDomainError(e) && e.code === 'NOT_FOUND') throw notAnAffiliate();
      throw e;
    });
  return next({ ctx: { affiliate } });
});

/** An approved affiliate: the dashboard's data exists only from approval on. */
export const approvedAffiliateProcedure = affiliateProcedure.use(async ({ ctx, next }) => {
  requireApproved(ctx.affiliate.status);
  return next();
});

/**
 * The dashboard's hot reads (summary, statistics): signed in; the procedure reads the account's
 * affiliate status in the same statement as its numbers and calls `requireApproved`, instead of
 * loading the affiliate entity first (one round trip and one entity fewer per call).
 */
export const affiliateDashboardProcedure = authedProcedure;
