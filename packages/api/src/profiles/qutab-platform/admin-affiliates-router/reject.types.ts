import { z } from 'zod';
import type { Meta } from '../../../kernel/trpc.ts';
import { id, text } from '../affiliate.schemas.ts';
import { adminAffiliate } from './admin-affiliate.types.ts';
import { tags } from './tags.ts';

export const rejectMeta = {
  openapi: {
    method: 'POST',
    path: '/admin/affiliates/{id}/reject',
    tags,
    summary: 'Reject an application with a reason',
    description: 'The applicant is emailed the reason. Only pending applications (409).',
  },
  errors: [409, 422],
} satisfies Meta;
export const rejectInput = z.object({ id, reason: text(1, 500) });
export const rejectOutput = adminAffiliate;
