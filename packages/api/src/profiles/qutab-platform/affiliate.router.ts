import { DomainError } from '@komisi/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import type { Affiliate } from '../../contexts/referral-affiliates/affiliate.entity.ts';
import type { ApiContext } from '../../kernel/api-context.ts';
import { credentialProcedure, publicProcedure } from '../../kernel/trpc.ts';
import {
  materialImageUrl,
  presentAffiliateProfile,
  presentAffiliateSession,
  presentCoupon,
  presentMaterial,
  presentReferral,
  referralLink,
} from './affiliate.presenters.ts';
import { affiliateProcedure, approvedAffiliateProcedure } from './affiliate.procedures.ts';
import * as a from './affiliate.schemas.ts';
import { uploaded } from './affiliate-money.router.ts';
import { changePassword } from './profile.router.ts';
import { presentPagination } from './qutab.presenters.ts';
import * as s from './qutab.schemas.ts';

const tags = ['Affiliate'];

/** The affiliate's profile as they see it: their email, and their photo as a short-lived link. */
async function profileOf(ctx: ApiContext & { auth: { accountId: number } }, affiliate: Affiliate) {
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

export const affiliateAuthRouter = {
  register: publicProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/affiliate/auth/register',
        tags,
        protect: false,
        summary: 'Submit affiliate application',
        description:
          'Creates the application (pending) and signs the applicant in, so they can follow its status. ' +
          'An email that already has an account (a customer) applies with that account’s password.',
      },
      successStatus: 201,
      message: 'Application submitted',
      errors: [401, 409, 422],
    })
    .input(a.affiliateRegisterInput)
    .output(a.affiliateSessionOutput)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const { affiliate, account } = await ctx.services.affiliateApplications.apply(
        scope,
        {
          firstName: input.first_name,
          lastName: input.last_name,
          email: input.email,
          password: input.password,
          whatsapp: input.whatsapp,
          city: input.city,
          instagram: input.instagram,
          tiktok: input.tiktok,
          youtube: input.youtube,
          facebook: input.facebook,
          primaryPlatform: input.primary_platform,
          reason: input.reason,
        },
        ctx.ip,
      );
      const tokens = await ctx.services.identity.issueTokens(scope, account);
      return presentAffiliateSession(tokens, affiliate, account);
    }),

  login: credentialProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/affiliate/auth/login',
        tags,
        protect: false,
        summary: 'Authenticate affiliate',
      },
      message: 'Login successful',
      errors: [401, 403, 429],
    })
    .input(a.affiliateLoginInput)
    .output(a.affiliateSessionOutput)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const account = await ctx.services.identity.login(scope, input.email, input.password, ctx.ip);
      const affiliate = await ctx.services.affiliateApplications.byAccount(scope, account.id).catch(() => {
        throw new DomainError('FORBIDDEN', 'This account is not an affiliate', {
          details: { code: 'AFFILIATE_NOT_FOUND' },
        });
      });
      const tokens = await ctx.services.identity.issueTokens(scope, account);
      return presentAffiliateSession(tokens, affiliate, account);
    }),

  logout: affiliateProcedure
    .meta({ openapi: { method: 'POST', path: '/affiliate/auth/logout', tags, summary: 'End session' } })
    .input(s.emptyInput)
    .output(s.messageOutput)
    .mutation(async ({ ctx }) => {
      await ctx.services.identity.logout(ctx.scope(), ctx.auth.sessionId);
      return { message: 'Logged out' };
    }),
} satisfies TRPCRouterRecord;

