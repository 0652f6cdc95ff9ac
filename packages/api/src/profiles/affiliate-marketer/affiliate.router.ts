import { bpsToPercent, DomainError, percentToBps } from '@komisi/domain';
import type { AffiliateView } from '../../contexts/voucher-affiliates/affiliates.service.ts';
import { AFFILIATE_ROLE } from '../../contexts/voucher-affiliates/affiliates.service.ts';
import { adminProcedure, authedProcedure, router } from '../../kernel/trpc.ts';
import { auditLogRouter } from '../shared/audit-log.router.ts';
import { consoleRouter } from '../shared/console/router.ts';
import { startOfLocalDay } from '../shared/zoned-time.ts';
import * as s from './affiliate.schemas.ts';

/** Signed in (401 otherwise) with the AFFILIATE_MARKETER role (403 otherwise). */
const affiliateProcedure = authedProcedure.use(async ({ ctx, next }) => {
  if (!ctx.auth.roles.includes(AFFILIATE_ROLE))
    throw new DomainError('FORBIDDEN', 'This action requires the AFFILIATE_MARKETER role.');
  return next();
});

const tags = ['Affiliate'];
const adminTags = ['Admin'];

/** The current year and month in the tenant's time zone. */
function localYearMonth(now: Date, timeZone: string): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month') };
}

function presentAffiliate({ account, voucher }: AffiliateView) {
  return {
    id: account.id,
    name: account.name,
    email: account.email,
    role: 'AFFILIATE_MARKETER' as const,
    voucherCode: voucher?.code ?? null,
    discountPercent:
      voucher && voucher.discountType === 'percentage' ? bpsToPercent(voucher.discountValue) : null,
    commissionPercent: voucher ? bpsToPercent(voucher.affiliateCommissionBps ?? 0) : null,
    createdAt: account.createdAt.toISOString(),
  };
}

export const affiliateRouter = router({
  affiliate: router({
    commission: affiliateProcedure
      .meta({
        openapi: {
          method: 'GET',
          path: '/affiliate/commission',
          tags,
          protect: true,
          summary: 'Commission summary',
          description:
            'Total commission (not reversed), orders that used your code (paid, not cancelled or refunded) and ' +
            'their total before discounts (items + shipping).',
        },
        errors: [403],
      })
      .input(s.emptyInput)
      .output(s.commissionOutput)
      .query(({ ctx }) => ctx.services.affiliateSales.totals(ctx.scope(), ctx.auth.accountId, null)),

    stats: affiliateProcedure
      .meta({
        openapi: {
          method: 'GET',
          path: '/affiliate/stats',
          tags,
          protect: true,
          summary: 'Statistics with products sold',
          description:
            'Products sold: quantity and amount after discounts (the order discount is shared among its lines ' +
            'in proportion to their amounts, each share rounded down; shipping is not included).',
        },
        errors: [403],
      })
      .input(s.emptyInput)
      .output(s.statsOutput)
      .query(async ({ ctx }) => {
        const report = await ctx.services.affiliateSales.report(ctx.scope(), ctx.auth.accountId, null);
        return {
          totalOrders: report.totalOrders,
          totalAmountSold: report.totalAmountSold,
          totalCommission: report.totalCommission,
          productsSold: report.productsSold,
        };
      }),

    monthlyReport: affiliateProcedure
      .meta({
        openapi: {
          method: 'GET',
          path: '/affiliate/reports/monthly',
          tags,
          protect: true,
          summary: 'Monthly report',
          description:
            "Orders paid in the month (in the store's time zone, Asia/Jakarta); month and year default to now.",
        },
        errors: [403],
      })
      .input(s.monthlyReportInput)
      .output(s.monthlyReportOutput)
      .query(async ({ ctx, input }) => {
        const scope = ctx.scope();
        const zone = scope.tenant.timeZone;
        const current = localYearMonth(scope.now, zone);
        const year = input?.year ?? current.year;
        const month = input?.month ?? current.month;
        const first = `${year}-${String(month).padStart(2, '0')}-01`;
        const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
        const period = { from: startOfLocalDay(first, zone), until: startOfLocalDay(next, zone) };
        const report = await ctx.services.affiliateSales.report(scope, ctx.auth.accountId, period);
        return {
          month,
          year,
          totalCommission: report.totalCommission,
          totalAmountSold: report.totalAmountSold,
          totalOrders: report.totalOrders,
          productsSold: report.productsSold,
        };
      }),
  }),

  admin: router({
    listAffiliates: adminProcedure
      .meta({
        openapi: {
          method: 'GET',
          path: '/admin/affiliates',
          tags: adminTags,
          protect: true,
          summary: 'List affiliates',
          description:
            'The store’s affiliates, newest first, with their voucher codes and rates; `search` matches part ' +
            'of the name, the email or the voucher code. `page` from 1, `limit` up to 100 (default 20).',
        },
      })
      .input(s.listAffiliatesInput)
      .output(s.affiliateListOutput)
      .query(async ({ ctx, input }) => {
        const { affiliates, window } = await ctx.services.affiliates.list(ctx.scope(), {
          page: input.page ?? 1,
          limit: input.limit ?? 20,
          search: input.search,
        });
        return {
          affiliates: affiliates.map(presentAffiliate),
          pagination: {
            page: window.current_page,
            limit: window.per_page,
            total: window.total,
            totalPages: window.last_page,
          },
        };
      }),

    createAffiliate: adminProcedure
      .meta({
        openapi: {
          method: 'POST',
          path: '/admin/affiliates',
          tags: adminTags,
          protect: true,
          summary: 'Create an affiliate',
          description:
            'Creates the account (role AFFILIATE_MARKETER; it signs in through the store’s login) and its ' +
            'voucher: `discount_percent` off for customers, `commission_percent` of the pre-discount total ' +
            'for the affiliate (0–100, up to two decimals). A taken email or voucher code: 409.',
        },
        successStatus: 201,
        errors: [409],
      })
      .input(s.createAffiliateInput)
      .output(s.affiliateOutput)
      .mutation(async ({ ctx, input }) =>
        presentAffiliate(
          await ctx.services.affiliates.create(ctx.scope(), {
            name: input.name,
            email: input.email,
            password: input.password,
            voucherCode: input.voucher_code,
            discountBps: percentToBps(input.discount_percent),
            commissionBps: percentToBps(input.commission_percent),
          }),
        ),
      ),

    updateAffiliate: adminProcedure
      .meta({
        openapi: {
          method: 'PUT',
          path: '/admin/affiliates/{id}',
          tags: adminTags,
          protect: true,
          summary: 'Update an affiliate',
          description: 'Changes only the fields sent. A taken email or voucher code: 409.',
        },
        errors: [409],
      })
      .input(s.updateAffiliateInput)
      .output(s.affiliateOutput)
      .mutation(async ({ ctx, input }) =>
        presentAffiliate(
          await ctx.services.affiliates.update(ctx.scope(), input.id, {
            ...(input.name !== undefined && { name: input.name }),
            ...(input.email !== undefined && { email: input.email }),
            ...(input.password !== undefined && { password: input.password }),
            ...(input.voucher_code !== undefined && { voucherCode: input.voucher_code }),
            ...(input.discount_percent !== undefined && {
              discountBps: percentToBps(input.discount_percent),
            }),
            ...(input.commission_percent !== undefined && {
              commissionBps: percentToBps(input.commission_percent),
            }),
          }),
        ),
      ),
  }),

  // the admin console's and the audit log (a tenant serving this app beside a shop serves the shop's)
  console: consoleRouter,
  auditLog: auditLogRouter,
});

export type AffiliateRouter = typeof affiliateRouter;
