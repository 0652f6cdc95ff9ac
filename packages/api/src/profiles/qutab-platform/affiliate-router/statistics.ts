import { affiliateDashboardProcedure, requireApproved } from '../affiliate.procedures.ts';
import { statisticsInput, statisticsMeta, statisticsOutput } from './statistics.types.ts';

/** Clicks, conversions and commission per day of a period, and their totals: one statement after the token check. */
export const statisticsProcedure = affiliateDashboardProcedure
  .meta(statisticsMeta)
  .input(statisticsInput)
  .output(statisticsOutput)
  .query(async ({ ctx, input }) => {
    const found = await ctx.services.affiliateStats.statisticsOfAccount(ctx.scope(), ctx.auth.accountId, {
      period: input.period,
      startDate: input.start_date,
      endDate: input.end_date,
    });
    requireApproved(found?.status);
    return found!.statistics;
  });
