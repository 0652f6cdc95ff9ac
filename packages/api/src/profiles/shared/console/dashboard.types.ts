import { daysIn, MAX_RANGE_DAYS } from '@komisi/domain';
import { z } from 'zod';
import type { Meta } from '../../../kernel/trpc.ts';
import { isoDate } from '../request-fields.schemas.ts';
import { signedAmountOutput, totalOutput } from '../response-fields.schemas.ts';
import { DASHBOARD_METRICS } from './console-spec.ts';
import { tags } from './tags.ts';

export const dashboardMeta = {
  openapi: {
    method: 'GET',
    path: '/admin/console/dashboard',
    tags,
    summary: 'Dashboard figures per day',
    description:
      "The figures this tenant's apps have, per calendar day of the tenant's time zone from `from` to `to` " +
      '(inclusive, at most 366 days; the last 30 days unless sent): shops and networks have `sales` (orders paid ' +
      'that day and not cancelled or refunded since), `orders` and `commissions` (earned that day, not reversed), ' +
      'referral programmes `clicks` too; a cooperative has `deposits`, `withdrawals` and `netSavings` (completed), ' +
      'and, as of now, `totalSavings` and `activeMembers`. Money in minor units of `currency`. `metrics` lists the ' +
      'figures of each day, in order; `totals` sums them over the range.',
  },
} satisfies Meta;

export const dashboardInput = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .superRefine((range, ctx) => {
    if (!range.from || !range.to) return;
    if (range.to < range.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be on or after from' });
    } else if (daysIn({ start: range.from, end: range.to }) > MAX_RANGE_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `the range may cover at most ${MAX_RANGE_DAYS} days`,
      });
    }
  })
  .optional();

const metric = z.enum(DASHBOARD_METRICS);
/** each metric, present when the tenant's dashboard has it: money in minor units, or a count */
const figures = z.object({
  sales: signedAmountOutput.optional(),
  orders: totalOutput.optional(),
  commissions: signedAmountOutput.optional(),
  clicks: totalOutput.optional(),
  deposits: signedAmountOutput.optional(),
  withdrawals: signedAmountOutput.optional(),
  netSavings: signedAmountOutput.optional(),
}) satisfies z.ZodType<Partial<Record<(typeof DASHBOARD_METRICS)[number], number>>>;

export const dashboardOutput = z.object({
  currency: z.string().length(3),
  timeZone: z.string(),
  from: z.iso.date(),
  to: z.iso.date(),
  metrics: z.array(z.object({ key: metric, unit: z.enum(['money', 'count']) })),
  days: z.array(figures.extend({ date: z.iso.date() })),
  totals: figures,
  now: z.object({ totalSavings: signedAmountOutput.optional(), activeMembers: totalOutput.optional() }),
});
