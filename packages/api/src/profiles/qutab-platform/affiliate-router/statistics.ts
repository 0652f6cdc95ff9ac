import { approvedAffiliateProcedure } from '../affiliate.procedures.ts';
import { statisticsInput, statisticsMeta, statisticsOutput } from './statistics.types.ts';

/** Clicks, conversions and commission per day of a period, and their totals. */
export const statisticsProcedure = approvedAffiliateProcedure
  .meta(statisticsMeta)
  .input(statisticsInput)
  .output(statisticsOutput)
  .query(({ ctx, input }) =>
    ctx.services.affiliateStats.statistics(ctx.scope(), ctx.affiliate.id, {
      period: input.period,
      startDate: input.start_date,
      endDate: input.end_date,
    }),
  );
