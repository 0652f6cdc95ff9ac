// Wire pieces the qutab-platform affiliate areas share: text rules, money, ids, the upload field, and
// the shapes several procedures answer with. Each procedure's own shapes live beside it.
import { z } from 'zod';
import { type DigitsId, rowId, trimmed } from '../shared/request-fields.schemas.ts';
import { amountOutput, countOutput } from '../shared/response-fields.schemas.ts';

export const text = (min: number, max: number) => trimmed(z.string().min(min).max(max));
export const optionalText = (max: number) => trimmed(z.string().max(max)).nullable().optional();
export const isoDateTime = z.string().meta({ example: '2026-01-10T10:00:00.000Z' });
export const money = amountOutput.meta({ description: 'Rupiah (whole)' });
export const whatsapp = trimmed(
  z.string().regex(/^\+?[0-9][0-9 -]{6,18}[0-9]$/, 'must be a WhatsApp number like 081234567890'),
);
/** A path id: a number, or the digit string the responses give ids as. */
export const id = rowId<DigitsId>({ message: 'must be an id' });

/** A file: multipart on REST (the handler passes it on as base64), a base64 string on tRPC. */
export const upload = z
  .string({ message: 'must be a JPEG or PNG file' })
  .min(1, 'must be a JPEG or PNG file')
  .max(7_000_000, 'must be at most 5 MB');
export const PRIMARY_PLATFORM = z.enum([
  'instagram',
  'tiktok',
  'youtube',
  'facebook',
  'whatsapp',
  'website',
  'other',
]);
export const applicationStatus = z.enum(['pending', 'approved', 'rejected']);

/** Who an affiliate is, as both the affiliate's profile and the admins' list show it. */
export const affiliateContactFields = {
  id: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  email: z.string(),
  whatsapp: z.string(),
  city: z.string(),
  instagram: z.string().nullable(),
  tiktok: z.string().nullable(),
};

/** The affiliate's profile: read, updated and answered after a photo upload. */
export const affiliateProfileOutput = z.object({
  ...affiliateContactFields,
  profile_photo: z.string().nullable(),
  affiliate_code: z.string().nullable(),
  joined_at: isoDateTime,
  verification_status: applicationStatus,
});

/** The programme's support contact: read by affiliates, set by admins. */
export const supportContactOutput = z.object({
  whatsapp: z.string(),
  email: z.string(),
  response_time: z.string(),
});

/** One of an affiliate's coupons: listed to the affiliate, answered to the admin creating it. */
export const coupon = z.object({
  id: z.string(),
  code: z.string(),
  discount_type: z.enum(['percentage', 'fixed', 'free_shipping']),
  discount_value: z.number().meta({ description: 'Percent for percentage coupons, rupiah for fixed' }),
  valid_from: isoDateTime.nullable(),
  valid_until: isoDateTime.nullable(),
  usage_count: countOutput,
  usage_limit: countOutput.nullable(),
  is_active: z.boolean(),
});
