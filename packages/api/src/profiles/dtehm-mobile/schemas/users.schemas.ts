import { z } from 'zod';
import { trimmed } from '../../shared/request-fields.schemas.ts';
import { countOutput } from '../../shared/response-fields.schemas.ts';
import { memberNumber, membershipTypes, money, userSchema, yesNo } from './primitives.schemas.ts';

// Registration, login and tokens (spec section 1)
/** Mobile keyboards add stray spaces; blank and null optional fields count as absent. */
const blankAsAbsent = <S extends z.ZodType>(schema: S) =>
  z.preprocess<unknown, S, z.input<S> | null>(
    (v) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v),
    schema,
  );
const emailAddress = trimmed(z.email().max(254));

const SPONSOR_REQUIRED = 'The sponsor id is required for mobile registration.';
const MEMBERSHIP_REQUIRED = 'Choose at least one membership (DTEHM or DIP).';

export const registerInput = z
  .object({
    email: emailAddress,
    password: z.string().min(8).max(200),
    name: z.string().trim().min(1).max(255),
    phone_number: z.string().trim().min(7).max(32),
    address: blankAsAbsent(z.string().trim().max(500).optional()),
    sponsor_id: blankAsAbsent(
      memberNumber.optional().meta({
        description: 'Member number (DTEHM or DIP) of an active member; required when from_mobile=yes',
      }),
    ),
    is_dtehm_member: yesNo.default('No'),
    is_dip_member: yesNo.default('No'),
    from_mobile: blankAsAbsent(
      yesNo.optional().meta({ description: 'yes/no in any case; yes makes sponsor_id required' }),
    ),
  })
  // Cross-field rules run even when other fields are invalid (`when`), so one response names every
  // bad field. The value may then be partly unparsed (or not an object at all): read it defensively.
  .superRefine(
    (v, ctx) => {
      if (typeof v !== 'object' || v === null) return;
      const invalid = new Set(ctx.issues.map((i) => i.path?.[0]));
      if (v.from_mobile === 'Yes' && v.sponsor_id === undefined && !invalid.has('sponsor_id')) {
        ctx.addIssue({ code: 'custom', path: ['sponsor_id'], message: SPONSOR_REQUIRED });
      }
      if (
        v.is_dtehm_member === 'No' &&
        v.is_dip_member === 'No' &&
        !invalid.has('is_dtehm_member') &&
        !invalid.has('is_dip_member')
      ) {
        ctx.addIssue({ code: 'custom', path: ['is_dtehm_member'], message: MEMBERSHIP_REQUIRED });
      }
    },
    { when: () => true },
  );
export type RegisterInput = z.output<typeof registerInput>;

export const registerOutput = z.object({
  user: userSchema.extend({ token: z.string(), refresh_token: z.string() }),
  membership_payment: z.object({
    required: z.boolean(),
    amount: money,
    types: membershipTypes,
    breakdown: z.object({ dtehm: money, dip: money }),
    status: z.literal('pending'),
  }),
});

export const loginInput = z.object({ email: emailAddress, password: z.string().min(1).max(200) });
export const loginOutput = z.object({
  user: userSchema,
  token: z.string(),
  refresh_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: countOutput,
});

export const refreshInput = z.object({ refresh_token: z.string().min(1).max(500) });
export const refreshOutput = z.object({
  token: z.string(),
  refresh_token: z.string(),
  expires_in: countOutput,
});
