// Request and response shapes of the qutab-platform Affiliate Dashboard.
import { z } from 'zod';
import { pageInput, pagination, password } from './qutab.schemas.ts';

const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);
const text = (min: number, max: number) => z.preprocess(trimmed, z.string().min(min).max(max));
const optionalText = (max: number) => z.preprocess(trimmed, z.string().max(max)).nullable().optional();
const isoDateTime = z.string().meta({ example: '2026-01-10T10:00:00.000Z' });
const money = z.number().int().meta({ description: 'Rupiah (whole)' });
const whatsapp = z.preprocess(
  trimmed,
  z.string().regex(/^\+?[0-9][0-9 -]{6,18}[0-9]$/, 'must be a WhatsApp number like 081234567890'),
);

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

// ---------------------------------------------------------------- auth
export const affiliateRegisterInput = z.object({
  first_name: text(1, 100),
  last_name: text(1, 100),
  email: z.preprocess(trimmed, z.email().max(254)),
  password,
  whatsapp,
  city: text(1, 100),
  instagram: optionalText(200),
  tiktok: optionalText(200),
  youtube: optionalText(200),
  facebook: optionalText(200),
  primary_platform: PRIMARY_PLATFORM,
  reason: text(10, 2000),
});
export const applicationStatus = z.enum(['pending', 'approved', 'rejected']);
export const statusOutput = z.object({
  status: applicationStatus,
  rejection_reason: z.string().nullable(),
  approved_at: isoDateTime.nullable(),
  affiliate_code: z.string().nullable(),
});
export const affiliateSessionOutput = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int(),
  refresh_token: z.string(),
  affiliate: z.object({
    id: z.string(),
    first_name: z.string(),
    last_name: z.string(),
    email: z.string(),
    status: applicationStatus,
    affiliate_code: z.string().nullable(),
  }),
});
export const affiliateLoginInput = z.object({
  email: z.preprocess(trimmed, z.string().min(3).max(254)),
  password: z.string().min(1).max(200),
});

// ---------------------------------------------------------------- links and content
export const referralLinkOutput = z.object({
  referral_code: z.string(),
  referral_url: z.string(),
  target_url: z.string(),
  embed_code: z.string(),
  total_clicks: z.number().int(),
});
const material = z.object({
  id: z.string(),
  title: z.string(),
  image_url: z.string().nullable(),
  size: z.string().nullable().meta({ example: '1200x628' }),
  platform: z.string().nullable(),
  caption: z.string().nullable(),
});
export const materialsOutput = z.object({ banners: z.array(material), social_graphics: z.array(material) });
export const faqOutput = z.array(
  z.object({ question: z.string(), answer: z.string(), category: z.string() }),
);
export const supportContactOutput = z.object({
  whatsapp: z.string(),
  email: z.string(),
  response_time: z.string(),
});

// ---------------------------------------------------------------- money
export const balanceOutput = z.object({
  available_balance: money,
  pending_commission: money,
  minimum_payout: money,
  can_request_payout: z.boolean(),
});

// ---------------------------------------------------------------- referrals and coupons
export const referralsInput = pageInput.extend({
  status: z.enum(['all', 'pending', 'confirmed', 'paid']).default('all'),
});
export const referralsOutput = z.object({
  referrals: z.array(
    z.object({
      id: z.string(),
      customer_name: z.string().meta({ example: 'Dar**** Pu***' }),
      customer_email: z.string().meta({ example: 'dar***@gmail.com' }),
      product_name: z.string().nullable(),
      order_date: isoDateTime,
      order_value: money,
      commission: money,
      status: z.enum(['pending', 'confirmed', 'paid']),
    }),
  ),
  pagination,
});
export const couponsOutput = z.array(
  z.object({
    id: z.string(),
    code: z.string(),
    discount_type: z.enum(['percentage', 'fixed', 'free_shipping']),
    discount_value: z.number().meta({ description: 'Percent for percentage coupons, rupiah for fixed' }),
    valid_from: isoDateTime.nullable(),
    valid_until: isoDateTime.nullable(),
    usage_count: z.number().int(),
    usage_limit: z.number().int().nullable(),
    is_active: z.boolean(),
  }),
);

