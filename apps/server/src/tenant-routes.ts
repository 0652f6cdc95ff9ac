import {
  type ApiContext,
  type ApiError,
  type AppProfile,
  bearerToken,
  buildOpenApiDocument,
  createApiContext,
  createRestHandler,
  type Logger,
  MAX_TRPC_BATCH,
  PROFILES,
  profilesOf,
  type RateLimiter,
  type RestHandler,
  type RouteMatch,
  rateLimitHeaders,
  rateLimitKey,
  type Services,
  type TenantRecord,
  takesUploads,
  tenantRouter,
  trpcBodyCap,
} from '@komisi/api';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { boundedMemo } from './bounded-memo.ts';
import { cappedRequest, refuseOversizeOrBatch } from './capped-request.ts';
import { clientIp } from './client-ip.ts';
import { gatewayCallback } from './gateway-callback.ts';
import { PAYMENT_COMPLETE_HTML, PAYMENT_COMPLETE_PATH } from './payment-complete-page.ts';

export interface TenantRouteOptions {
  services: Services;
  log: Logger;
  trustProxy: boolean;
  /** enforces the profiles' documented REST budgets; absent in setups that want none */
  rateLimiter?: RateLimiter | undefined;
}

const TOO_MANY: ApiError = {
  status: 429,
  code: 'RATE_LIMITED',
  message: 'Too many requests, please try again later.',
  fields: undefined,
  details: undefined,
};

const restHandlers = new Map<string, RestHandler>(
  Object.values(PROFILES).map((p) => [p.id, createRestHandler(p)]),
);
/** documents by profile and the origin they name (bounded: the origin comes from the request's Host) */
const openApiDocument = boundedMemo<object>(64);

/**
 * `new URL(url).origin` of the request's absolute URL, read off its text when that is already the
 * normal form (lower case, no default port): parsing the whole URL was a visible part of a cheap call.
 */
export function originOf(url: string): string {
  const path = url.indexOf('/', url.indexOf('//') + 2);
  const origin = path === -1 ? url : url.slice(0, path);
  return PLAIN_ORIGIN.test(origin) ? origin : new URL(url).origin;
}

const PLAIN_ORIGIN = /^https?:\/\/[a-z0-9.-]+(?::(?!80$|443$)[0-9]{1,5})?$/;

