// OTP request and verification (koperasi-sinoman §2.2.3, §2.2.4), in the document's field names.
import { isIndonesianMobile, OTP_PURPOSES } from '@komisi/domain';
import { z } from 'zod';
import { trimmed } from '../shared/request-fields.schemas.ts';

/** The instant as the document writes it: `2024-09-29T10:05:00Z`. */
const isoSeconds = z.string().meta({ format: 'date-time', example: '2024-09-29T10:05:00Z' });

export const otpPhone = trimmed(
  z.string().max(32).refine(isIndonesianMobile, 'must be an Indonesian mobile number like 081234567890'),
).meta({ example: '081234567890' });

export const otpRequestInput = z.object({
  phone: otpPhone,
  type: z.enum(OTP_PURPOSES).meta({
    description:
      'verification: confirm the number; reset_password: reset the password of the account with it',
  }),
});

export const otpRequestOutput = z.object({
  otp_id: z.string().meta({ example: 'otp_550e8400-e29b-41d4-a716-446655440000' }),
  expires_at: isoSeconds,
  phone: z.string().meta({ example: '081234567890' }),
});

export const otpVerifyInput = z.object({
  otp_id: trimmed(
    z
      .string()
      .regex(/^otp_[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/, 'must be an otp_id from /auth/otp/request'),
  ),
  otp_code: trimmed(z.string().regex(/^[0-9]{6}$/, 'must be 6 digits')),
  new_password: z
    .string()
    .min(8, 'must be at least 8 characters')
    .max(200)
    .optional()
    .meta({
      description:
        'Not in the document: the new password, required when the OTP was requested with type ' +
        'reset_password (every session of the account then ends), refused otherwise.',
    }),
});

export const otpVerifyOutput = z.object({
  verified: z.literal(true),
  phone_verified_at: isoSeconds,
});
