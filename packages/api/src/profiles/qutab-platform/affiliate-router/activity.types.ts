import { z } from 'zod';
import type { Meta } from '../../../kernel/trpc.ts';
import { boundedInt } from '../../shared/request-fields.schemas.ts';
import { isoDateTime, money } from '../affiliate.schemas.ts';
import { tags } from './tags.ts';

export const activityMeta = {
  openapi: {
    method: 'GET',
    path: '/affiliate/dashboard/activity',
    tags,
    summary: 'Get recent activity',
    description: 'Sales, clicks and payouts, newest first.',
  },
} satisfies Meta;
export const activityInput = z.object({ limit: boundedInt(1, 100).default(20) });
export const activityOutput = z.array(
  z.object({
    type: z.enum(['sale', 'click', 'payout']),
    description: z.string(),
    amount: money,
    created_at: isoDateTime,
  }),
);
