import { z } from 'zod';
import { INT32 } from '../../shared/request-fields.schemas.ts';
import { countOutput, totalOutput } from '../../shared/response-fields.schemas.ts';
import {
  affiliateContactFields,
  applicationStatus,
  isoDateTime,
  money,
  PRIMARY_PLATFORM,
} from '../affiliate.schemas.ts';

export const rateBps = z
  .number()
  .int()
  .min(0)
  .max(10_000)
  .meta({ ...INT32, description: 'Basis points: 1000 = 10%' });

/** An application or affiliate as the admin endpoints answer it. */
export const adminAffiliate = z.object({
  ...affiliateContactFields,
  youtube: z.string().nullable(),
  facebook: z.string().nullable(),
  primary_platform: PRIMARY_PLATFORM,
  reason: z.string(),
  status: applicationStatus,
  rejection_reason: z.string().nullable(),
  affiliate_code: z.string().nullable(),
  commission_rate_bps: rateBps.nullable().meta({ description: 'null: the programme default' }),
  total_clicks: totalOutput,
  total_conversions: countOutput,
  total_commission: money,
  applied_at: isoDateTime,
  approved_at: isoDateTime.nullable(),
});
