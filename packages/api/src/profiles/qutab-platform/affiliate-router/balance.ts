import { approvedAffiliateProcedure } from '../affiliate.procedures.ts';
import { balanceInput, balanceMeta, balanceOutput } from './balance.types.ts';

/** Available and on-hold commission, and whether the payout minimum is reached (the payouts service decides). */
export const balanceProcedure = approvedAffiliateProcedure
  .meta(balanceMeta)
  .input(balanceInput)
  .output(balanceOutput)
  .query(async ({ ctx }) => {
    const balance = await ctx.services.payouts.balance(ctx.scope(), ctx.auth.accountId);
    return {
      available_balance: balance.available,
      pending_commission: balance.onHold,
      minimum_payout: balance.minimumPayout,
      can_request_payout: balance.canRequestPayout,
    };
  });
