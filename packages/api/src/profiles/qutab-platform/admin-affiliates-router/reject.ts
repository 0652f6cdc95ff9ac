import { adminProcedure } from '../../../kernel/trpc.ts';
import { withEmail } from './admin-affiliate.presenters.ts';
import { rejectInput, rejectMeta, rejectOutput } from './reject.types.ts';

/** Rejects a pending application with a reason the applicant is told. */
export const rejectProcedure = adminProcedure
  .meta(rejectMeta)
  .input(rejectInput)
  .output(rejectOutput)
  .mutation(async ({ ctx, input }) => {
    const scope = ctx.scope();
    const affiliate = await ctx.services.affiliateApplications.reject(
      scope,
      input.id,
      ctx.auth.accountId,
      input.reason,
    );
    return withEmail(ctx, affiliate);
  });
