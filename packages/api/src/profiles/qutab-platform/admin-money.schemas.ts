// Request and response shapes of the admins' bank account reviews and payout processing.
import { z } from 'zod';
import { INT4_MAX, INT32 } from '../shared/request-fields.schemas.ts';
import { id, isoDateTime, optionalText, text } from './affiliate.schemas.ts';
import { payout } from './affiliate-money.schemas.ts';
import { pageInput, pagination } from './qutab.schemas.ts';

export { pageInput };

/** A bank account's version: counts its changes from 1 (the one a reviewer saw is sent back). */
const version = z.number().int().min(1).max(INT4_MAX).meta(INT32);
export const bankReview = z.object({
  id: z.string(),
  bank_name: z.string(),
  account_number: z.string().meta({ description: 'Full number, for the reviewer' }),
  account_holder_name: z.string(),
  verification_status: z.enum(['pending', 'verified', 'rejected']),
  ktp_url: z.string().nullable().meta({ description: 'Signed, expires in minutes' }),
  version: version.meta({ description: 'Send back when deciding: a later change makes it fail' }),
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
export const bankDecisionInput = z.object({ id, version: version.optional() });
export const bankRejectInput = z.object({ id, reason: text(1, 500), version: version.optional() });
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
