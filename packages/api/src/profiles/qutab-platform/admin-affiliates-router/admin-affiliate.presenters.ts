import type { Affiliate } from '../../../contexts/referral-affiliates/affiliate.entity.ts';
import type { ApiContext } from '../../../kernel/api-context.ts';
import { presentAffiliateContact } from '../affiliate.presenters.ts';

export const presentAdminAffiliate = (affiliate: Affiliate, email: string) => ({
  ...presentAffiliateContact(affiliate, email),
  youtube: affiliate.youtube ?? null,
  facebook: affiliate.facebook ?? null,
  primary_platform: affiliate.primaryPlatform,
  reason: affiliate.reason,
  status: affiliate.status,
  rejection_reason: affiliate.rejectionReason ?? null,
  affiliate_code: affiliate.code ?? null,
  commission_rate_bps: affiliate.commissionRateBps ?? null,
  total_clicks: affiliate.totalClicks,
  total_conversions: affiliate.totalConversions,
  total_commission: affiliate.totalCommission,
  applied_at: affiliate.createdAt.toISOString(),
  approved_at: affiliate.approvedAt?.toISOString() ?? null,
});

/** An affiliate as the admin endpoints answer it, with its account's email. */
export async function withEmail(ctx: Pick<ApiContext, 'services' | 'scope'>, affiliate: Affiliate) {
  const account = await ctx.services.identity.account(ctx.scope(), affiliate.account);
  return presentAdminAffiliate(affiliate, account.email);
}
