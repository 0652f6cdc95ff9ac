import { z } from 'zod';
import { idOutput } from '../../shared/response-fields.schemas.ts';
import {
  callbackUrl,
  clientStatus,
  dateTime,
  id,
  membershipTypes,
  money,
  paymentMethod,
  userSchema,
} from './primitives.schemas.ts';

// 2. Membership payment

export const initiateMembershipInput = z.object({
  user_id: id,
  payment_method: paymentMethod.default('pesapal'),
  callback_url: callbackUrl,
});
export const initiateMembershipOutput = z.object({
  payment_id: idOutput,
  amount: money,
  membership_types: membershipTypes,
  payment_url: z.string(),
  tracking_id: z.string(),
});

export const confirmMembershipInput = z.object({
  payment_id: id,
  transaction_reference: z.string().trim().max(128).optional(),
  status: clientStatus,
});
export const confirmMembershipOutput = z.object({
  user: userSchema,
  dtehm_member_id: z.string().nullable(),
  dip_member_id: z.string().nullable(),
  membership_status: z.literal('Active'),
  sponsor_commission_created: z.boolean(),
});

export const paymentStatusInput = z.object({ payment_id: id });
export const paymentStatusOutput = z.object({
  payment_id: idOutput,
  amount: money,
  status: z.enum(['pending', 'completed', 'failed']),
  membership_types: membershipTypes,
  transaction_reference: z.string(),
  created_at: dateTime,
  paid_at: dateTime.nullable(),
});
