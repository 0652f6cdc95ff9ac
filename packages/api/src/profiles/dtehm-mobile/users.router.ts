import { type FieldErrors, validationError } from '@komisi/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { EMAIL_TAKEN } from '../../contexts/identity/identity.service.ts';
import { findByMemberNumber, type MemberCard } from '../../contexts/network/member-directory.ts';
import type { ApiContext } from '../../kernel/api-context.ts';
import { zodIssuesToFields } from '../../kernel/error-map.ts';
import { inTransaction, type Scope } from '../../kernel/scope.ts';
import { authedProcedure, credentialProcedure, publicProcedure } from '../../kernel/trpc.ts';
import { presentUser } from './dtehm.presenters.ts';
import * as s from './dtehm.schemas.ts';

const tags = ['Users'];

export const SPONSOR_NOT_FOUND = 'The selected sponsor id does not exist.';

/**
 * The checks of a registration that need the database: the sponsor must be an active member
 * (whether or not the app requires one, a sponsor that is named must exist) and the email must be free.
 */
async function registrationConflicts(
  ctx: ApiContext,
  scope: Scope,
  candidate: { email?: string | undefined; sponsorId?: string | undefined },
): Promise<{ fields: FieldErrors; sponsor: MemberCard | null }> {
  const fields: FieldErrors = {};
  let sponsor: MemberCard | null = null;
  if (candidate.sponsorId !== undefined) {
    sponsor = await findByMemberNumber(scope, candidate.sponsorId);
    if (!sponsor?.active) fields.sponsor_id = [SPONSOR_NOT_FOUND];
  }
  if (candidate.email !== undefined && (await ctx.services.identity.emailTaken(scope, candidate.email))) {
    fields.email = [EMAIL_TAKEN];
  }
  return { fields, sponsor };
}

/**
 * Runs before the input parser: when the body is invalid, the sponsor and email checks still run
 * on whichever of those two fields parsed, so one 400 names every bad field.
 */
const registerPreflight = publicProcedure.use(async ({ ctx, getRawInput, next }) => {
  const parsed = s.registerInput.safeParse(await getRawInput());
  if (parsed.success) return next();
  const fields = zodIssuesToFields(parsed.error);
  const raw = (await getRawInput()) as Record<string, unknown>;
  const shape = s.registerInput.shape;
  const valid = <K extends 'email' | 'sponsor_id'>(key: K) =>
    !(key in fields) && typeof raw?.[key] === 'string' ? shape[key].safeParse(raw[key]) : undefined;
  const email = valid('email');
  const sponsorId = valid('sponsor_id');
  const conflicts = await registrationConflicts(ctx, ctx.scope(), {
    email: email?.success ? email.data : undefined,
    sponsorId: sponsorId?.success ? sponsorId.data : undefined,
  });
  throw validationError({ ...fields, ...conflicts.fields });
});

export const usersRouter = {
  register: registerPreflight
    .meta({
      openapi: {
        method: 'POST',
        path: '/users/register',
        tags,
        protect: false,
        summary: 'Register a new member',
      },
      message: 'Account created successfully. Please complete membership payment to activate your account.',
    })
    .input(s.registerInput)
    .output(s.registerOutput)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const { identity, membership } = ctx.services;
      const { fields, sponsor } = await registrationConflicts(ctx, scope, {
        email: input.email,
        sponsorId: input.sponsor_id,
      });
      if (Object.keys(fields).length > 0) throw validationError(fields);
      const account = await inTransaction(scope, async (tx) => {
        const created = await identity.createAccount(tx, {
          email: input.email,
          password: input.password,
          name: input.name,
          phone: input.phone_number,
        });
        await membership.join(tx, {
          accountId: created.id,
          sponsorAccountId: sponsor?.id ?? null,
          wantsDtehm: input.is_dtehm_member === 'Yes',
          wantsDip: input.is_dip_member === 'Yes',
          address: input.address ?? null,
          fromMobile: input.from_mobile === 'Yes',
        });
        return created;
      });
      const tokens = await identity.issueTokens(scope, account);
      const profile = await membership.profile(scope, account.id);
      const quote = membership.quote(scope, profile);
      return {
        user: {
          ...presentUser(profile, ctx.tenant.timeZone),
          token: tokens.accessToken,
          refresh_token: tokens.refreshToken,
        },
        membership_payment: { ...quote, status: 'pending' as const },
      };
    }),

  login: credentialProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/users/login',
        tags,
        protect: false,
        summary: 'Log in with email and password',
      },
      message: 'Login successful',
      errors: [401, 429],
    })
    .input(s.loginInput)
    .output(s.loginOutput)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const account = await ctx.services.identity.login(scope, input.email, input.password, ctx.ip);
      const tokens = await ctx.services.identity.issueTokens(scope, account);
      const profile = await ctx.services.membership.profileOrStaff(scope, account);
      return {
        user: presentUser(profile, ctx.tenant.timeZone),
        token: tokens.accessToken,
        refresh_token: tokens.refreshToken,
        token_type: 'Bearer' as const,
        expires_in: tokens.expiresIn,
      };
    }),
} satisfies TRPCRouterRecord;

/** Token lifecycle for the SDK (tRPC only: the dtehm spec documents no refresh or logout). */
export const authRouter = {
  refresh: credentialProcedure
    .input(s.refreshInput)
    .output(s.refreshOutput)
    .mutation(async ({ ctx, input }) => {
      const tokens = await ctx.services.identity.refresh(ctx.scope(), input.refresh_token);
      return { token: tokens.accessToken, refresh_token: tokens.refreshToken, expires_in: tokens.expiresIn };
    }),
  logout: authedProcedure.output(s.okOutput).mutation(async ({ ctx }) => {
    await ctx.services.identity.logout(ctx.scope(), ctx.auth.sessionId);
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
