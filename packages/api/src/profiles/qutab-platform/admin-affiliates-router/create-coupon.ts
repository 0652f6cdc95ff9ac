import { adminProcedure } from '../../../kernel/trpc.ts';
import { presentCoupon } from '../affiliate.presenters.ts';
import { createCouponInput, createCouponMeta, createCouponOutput } from './create-coupon.types.ts';

/** A coupon whose orders are attributed to the affiliate. */
export const createCouponProcedure = adminProcedure
  .meta(createCouponMeta)
  .input(createCouponInput)
  .output(createCouponOutput)
  .mutation(async ({ ctx, input }) => {
    const scope = ctx.scope();
    const date = (v: string | null | undefined) => (v ? new Date(v) : null);
    const voucher = await ctx.services.affiliateDirectory.createCoupon(scope, input.id, {
      code: input.code,
      name: input.name ?? undefined,
      discountType: input.discount_type,
      discountValue: input.discount_value,
      maxDiscount: input.max_discount,
      minPurchase: input.min_purchase,
      validFrom: date(input.valid_from),
      validUntil: date(input.valid_until),
      usageLimit: input.usage_limit,
      perCustomerLimit: input.per_customer_limit,
    });
    const coupons = await ctx.services.affiliateReferrals.coupons(scope, voucher.affiliate!);
    return presentCoupon(coupons.find((c) => c.id === voucher.id)!);
  });
