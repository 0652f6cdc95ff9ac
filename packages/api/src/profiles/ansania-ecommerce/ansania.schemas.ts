// Request and response shapes of the ansania-ecommerce spec (auth, user, addresses).
import { z } from 'zod';
import { rowId, trimmed } from '../shared/request-fields.schemas.ts';
import { idOutput } from '../shared/response-fields.schemas.ts';

const email = trimmed(z.email().max(254));
const phone = trimmed(z.string().regex(/^\+?[0-9]{8,15}$/, 'must be a phone number like +628123456789'));
const password = z.string().min(8, 'must be at least 8 characters').max(200);
const fullName = trimmed(z.string().min(1).max(255));
export const id = rowId({ message: 'must be a number' });
const isoDateTime = z.string().meta({ example: '2026-01-01T00:00:00Z' });

export const userSummary = z.object({
  id: idOutput,
  email: z.string(),
  full_name: z.string(),
  odoo_user_id: idOutput.nullable(),
  odoo_partner_id: idOutput.nullable(),
});

export const sessionOutput = z.object({ user: userSummary, token: z.string(), refresh_token: z.string() });

export const registerInput = z.object({ email, phone, full_name: fullName, password });
export const loginInput = z.object({
  email: trimmed(z.string().min(3).max(254)).meta({ description: 'Email or phone number' }),
  password: z.string().min(1).max(200),
  remember_me: z.boolean().optional(),
});
export const forgotPasswordInput = z.object({ email });
export const resetPasswordInput = z.object({ token: z.string().min(20).max(200), new_password: password });
export const refreshInput = z.object({ refresh_token: z.string().min(1).max(500) });
export const refreshOutput = z.object({ token: z.string(), refresh_token: z.string() });

export const profileOutput = z.object({
  id: idOutput,
  email: z.string(),
  phone: z.string().nullable(),
  full_name: z.string(),
  email_verified: z.boolean(),
  created_at: isoDateTime,
});
export const updateProfileInput = z
  .object({ full_name: fullName.optional(), phone: phone.optional() })
  .refine((v) => v.full_name !== undefined || v.phone !== undefined, {
    message: 'Send full_name or phone',
    path: ['full_name'],
  });

const addressFields = {
  label: trimmed(z.string().min(1).max(50)),
  recipient_name: fullName,
  phone,
  address_line1: trimmed(z.string().min(3).max(500)),
  address_line2: trimmed(z.string().max(500)).nullable().optional(),
  city: trimmed(z.string().min(1).max(100)),
  district: trimmed(z.string().max(100)).nullable().optional(),
  province: trimmed(z.string().min(1).max(100)),
  postal_code: trimmed(z.string().regex(/^\d{5}$/, 'must be a 5-digit postal code')),
  is_default: z.boolean().optional(),
};
export const addressInput = z.object(addressFields);
export const updateAddressInput = z.object({ id, ...addressFields });
export const addressIdInput = z.object({ id });

export const addressOutput = z.object({
  id: idOutput,
  label: z.string(),
  recipient_name: z.string(),
  phone: z.string(),
  address_line1: z.string(),
  address_line2: z.string().nullable(),
  city: z.string(),
  district: z.string().nullable(),
  province: z.string(),
  postal_code: z.string(),
  is_default: z.boolean(),
});
export const addressListOutput = z.object({ addresses: z.array(addressOutput) });
export const singleAddressOutput = z.object({ address: addressOutput });
export const emptyInput = z.object({}).optional();
export const messageOutput = z.object({ message: z.string() });
export const noContent = z.void();
export const okOutput = z.object({ ok: z.literal(true) });
