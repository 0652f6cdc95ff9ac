// Field types shared by the dtehm-mobile schemas. Only zod here: no ORM, no services.
import { z } from 'zod';
import { boundedInt, pageNumber, rowId } from '../../shared/request-fields.schemas.ts';
import { amountOutput, countOutput, idOutput } from '../../shared/response-fields.schemas.ts';

/** What a client sends for Yes/No: the spec writes `Yes` and `yes`; any case and spaces are accepted. */
export type YesNoInput = 'Yes' | 'No' | 'yes' | 'no';
export const yesNo = z.preprocess<unknown, z.ZodEnum<{ Yes: 'Yes'; No: 'No' }>, YesNoInput>(
  (v) => (typeof v === 'string' ? v.trim().charAt(0).toUpperCase() + v.trim().slice(1).toLowerCase() : v),
  z.enum(['Yes', 'No'], { message: 'must be Yes or No' }),
);
export const id = rowId({ message: 'must be a number' });
export const memberNumber = z.string().trim().min(1).max(32);
export const dateTime = z.string().meta({ example: '2025-01-30 14:00:00', description: 'Tenant local time' });
/** Money in responses, balances too: commissions are only ever credited, so none goes below zero. */
export const money = amountOutput.meta({ description: 'Amount in the currency minor unit (UGX has none)' });
export const page = pageNumber().default(1);
export const perPage = boundedInt(1, 100).default(20);
export { isoDate } from '../../shared/request-fields.schemas.ts';

export const pagination = z.object({
  total: countOutput,
  per_page: countOutput,
  current_page: countOutput,
  last_page: countOutput,
});
export const pagination_from_to = pagination.extend({
  from: countOutput.nullable(),
  to: countOutput.nullable(),
});

export const userSchema = z.object({
  id: idOutput,
  name: z.string(),
  email: z.string(),
  phone_number: z.string().nullable(),
  address: z.string().nullable(),
  is_dtehm_member: z.enum(['Yes', 'No']),
  is_dip_member: z.enum(['Yes', 'No']),
  dtehm_member_id: z.string().nullable(),
  dip_member_id: z.string().nullable(),
  sponsor_id: z.string().nullable(),
  membership_status: z.enum(['Pending', 'Active']),
  created_at: dateTime,
});

export const membershipTypes = z.array(z.enum(['DTEHM', 'DIP']));
export const paymentMethod = z.enum(['pesapal', 'mobile_money', 'bank']);
export const callbackUrl = z.string().trim().min(1).max(2000).optional();
export const clientStatus = z
  .enum(['success', 'failed'])
  .optional()
  .meta({ description: 'Ignored: the server always asks the payment provider.' });
