// Request and response shapes of koperasi-sinoman §4.3 (the savings summary).
import { SUMMARY_PERIODS } from '@komisi/domain';
import { z } from 'zod';
import { amountOutput, countOutput, signedAmountOutput } from '../shared/response-fields.schemas.ts';

const money = amountOutput.meta({ description: 'Rupiah (whole)' });
const balance = signedAmountOutput.meta({ description: 'Rupiah (whole)' });

export const summaryInput = z.object({ period: z.enum(SUMMARY_PERIODS).default('month') });
const percent = z.number().meta({ description: 'Percent, one decimal' });
export const summaryOutput = z.object({
  summary: z.object({
    total_balance: balance,
    mandatory_savings: balance,
    voluntary_savings: balance,
    monthly_deposit: money,
    total_deposits: money,
    total_withdrawals: money,
    net_savings: balance,
    interest_earned: money,
    shu_projection: money,
    growth_rate: percent,
    savings_goal: z.object({
      target_amount: money,
      current_progress: percent,
      months_to_target: countOutput.nullable(),
    }),
  }),
  monthly_breakdown: z.array(
    z.object({
      month: z.string().meta({ example: '2026-01' }),
      deposits: money,
      withdrawals: money,
      interest: money,
      ending_balance: balance,
    }),
  ),
  account_breakdown: z.array(z.object({ savings_type: z.string(), balance, percentage: percent })),
});
