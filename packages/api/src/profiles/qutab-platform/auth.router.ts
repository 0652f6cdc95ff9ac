import type { TRPCRouterRecord } from '@trpc/server';
import { authedProcedure, credentialProcedure, publicProcedure } from '../../kernel/trpc.ts';
import { passwordResetProcedures } from '../shared/password-reset.procedures.ts';
import { presentUser } from './qutab.presenters.ts';
import * as s from './qutab.schemas.ts';

const tags = ['Customer auth'];

/** Customers (qutab-platform Customer Dashboard §1). */
export const authRouter = {
  register: publicProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/register',
        tags,
        protect: false,
        summary: 'Create new customer account',
        description:
          'Creates the customer’s account and signs them in: the answer carries the access token ' +
          '(valid `expires_in` seconds) and a refresh token. An email that already has an account: ' +
          '422 naming `email`.',
      },
      successStatus: 201,
      message: 'Registration successful',
      errors: [422],
    })
    .input(s.registerInput)
    .output(s.sessionOutput)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const account = await ctx.services.identity.createAccount(scope, {
        email: input.email,
        password: input.password,
        name: input.name,
        phone: input.phone,
        roles: ['member'],
      });
      const tokens = await ctx.services.identity.issueTokens(scope, account);
      return session(tokens, account);
    }),

  login: credentialProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/login',
        tags,
        protect: false,
        summary: 'Authenticate customer',
        description:
          'Email and password. Wrong credentials: 401; after 5 failed attempts on one account (or 30 ' +
          'from one address) within 15 minutes: 429. Trade the refresh token at /auth/refresh when ' +
          'the access token expires.',
      },
      message: 'Login successful',
      errors: [401, 429],
    })
    .input(s.loginInput)
    .output(s.sessionOutput)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const account = await ctx.services.identity.login(scope, input.email, input.password, ctx.ip);
      return session(await ctx.services.identity.issueTokens(scope, account), account);
    }),

  refresh: credentialProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/refresh',
        tags,
        protect: false,
        summary: 'Refresh the access token (not in the document)',
        description: 'The refresh token is single-use: a reused one ends every session of its login.',
      },
      errors: [401],
    })
    .input(s.refreshInput)
    .output(s.sessionOutput)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      // the account comes with the rotation: authenticating the new token here would cache its
      // session while a concurrent replay of the same refresh token is revoking it
      const tokens = await ctx.services.identity.refresh(scope, input.refresh_token);
      return session(tokens, await ctx.services.identity.account(scope, tokens.accountId));
    }),

  logout: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/logout',
        tags,
        summary: 'End session',
        description:
          'Ends this login: its access and refresh tokens stop working. Other logins of the account ' +
          'stay.',
      },
    })
    .input(s.emptyInput)
    .output(s.messageOutput)
    .mutation(async ({ ctx }) => {
      await ctx.services.identity.logout(ctx.scope(), ctx.auth.sessionId);
      return { message: 'Logged out' };
    }),

  ...passwordResetProcedures({
    tags,
    output: s.messageOutput,
    forgot: {
      input: s.forgotPasswordInput,
      summary: 'Send reset email',
      description:
        'Answers the same whether or not the email is registered. The link works once, for one hour.',
      message: 'If the email is registered, a reset link has been sent',
    },
    reset: {
      input: s.resetPasswordInput,
      summary: 'Reset password with token',
      description: 'Every session of the account ends.',
      errors: [422],
      message: 'Password has been reset',
      newPassword: (input) => input.password,
    },
  }),
} satisfies TRPCRouterRecord;

export function session(
  tokens: { accessToken: string; refreshToken: string; expiresIn: number },
  account: { id: number; name: string; email: string },
) {
  return {
    access_token: tokens.accessToken,
    token_type: 'Bearer' as const,
    expires_in: tokens.expiresIn,
    refresh_token: tokens.refreshToken,
    user: presentUser(account),
  };
}
