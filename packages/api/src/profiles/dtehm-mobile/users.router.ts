import { DomainError } from '@komisi/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { findByMemberNumber } from '../../contexts/network/member-directory.ts';
import { inTransaction } from '../../platform/scope.ts';
import { authedProcedure, publicProcedure } from '../../platform/trpc.ts';
import { presentUser } from './dtehm.presenters.ts';
import * as s from './dtehm.schemas.ts';

const tags = ['Users'];

export const usersRouter = {
  register: publicProcedure
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
      const sponsor = input.sponsor_id ? await findByMemberNumber(scope, input.sponsor_id) : null;
      if (input.sponsor_id && !sponsor?.active) {
        throw new DomainError('VALIDATION_ERROR', 'The given data was invalid.', {
          fields: { sponsor_id: ['The selected sponsor id does not exist.'] },
        });
      }
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
          fromMobile: input.from_mobile?.toLowerCase() === 'yes',
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

  login: publicProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/users/login',
        tags,
        protect: false,
        summary: 'Log in with email and password',
      },
      message: 'Login successful',
    })
    .input(s.loginInput)
    .output(s.loginOutput)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const account = await ctx.services.identity.login(scope, input.email, input.password, ctx.ip);
      const tokens = await ctx.services.identity.issueTokens(scope, account);
      const profile = await ctx.services.membership.profile(scope, account.id);
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
  refresh: publicProcedure
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