// ---------------------------------------------------------------- profile
export const affiliateProfileOutput = z.object({
  id: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  email: z.string(),
  whatsapp: z.string(),
  city: z.string(),
  instagram: z.string().nullable(),
  tiktok: z.string().nullable(),
  profile_photo: z.string().nullable(),
  affiliate_code: z.string().nullable(),
  joined_at: isoDateTime,
  verification_status: applicationStatus,
});
/** Only the editable fields; id, email, code, dates and statuses sent are ignored. */
export const updateAffiliateProfileInput = z.object({
  first_name: text(1, 100).optional(),
  last_name: text(1, 100).optional(),
  whatsapp: whatsapp.optional(),
  city: text(1, 100).optional(),
  instagram: optionalText(200),
  tiktok: optionalText(200),
});

// ---------------------------------------------------------------- admin
const id = z.coerce.number({ message: 'must be an id' }).int().positive();
export const adminAffiliateListInput = pageInput.extend({ status: applicationStatus.optional() });
export const adminAffiliate = z.object({
  id: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  email: z.string(),
  whatsapp: z.string(),
  city: z.string(),
  instagram: z.string().nullable(),
  tiktok: z.string().nullable(),
  youtube: z.string().nullable(),
  facebook: z.string().nullable(),
  primary_platform: PRIMARY_PLATFORM,
  reason: z.string(),
  status: applicationStatus,
  rejection_reason: z.string().nullable(),
  affiliate_code: z.string().nullable(),
  commission_rate_bps: z.number().int().nullable().meta({ description: 'null: the programme default' }),
  total_clicks: z.number().int(),
  total_conversions: z.number().int(),
  total_commission: money,
  applied_at: isoDateTime,
  approved_at: isoDateTime.nullable(),
});
export const adminAffiliateListOutput = z.object({
  affiliates: z.array(adminAffiliate),
  pagination,
});
const rateBps = z.number().int().min(0).max(10_000).meta({ description: 'Basis points: 1000 = 10%' });
export const approveInput = z.object({ id, commission_rate_bps: rateBps.nullable().optional() });
export const rejectInput = z.object({ id, reason: text(1, 500) });
export const rateInput = z.object({ id, commission_rate_bps: rateBps.nullable() });
export const couponInput = z.object({
  id,
  code: text(1, 32),
  name: optionalText(200),
  discount_type: z.enum(['percentage', 'fixed']),
  discount_value: z
    .number()
    .positive()
    .meta({ description: 'Percent for percentage coupons, rupiah for fixed' }),
  max_discount: z.number().int().min(0).nullable().optional(),
  min_purchase: z.number().int().min(0).optional(),
  valid_from: z.iso.datetime({ offset: true }).nullable().optional(),
  valid_until: z.iso.datetime({ offset: true }).nullable().optional(),
  usage_limit: z.number().int().min(1).nullable().optional(),
  per_customer_limit: z.number().int().min(1).nullable().optional(),
});
export const couponOutput = couponsOutput.element;

export const contentKind = z.enum(['banner', 'social_graphic', 'faq']);
export const contentListInput = z.object({ kind: contentKind.optional() });
export const contentOutput = z.object({
  id: z.string(),
  kind: contentKind,
  title: z.string(),
  body: z.string().nullable(),
  category: z.string().nullable(),
  image_url: z.string().nullable(),
  size: z.string().nullable(),
  position: z.number().int(),
  active: z.boolean(),
});
const contentFields = {
  title: text(1, 300),
  body: z.preprocess(trimmed, z.string().max(5000)).nullable().optional(),
  category: optionalText(100),
  image_url: z.url().max(1000).nullable().optional(),
  size: z
    .preprocess(trimmed, z.string().regex(/^\d{2,5}x\d{2,5}$/, 'must be like 1200x628'))
    .nullable()
    .optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
};
export const createContentInput = z.object({
  kind: contentKind,
  ...contentFields,
  image: upload.optional().meta({ description: 'Uploaded image (JPEG/PNG ≤ 5 MB) instead of image_url' }),
});
export const updateContentInput = z.object({
  id,
  ...contentFields,
  title: contentFields.title.optional(),
  image: upload.optional(),
});
export const contentIdInput = z.object({ id });
export const supportContactInput = z.object({
  whatsapp,
  email: z.preprocess(trimmed, z.email().max(254)),
  response_time: text(1, 100),
});

