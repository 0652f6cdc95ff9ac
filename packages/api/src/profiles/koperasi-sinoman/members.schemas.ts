// koperasi-sinoman §3: a member's profile, KYC documents and referrals.
import {
  KYC_DOCUMENT_STATUSES,
  KYC_DOCUMENT_TYPES,
  MEMBER_REFERRAL_STATUSES,
  MEMBER_UPLOAD_RULES,
} from '@komisi/domain';
import { z } from 'zod';
import { boundedInt, pageNumber } from '../shared/request-fields.schemas.ts';
import { countOutput } from '../shared/response-fields.schemas.ts';
import {
  gender,
  isoDateTime,
  kycStatus,
  membershipStatus,
  money,
  optionalText,
  phone,
  postalCode,
  text,
  upload,
} from './member-fields.schemas.ts';

/** The fields a member edits, as the profile and its update show them. */
const editableFields = {
  id: z.string(),
  full_name: z.string(),
  phone: z.string().nullable(),
  address: z.string(),
  village: z.string().nullable(),
  district: z.string().nullable(),
  city: z.string().nullable(),
  province: z.string().nullable(),
  postal_code: z.string().nullable(),
  occupation: z.string().nullable(),
  bio: z.string().nullable(),
  updated_at: isoDateTime,
};

export const profileOutput = z.object({
  member: z.object({
    ...editableFields,
    member_number: z.string(),
    email: z.string(),
    nik: z.string().meta({ description: 'In clear for the member themself only; never in lists' }),
    date_of_birth: z.string(),
    gender,
    membership_type: z.string(),
    membership_status: membershipStatus,
    join_date: isoDateTime,
    kyc_status: kycStatus,
    kyc_verified_at: isoDateTime.nullable(),
    profile_picture_url: z.string().nullable().meta({ description: 'A signed link, valid for 5 minutes' }),
    referral_code: z.string(),
    created_at: isoDateTime,
  }),
});

/** Only the fields sent change; null (or an empty text) clears an optional one. */
export const updateProfileInput = z.object({
  full_name: text(1, 100).optional(),
  phone: phone.optional(),
  address: text(1, 500).optional(),
  village: optionalText(100),
  district: optionalText(100),
  city: optionalText(100),
  province: optionalText(100),
  postal_code: postalCode,
  occupation: optionalText(100),
  bio: optionalText(1000),
});
export const updateProfileOutput = z.object({ member: z.object(editableFields) });

export const pictureInput = z.object({
  file: upload(MEMBER_UPLOAD_RULES.profilePicture.maxBytes, 'JPEG or PNG'),
});
export const pictureOutput = z.object({
  profile_picture_url: z.string().meta({ description: 'A signed link, valid for 5 minutes' }),
  uploaded_at: isoDateTime,
});

export const documentType = z.enum(KYC_DOCUMENT_TYPES);
export const documentInput = z.object({
  document_type: documentType,
  file: upload(MEMBER_UPLOAD_RULES.kycDocument.maxBytes, 'JPEG, PNG or PDF'),
});
const documentFields = {
  id: z.string(),
  document_type: documentType,
  document_url: z.string().meta({ description: 'A signed link, valid for 5 minutes' }),
  verification_status: z.enum(KYC_DOCUMENT_STATUSES),
  created_at: isoDateTime,
};
export const documentOutput = z.object({
  document: z.object({
    ...documentFields,
    file_size_bytes: countOutput,
    mime_type: z.string().meta({ example: 'image/jpeg' }),
  }),
});
export const documentListOutput = z.object({
  documents: z.array(
    z.object({
      ...documentFields,
      verified_at: isoDateTime.nullable(),
      mime_type: z.string().meta({
        example: 'image/jpeg',
        description: 'Not in the document: what the link serves (an image or a PDF)',
      }),
    }),
  ),
  kyc_status: kycStatus,
  kyc_verified_at: isoDateTime.nullable(),
});

/** Not in the document: the referrals come newest first, 50 a page unless asked otherwise. */
export const referralsInput = z.object({
  page: pageNumber().default(1),
  limit: boundedInt(1, 100).default(50),
});
export const referralsOutput = z.object({
  referral_code: z.string(),
  total_referrals: countOutput,
  successful_referrals: countOutput,
  pending_referrals: countOutput,
  total_bonus_earned: money,
  pending_bonus: money,
  referrals: z.array(
    z.object({
      id: z.string(),
      referred_member: z.object({ member_number: z.string(), full_name: z.string(), join_date: isoDateTime }),
      referral_bonus: money,
      status: z.enum(MEMBER_REFERRAL_STATUSES),
      created_at: isoDateTime,
      paid_at: isoDateTime.nullable(),
    }),
  ),
});
