import { approvedAffiliateProcedure } from '../affiliate.procedures.ts';
import { activityInput, activityMeta, activityOutput } from './activity.types.ts';

/** The latest sales, clicks and payouts, newest first. */
export const activityProcedure = approvedAffiliateProcedure
  .meta(activityMeta)
  .input(activityInput)
  .output(activityOutput)
  .query(async ({ ctx, input }) =>
    (await ctx.services.affiliateStats.activity(ctx.scope(), ctx.affiliate.id, input.limit)).map((item) => ({
      ...item,
      created_at: item.created_at.toISOString(),
    })),
  );
