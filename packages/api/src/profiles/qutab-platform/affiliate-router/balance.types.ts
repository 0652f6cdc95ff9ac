import { z } from 'zod';
import type { Meta } from '../../../kernel/trpc.ts';
import { money } from '../affiliate.schemas.ts';
import { emptyInput } from '../qutab.schemas.ts';
import { tags } from './tags.ts';

export const balanceMeta = {
  openapi: {
    method: 'GET',
    path: '/affiliate/balance',
    tags,
    summary: 'Get current balance',
    description:
      'What can be withdrawn now, what is still in the holding period, and the minimum payout (Rp ' +
      '100,000 by default).',
  },
} satisfies Meta;
export const balanceInput = emptyInput;
export const balanceOutput = z.object({
  available_balance: money,
  pending_commission: money,
  minimum_payout: money,
  can_request_payout: z.boolean(),
});
