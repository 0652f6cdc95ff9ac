import { allowedOriginsOf, originOf, type RequestInfo, type TenantRecord } from '@komisi/api';
import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { isHttps } from './https.ts';

/** How cookies set on a tenant's response are marked (read by the tenant dispatcher's API context). */
export type CookiePolicy = NonNullable<RequestInfo['cookiePolicy']>;

export const CORS_ALLOW_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Request headers a browser app may send: tokens, JSON bodies, the cart token, a request id, tRPC's own. */
export const CORS_ALLOW_HEADERS = [
  'Authorization',
  'Content-Type',
  'X-Cart-Token',
  'X-Request-ID',
  'trpc-accept',
  'x-trpc-source',
];

/** Response headers a browser app may read besides the safelisted ones. */
export const CORS_EXPOSE_HEADERS = [
  'X-Cart-Token',
  'X-Request-ID',
  'X-Response-Time',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'Retry-After',
  'Content-Disposition',
];

/** seconds a browser may reuse a preflight answer (Chromium caps it at 7200) */
const PREFLIGHT_MAX_AGE = 600;

export interface TenantCorsOptions {
  /** origins every tenant accepts (KOMISI_CORS_ORIGINS, or the development default) */
  origins: readonly string[];
  trustProxy: boolean;
  /** the tenant this request is for, found the way its route finds it (path slug or mapped host) */
  tenant: (c: Context) => Promise<TenantRecord | undefined>;
}

/**
 * CORS for one tenant's routes, with Hono's `cors` middleware. The request's `Origin` is allowed when
 * the tenant lists it (`settings.allowedOrigins`) or the server does (`KOMISI_CORS_ORIGINS`). A listed
 * origin gets itself echoed (never `*`), credentials, the exposed headers, and a 204 preflight with
 * the allowed methods and headers. An unlisted origin gets no `Access-Control-*` header at all; its
 * preflight is refused with 403, and its simple requests run as they would without CORS (the browser
 * keeps their answer from the page). Also decides how the response's cookies are marked.
 */
export function tenantCors(options: TenantCorsOptions): MiddlewareHandler {
  const serverWide = options.origins.map(originOf).filter((o): o is string => o !== null);
  // tenant records are replaced when the directory reloads, so a changed setting is picked up
  const allowedByTenant = new WeakMap<TenantRecord, ReadonlySet<string>>();
  const allowedOrigins = (tenant: TenantRecord): ReadonlySet<string> => {
    let allowed = allowedByTenant.get(tenant);
    if (!allowed) {
      const own = allowedOriginsOf(tenant.settings);
      allowed = new Set([...serverWide, ...own]);
      allowedByTenant.set(tenant, allowed);
    }
    return allowed;
  };

  const listedOrigin = cors({
    // only reached for a listed origin (below), so credentials are never granted to another one
    origin: (origin, c) => (c.get('corsOrigin') === origin ? origin : null),
    credentials: true,
    allowMethods: CORS_ALLOW_METHODS,
    allowHeaders: CORS_ALLOW_HEADERS,
    exposeHeaders: CORS_EXPOSE_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE,
  });

  return async (c, next) => {
    const tenant = await options.tenant(c);
    if (!tenant) return next();
    const origin = c.req.header('origin');
    const listed = origin !== undefined && allowedOrigins(tenant).has(origin);
    const secure = isHttps(c, options.trustProxy);
    // SameSite=None needs Secure; over plain http (local development) the cookie stays Lax
    c.set('cookiePolicy', { secure, crossSite: listed && secure } satisfies CookiePolicy);
    if (listed) {
      c.set('corsOrigin', origin);
      return listedOrigin(c, next);
    }
    if (origin !== undefined && c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      return c.json(
        {
          error: {
            code: 'CORS_ORIGIN_NOT_ALLOWED',
            message: 'This origin may not call this API from a browser.',
          },
        },
        403,
        { Vary: 'Origin' },
      );
    }
    await next();
    // the answer depends on Origin: a cache must not hand this one to a listed origin. Appended to
    // the response in place (`c.header` on a finished response would copy the whole response).
    c.res.headers.append('Vary', 'Origin');
  };
}