/** Serves one tenant's app: REST at its documented paths, tRPC for the SDK, its OpenAPI document, its webhooks. */
export function createTenantDispatcher(options: TenantRouteOptions) {
  const { services, log } = options;

  function context(c: Context, tenant: TenantRecord, basePath: string): ApiContext {
    return createApiContext(services.orm, services, log, {
      tenant,
      requestId: c.get('requestId') as string,
      ip: clientIp(c, options.trustProxy),
      authorization: c.req.header('authorization'),
      baseUrl: `${originOf(c.req.url)}${basePath}`,
      cartToken: c.req.header('x-cart-token') ?? getCookie(c, 'cart_token'),
      cookieHeader: c.req.header('cookie'),
      apiKey: c.req.header('x-api-key'),
      cookiePolicy: c.get('cookiePolicy'), // set by tenantCors (cors.ts)
    });
  }

  /** `rest` is the path below the tenant root, e.g. `/api/users/register` or `/trpc/products.list`. */
  return async function dispatch(c: Context, tenant: TenantRecord, basePath: string, rest: string) {
    const profile = PROFILES[tenant.profile];
    if (!profile) return c.json({ error: 'Tenant profile is not available' }, 404);
    if (rest.startsWith('/trpc/') || rest === '/trpc') {
      const router = tenantRouter(tenant);
      // the tenant's largest upload decides (a cooperative's KYC documents: 10 MB)
      const { req, tooLarge } = await cappedRequest(c.req.raw, trpcBodyCap(router));
      return fetchRequestHandler({
        endpoint: `${basePath}/trpc`,
        req,
        router,
        maxBatchSize: MAX_TRPC_BATCH,
        createContext: async ({ info }) => {
          refuseOversizeOrBatch(
            tooLarge,
            info.calls.map((call) => call.procedure),
          );
          const ctx = context(c, tenant, basePath);
          // every call of a batch spends the tenant's request budget, as a REST request would
          const uploads = info.calls.filter((call) => takesUploads(call.procedure)).length;
          const budget = await spendBudget(c, tenant, profile, Math.max(1, info.calls.length), uploads);
          if (budget) {
            ctx.callsAllowed = budget.allowedHits;
            for (const [name, value] of Object.entries(rateLimitHeaders(budget)))
              ctx.responseHeaders.set(name, value);
          }
          return ctx;
        },
        // headers procedures set (a new guest cart's token) reach SDK callers too
        responseMeta: ({ ctx }) => ({ headers: ctx?.responseHeaders ?? new Headers() }),
        onError: ({ error }) => {
          if (error.code === 'INTERNAL_SERVER_ERROR')
            log.error({ err: error, requestId: c.get('requestId') }, 'trpc error');
        },
      });
    }
    if (rest === PAYMENT_COMPLETE_PATH) {
      return c.html(PAYMENT_COMPLETE_HTML);
    }
    if (!rest.startsWith(`${profile.restPrefix}/`)) return c.json({ error: 'Not found' }, 404);
    const subPath = rest.slice(profile.restPrefix.length);
    if (subPath === '/openapi.json') {
      // `?profile=affiliate-marketer` serves the document of one of the tenant's extra profiles.
      const wanted = c.req.query('profile');
      const docProfile = wanted ? profilesOf(tenant).find((p) => p.id === wanted) : profile;
      if (!docProfile) return c.json({ error: `Profile ${wanted} is not served here` }, 404);
      const base = `${new URL(c.req.url).origin}${basePath}${docProfile.restPrefix}`;
      const key = `${docProfile.id} ${base}`;
      return c.json(openApiDocument(key, () => buildOpenApiDocument(docProfile, base)));
    }
    const gateway = services.gatewayNotifications.callbackAt(subPath, c.req.method);
    if (gateway) {
      const res = await gatewayCallback(c, options, profile, gateway, () =>
        context(c, tenant, basePath).scope(),
      );
      return withProfileHeaders(res, profile);
    }
    const serving = servingProfile(tenant, profile, rest, c.req.method);
    return withProfileHeaders(await serveRest(c, tenant, basePath, rest, serving), serving.profile);
  };

  /** The headers the profile's document puts on every answer (koperasi-sinoman's X-API-Version…). */
  function withProfileHeaders(res: Response, profile: AppProfile): Response {
    for (const [name, value] of Object.entries(profile.responseHeaders ?? {})) res.headers.set(name, value);
    return res;
  }

  /**
   * The main profile when it has a route for the path, else the first extra profile that does, else
   * the main one (its 404); with the route found, so that it is looked up once per request.
   */
  function servingProfile(
    tenant: TenantRecord,
    main: AppProfile,
    rest: string,
    method: string,
  ): { profile: AppProfile; match?: RouteMatch } {
    for (const candidate of profilesOf(tenant)) {
      if (!rest.startsWith(`${candidate.restPrefix}/`)) continue;
      const match = restHandlers.get(candidate.id)!.find(method, rest.slice(candidate.restPrefix.length));
      if (match) return { profile: candidate, match };
    }
    return { profile: main };
  }

  async function serveRest(
    c: Context,
    tenant: TenantRecord,
    basePath: string,
    rest: string,
    { profile, match }: { profile: AppProfile; match?: RouteMatch | undefined },
  ) {
    const subPath = rest.slice(profile.restPrefix.length);
    const handler = restHandlers.get(profile.id)!;
    const meta = match?.[0].meta;
    // a provider's webhook is checked by its own key, not charged to the provider's address
    const uploads = (meta?.uploads?.length ?? 0) > 0 ? 1 : 0;
    const budget = meta?.webhook === true ? null : await spendBudget(c, tenant, profile, 1, uploads);
    if (budget && !budget.allowed) {
      return c.json(profile.wire.error(TOO_MANY, c.get('requestId') as string) as object, 429, {
        ...rateLimitHeaders(budget),
      });
    }
    const res = await handler.handle(c.req.raw, subPath, context(c, tenant, basePath), match);
    if (budget)
      for (const [name, value] of Object.entries(rateLimitHeaders(budget))) res.headers.set(name, value);
    return res;
  }

  /**
   * Signed-in callers spend their own budget (administrators theirs, where the profile gives them
   * one); everyone else spends their address's. `calls`: a tRPC batch's. A call of an operation that
   * takes files also spends the user's upload budget; the answer is the tighter of the two.
   */
  async function spendBudget(
    c: Context,
    tenant: TenantRecord,
    profile: AppProfile,
    calls: number,
    uploads: number,
  ) {
    const rules = profile.rateLimits;
    if (!rules || !options.rateLimiter) return null;
    const limiter = options.rateLimiter;
    const token = bearerToken(c.req.header('authorization'));
    const claims = token ? await services.identity.peekClaims(token, tenant.id) : null;
    const rule = !claims
      ? rules.anonymous
      : rules.admin && claims.roles.includes('admin')
        ? rules.admin
        : rules.authenticated;
    const subject = claims
      ? (`user:${claims.accountId}` as const)
      : (`ip:${clientIp(c, options.trustProxy)}` as const);
    const requests = await limiter.check(rateLimitKey({ tenantId: tenant.id, subject, rule }), rule, calls);
    if (!rules.uploads || uploads === 0 || !requests.allowed) return requests;
    const files = await limiter.check(
      rateLimitKey({ tenantId: tenant.id, subject, rule: rules.uploads }),
      rules.uploads,
      uploads,
    );
    // a request over the upload budget is refused whole, whatever else its batch holds
    return files.allowed ? requests : { ...files, allowedHits: 0 };
  }
}