export const affiliateRouter = {
  status: affiliateProcedure
    .meta({
      openapi: { method: 'GET', path: '/affiliate/status', tags, summary: 'Check application status' },
    })
    .input(s.emptyInput)
    .output(a.statusOutput)
    .query(({ ctx }) => ({
      status: ctx.affiliate.status,
      rejection_reason: ctx.affiliate.status === 'rejected' ? (ctx.affiliate.rejectionReason ?? null) : null,
      approved_at: ctx.affiliate.approvedAt?.toISOString() ?? null,
      affiliate_code: ctx.affiliate.code ?? null,
    })),

  summary: approvedAffiliateProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/affiliate/dashboard/summary',
        tags,
        summary: 'Get dashboard summary stats',
      },
    })
    .input(s.emptyInput)
    .output(a.summaryOutput)
    .query(({ ctx }) => ctx.services.affiliateStats.summaryOf(ctx.scope(), ctx.affiliate)),

  activity: approvedAffiliateProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/affiliate/dashboard/activity',
        tags,
        summary: 'Get recent activity',
        description: 'Sales, clicks and payouts, newest first.',
      },
    })
    .input(a.activityInput)
    .output(a.activityOutput)
    .query(async ({ ctx, input }) =>
      (await ctx.services.affiliateStats.activity(ctx.scope(), ctx.affiliate.id, input.limit)).map(
        (item) => ({
          ...item,
          created_at: item.created_at.toISOString(),
        }),
      ),
    ),

  statistics: approvedAffiliateProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/affiliate/statistics',
        tags,
        summary: 'Get performance statistics',
        description:
          'Totals and one `chart_data` entry per day (days without activity included) in the tenant’s time zone. ' +
          '`custom` needs `start_date` and `end_date` (at most 366 days).',
      },
      errors: [422],
    })
    .input(a.statisticsInput)
    .output(a.statisticsOutput)
    .query(({ ctx, input }) =>
      ctx.services.affiliateStats.statistics(ctx.scope(), ctx.affiliate.id, {
        period: input.period,
        startDate: input.start_date,
        endDate: input.end_date,
      }),
    ),

  referralLink: approvedAffiliateProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/affiliate/referral-link',
        tags,
        summary: "Get affiliate's unique referral link",
      },
    })
    .input(s.emptyInput)
    .output(a.referralLinkOutput)
    .query(({ ctx }) =>
      referralLink(
        ctx.affiliate,
        ctx.services.referralLinks.referralUrl(ctx.tenant, ctx.baseUrl, ctx.affiliate.code ?? ''),
        ctx.services.referralLinks.targetUrl(ctx.tenant, ctx.baseUrl),
      ),
    ),

  materials: approvedAffiliateProcedure
    .meta({
      openapi: { method: 'GET', path: '/affiliate/materials', tags, summary: 'Get promotional materials' },
    })
    .input(s.emptyInput)
    .output(a.materialsOutput)
    .query(async ({ ctx }) => {
      const entries = await ctx.services.programContent.list(ctx.scope(), ['banner', 'social_graphic']);
      const present = (kind: string) =>
        Promise.all(
          entries
            .filter((e) => e.kind === kind)
            .map(async (e) => presentMaterial(e, await materialImageUrl(ctx, e))),
        );
      return { banners: await present('banner'), social_graphics: await present('social_graphic') };
    }),

  balance: approvedAffiliateProcedure
    .meta({ openapi: { method: 'GET', path: '/affiliate/balance', tags, summary: 'Get current balance' } })
    .input(s.emptyInput)
    .output(a.balanceOutput)
    .query(async ({ ctx }) => {
      const balance = await ctx.services.payouts.balance(ctx.scope(), ctx.auth.accountId);
      return {
        available_balance: balance.available,
        pending_commission: balance.onHold,
        minimum_payout: balance.minimumPayout,
        can_request_payout: balance.canRequestPayout,
      };
    }),

  referrals: approvedAffiliateProcedure
    .meta({
      openapi: { method: 'GET', path: '/affiliate/referrals', tags, summary: 'Get referred customers' },
    })
    .input(a.referralsInput)
    .output(a.referralsOutput)
    .query(async ({ ctx, input }) => {
      const { referrals, window } = await ctx.services.affiliateReferrals.referrals(
        ctx.scope(),
        ctx.affiliate.id,
        input,
      );
      return { referrals: referrals.map(presentReferral), pagination: presentPagination(window) };
    }),

  coupons: approvedAffiliateProcedure
    .meta({
      openapi: { method: 'GET', path: '/affiliate/coupons', tags, summary: "Get affiliate's coupons" },
    })
    .input(s.emptyInput)
    .output(a.couponsOutput)
    .query(async ({ ctx }) =>
      (await ctx.services.affiliateReferrals.coupons(ctx.scope(), ctx.auth.accountId)).map(presentCoupon),
    ),

  faq: affiliateProcedure
    .meta({ openapi: { method: 'GET', path: '/affiliate/faq', tags, summary: 'Get FAQ list' } })
    .input(s.emptyInput)
    .output(a.faqOutput)
    .query(async ({ ctx }) =>
      (await ctx.services.programContent.list(ctx.scope(), ['faq'])).map((e) => ({
        question: e.title,
        answer: e.body ?? '',
        category: e.category ?? 'Umum',
      })),
    ),

  supportContact: affiliateProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/affiliate/support/contact',
        tags,
        summary: 'Get support contact info',
      },
    })
    .input(s.emptyInput)
    .output(a.supportContactOutput)
    .query(({ ctx }) => {
      const support = ctx.tenant.settings.affiliateSupport;
      if (!support) throw new DomainError('NOT_FOUND', 'Support contact is not set up yet');
      return { whatsapp: support.whatsapp, email: support.email, response_time: support.responseTime };
    }),

  profile: affiliateProcedure
    .meta({ openapi: { method: 'GET', path: '/affiliate/profile', tags, summary: 'Get affiliate profile' } })
    .input(s.emptyInput)
    .output(a.affiliateProfileOutput)
    .query(({ ctx }) => profileOf(ctx, ctx.affiliate)),

  updateProfile: affiliateProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/affiliate/profile',
        tags,
        summary: 'Update profile',
        description:
          'first_name, last_name, whatsapp, city, instagram and tiktok; anything else sent is ignored.',
      },
      message: 'Profile updated',
      errors: [422],
    })
    .input(a.updateAffiliateProfileInput)
    .output(a.affiliateProfileOutput)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const affiliate = await ctx.services.affiliateDirectory.update(scope, ctx.affiliate.id, {
        firstName: input.first_name,
        lastName: input.last_name,
        whatsapp: input.whatsapp,
        city: input.city,
        instagram: input.instagram,
        tiktok: input.tiktok,
      });
      return profileOf(ctx, affiliate);
    }),

  uploadPhoto: affiliateProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/affiliate/profile/photo',
        tags,
        summary: 'Upload profile photo',
        description:
          'JPEG or PNG, at most 5 MB; re-encoded without metadata. `profile_photo` is a short-lived link.',
      },
      uploads: ['photo'],
      errors: [422],
    })
    .input(a.photoInput)
    .output(a.affiliateProfileOutput)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      await ctx.services.affiliatePhotos.uploadProfilePhoto(
        scope,
        ctx.auth.accountId,
        uploaded(input.photo, 'photo'),
      );
      return profileOf(ctx, await ctx.services.affiliateApplications.byAccount(scope, ctx.auth.accountId));
    }),

  changePassword: affiliateProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/affiliate/profile/password',
        tags,
        summary: 'Change password',
        description: 'Needs the current password; every other session of the account ends.',
      },
      errors: [422],
    })
    .input(s.changePasswordInput)
    .output(s.messageOutput)
    .mutation(({ ctx, input }) => changePassword(ctx, input)),
} satisfies TRPCRouterRecord;
