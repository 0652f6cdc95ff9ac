import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { authedProcedure, credentialProcedure, publicProcedure } from '../../kernel/trpc.ts';
import * as s from './auth.schemas.ts';
import { presentMemberStanding, presentRegistration, presentTokens } from './members.presenters.ts';

const tags = ['Authentication'];

/** Members joining and signing in (koperasi-sinoman §2.2; the OTP steps are their own area). */
export const authRouter = {
  register: publicProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/register',
        tags,
        protect: false,
        summary: 'Register member',
        description:
          'Creates the member (status `pending`, KYC `pending`, number `SIN-{year}-{6 digits}`) and opens ' +
          'their three savings accounts (Simpanan Pokok, Wajib, Sukarela) in one step. The email and the ' +
          'phone (in any written form: `0812…`, `+62 812…`) must be free, the NIK 16 digits and not ' +
          'registered to another member (the tenant may also check its structure: setting ' +
          '`cooperative.strictNik`), `date_of_birth` a past date. `referral_code` names the member who ' +
          'referred them (an unknown code: 422); that member earns the referral bonus when this one ' +
          'first becomes active. Every refused field is named at once (422 `VALIDATION_FAILED`). The ' +
          'NIK is stored encrypted and never logged.',
      },
      successStatus: 201,
      message: 'Member registered successfully. Please verify your email.',
      errors: [422],
    })
    .input(s.registerInput)
    .output(s.registerOutput)
    .mutation(async ({ ctx, input }) => {
      const registered = await ctx.services.cooperativeRegistration.register(ctx.scope(), {
        email: input.email,
        phone: input.phone,
        password: input.password,
        fullName: input.full_name,
        nik: input.nik,
        dateOfBirth: input.date_of_birth,
        gender: input.gender,
        address: input.address,
        village: input.village,
        district: input.district,
        city: input.city,
        province: input.province,
        postalCode: input.postal_code,
        occupation: input.occupation,
        referralCode: input.referral_code,
      });
      return presentRegistration(registered);
    }),

  login: credentialProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/login',
        tags,
        protect: false,
        summary: 'Login',
        description:
          '`identifier` is the email or the phone number in any written form (`081234567890`, ' +
          '`+62 812-3456-7890`). The access token lasts `expires_in` seconds; trade the refresh token at ' +
          '/auth/refresh for new ones. Wrong credentials: 401; after 5 failed attempts on one account ' +
          '(or 30 from one address) within 15 minutes: 429. A suspended or inactive member: 403. The ' +
          'cooperative’s administrators sign in here too (their `member` is null).',
      },
      message: 'Login successful',
      errors: [401, 403, 429],
    })
    .input(s.loginInput)
    .output(s.loginOutput)
    .mutation(async ({ ctx, input }) => {
      const session = await ctx.services.memberAccess.signIn(
        ctx.scope(),
        input.identifier,
        input.password,
        ctx.ip,
      );
      return {
        ...presentTokens(session.tokens),
        member: session.member ? presentMemberStanding(session.account, session.member) : null,
      };
    }),

  refresh: credentialProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/refresh',
        tags,
        protect: false,
        summary: 'Refresh token',
        description:
          'Trades a refresh token for a new access token and a new refresh token. Each refresh token works ' +
          'once: using one again ends the whole login (401), as a stolen token would.',
      },
      message: 'Token refreshed successfully',
      errors: [401],
    })
    .input(s.refreshInput)
    .output(s.refreshOutput)
    .mutation(async ({ ctx, input }) =>
      presentTokens(await ctx.services.identity.refresh(ctx.scope(), input.refresh_token)),
    ),

  logout: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/logout',
        tags,
        summary: 'Logout',
        description:
          'Ends this login: its access token and its refresh token stop working at once. Other logins of ' +
          'the member stay.',
      },
      message: 'Logged out successfully',
    })
    .input(s.emptyInput)
    // the document shows no data; `data: null` keeps the envelope's shape (and its schema) whole
    .output(z.null())
    .mutation(async ({ ctx }) => {
      await ctx.services.identity.logout(ctx.scope(), ctx.auth.sessionId);
      return null;
    }),
} satisfies TRPCRouterRecord;
