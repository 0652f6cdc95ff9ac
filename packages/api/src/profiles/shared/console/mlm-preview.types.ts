import { MAX_GENERATIONS } from '@komisi/domain';
import { z } from 'zod';
import { mlmSchema } from '../../../kernel/settings/tenant-settings.schemas.ts';
import type { Meta } from '../../../kernel/trpc.ts';
import { MONEY_MAX } from '../request-fields.schemas.ts';
import { amountOutput, countOutput } from '../response-fields.schemas.ts';
import { tags } from './tags.ts';

export const mlmPreviewMeta = {
  openapi: {
    method: 'POST',
    path: '/admin/console/mlm-plan/preview',
    tags,
    summary: 'What a draft MLM plan would pay on one sale',
    description:
      'Lays a draft of the `mlm` setting (as PUT /admin/console/settings/mlm would take it) on the default plan ' +
      'and splits one sale of `amount` with it, and with the plan in force: the commission lines (stockist, ' +
      'GN1…GNn), their totals and what the company keeps. `uplines`: how many generations above the buyer have a ' +
      'member (default all); `withStockist`: whether a stockist sells it (default true). Nothing is written. An ' +
      'invalid draft: 400 naming each field (`plan.generationRatesBps.0`).',
  },
} satisfies Meta;

export const mlmPreviewInput = z.object({
  plan: mlmSchema,
  amount: z.int().min(0).max(MONEY_MAX),
  uplines: z.int().min(0).max(MAX_GENERATIONS).optional(),
  withStockist: z.boolean().default(true),
});

const distribution = z.object({
  lines: z.array(
    z.object({
      level: z.string(),
      kind: z.enum(['stockist', 'network']),
      /** 0 for the stockist, 1…n for GN1…GNn */
      generation: countOutput,
      rateBps: z.int().min(0).max(10_000),
      amount: amountOutput,
    }),
  ),
  stockistAmount: amountOutput,
  networkAmount: amountOutput,
  totalAmount: amountOutput,
  retainedAmount: amountOutput,
});

export const mlmPreviewOutput = z.object({
  currency: z.string().length(3),
  amount: amountOutput,
  draft: distribution,
  current: distribution,
});
