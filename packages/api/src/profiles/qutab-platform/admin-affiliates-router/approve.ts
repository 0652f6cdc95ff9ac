import { adminProcedure } from '../../../kernel/trpc.ts';
import { withEmail } from './admin-affiliate.presenters.ts';
import { approveInput, approveMeta, approveOutput } from './approve.types.ts';

/** Approves a pending application, optionally with the affiliate's own rate. */
export const approveProcedure = adminProcedure
  .meta(approveMeta)
  .input(approveInput)
  .output(approveOutput)
  .mutation(async ({ ctx, input }) => {
    const scope = ctx.scope();
    const affiliate = await ctx.services.affiliateApplications.approve(scope, input.id, ctx.auth.accountId, {
      commissionRateBps: input.commission_rate_bps,
    });
    return withEmail(ctx, affiliate);
  });
