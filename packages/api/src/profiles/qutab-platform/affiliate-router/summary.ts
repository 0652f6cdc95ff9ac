import { approvedAffiliateProcedure } from '../affiliate.procedures.ts';
import { summaryInput, summaryMeta, summaryOutput } from './summary.types.ts';

/** The dashboard's totals and balances. */
export const summaryProcedure = approvedAffiliateProcedure
  .meta(summaryMeta)
  .input(summaryInput)
  .output(summaryOutput)
  .query(({ ctx }) => ctx.services.affiliateStats.summaryOf(ctx.scope(), ctx.affiliate));
