import { z } from 'zod';
import type { Meta } from '../../../kernel/trpc.ts';
import { id } from '../affiliate.schemas.ts';
import { adminAffiliate, rateBps } from './admin-affiliate.types.ts';
import { tags } from './tags.ts';

export const approveMeta = {
  openapi: {
    method: 'POST',
    path: '/admin/affiliates/{id}/approve',
    tags,
    summary: 'Approve an application',
    description:
      'Assigns a unique 7-character referral code and emails the applicant. Only pending applications (409).',
  },
  errors: [409, 422],
} satisfies Meta;
export const approveInput = z.object({ id, commission_rate_bps: rateBps.nullable().optional() });
export const approveOutput = adminAffiliate;
