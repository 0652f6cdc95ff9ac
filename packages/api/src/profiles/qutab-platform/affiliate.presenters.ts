import type { Account } from '../../contexts/identity/account.entity.ts';
import type { Affiliate } from '../../contexts/referral-affiliates/affiliate.entity.ts';
import type {
  AffiliateCoupon,
  ReferralRow,
} from '../../contexts/referral-affiliates/commissions/affiliate-referrals.service.ts';
import type { ProgramContent } from '../../contexts/referral-affiliates/program-content.entity.ts';
import type { ApiContext } from '../../kernel/api-context.ts';
import { escapeHtml } from '../../kernel/html.ts';

export function presentAffiliateSession(
  tokens: { accessToken: string; refreshToken: string; expiresIn: number },
  affiliate: Affiliate,
  account: Pick<Account, 'email'>,
) {
  return {
    access_token: tokens.accessToken,
    token_type: 'Bearer' as const,
    expires_in: tokens.expiresIn,
    refresh_token: tokens.refreshToken,
    affiliate: {
      id: String(affiliate.id),
      first_name: affiliate.firstName,
      last_name: affiliate.lastName,
      email: account.email,
      status: affiliate.status,
      affiliate_code: affiliate.code ?? null,
    },
  };
}

/** Who an affiliate is (`affiliateContactFields`), for the affiliate's profile and the admins' views. */
export const presentAffiliateContact = (affiliate: Affiliate, email: string) => ({
  id: String(affiliate.id),
  first_name: affiliate.firstName,
  last_name: affiliate.lastName,
  email,
  whatsapp: affiliate.whatsapp,
  city: affiliate.city,
  instagram: affiliate.instagram ?? null,
  tiktok: affiliate.tiktok ?? null,
});

export function presentAffiliateProfile(
  affiliate: Affiliate,
  account: Pick<Account, 'email'>,
  photoUrl: string | null,
) {
  return {
    ...presentAffiliateContact(affiliate, account.email),
    profile_photo: photoUrl,
    affiliate_code: affiliate.code ?? null,
    joined_at: affiliate.createdAt.toISOString(),
    verification_status: affiliate.status,
  };
}

/** The affiliate's link (ReferralLinksService.referralUrl), where it redirects, and a snippet to embed it. */
export function referralLink(
  affiliate: Affiliate,
  /** the link handed out, e.g. `https://qutab.id/r/XK7mP2q` */
  url: string,
  /** where the link redirects (ReferralLinksService.targetUrl) */
  targetUrl: string,
) {
  return {
    referral_code: affiliate.code ?? '',
    referral_url: url,
    target_url: targetUrl,
    embed_code: `<a href="${escapeHtml(url)}" target="_blank" rel="noopener">Qurban bersama ${escapeHtml(`${affiliate.firstName}`)}</a>`,
    total_clicks: affiliate.totalClicks,
  };
}

export const presentMaterial = (e: ProgramContent, imageUrl: string | null) => ({
  id: String(e.id),
  title: e.title,
  image_url: imageUrl,
  size: e.size ?? null,
  platform: e.category ?? null,
  caption: e.body ?? null,
});

/** How long a material's download link works: a day (affiliates download and post the image). */
const MATERIAL_LINK_SECONDS = 86_400;

/** An uploaded material as a signed download link; an external `image_url` as it is. */
export async function materialImageUrl(
  ctx: Pick<ApiContext, 'services' | 'scope' | 'baseUrl'> & { auth: { accountId: number } },
  e: ProgramContent,
): Promise<string | null> {
  if (e.imageFile == null) return e.imageUrl ?? null;
  return ctx.services.files.signedUrl(
    ctx.scope(),
    e.imageFile,
    { accountId: ctx.auth.accountId, isAdmin: false },
    { baseUrl: ctx.baseUrl, ttlSeconds: MATERIAL_LINK_SECONDS },
  );
}

export const presentReferral = (r: ReferralRow) => ({
  id: String(r.id),
  customer_name: r.customerName,
  customer_email: r.customerEmail,
  product_name: r.productName,
  order_date: r.orderDate.toISOString(),
  order_value: r.orderValue,
  commission: r.commission,
  status: r.status,
});

export const presentCoupon = (c: AffiliateCoupon) => ({
  id: String(c.id),
  code: c.code,
  discount_type: c.discountType,
  discount_value: c.discountValue,
  valid_from: c.validFrom?.toISOString() ?? null,
  valid_until: c.validUntil?.toISOString() ?? null,
  usage_count: c.usageCount,
  usage_limit: c.usageLimit,
  is_active: c.isActive,
});
