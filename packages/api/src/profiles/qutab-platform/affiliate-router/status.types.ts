import { z } from 'zod';
import type { Meta } from '../../../kernel/trpc.ts';
import { applicationStatus, isoDateTime } from '../affiliate.schemas.ts';
import { emptyInput } from '../qutab.schemas.ts';
import { tags } from './tags.ts';

export const statusMeta = {
  openapi: {
    method: 'GET',
    path: '/affiliate/status',
    tags,
    summary: 'Check application status',
    description:
      'pending, approved (with the approval time and the affiliate code) or rejected (with the ' +
      'reason). Works for any applicant; the other dashboard endpoints need an approved ' +
      'application (403 `AFFILIATE_NOT_APPROVED`).',
  },
} satisfies Meta;
export const statusInput = emptyInput;
export const statusOutput = z.object({
  status: applicationStatus,
  rejection_reason: z.string().nullable(),
  approved_at: isoDateTime.nullable(),
  affiliate_code: z.string().nullable(),
});
