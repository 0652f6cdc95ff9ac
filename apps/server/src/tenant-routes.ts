import {
  type ApiContext,
  type ApiError,
  type AppProfile,
  batchRefusal,
  bearerToken,
  buildOpenApiDocument,
  createApiContext,
  createRestHandler,
  type Logger,
  MAX_JSON_UPLOAD_BODY_BYTES,
  MAX_TRPC_BATCH,
  PROFILES,
  parsePesapalIpn,
  pesapalIpnAck,
  profilesOf,
  type RateLimiter,
  type RestHandler,
  rateLimitHeaders,
  rateLimitKey,
  readCapped,
  receiveDokuNotification,
  receiveXenditCallback,
  type Scope,
  type Services,
  type TenantRecord,
  tenantRouter,
  toApiError,
  type WebhookAnswer,
} from '@komisi/api';
import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { clientIp } from './client-ip.ts';

export interface TenantRouteOptions {
  services: Services;
  log: Logger;
  trustProxy: boolean;
  /** enforces the profiles' documented REST budgets; absent in setups that want none */
  rateLimiter?: RateLimiter | undefined;
}

/**
 * A tRPC request with its body read under the upload cap: bodies are never unbounded. Past the cap
 * the body is dropped and `tooLarge` set, so tRPC itself answers 413 in its own error shape (one
 * error per call of a batch), which the SDK can read.
 */
async function cappedRequest(raw: Request): Promise<{ req: Request; tooLarge: boolean }> {
  if (raw.method !== 'POST') return { req: raw, tooLarge: false };
  const bytes = await readCapped(raw, MAX_JSON_UPLOAD_BODY_BYTES);
  const headers = new Headers(raw.headers);
  headers.delete('content-length');
  const body = bytes ? new Uint8Array(bytes) : '{}';
  return { req: new Request(raw.url, { method: 'POST', headers, body }), tooLarge: !bytes };
}

/** Gateway notifications are a few kilobytes; nothing larger is read. */
const MAX_CALLBACK_BODY_BYTES = 64 * 1024;

/** How a gateway receiver's refusal statuses read as domain codes. */
const CALLBACK_REFUSAL: Partial<Record<number, ApiError['code']>> = {
  401: 'UNAUTHORIZED',
  404: 'NOT_FOUND',
};

