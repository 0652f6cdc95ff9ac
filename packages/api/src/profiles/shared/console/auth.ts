import { DomainError } from '@komisi/domain';
import { adminProcedure, credentialProcedure } from '../../../kernel/trpc.ts';
import * as t from './auth.types.ts';

/** The role the console's sign-in and refresh require. */
const ADMIN = 'admin';

function session(
  tokens: { accessToken: string; refreshToken: string; expiresIn: number },
  account: { id: number; name: string; email: string },
) {
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    tokenType: 'Bearer' as const,
    expiresIn: tokens.expiresIn,
    account: { id: account.id, name: account.name, email: account.email },
  };
}

/** The tenant's own password sign-in (throttled), opened only to accounts with the admin role. */
export const signInProcedure = credentialProcedure
  .meta(t.signInMeta)
  .input(t.signInInput)
  .output(t.sessionOutput)
  .mutation(async ({ ctx, input }) => {
    const scope = ctx.scope();
    const account = await ctx.services.identity.login(scope, input.email, input.password, ctx.ip);
    // checked once the password is: the role of an account is no one else's business
    if (!account.roles.includes(ADMIN))
      throw new DomainError('FORBIDDEN', 'This account is not an administrator of this tenant.');
    return session(await ctx.services.identity.issueTokens(scope, account), account);
  });

export const refreshProcedure = credentialProcedure
  .meta(t.refreshMeta)
  .input(t.refreshInput)
  .output(t.sessionOutput)
  .mutation(async ({ ctx, input }) => {
    const scope = ctx.scope();
    const tokens = await ctx.services.identity.refresh(scope, input.refreshToken, {}, ADMIN);
    return session(tokens, await ctx.services.identity.account(scope, tokens.accountId));
  });

export const signOutProcedure = adminProcedure
  .meta(t.signOutMeta)
  .input(t.signOutInput)
  .output(t.signOutOutput)
  .mutation(async ({ ctx }) => {
    await ctx.services.identity.logout(ctx.scope(), ctx.auth.sessionId);
    return { signedOut: true as const };
  });
