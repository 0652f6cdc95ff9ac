import { z } from 'zod';
import type { Meta } from '../../../kernel/trpc.ts';
import { id } from '../affiliate.schemas.ts';
import { adminAffiliate, rateBps } from './admin-affiliate.types.ts';
import { tags } from './tags.ts';

export const setRateMeta = {
  openapi: {
    method: 'PUT',
    path: '/admin/affiliates/{id}/commission-rate',
    tags,
    summary: "Set an affiliate's commission rate (null: the programme default)",
    description: 'Applies to orders placed from now on; recorded referrals keep their rate.',
  },
  errors: [422],
} satisfies Meta;
export const setRateInput = z.object({ id, commission_rate_bps: rateBps.nullable() });
export const setRateOutput = adminAffiliate;
