import type { Affiliate } from '../../../contexts/referral-affiliates/affiliate.entity.ts';
import type { ApiContext } from '../../../kernel/api-context.ts';
import { presentAffiliateProfile } from '../affiliate.presenters.ts';

/** The affiliate's profile as they see it: their email, and their photo as a short-lived link. */
export async function profileOf(ctx: ApiContext & { auth: { accountId: number } }, affiliate: Affiliate) {
  const scope = ctx.scope();
  const account = await ctx.services.identity.account(scope, ctx.auth.accountId);
  const photo = await ctx.services.affiliatePhotos.profilePhotoUrl(
    scope,
    affiliate.profilePhoto ?? null,
    { accountId: ctx.auth.accountId, isAdmin: false },
    { baseUrl: ctx.baseUrl },
  );
  return presentAffiliateProfile(affiliate, account, photo);
}
