// Request and response shapes of the affiliate's bank account and payouts.
import { z } from 'zod';
import { coercedNumber, INT64, MONEY_MAX, trimmed } from '../shared/request-fields.schemas.ts';
import { isoDateTime, money, text, upload } from './affiliate.schemas.ts';
import { pageInput, pagination } from './qutab.schemas.ts';

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
  account_number: trimmed(z.string().regex(/^[0-9][0-9 -]{4,30}[0-9]$/, 'must be digits')),
  account_holder_name: text(2, 200),
};
export const saveBankAccountInput = z.object({ ...bankFields, ktp_image: upload.optional() });
export const ktpInput = z.object({ ktp_image: upload });
export const payoutRequestInput = z.object({
  amount: coercedNumber({ message: 'must be a number' })
    .int('must be whole rupiah')
    .positive()
    .max(MONEY_MAX)
    .meta(INT64),
});
/** A payout as the affiliate sees it (the admins' view extends it). */
export const payout = z.object({
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
