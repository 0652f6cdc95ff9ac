import { adminProcedure } from '../../../kernel/trpc.ts';
import { presentPagination } from '../qutab.presenters.ts';
import { presentAdminAffiliate } from './admin-affiliate.presenters.ts';
import { listAffiliatesInput, listAffiliatesMeta, listAffiliatesOutput } from './list-affiliates.types.ts';

/** Applications and affiliates, newest first, optionally of one status. */
export const listAffiliatesProcedure = adminProcedure
  .meta(listAffiliatesMeta)
  .input(listAffiliatesInput)
  .output(listAffiliatesOutput)
  .query(async ({ ctx, input }) => {
    const { affiliates, window } = await ctx.services.affiliateDirectory.list(ctx.scope(), input);
    return {
      affiliates: affiliates.map(({ affiliate, email }) => presentAdminAffiliate(affiliate, email)),
      pagination: presentPagination(window),
    };
  });
