import { z } from 'zod';
import type { Meta } from '../../../kernel/trpc.ts';
import { isoDateTime, money } from '../affiliate.schemas.ts';
import { pageInput, pagination } from '../qutab.schemas.ts';
import { tags } from './tags.ts';

export const referralsMeta = {
  openapi: {
    method: 'GET',
    path: '/affiliate/referrals',
    tags,
    summary: 'Get referred customers',
    description:
      'Orders attributed to the affiliate, newest first, customers masked: pending (awaiting ' +
      'payment), confirmed (paid, commission in the holding period or available) or paid (the ' +
      'commission was paid out).',
  },
} satisfies Meta;
export const referralsInput = pageInput.extend({
  status: z.enum(['all', 'pending', 'confirmed', 'paid']).default('all'),
});
export const referralsOutput = z.object({
  referrals: z.array(
    z.object({
      id: z.string(),
      customer_name: z.string().meta({ example: 'Dar**** Pu***' }),
      customer_email: z.string().meta({ example: 'dar***@gmail.com' }),
      product_name: z.string().nullable(),
      order_date: isoDateTime,
      order_value: money,
      commission: money,
      status: z.enum(['pending', 'confirmed', 'paid']),
    }),
  ),
  pagination,
});
