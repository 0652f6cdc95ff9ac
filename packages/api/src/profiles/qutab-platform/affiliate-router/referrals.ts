import { presentReferral } from '../affiliate.presenters.ts';
import { approvedAffiliateProcedure } from '../affiliate.procedures.ts';
import { presentPagination } from '../qutab.presenters.ts';
import { referralsInput, referralsMeta, referralsOutput } from './referrals.types.ts';

/** The referred customers (masked), newest first, optionally of one status. */
export const referralsProcedure = approvedAffiliateProcedure
  .meta(referralsMeta)
  .input(referralsInput)
  .output(referralsOutput)
  .query(async ({ ctx, input }) => {
    const { referrals, window } = await ctx.services.affiliateReferrals.referrals(
      ctx.scope(),
      ctx.affiliate.id,
      input,
    );
    return { referrals: referrals.map(presentReferral), pagination: presentPagination(window) };
  });
