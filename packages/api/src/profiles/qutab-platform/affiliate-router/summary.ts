import { affiliateDashboardProcedure, requireApproved } from '../affiliate.procedures.ts';
import { summaryInput, summaryMeta, summaryOutput } from './summary.types.ts';

/** The dashboard's totals and balances: one statement after the token check. */
export const summaryProcedure = affiliateDashboardProcedure
  .meta(summaryMeta)
  .input(summaryInput)
  .output(summaryOutput)
  .query(async ({ ctx }) => {
    const found = await ctx.services.affiliateStats.summaryOfAccount(ctx.scope(), ctx.auth.accountId);
    requireApproved(found?.status);
    return found!.summary;
  });
