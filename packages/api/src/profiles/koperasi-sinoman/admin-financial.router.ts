import type { TRPCRouterRecord } from '@trpc/server';
import type { FinancialDashboard } from '../../contexts/reporting/financial-dashboard.service.ts';
import { type ReportRow, reportFilter } from '../../contexts/reporting/transaction-report.service.ts';
import { adminProcedure } from '../../kernel/trpc.ts';
import * as s from './admin-financial.schemas.ts';

const tags = ['Admin: financial reports'];

const presentDashboard = (d: FinancialDashboard) => ({
  overview: {
    total_savings: d.overview.totalSavings,
    total_deposits_today: d.overview.depositsToday,
    total_withdrawals_today: d.overview.withdrawalsToday,
    net_flow_today: d.overview.netFlowToday,
    active_members: d.overview.activeMembers,
    pending_transactions: d.overview.pendingTransactions,
  },
  savings_breakdown: {
    simpanan_pokok: d.breakdown.SP,
    simpanan_wajib: d.breakdown.SW,
    simpanan_sukarela: d.breakdown.SS,
    total: d.breakdown.total,
  },
  monthly_trends: d.months.map((m) => ({
    month: m.month,
    deposits: m.deposits,
    withdrawals: m.withdrawals,
    net_savings: m.netSavings,
    new_members: m.newMembers,
  })),
  top_savers: d.topSavers.map((t) => ({
    member_number: t.memberNumber,
    full_name: t.fullName,
    total_savings: t.totalSavings,
  })),
});

const presentRow = (r: ReportRow) => ({
  transaction_number: r.transactionNumber,
  member_number: r.memberNumber,
  member_name: r.memberName,
  transaction_type: r.typeCode,
  amount: r.amount,
  status: r.status,
  created_at: r.createdAt.toISOString(),
  processed_at: r.processedAt?.toISOString() ?? null,
});

export const adminFinancialRouter = {
  financialDashboard: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/financial/dashboard',
        tags,
        summary: 'Get financial dashboard (admin)',
        description:
          'Savings held (by product; `overview.total_savings` is the same sum as `savings_breakdown.total`), ' +
          'today’s completed flows and open transactions, monthly trends over the period, the ten largest savers. ' +
          'Days and months are the cooperative’s (Asia/Jakarta); a transaction counts on the day it was made.',
      },
    })
    .input(s.dashboardInput)
    .output(s.dashboardOutput)
    .query(async ({ ctx, input }) =>
      presentDashboard(await ctx.services.financialDashboard.dashboard(ctx.scope(), input.period)),
    ),

  transactionReport: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/financial/transactions',
        tags,
        summary: 'Get transaction report (admin)',
        description:
          'Transactions made between `start_date` and `end_date` (local days, at most 366), oldest first, ' +
          '`limit` per `page`, and the summary of all of them. `export_format=csv|pdf` also makes the file of ' +
          'every matching transaction (CSV up to 100,000, PDF up to 5,000; more is a 422 naming `export_format`) ' +
          'and answers its signed `export_url`, valid 15 minutes.',
      },
      errors: [422],
    })
    .input(s.transactionReportInput)
    .output(s.transactionReportOutput)
    .query(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const filter = reportFilter({
        startDate: input.start_date,
        endDate: input.end_date,
        transactionType: input.transaction_type,
        status: input.status,
      });
      const summary = await ctx.services.transactionReport.summary(scope, filter);
      const offset = (input.page - 1) * input.limit;
      // a page past the end is empty without asking the database to skip every row of the range
      const rows =
        offset < summary.totalTransactions
          ? await ctx.services.transactionReport.page(scope, filter, offset, input.limit)
          : [];
      const exportUrl =
        input.export_format === 'json'
          ? null
          : await ctx.services.transactionExport.export(scope, {
              format: input.export_format,
              filter,
              summary,
              requesterAccountId: ctx.auth.accountId,
              baseUrl: ctx.baseUrl,
            });
      const totalPages = Math.max(1, Math.ceil(summary.totalTransactions / input.limit));
      return {
        transactions: rows.map(presentRow),
        summary: {
          total_transactions: summary.totalTransactions,
          total_amount: summary.totalAmount,
          successful_transactions: summary.successful,
          failed_transactions: summary.failed,
          pending_transactions: summary.pending,
          success_rate: summary.successRate,
        },
        export_url: exportUrl,
        pagination: {
          current_page: input.page,
          total_pages: totalPages,
          total_items: summary.totalTransactions,
          items_per_page: input.limit,
          has_next: input.page < totalPages,
          has_prev: input.page > 1,
        },
      };
    }),
} satisfies TRPCRouterRecord;
