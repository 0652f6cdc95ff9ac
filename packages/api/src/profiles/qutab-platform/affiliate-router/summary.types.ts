import { z } from 'zod';
import type { Meta } from '../../../kernel/trpc.ts';
import { countOutput, totalOutput } from '../../shared/response-fields.schemas.ts';
import { money } from '../affiliate.schemas.ts';
import { emptyInput } from '../qutab.schemas.ts';
import { tags } from './tags.ts';

export const summaryMeta = {
  openapi: {
    method: 'GET',
    path: '/affiliate/dashboard/summary',
    tags,
    summary: 'Get dashboard summary stats',
    description:
      'All-time clicks and conversions (paid referred orders), the conversion rate, the ' +
      'commission earned, what can be withdrawn now and what is still in its 30-day holding ' +
      'period.',
  },
} satisfies Meta;
export const summaryInput = emptyInput;
export const summaryOutput = z.object({
  total_clicks: totalOutput,
  total_conversions: countOutput,
  conversion_rate: z.number().meta({ description: 'Percent of clicks that became sales, 2 decimals' }),
  total_commission: money,
  available_balance: money,
  pending_commission: money,
});
