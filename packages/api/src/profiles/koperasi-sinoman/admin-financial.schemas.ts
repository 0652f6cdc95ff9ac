// Request and response shapes of the admins' financial reports (koperasi-sinoman §6.2).
import { DASHBOARD_PERIODS, DEFAULT_DASHBOARD_PERIOD, SAVINGS_TRANSACTION_STATES } from '@komisi/domain';
import { z } from 'zod';
import { boundedInt, pageNumber } from '../shared/request-fields.schemas.ts';
import { amountOutput, countOutput, signedAmountOutput } from '../shared/response-fields.schemas.ts';

export const dashboardInput = z.object({
  period: z
    .enum(DASHBOARD_PERIODS)
    .default(DEFAULT_DASHBOARD_PERIOD)
    .meta({
      description:
        'The months `monthly_trends` covers, ending today in the cooperative’s time zone: `today`, `week` ' +
        '(the last 7 days), `month`, `quarter`, `year` (the calendar month, quarter or year so far). Default `month`.',
    }),
});

const month = z.string().meta({ description: 'YYYY-MM, in the cooperative’s time zone', example: '2024-09' });

export const dashboardOutput = z.object({
  overview: z.object({
    total_savings: amountOutput.meta({
      description: 'What all members hold; equals `savings_breakdown.total`',
    }),
    total_deposits_today: amountOutput.meta({ description: 'Completed deposits made today (local day)' }),
    total_withdrawals_today: amountOutput.meta({ description: 'Completed withdrawals made today' }),
    net_flow_today: signedAmountOutput,
    active_members: countOutput,
    pending_transactions: countOutput.meta({ description: 'Transactions pending or processing' }),
  }),
  savings_breakdown: z.object({
    simpanan_pokok: amountOutput,
    simpanan_wajib: amountOutput,
    simpanan_sukarela: amountOutput,
    total: amountOutput,
  }),
  monthly_trends: z.array(
    z.object({
      month,
      deposits: amountOutput,
      withdrawals: amountOutput,
      net_savings: signedAmountOutput,
      new_members: countOutput,
    }),
  ),
  top_savers: z.array(
    z.object({ member_number: z.string(), full_name: z.string(), total_savings: amountOutput }),
  ),
});

const isoDate = (description: string) =>
  z
    .string({ error: 'is required (YYYY-MM-DD)' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')
    .meta({ description, example: '2024-09-01' });

export const REPORT_MAX_LIMIT = 1000;

export const transactionReportInput = z.object({
  start_date: isoDate('First local day (inclusive)'),
  end_date: isoDate('Last local day (inclusive); at most 366 days after start_date'),
  transaction_type: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z][A-Za-z0-9_]{0,31}$/,
      'must be a transaction type code (e.g. SS_DEPOSIT) or a category (deposit, withdrawal, interest, bonus)',
    )
    .optional()
    .meta({
      description: 'A type code (`SS_DEPOSIT`) or a category (`deposit`, `withdrawal`, `interest`, `bonus`)',
    }),
  status: z.enum(SAVINGS_TRANSACTION_STATES).optional(),
  export_format: z.enum(['json', 'csv', 'pdf']).default('json').meta({
    description:
      '`csv` or `pdf`: the answer also carries `export_url`, a signed link to the file (15 minutes)',
  }),
  page: pageNumber().default(1).meta({ description: 'Page of `transactions` (not in the document)' }),
  limit: boundedInt(1, REPORT_MAX_LIMIT)
    .default(100)
    .meta({ description: `Rows per page, at most ${REPORT_MAX_LIMIT} (not in the document)` }),
});

const isoDateTime = z.string().meta({ example: '2024-09-29T15:00:00.000Z' });

export const transactionReportOutput = z.object({
  transactions: z.array(
    z.object({
      transaction_number: z.string(),
      member_number: z.string().nullable(),
      member_name: z.string().nullable(),
      transaction_type: z.string(),
      amount: amountOutput,
      status: z.enum(SAVINGS_TRANSACTION_STATES),
      created_at: isoDateTime,
      processed_at: isoDateTime.nullable(),
    }),
  ),
  summary: z.object({
    total_transactions: countOutput,
    total_amount: amountOutput.meta({
      description: 'Amounts of every transaction counted, whatever its status',
    }),
    successful_transactions: countOutput,
    failed_transactions: countOutput.meta({ description: 'Failed or cancelled' }),
    pending_transactions: countOutput.meta({ description: 'Pending or processing' }),
    success_rate: z.number().min(0).max(100).meta({ description: 'Percent, one decimal', example: 96 }),
  }),
  export_url: z.string().nullable().meta({ description: 'Signed link to the CSV or PDF; null for JSON' }),
  pagination: z.object({
    current_page: countOutput,
    total_pages: countOutput,
    total_items: countOutput,
    items_per_page: countOutput,
    has_next: z.boolean(),
    has_prev: z.boolean(),
  }),
});
