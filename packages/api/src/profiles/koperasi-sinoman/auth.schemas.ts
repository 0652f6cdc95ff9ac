// koperasi-sinoman §2: registering a member, signing in and out.
import { SAVINGS_CODES } from '@komisi/domain';
import { z } from 'zod';
import { countOutput } from '../shared/response-fields.schemas.ts';
import {
  dateOfBirth,
  email,
  gender,
  isoDateTime,
  kycStatus,
  membershipStatus,
  money,
  nik,
  optionalText,
  password,
  phone,
  postalCode,
  text,
} from './member-fields.schemas.ts';

export const registerInput = z.object({
  email,
  phone,
  password,
  full_name: text(1, 100),
  nik,
  date_of_birth: dateOfBirth,
  gender,
  address: text(1, 500),
  village: optionalText(100),
  district: optionalText(100),
  city: optionalText(100),
  province: optionalText(100),
  postal_code: postalCode,
  occupation: optionalText(100),
  referral_code: optionalText(16).meta({ description: 'A member’s referral code (any case)' }),
});

export const registerOutput = z.object({
  member: z.object({
    id: z.string(),
    member_number: z.string(),
    email: z.string(),
    full_name: z.string(),
    phone: z.string(),
    membership_status: membershipStatus,
    kyc_status: kycStatus,
    created_at: isoDateTime,
  }),
  savings_accounts: z.array(
    z.object({
      id: z.string(),
      account_number: z.string(),
      savings_type: z.enum(SAVINGS_CODES),
      balance: money,
      virtual_account_number: z.string(),
    }),
  ),
});

export const loginInput = z.object({
  identifier: text(3, 254).meta({ description: 'Email or phone number (any form: 0812…, +62 812…)' }),
  password: z.string().min(1).max(200),
});

const tokenFields = {
  access_token: z.string(),
  refresh_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: countOutput.meta({ description: 'Seconds until the access token expires' }),
};

export const loginOutput = z.object({
  ...tokenFields,
  member: z
    .object({
      id: z.string(),
      member_number: z.string(),
      email: z.string(),
      full_name: z.string(),
      membership_status: membershipStatus,
      kyc_status: kycStatus,
    })
    .nullable()
    .meta({ description: 'null for an administrator’s account, which is no member' }),
});

export const refreshInput = z.object({ refresh_token: z.string().min(1).max(500) });
export const refreshOutput = z.object(tokenFields);
export const emptyInput = z.object({}).optional();
