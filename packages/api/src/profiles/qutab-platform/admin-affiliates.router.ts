import type { TRPCRouterRecord } from '@trpc/server';
import type { Affiliate } from '../../contexts/referral-affiliates/affiliate.entity.ts';
import type { ProgramContent } from '../../contexts/referral-affiliates/program-content.entity.ts';
import type { ApiContext } from '../../kernel/api-context.ts';
import { adminProcedure } from '../../kernel/trpc.ts';
import { materialImageUrl, presentCoupon } from './affiliate.presenters.ts';
import * as a from './affiliate.schemas.ts';
import { uploaded } from './affiliate-money.router.ts';
import { presentPagination } from './qutab.presenters.ts';
import * as s from './qutab.schemas.ts';

const tags = ['Admin: affiliate programme'];

type AdminCtx = Pick<ApiContext, 'services' | 'scope' | 'baseUrl'> & { auth: { accountId: number } };

const presentAdminAffiliate = (affiliate: Affiliate, email: string) => ({
  id: String(affiliate.id),
  first_name: affiliate.firstName,
  last_name: affiliate.lastName,
  email,
  whatsapp: affiliate.whatsapp,
  city: affiliate.city,
  instagram: affiliate.instagram ?? null,
  tiktok: affiliate.tiktok ?? null,
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
async function withEmail(ctx: Pick<ApiContext, 'services' | 'scope'>, affiliate: Affiliate) {
  const account = await ctx.services.identity.account(ctx.scope(), affiliate.account);
  return presentAdminAffiliate(affiliate, account.email);
}

const presentContent = (e: ProgramContent, imageUrl: string | null) => ({
  id: String(e.id),
  kind: e.kind,
  title: e.title,
  body: e.body ?? null,
  category: e.category ?? null,
  image_url: imageUrl,
  size: e.size ?? null,
  position: e.position,
  active: e.active,
});

/** An admin's upload of a banner or graphic, stored as a `material` file. */
async function storeMaterial(ctx: AdminCtx, image: string | undefined): Promise<number | undefined> {
  if (!image) return undefined;
  const file = await ctx.services.files.storeImage(ctx.scope(), {
    ownerAccountId: ctx.auth.accountId,
    purpose: 'material',
    upload: uploaded(image, 'image'),
  });
  return file.id;
}

async function contentOf(ctx: AdminCtx, e: ProgramContent) {
  return presentContent(e, await materialImageUrl(ctx, e));
}

/** The programme's admin actions (applications, rates, coupons, content, support contact). */
export const adminAffiliatesRouter = {
  listAffiliates: adminProcedure
    .meta({
      openapi: { method: 'GET', path: '/admin/affiliates', tags, summary: 'Applications and affiliates' },
    })
    .input(a.adminAffiliateListInput)
    .output(a.adminAffiliateListOutput)
    .query(async ({ ctx, input }) => {
      const { affiliates, window } = await ctx.services.affiliateDirectory.list(ctx.scope(), input);
      return {
        affiliates: affiliates.map(({ affiliate, email }) => presentAdminAffiliate(affiliate, email)),
        pagination: presentPagination(window),
      };
    }),

  approve: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/affiliates/{id}/approve',
        tags,
        summary: 'Approve an application',
        description:
          'Assigns a unique 7-character referral code and emails the applicant. Only pending applications (409).',
      },
      errors: [409, 422],
    })
    .input(a.approveInput)
    .output(a.adminAffiliate)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const affiliate = await ctx.services.affiliateApplications.approve(
        scope,
        input.id,
        ctx.auth.accountId,
        {
          commissionRateBps: input.commission_rate_bps,
        },
      );
      return withEmail(ctx, affiliate);
    }),

  reject: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/affiliates/{id}/reject',
        tags,
        summary: 'Reject an application with a reason',
        description: 'The applicant is emailed the reason. Only pending applications (409).',
      },
      errors: [409, 422],
    })
    .input(a.rejectInput)
    .output(a.adminAffiliate)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const affiliate = await ctx.services.affiliateApplications.reject(
        scope,
        input.id,
        ctx.auth.accountId,
        input.reason,
      );
      return withEmail(ctx, affiliate);
    }),

  setRate: adminProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/admin/affiliates/{id}/commission-rate',
        tags,
        summary: "Set an affiliate's commission rate (null: the programme default)",
        description: 'Applies to orders placed from now on; recorded referrals keep their rate.',
      },
      errors: [422],
    })
    .input(a.rateInput)
    .output(a.adminAffiliate)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const affiliate = await ctx.services.affiliateDirectory.setRate(
        scope,
        input.id,
        input.commission_rate_bps,
      );
      return withEmail(ctx, affiliate);
    }),

  createCoupon: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/affiliates/{id}/coupons',
        tags,
        summary: 'Create a coupon for an affiliate',
        description: 'Orders using it are attributed to the affiliate (a coupon beats a referral link).',
      },
      successStatus: 201,
      errors: [422],
    })
    .input(a.couponInput)
    .output(a.couponOutput)
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
    }),

  listContent: adminProcedure
    .meta({
      openapi: { method: 'GET', path: '/admin/content', tags, summary: 'Materials and FAQ (inactive too)' },
    })
    .input(a.contentListInput)
    .output(a.contentOutput.array())
    .query(async ({ ctx, input }) =>
      Promise.all(
        (
          await ctx.services.programContent.list(
            ctx.scope(),
            input.kind ? [input.kind] : ['banner', 'social_graphic', 'faq'],
            { includeInactive: true },
          )
        ).map((e) => contentOf(ctx, e)),
      ),
    ),

  createContent: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/content',
        tags,
        summary: 'Publish a banner, social graphic or FAQ entry',
      },
      successStatus: 201,
      uploads: ['image'],
      errors: [422],
    })
    .input(a.createContentInput)
    .output(a.contentOutput)
    .mutation(async ({ ctx, input }) =>
      contentOf(
        ctx,
        await ctx.services.programContent.create(ctx.scope(), {
          kind: input.kind,
          title: input.title,
          body: input.body,
          category: input.category,
          imageUrl: input.image_url,
          imageFile: await storeMaterial(ctx, input.image),
          size: input.size,
          position: input.position,
          active: input.active,
        }),
      ),
    ),

  updateContent: adminProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/admin/content/{id}',
        tags,
        summary: 'Edit, reorder or retire content',
      },
      uploads: ['image'],
      errors: [422],
    })
    .input(a.updateContentInput)
    .output(a.contentOutput)
    .mutation(async ({ ctx, input }) =>
      contentOf(
        ctx,
        await ctx.services.programContent.update(ctx.scope(), input.id, {
          title: input.title,
          body: input.body,
          category: input.category,
          imageUrl: input.image_url,
          imageFile: await storeMaterial(ctx, input.image),
          size: input.size,
          position: input.position,
          active: input.active,
        }),
      ),
    ),

  deleteContent: adminProcedure
    .meta({ openapi: { method: 'DELETE', path: '/admin/content/{id}', tags, summary: 'Delete content' } })
    .input(a.contentIdInput)
    .output(s.messageOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.programContent.remove(ctx.scope(), input.id);
      return { message: 'Deleted' };
    }),

  setSupportContact: adminProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/admin/support-contact',
        tags,
        summary: "Set the affiliates' support contact",
      },
      errors: [422],
    })
    .input(a.supportContactInput)
    .output(a.supportContactOutput)
    .mutation(async ({ ctx, input }) => {
      const tenant = await ctx.services.tenants.updateSetting(ctx.tenant.id, 'affiliateSupport', {
        whatsapp: input.whatsapp,
        email: input.email,
        responseTime: input.response_time,
      });
      const support = tenant.settings.affiliateSupport!;
      return { whatsapp: support.whatsapp, email: support.email, response_time: support.responseTime };
    }),
} satisfies TRPCRouterRecord;
