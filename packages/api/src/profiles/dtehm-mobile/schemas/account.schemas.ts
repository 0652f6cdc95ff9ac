import { z } from 'zod';
import { isoDate } from '../../shared/request-fields.schemas.ts';
import { countOutput, idOutput } from '../../shared/response-fields.schemas.ts';
import { dateTime, money, page, pagination, pagination_from_to, perPage } from './primitives.schemas.ts';

// 5. Commissions and balance
export const commissionsInput = z
  .object({
    page,
    per_page: perPage,
    commission_type: z.enum(['all', 'stockist', 'network', 'membership']).default('all'),
    start_date: isoDate.optional(),
    end_date: isoDate.optional(),
  })
  .refine((v) => !v.start_date || !v.end_date || v.start_date <= v.end_date, {
    path: ['end_date'],
    message: 'The end date must be a date after or equal to the start date.',
  });
export const commissionsOutput = z.object({
  commissions: z.array(
    z.object({
      id: idOutput,
      amount: money,
      level: z.string(),
      description: z.string(),
      order_id: z.string().nullable(),
      reference_type: z.enum(['order', 'membership']),
      reference_id: idOutput,
      date: dateTime,
      status: z.literal('completed'),
    }),
  ),
  summary: z.object({ total_commissions: money, current_balance: money, currency: z.string() }),
  pagination,
});

export const balanceOutput = z.object({ balance: money, currency: z.string() });

// 6. Network
export const networkInput = z.object({
  page,
  per_page: perPage,
  level: z
    .string()
    .trim()
    .toLowerCase()
    // Any generation may be asked for; those deeper than the plan pays come back empty.
    .regex(/^(all|direct|[1-9]\d{0,5})$/, 'must be all, direct or a level number from 1')
    .default('all'),
});
export const networkOutput = z.object({
  network: z.array(
    z.object({
      id: idOutput,
      name: z.string(),
      email: z.string(),
      phone: z.string().nullable(),
      dtehm_member_id: z.string().nullable(),
      dip_member_id: z.string().nullable(),
      is_dtehm_member: z.enum(['Yes', 'No']),
      is_dip_member: z.enum(['Yes', 'No']),
      level: countOutput,
      joined_at: dateTime,
      status: z.enum(['Pending', 'Active']),
    }),
  ),
  statistics: z.object({
    total_members: countOutput,
    direct_referrals: countOutput,
    dtehm_members: countOutput,
    dip_members: countOutput,
    levels_deep: countOutput,
    by_level: z.record(z.string(), countOutput),
  }),
  pagination: pagination_from_to,
});
