import type { TRPCRouterRecord } from '@trpc/server';
import { registerShopCustomer } from '../../contexts/commerce/customers/shop-customers.ts';
import type { TokenPolicy } from '../../contexts/identity/identity.service.ts';
import { authedProcedure, credentialProcedure, publicProcedure } from '../../kernel/trpc.ts';
import { passwordResetProcedures } from '../shared/password-reset.procedures.ts';
import { presentUserSummary } from './ansania.presenters.ts';
import * as s from './ansania.schemas.ts';
import { mergeHeldGuestCart } from './cart-token.ts';

const tags = ['Auth'];

// The spec: access tokens live 1 hour, refresh tokens 7 days ("remember me": 30 days).
const SESSION: TokenPolicy = { accessTtlSeconds: 3600, refreshTtlSeconds: 7 * 86_400 };
const REMEMBERED: TokenPolicy = { ...SESSION, refreshTtlSeconds: 30 * 86_400 };

export const authRouter = {
  register: publicProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/register',
        tags,
        protect: false,
        summary: 'Register a new user account',
        description: 'An email or phone number that already has an account: 409 CONFLICT naming the field.',
      },
      successStatus: 201,
      errors: [409],
    })
    .input(s.registerInput)
    .output(s.sessionOutput)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const account = await registerShopCustomer(scope, ctx.services.identity, {
        email: input.email,
        password: input.password,
        name: input.full_name,
        phone: input.phone,
      });
      const tokens = await ctx.services.identity.issueTokens(scope, account, SESSION);
      return {
        user: presentUserSummary(account),
        token: tokens.accessToken,
        refresh_token: tokens.refreshToken,
      };
    }),

  login: credentialProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/login',
        tags,
        protect: false,
        summary: 'Login with email/phone and password',
        description:
          '`email` takes the email address or the phone number. The access token lasts 1 hour, the ' +
          'refresh token 7 days (30 with `remember_me`). A guest cart held by the caller (cart token) ' +
          'joins the user’s cart. Wrong credentials: 401; after 5 failed attempts on one account (or ' +
          '30 from one address) within 15 minutes: 429.',
      },
      errors: [401, 429],
    })
    .input(s.loginInput)
    .output(s.sessionOutput)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const account = await ctx.services.identity.login(scope, input.email, input.password, ctx.ip, {
        byPhone: true,
      });
      const tokens = await ctx.services.identity.issueTokens(
        scope,
        account,
        input.remember_me ? REMEMBERED : SESSION,
      );
      // A guest cart held at login joins the user's; if that fails, the next cart call merges it.
      await mergeHeldGuestCart(ctx, account.id).catch((err: unknown) =>
        ctx.log.warn({ err, requestId: ctx.requestId }, 'guest cart merge at login failed'),
      );
      return {
        user: presentUserSummary(account),
        token: tokens.accessToken,
        refresh_token: tokens.refreshToken,
      };
    }),

  refresh: credentialProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/refresh',
        tags,
        protect: false,
        summary: 'Refresh the access token',
        description:
          'Trades a refresh token for a new access token and a new refresh token. Each refresh token ' +
          'works once: using one again ends the whole login (401), as a stolen token would.',
      },
      errors: [401],
    })
    .input(s.refreshInput)
    .output(s.refreshOutput)
    .mutation(async ({ ctx, input }) => {
      const tokens = await ctx.services.identity.refresh(ctx.scope(), input.refresh_token, SESSION);
      return { token: tokens.accessToken, refresh_token: tokens.refreshToken };
    }),

  ...passwordResetProcedures({
    tags,
    output: s.messageOutput,
    forgot: {
      input: s.forgotPasswordInput,
      summary: 'Request password reset email',
      description:
        'Emails a link to reset the password, valid for one hour. The answer is the same whether or not ' +
        'the address has an account, so it tells nobody who is registered.',
      message: 'Password reset email sent',
    },
    reset: {
      input: s.resetPasswordInput,
      summary: 'Reset password using token from email',
      description:
        'Sets the new password with the token from the email. A token works once and for one hour; ' +
        'resetting ends every session of the account, so the customer signs in again.',
      message: 'Password has been reset',
      newPassword: (input) => input.new_password,
    },
  }),

  /** tRPC only (the spec documents no logout): ends this login for the SDK. */
  logout: authedProcedure.output(s.okOutput).mutation(async ({ ctx }) => {
    await ctx.services.identity.logout(ctx.scope(), ctx.auth.sessionId);
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
