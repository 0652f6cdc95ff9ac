// koperasi-sinoman §6.1: the administrators' member list and status changes.
import { MEMBER_LIST_SORTS } from '@komisi/domain';
import { z } from 'zod';
import { countOutput } from '../shared/response-fields.schemas.ts';
import {
  isoDateTime,
  kycStatus,
  memberId,
  membershipStatus,
  money,
  optionalText,
} from './member-fields.schemas.ts';
import { pageFields, paginationOutput } from './pagination.schemas.ts';

export const memberListInput = z.object({
  status: membershipStatus.optional().meta({ description: 'Membership status' }),
  kyc_status: kycStatus.optional(),
  search: optionalText(100).meta({
    description: 'Words of the name, email or member number (each matches the start of a word)',
  }),
  ...pageFields,
  sort_by: z.enum(MEMBER_LIST_SORTS).default('created_at'),
  sort_order: z.enum(['asc', 'desc']).default('desc'),
});

export const memberListOutput = z.object({
  members: z.array(
    z.object({
      id: z.string(),
      member_number: z.string(),
      full_name: z.string(),
      email: z.string(),
      phone: z.string().nullable(),
      membership_status: membershipStatus,
      kyc_status: kycStatus,
      join_date: isoDateTime,
      total_savings: money,
      last_activity: isoDateTime,
    }),
  ),
  pagination: paginationOutput,
  summary: z.object({
    total_members: countOutput,
    active_members: countOutput,
    pending_verification: countOutput.meta({ description: 'Members whose membership is pending' }),
    suspended_members: countOutput,
  }),
});

export const statusInput = z
  .object({
    member_id: memberId,
    membership_status: membershipStatus.optional(),
    kyc_status: kycStatus.optional(),
    notes: optionalText(1000),
  })
  .refine((v) => v.membership_status !== undefined || v.kyc_status !== undefined, {
    message: 'membership_status or kyc_status is required',
    path: ['membership_status'],
  });

export const statusOutput = z.object({
  member: z.object({
    id: z.string(),
    member_number: z.string(),
    membership_status: membershipStatus,
    kyc_status: kycStatus,
    kyc_verified_at: isoDateTime.nullable(),
    updated_at: isoDateTime,
  }),
});

export const memberDocumentsInput = z.object({ member_id: memberId });
