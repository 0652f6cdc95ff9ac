import { z } from 'zod';
import type { Meta } from '../../../kernel/trpc.ts';
import { applicationStatus } from '../affiliate.schemas.ts';
import { pageInput, pagination } from '../qutab.schemas.ts';
import { adminAffiliate } from './admin-affiliate.types.ts';
import { tags } from './tags.ts';

export const listAffiliatesMeta = {
  openapi: {
    method: 'GET',
    path: '/admin/affiliates',
    tags,
    summary: 'Applications and affiliates',
    description:
      'Admin only. Every application, newest first, optionally of one status, with its details, ' +
      'rate and totals.',
  },
} satisfies Meta;
export const listAffiliatesInput = pageInput.extend({ status: applicationStatus.optional() });
export const listAffiliatesOutput = z.object({
  affiliates: z.array(adminAffiliate),
  pagination,
});
