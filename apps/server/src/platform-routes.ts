import {
  type ApiError,
  buildPlatformOpenApiDocument,
  type Logger,
  MAX_JSON_BODY_BYTES,
  MAX_TRPC_BATCH,
  PLATFORM_API,
  type PlatformContext,
  platformApiRouter,
  platformRestHandler,
  type RateLimiter,
  type RateLimitRule,
  type RateLimitSubject,
  rateLimitHeaders,
  rateLimitKey,
  type Services,
} from '@komisi/api';
import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { type Context, Hono } from 'hono';
import { boundedMemo } from './bounded-memo.ts';
import { cappedRequest, refuseOversizeOrBatch } from './capped-request.ts';
import { clientIp } from './client-ip.ts';

export interface PlatformRouteOptions {
  services: Services;
  log: Logger;
  trustProxy: boolean;
  rateLimiter?: RateLimiter | undefined;
}

/** Sign-in attempts per client address, and per email, as the tenants' credential calls are budgeted. */
export const PLATFORM_LOGIN_RULE: RateLimitRule = {
  name: 'platform-login',
  limit: 10,
  windowMs: 15 * 60_000,
};

const TOO_MANY: ApiError = {
  status: 429,
  code: 'RATE_LIMITED',
  message: 'Too many sign-in attempts, please try again later.',
  fields: undefined,
  details: undefined,
};

/**
 * The platform administrators' API: REST under /platform/api (its OpenAPI document at
 * /platform/api/openapi.json), tRPC under /platform/trpc. Bodies are read under the 1 MB cap, errors
 * answer in the plain `{ error, code, fields?, request_id }` envelope.
 */
export function platformRoutes(options: PlatformRouteOptions) {
  const { services, log } = options;
  const app = new Hono<{ Variables: { requestId: string } }>();
  /** by the origin it names (bounded: the origin comes from the request's Host) */
  const document = boundedMemo<object>(64);

  function context(c: Context): PlatformContext {
    return {
      requestId: c.get('requestId') as string,
      ip: clientIp(c, options.trustProxy),
      authorization: c.req.header('authorization'),
      now: new Date(),
      services,
      authenticator: services.platformAdmins,
      log,
      responseHeaders: new Headers(),
    };
  }

  /** Spends one sign-in attempt of the caller's address (and of the email, when known); the result when refused. */
  async function loginBudget(c: Context, email: unknown) {
    if (!options.rateLimiter) return null;
    const subjects: RateLimitSubject[] = [`ip:${clientIp(c, options.trustProxy)}`];
    // the email's own budget: many addresses cannot try one administrator's password more often
    if (typeof email === 'string') subjects.push(`user:${email.trim().toLowerCase().slice(0, 254)}`);
    for (const subject of subjects) {
      const key = rateLimitKey({ tenantId: 'platform', subject, rule: PLATFORM_LOGIN_RULE });
      const result = await options.rateLimiter.check(key, PLATFORM_LOGIN_RULE);
      if (!result.allowed) return result;
    }
    return null;
  }

  app.get('/platform/api/openapi.json', (c) => {
    const base = `${new URL(c.req.url).origin}${PLATFORM_API.restPrefix}`;
    return c.json(document(base, () => buildPlatformOpenApiDocument(base)));
  });

  app.all('/platform/api/*', async (c) => {
    const subPath = c.req.path.slice(PLATFORM_API.restPrefix.length);
    let req = c.req.raw;
    if (subPath === '/auth/login' && c.req.method === 'POST') {
      // the email's budget needs the body: read under the same 1 MB cap, then handed on as read
      const capped = await cappedRequest(req, MAX_JSON_BODY_BYTES);
      req = capped.req;
      const bytes = capped.bytes;
      let email: unknown;
      try {
        email = (JSON.parse(bytes?.toString('utf8') ?? '') as { email?: unknown })?.email;
      } catch {
        // not JSON: the handler answers it
      }
      const refused = await loginBudget(c, email);
      if (refused) {
        return c.json(PLATFORM_API.wire.error(TOO_MANY, c.get('requestId') as string) as object, 429, {
          ...rateLimitHeaders(refused),
        });
      }
      if (!bytes) {
        const tooLarge: ApiError = {
          status: 400,
          code: 'VALIDATION_ERROR',
          message: 'The request body is too large (at most 1 MB).',
          fields: { body: ['The request body is too large (at most 1 MB).'] },
          details: undefined,
        };
        return c.json(PLATFORM_API.wire.error(tooLarge, c.get('requestId') as string) as object, 400);
      }
    }
    return platformRestHandler.handle(req, subPath, context(c));
  });

  app.all('/platform/trpc/*', async (c) => {
    const { req, tooLarge } = await cappedRequest(c.req.raw, MAX_JSON_BODY_BYTES);
    const loginCall = new URL(req.url).pathname.split('/').pop() === 'login';
    return fetchRequestHandler({
      endpoint: '/platform/trpc',
      req,
      router: platformApiRouter,
      maxBatchSize: MAX_TRPC_BATCH,
      createContext: async ({ info }) => {
        refuseOversizeOrBatch(
          tooLarge,
          info.calls.map((call) => call.procedure),
        );
        if (loginCall) {
          const raw = (await info.calls[0]?.getRawInput()) as
            | { email?: unknown; json?: { email?: unknown } }
            | undefined;
          const input = raw?.json ?? raw; // superjson wraps the input
          if (await loginBudget(c, input?.email))
            throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: TOO_MANY.message });
        }
        return context(c);
      },
      onError: ({ error }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          log.error({ err: error, requestId: c.get('requestId') }, 'platform trpc error');
      },
    });
  });

  app.all('/platform/*', (c) =>
    c.json({ error: 'Not found', code: 'NOT_FOUND', request_id: c.get('requestId') }, 404),
  );
  return app;
}
