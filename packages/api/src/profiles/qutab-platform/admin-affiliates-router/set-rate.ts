import { adminProcedure } from '../../../kernel/trpc.ts';
import { withEmail } from './admin-affiliate.presenters.ts';
import { setRateInput, setRateMeta, setRateOutput } from './set-rate.types.ts';

/** The affiliate's own commission rate, or null for the programme default. */
export const setRateProcedure = adminProcedure
  .meta(setRateMeta)
  .input(setRateInput)
  .output(setRateOutput)
  .mutation(async ({ ctx, input }) => {
    const scope = ctx.scope();
    const affiliate = await ctx.services.affiliateDirectory.setRate(
      scope,
      input.id,
      input.commission_rate_bps,
    );
    return withEmail(ctx, affiliate);
  });
