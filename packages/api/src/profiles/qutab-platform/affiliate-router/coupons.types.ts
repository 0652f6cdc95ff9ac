import { z } from 'zod';
import type { Meta } from '../../../kernel/trpc.ts';
import { coupon } from '../affiliate.schemas.ts';
import { emptyInput } from '../qutab.schemas.ts';
import { tags } from './tags.ts';

export const couponsMeta = {
  openapi: {
    method: 'GET',
    path: '/affiliate/coupons',
    tags,
    summary: "Get affiliate's coupons",
    description:
      'The coupons that attribute orders to the affiliate, with their validity and how often they ' +
      'were used.',
  },
} satisfies Meta;
export const couponsInput = emptyInput;
export const couponsOutput = z.array(coupon);
