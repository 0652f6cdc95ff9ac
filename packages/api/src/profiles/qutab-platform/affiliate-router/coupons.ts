import { presentCoupon } from '../affiliate.presenters.ts';
import { approvedAffiliateProcedure } from '../affiliate.procedures.ts';
import { couponsInput, couponsMeta, couponsOutput } from './coupons.types.ts';

/** The coupons that attribute orders to the affiliate. */
export const couponsProcedure = approvedAffiliateProcedure
  .meta(couponsMeta)
  .input(couponsInput)
  .output(couponsOutput)
  .query(async ({ ctx }) =>
    (await ctx.services.affiliateReferrals.coupons(ctx.scope(), ctx.auth.accountId)).map(presentCoupon),
  );
