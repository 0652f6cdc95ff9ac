// The administrators' member endpoints (not in the dtehm-mobile spec: ours, in its conventions: Yes/No
// flags, member numbers as `*_member_id`, page/per_page, local date-times).
import { z } from 'zod';
import { trimmed } from '../../shared/request-fields.schemas.ts';
import { amountOutput, countOutput, idOutput } from '../../shared/response-fields.schemas.ts';
import { networkInput, networkOutput } from './account.schemas.ts';
import { dateTime, id, money, page, pagination_from_to, perPage, yesNo } from './primitives.schemas.ts';

export const MEMBER_STANDING_LABELS = ['Pending', 'Active', 'Suspended'] as const;
type StandingLabel = (typeof MEMBER_STANDING_LABELS)[number];
/** A member's standing: Pending and Active follow the membership payment; Suspended is an administrator's. */
const standing = z.enum(MEMBER_STANDING_LABELS);
/** The standing as a filter: any case (`active`, `ACTIVE`). */
const standingFilter = z.preprocess<unknown, typeof standing, StandingLabel | Lowercase<StandingLabel>>(
  (v) => (typeof v === 'string' ? v.trim().charAt(0).toUpperCase() + v.trim().slice(1).toLowerCase() : v),
  standing,
);

const memberRef = z.object({ id: idOutput, name: z.string(), member_id: z.string().nullable() });

// GET /admin/members
export const adminMembersInput = z.object({
  page,
  per_page: perPage,
  search: trimmed(z.string().max(100))
    .optional()
    .meta({ description: 'a member number (whole or in part), or part of the name, email or phone number' }),
  status: standingFilter.optional(),
  membership: z.enum(['all', 'dtehm', 'dip']).default('all'),
  stockist: yesNo.optional().meta({ description: 'Yes: only stockists; No: only members who are not' }),
  sort_by: z.enum(['joined_at', 'name', 'member_id']).default('joined_at'),
  sort_order: z.enum(['asc', 'desc']).default('desc'),
});

const memberRow = z.object({
  id: idOutput,
  name: z.string(),
  email: z.string(),
  phone_number: z.string().nullable(),
  dtehm_member_id: z.string().nullable(),
  dip_member_id: z.string().nullable(),
  is_dtehm_member: z.enum(['Yes', 'No']),
  is_dip_member: z.enum(['Yes', 'No']),
  sponsor_id: z.string().nullable().meta({ description: 'the sponsor’s member number' }),
  status: standing,
  is_stockist: z.enum(['Yes', 'No']),
  direct_referrals: countOutput,
  total_downline: countOutput.meta({ description: 'members in the generations the plan pays' }),
  joined_at: dateTime,
  activated_at: dateTime.nullable(),
});
export const adminMembersOutput = z.object({ members: z.array(memberRow), pagination: pagination_from_to });

// GET /admin/members/{id} (and what every change of a member answers)
export const adminMemberIdInput = z.object({ id });
export const adminMemberOutput = memberRow.extend({
  address: z.string().nullable(),
  created_at: dateTime,
  suspended_at: dateTime.nullable(),
  suspension_reason: z.string().nullable(),
  sponsor: memberRef.extend({ status: standing }).nullable(),
  upline: z
    .array(memberRef.extend({ level: countOutput, status: standing }))
    .meta({ description: 'the sponsor chain, level 1 being the sponsor, as deep as the plan pays' }),
  network: networkOutput.shape.statistics,
  commissions: z.object({
    total_commissions: amountOutput,
    current_balance: money,
    currency: z.string(),
  }),
});

// GET /admin/members/{id}/network
export const adminMemberNetworkInput = networkInput.extend({ id });
const networkRow = networkOutput.shape.network.element;
export const adminMemberNetworkOutput = networkOutput.extend({
  member: memberRef,
  network: z.array(networkRow.extend({ status: standing })),
});

// PUT /admin/members/{id}/stockist
export const setStockistInput = z.object({
  id,
  is_stockist: yesNo.meta({ description: 'Yes designates the member a stockist, No revokes it' }),
});

// POST /admin/members/{id}/suspend
export const suspendMemberInput = z.object({
  id,
  reason: z.string().trim().min(1, 'The reason is required.').max(500),
});
