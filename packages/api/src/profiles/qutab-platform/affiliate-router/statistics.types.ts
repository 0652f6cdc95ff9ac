import { z } from 'zod';
import type { Meta } from '../../../kernel/trpc.ts';
import { countOutput, totalOutput } from '../../shared/response-fields.schemas.ts';
import { money } from '../affiliate.schemas.ts';
import { tags } from './tags.ts';

export const statisticsMeta = {
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
} satisfies Meta;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-31');
export const statisticsInput = z.object({
  period: z.enum(['today', '7days', '30days', 'this_month', 'custom']).default('30days'),
  start_date: isoDate.optional(),
  end_date: isoDate.optional(),
});
export const statisticsOutput = z.object({
  total_clicks: totalOutput,
  total_conversions: countOutput,
  total_commission: money,
  chart_data: z.array(
    z.object({
      date: isoDate.meta({ description: 'A day in the tenant’s time zone (Asia/Jakarta)' }),
      clicks: countOutput,
      conversions: countOutput,
      commission: money,
    }),
  ),
});
