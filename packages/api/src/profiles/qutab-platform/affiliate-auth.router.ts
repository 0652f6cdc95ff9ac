import { DomainError } from '@komisi/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { credentialProcedure, publicProcedure } from '../../kernel/trpc.ts';
import { presentAffiliateSession } from './affiliate.presenters.ts';
import { affiliateProcedure } from './affiliate.procedures.ts';
import * as a from './affiliate-auth.schemas.ts';
import * as s from './qutab.schemas.ts';

const tags = ['Affiliate'];

export const affiliateAuthRouter = {
  register: publicProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/affiliate/auth/register',
        tags,
        protect: false,
        summary: 'Submit affiliate application',
        description:
          'Creates the application (pending) and signs the applicant in, so they can follow its status. ' +
          'An email that already has an account (a customer) applies with that account’s password.',
      },
      successStatus: 201,
      message: 'Application submitted',
      errors: [401, 409, 422],
    })
    .input(a.affiliateRegisterInput)
    .output(a.affiliateSessionOutput)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const { affiliate, account } = await ctx.services.affiliateApplications.apply(
        scope,
        {
          firstName: input.first_name,
          lastName: input.last_name,
          email: input.email,
          password: input.password,
          whatsapp: input.whatsapp,
          city: input.city,
          instagram: input.instagram,
          tiktok: input.tiktok,
          youtube: input.youtube,
          facebook: input.facebook,
          primaryPlatform: input.primary_platform,
          reason: input.reason,
        },
        ctx.ip,
      );
      const tokens = await ctx.services.identity.issueTokens(scope, account);
      return presentAffiliateSession(tokens, affiliate, account);
    }),

  login: credentialProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/affiliate/auth/login',
        tags,
        protect: false,
        summary: 'Authenticate affiliate',
        description:
          'Email and password of an affiliate (an application in any status); the answer says the ' +
          'application’s status and, once approved, the affiliate code. A customer account without an ' +
          'application: 403 `AFFILIATE_NOT_FOUND`.',
      },
      message: 'Login successful',
      errors: [401, 403, 429],
    })
    .input(a.affiliateLoginInput)
    .output(a.affiliateSessionOutput)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const account = await ctx.services.identity.login(scope, input.email, input.password, ctx.ip);
      const affiliate = await ctx.services.affiliateApplications.byAccount(scope, account.id).catch(() => {
        throw new DomainError('FORBIDDEN', 'This account is not an affiliate', {
          details: { code: 'AFFILIATE_NOT_FOUND' },
        });
      });
      const tokens = await ctx.services.identity.issueTokens(scope, account);
      return presentAffiliateSession(tokens, affiliate, account);
    }),

  logout: affiliateProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/affiliate/auth/logout',
        tags,
        summary: 'End session',
        description: 'Ends this login: its access and refresh tokens stop working. Other logins stay.',
      },
    })
    .input(s.emptyInput)
    .output(s.messageOutput)
    .mutation(async ({ ctx }) => {
      await ctx.services.identity.logout(ctx.scope(), ctx.auth.sessionId);
      return { message: 'Logged out' };
    }),
} satisfies TRPCRouterRecord;
