import { validationError } from '@komisi/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { zodIssuesToFields } from '../../kernel/error-map.ts';
import { authedProcedure, credentialProcedure, publicProcedure } from '../../kernel/trpc.ts';
import { presentUser } from './dtehm.presenters.ts';
import * as s from './dtehm.schemas.ts';

const tags = ['Users'];

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
  const conflicts = await ctx.services.memberRegistration.conflicts(ctx.scope(), {
    email: email?.success ? email.data : undefined,
    sponsorMemberNumber: sponsorId?.success ? sponsorId.data : undefined,
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
        description:
          'Creates a member account and quotes its membership fees (DTEHM 76,000 and DIP 20,000 UGX by ' +
          'default). The account stays Pending until the membership payment is confirmed. `sponsor_id` is the ' +
          'member number of an active member, required when `from_mobile` is yes; at least one membership ' +
          'must be chosen. The answer carries tokens, so the app can go straight to the payment.',
      },
      message: 'Account created successfully. Please complete membership payment to activate your account.',
    })
    .input(s.registerInput)
    .output(s.registerOutput)
    .mutation(async ({ ctx, input }) => {
      const { profile, tokens, quote } = await ctx.services.memberRegistration.register(ctx.scope(), {
        email: input.email,
        password: input.password,
        name: input.name,
        phone: input.phone_number,
        address: input.address ?? null,
        sponsorMemberNumber: input.sponsor_id,
        wantsDtehm: input.is_dtehm_member === 'Yes',
        wantsDip: input.is_dip_member === 'Yes',
        fromMobile: input.from_mobile === 'Yes',
      });
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
        description:
          'Returns the member with an access token (valid `expires_in` seconds) and a refresh token. After 5 ' +
          'failed attempts on one account (or 30 from one address) within 15 minutes, logins answer 429. A ' +
          'member suspended by an administrator: 403.',
      },
      message: 'Login successful',
      errors: [401, 403, 429],
    })
    .input(s.loginInput)
    .output(s.loginOutput)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const account = await ctx.services.identity.login(scope, input.email, input.password, ctx.ip);
      const tokens = await ctx.services.memberStanding.signIn(scope, account);
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
