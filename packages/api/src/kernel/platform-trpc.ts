import { DomainError } from '@komisi/domain';
import { initTRPC } from '@trpc/server';
import type { Services } from './api-context.ts';
import type { PlatformClaims } from './auth/platform-token.ts';
import { REASON } from './error-map.ts';
import type { Logger } from './logger.ts';
import { bearerToken, formatTrpcError, type Meta, refuseUnsafeText, rethrowDomainError } from './trpc.ts';
import { trpcTransformer } from './trpc-transformer.ts';

/** Who a platform token stands for (the platform context answers; the procedures ask). */
export interface PlatformAuthenticator {
  authenticate(token: string, now: Date): Promise<PlatformClaims>;
}

/** Everything a platform procedure may use: no tenant, the platform's own authenticator. */
export interface PlatformContext {
  requestId: string;
  ip: string;
  authorization: string | undefined;
  now: Date;
  services: Services;
  authenticator: PlatformAuthenticator;
  log: Logger;
  /** headers a procedure adds to its response (none today; the REST adapter copies them) */
  responseHeaders: Headers;
}

const t = initTRPC
  .context<PlatformContext>()
  .meta<Meta>()
  .create({ transformer: trpcTransformer, errorFormatter: formatTrpcError });

export const platformRouter = t.router;
export const createPlatformCallerFactory = t.createCallerFactory;

/** The tenant procedures' guards: domain errors to their status, unstorable text refused naming the field. */
export const platformPublicProcedure = t.procedure
  .use(async ({ next }) => rethrowDomainError(await next()))
  .use(async ({ getRawInput, next }) => {
    refuseUnsafeText(await getRawInput());
    return next();
  });

/** Sign-in: never batched with other calls (see `batchRefusal`). */
export const platformCredentialProcedure = platformPublicProcedure.meta({ credentials: true });

/** A platform administrator's token (or the CLI's); a tenant token is refused like any other stranger's. */
export const platformAdminProcedure = platformPublicProcedure.use(async ({ ctx, next }) => {
  const token = bearerToken(ctx.authorization);
  if (!token) {
    throw new DomainError('UNAUTHORIZED', 'Unauthenticated. Please provide a platform Bearer token.', {
      reason: REASON.TOKEN_MISSING,
    });
  }
  return next({ ctx: { auth: await ctx.authenticator.authenticate(token, ctx.now) } });
});