function apiError(
  status: number,
  code: ApiError['code'],
  message: string,
  fields?: Record<string, string[]>,
): ApiError {
  return { status, code, message, fields, details: undefined };
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
const openApiDocuments = new Map<string, unknown>();

/** Serves one tenant's app: REST at its documented paths, tRPC for the SDK, its OpenAPI document, its webhooks. */
export function createTenantDispatcher(options: TenantRouteOptions) {
  const { services, log } = options;

  function context(c: Context, tenant: TenantRecord, basePath: string): ApiContext {
    return createApiContext(services.orm, services, log, {
      tenant,
      requestId: c.get('requestId') as string,
      ip: clientIp(c, options.trustProxy),
      authorization: c.req.header('authorization'),
      baseUrl: `${new URL(c.req.url).origin}${basePath}`,
      cartToken: c.req.header('x-cart-token') ?? getCookie(c, 'cart_token'),
      cookieHeader: c.req.header('cookie'),
      cookiePolicy: c.get('cookiePolicy'), // set by tenantCors (cors.ts)
    });
  }

  /** `rest` is the path below the tenant root, e.g. `/api/users/register` or `/trpc/products.list`. */
  return async function dispatch(c: Context, tenant: TenantRecord, basePath: string, rest: string) {
    const profile = PROFILES[tenant.profile];
    if (!profile) return c.json({ error: 'Tenant profile is not available' }, 404);
    if (rest.startsWith('/trpc/') || rest === '/trpc') {
      const { req, tooLarge } = await cappedRequest(c.req.raw);
      return fetchRequestHandler({
        endpoint: `${basePath}/trpc`,
        req,
        router: tenantRouter(tenant),
        maxBatchSize: MAX_TRPC_BATCH,
        createContext: async ({ info }) => {
          if (tooLarge)
            throw new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' });
          const refusal = batchRefusal(info.calls.map((call) => call.procedure));
          if (refusal) throw new TRPCError({ code: 'BAD_REQUEST', message: refusal });
          const ctx = context(c, tenant, basePath);
          // every call of a batch spends the tenant's request budget, as a REST request would
          const budget = await spendBudget(c, tenant, profile, Math.max(1, info.calls.length));
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
    if (rest === '/payment-complete') {
      return c.html(
        '<!doctype html><meta charset="utf-8"><title>Payment</title><p>Thank you. You can return to the app now.</p>',
      );
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
      if (!openApiDocuments.has(key)) openApiDocuments.set(key, buildOpenApiDocument(docProfile, base));
      return c.json(openApiDocuments.get(key) as object);
    }
    if (subPath === '/webhooks/pesapal') return pesapalIpn(c, tenant, basePath, profile);
    if (subPath === '/checkout/payment-webhook' && c.req.method === 'POST') {
      return dokuNotification(c, tenant, basePath, profile);
    }
    if (subPath === '/webhooks/xendit' && c.req.method === 'POST')
      return xenditCallback(c, tenant, basePath, profile);
    return serveRest(c, tenant, basePath, rest, servingProfile(tenant, profile, rest, c.req.method));
  };

  /** The main profile when it has a route for the path, else the first extra profile that does, else the main one (its 404). */
  function servingProfile(tenant: TenantRecord, main: AppProfile, rest: string, method: string): AppProfile {
    for (const candidate of profilesOf(tenant)) {
      if (!rest.startsWith(`${candidate.restPrefix}/`)) continue;
      if (restHandlers.get(candidate.id)!.has(method, rest.slice(candidate.restPrefix.length)))
        return candidate;
    }
    return main;
  }

  async function serveRest(
    c: Context,
    tenant: TenantRecord,
    basePath: string,
    rest: string,
    profile: AppProfile,
  ) {
    const subPath = rest.slice(profile.restPrefix.length);
    const budget = await spendBudget(c, tenant, profile);
    if (budget && !budget.allowed) {
      return c.json(profile.wire.error(TOO_MANY, c.get('requestId') as string) as object, 429, {
        ...rateLimitHeaders(budget),
      });
    }
    const res = await restHandlers.get(profile.id)!.handle(c.req.raw, subPath, context(c, tenant, basePath));
    if (budget)
      for (const [name, value] of Object.entries(rateLimitHeaders(budget))) res.headers.set(name, value);
    return res;
  }

  /** Signed-in callers spend their own budget; everyone else spends their address's. `calls`: a tRPC batch's. */
  async function spendBudget(c: Context, tenant: TenantRecord, profile: AppProfile, calls = 1) {
    const rules = profile.rateLimits;
    if (!rules || !options.rateLimiter) return null;
    const token = bearerToken(c.req.header('authorization'));
    const accountId = token ? await services.identity.peekAccountId(token, tenant.id) : null;
    const rule = accountId ? rules.authenticated : rules.anonymous;
    const subject = accountId
      ? (`user:${accountId}` as const)
      : (`ip:${clientIp(c, options.trustProxy)}` as const);
    return options.rateLimiter.check(rateLimitKey({ tenantId: tenant.id, subject, rule }), rule, calls);
  }

  /**
   * A gateway callback: the body read under `MAX_CALLBACK_BODY_BYTES`, handed to the gateway's
   * receiver, which verifies and parses it. A refusal (not configured, bad signature, malformed) is
   * answered in the profile's envelope; an acknowledgement in the shape the gateway expects.
   */
  async function gatewayCallback(
    c: Context,
    tenant: TenantRecord,
    basePath: string,
    profile: AppProfile,
    receive: (scope: Scope, body: string) => Promise<WebhookAnswer>,
  ) {
    const requestId = c.get('requestId') as string;
    const bytes = await readCapped(c.req.raw, MAX_CALLBACK_BODY_BYTES);
    if (!bytes)
      return refuse(c, profile, apiError(413, 'VALIDATION_ERROR', 'The notification body is too large.'));
    try {
      const answer = await receive(context(c, tenant, basePath).scope(), bytes.toString('utf8'));
      if (answer.status < 400) return c.json(answer.body, answer.status);
      const { error, fields } = answer.body as { error?: unknown; fields?: Record<string, string[]> };
      const message = typeof error === 'string' ? error : 'Notification refused';
      const code = CALLBACK_REFUSAL[answer.status] ?? 'VALIDATION_ERROR';
      return refuse(c, profile, apiError(answer.status, code, message, fields));
    } catch (err) {
      const error = toApiError(err);
      if (error.status >= 500) log.error({ err, requestId }, 'gateway callback failed');
      return refuse(c, profile, error);
    }
  }

  /** An error in the profile's envelope, with the status its wire style gives it. */
  function refuse(c: Context, profile: AppProfile, error: ApiError) {
    return c.json(
      profile.wire.error(error, c.get('requestId') as string) as object,
      // a wire style may fold statuses its spec does not list; 413 stays what it is
      (error.status === 413 ? 413 : profile.wire.status(error)) as 400,
    );
  }

  /** DOKU's HTTP notification: the raw body and the request's path are what its signature covers. */
  function dokuNotification(c: Context, tenant: TenantRecord, basePath: string, profile: AppProfile) {
    return gatewayCallback(c, tenant, basePath, profile, (scope, rawBody) =>
      receiveDokuNotification(services.payments, scope, {
        headers: c.req.header(),
        rawBody,
        target: new URL(c.req.url).pathname,
      }),
    );
  }

  /** Xendit's callback: its token is checked and the invoice re-queried; the body is read as raw text. */
  function xenditCallback(c: Context, tenant: TenantRecord, basePath: string, profile: AppProfile) {
    return gatewayCallback(c, tenant, basePath, profile, (scope, rawBody) =>
      receiveXenditCallback(services.payments, scope, { headers: c.req.header(), rawBody }),
    );
  }

  /** Pesapal's IPN names a payment but carries no status: we always re-query Pesapal. */
  function pesapalIpn(c: Context, tenant: TenantRecord, basePath: string, profile: AppProfile) {
    return gatewayCallback(c, tenant, basePath, profile, async (scope, rawBody) => {
      let params: unknown = c.req.query();
      if (c.req.method !== 'GET' && rawBody.trim() !== '') {
        try {
          params = JSON.parse(rawBody);
        } catch {
          return { status: 400, body: { error: 'The notification body is not JSON' } };
        }
      }
      const parsed = parsePesapalIpn(params);
      if (!parsed.ok)
        return {
          status: 400,
          body: { error: 'The notification is not a Pesapal IPN.', fields: parsed.fields },
        };
      const { ipn } = parsed;
      if (scope.tenant.settings.payments?.provider !== 'pesapal')
        return { status: 404, body: { error: 'Pesapal is not configured for this store' } };
      try {
        await services.payments.settleByProviderReference(scope, 'pesapal', ipn.orderTrackingId);
        return { status: 200, body: { ...pesapalIpnAck(ipn, true) } };
      } catch (err) {
        log.error({ err, requestId: c.get('requestId') }, 'pesapal ipn failed');
        // Pesapal reads the acknowledgement's status and retries on 500
        return { status: 200, body: { ...pesapalIpnAck(ipn, false) } };
      }
    });
  }
}