// ---------------------------------------------------------------- bank account, payouts, photo
export const bankAccountOutput = z
  .object({
    bank_name: z.string(),
    account_number: z.string().meta({ description: 'Masked: ******7890' }),
    account_holder_name: z.string(),
    verification_status: z.enum(['pending', 'verified', 'rejected']),
    rejection_reason: z.string().nullable(),
    ktp_submitted: z.boolean(),
    submitted_at: isoDateTime.nullable(),
    verified_at: isoDateTime.nullable(),
  })
  .nullable();
const bankFields = {
  bank_name: text(2, 100),
  account_number: z.preprocess(trimmed, z.string().regex(/^[0-9][0-9 -]{4,30}[0-9]$/, 'must be digits')),
  account_holder_name: text(2, 200),
};
export const saveBankAccountInput = z.object({ ...bankFields, ktp_image: upload.optional() });
export const ktpInput = z.object({ ktp_image: upload });
export const photoInput = z.object({ photo: upload });
export const payoutRequestInput = z.object({
  amount: z.coerce.number({ message: 'must be a number' }).int('must be whole rupiah').positive(),
});
const payout = z.object({
  id: z.string(),
  amount: money,
  status: z.enum(['pending', 'processing', 'paid', 'failed']),
  requested_at: isoDateTime,
  processed_at: isoDateTime.nullable(),
  bank_name: z.string(),
  account_number: z.string().meta({ description: 'Masked' }),
  notes: z.string().nullable(),
});
export const payoutOutput = payout;
export { pageInput };
export const payoutHistoryOutput = z.object({
  payouts: z.array(payout),
  pagination,
});

// admin
export const bankReview = z.object({
  id: z.string(),
  bank_name: z.string(),
  account_number: z.string().meta({ description: 'Full number, for the reviewer' }),
  account_holder_name: z.string(),
  verification_status: z.enum(['pending', 'verified', 'rejected']),
  ktp_url: z.string().nullable().meta({ description: 'Signed, expires in minutes' }),
  version: z.number().int().meta({ description: 'Send back when deciding: a later change makes it fail' }),
  affiliate: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    whatsapp: z.string(),
  }),
  submitted_at: isoDateTime.nullable(),
});
export const bankReviewListOutput = z.object({
  bank_accounts: z.array(bankReview),
  pagination: pagination,
});
export const bankDecisionInput = z.object({ id, version: z.number().int().optional() });
export const bankRejectInput = z.object({ id, reason: text(1, 500), version: z.number().int().optional() });
export const adminPayoutListInput = pageInput.extend({
  status: z.enum(['pending', 'processing', 'paid', 'failed']).optional(),
});
const adminPayout = payout.extend({
  affiliate_id: z.string(),
  account_number_full: z.string(),
  account_holder_name: z.string(),
  transfer_reference: z.string().nullable(),
});
export const adminPayoutOutput = adminPayout;
export const adminPayoutListOutput = z.object({
  payouts: z.array(adminPayout),
  pagination: pagination,
});
export const payoutNoteInput = z.object({ id, note: optionalText(500) });
export const payoutPaidInput = z.object({ id, transfer_reference: text(1, 100), note: optionalText(500) });
export const payoutRejectInput = z.object({ id, reason: text(1, 500) });

// ---------------------------------------------------------------- dashboard and statistics
export const summaryOutput = z.object({
  total_clicks: z.number().int(),
  total_conversions: z.number().int(),
  conversion_rate: z.number().meta({ description: 'Percent of clicks that became sales, 2 decimals' }),
  total_commission: money,
  available_balance: money,
  pending_commission: money,
});
export const activityInput = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });
export const activityOutput = z.array(
  z.object({
    type: z.enum(['sale', 'click', 'payout']),
    description: z.string(),
    amount: money,
    created_at: isoDateTime,
  }),
);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-31');
export const statisticsInput = z.object({
  period: z.enum(['today', '7days', '30days', 'this_month', 'custom']).default('30days'),
  start_date: isoDate.optional(),
  end_date: isoDate.optional(),
});
export const statisticsOutput = z.object({
  total_clicks: z.number().int(),
  total_conversions: z.number().int(),
  total_commission: money,
  chart_data: z.array(
    z.object({
      date: isoDate.meta({ description: 'A day in the tenant’s time zone (Asia/Jakarta)' }),
      clicks: z.number().int(),
      conversions: z.number().int(),
      commission: money,
    }),
  ),
});
