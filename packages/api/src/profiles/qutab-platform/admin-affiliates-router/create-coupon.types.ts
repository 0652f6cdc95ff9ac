import { z } from 'zod';
import type { Meta } from '../../../kernel/trpc.ts';
import { INT4_MAX, INT32, INT64, MONEY_MAX } from '../../shared/request-fields.schemas.ts';
import { coupon, id, optionalText, text } from '../affiliate.schemas.ts';
import { tags } from './tags.ts';

export const createCouponMeta = {
  openapi: {
    method: 'POST',
    path: '/admin/affiliates/{id}/coupons',
    tags,
    summary: 'Create a coupon for an affiliate',
    description: 'Orders using it are attributed to the affiliate (a coupon beats a referral link).',
  },
  successStatus: 201,
  errors: [422],
} satisfies Meta;
export const createCouponInput = z.object({
  id,
  code: text(1, 32),
  name: optionalText(200),
  discount_type: z.enum(['percentage', 'fixed']),
  discount_value: z
    .number()
    .positive()
    .meta({ description: 'Percent for percentage coupons, rupiah for fixed' }),
  max_discount: z.number().int().min(0).max(MONEY_MAX).meta(INT64).nullable().optional(),
  min_purchase: z.number().int().min(0).max(MONEY_MAX).meta(INT64).optional(),
  valid_from: z.iso.datetime({ offset: true }).nullable().optional(),
  valid_until: z.iso.datetime({ offset: true }).nullable().optional(),
  usage_limit: z.number().int().min(1).max(INT4_MAX).meta(INT32).nullable().optional(),
  per_customer_limit: z.number().int().min(1).max(INT4_MAX).meta(INT32).nullable().optional(),
});
export const createCouponOutput = coupon;
