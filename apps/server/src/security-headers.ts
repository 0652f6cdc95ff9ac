import { createHash } from 'node:crypto';
import { SANDBOX_PAY_PATH } from '@komisi/api';
import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { isHttps } from './https.ts';
import { PAYMENT_COMPLETE_PATH } from './payment-complete-page.ts';
import { SANDBOX_PAGE_STYLE } from './sandbox-page.ts';

type CspDirectives = NonNullable<NonNullable<Parameters<typeof secureHeaders>[0]>['contentSecurityPolicy']>;

/** JSON, redirects and errors: nothing may load, nothing may frame the response, no form may post from it. */
const API_CSP: CspDirectives = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

/** The bare HTML page a payment returns to (`/t/{tenant}/payment-complete`): as strict, but its favicon. */
const PAGE_CSP: CspDirectives = { ...API_CSP, imgSrc: ["'self'"] };

/** The sandbox gateway's pay page: its one inline style (by hash), its favicon and its form posting to itself. */
const SANDBOX_PAGE_CSP: CspDirectives = {
  defaultSrc: ["'none'"],
  styleSrc: [`'sha256-${createHash('sha256').update(SANDBOX_PAGE_STYLE).digest('base64')}'`],
  imgSrc: ["'self'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The API reference (`/docs/…`) and the landing pages: the local Scalar bundle, the styles it injects and the index page's
 * inline style, the documents and "try it" calls on this origin. No third-party host: Scalar's web
 * fonts fall back to the system fonts, its hosted services (proxy, registry) stay unreachable.
 */
const DOCS_CSP: CspDirectives = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

/**
 * The admin console (`/admin/…`): its scripts, styles and fonts from this origin only; the inline
 * styles its component library sets (CSS variables, positions); its calls to this server's API; the
 * KYC and KTP images behind signed links here. Nothing from another host, no framing.
 */
const ADMIN_CSP: CspDirectives = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** only ever sent over https: a browser would otherwise never reach a plain-http deployment again */
const HSTS = 'max-age=15552000; includeSubDomains';

/** One header set per kind of response, with and without HSTS. */
function policy(contentSecurityPolicy: CspDirectives, referrerPolicy: string) {
  const options = {
    contentSecurityPolicy,
    referrerPolicy,
    xFrameOptions: 'DENY',
    // headers of browsers and plugins long gone (IE's download and XSS filters, Flash's policy
    // files, DNS prefetch of links a JSON answer has none of): each costs every response a header
    xXssProtection: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xDnsPrefetchControl: false,
    originAgentCluster: false,
    // a header a route set itself wins (file links keep their own sandboxing CSP and no-referrer)
    overwrite: false,
  } as const;
  return {
    http: secureHeaders({ ...options, strictTransportSecurity: false }),
    https: secureHeaders({ ...options, strictTransportSecurity: HSTS }),
  };
}

const API = policy(API_CSP, 'strict-origin-when-cross-origin');
const PAGE = policy(PAGE_CSP, 'strict-origin-when-cross-origin');
const SANDBOX_PAGE = policy(SANDBOX_PAGE_CSP, 'no-referrer');
const DOCS = policy(DOCS_CSP, 'no-referrer');
const ADMIN = policy(ADMIN_CSP, 'no-referrer');

/** The landing page `/` and a tenant's home `/t/{tenant}/`: small HTML pages, under the docs' policy. */
const PAGE_PATH = /^\/(?:t\/[^/]+\/)?$/;

function policyFor(path: string) {
  if (path === '/docs' || path.startsWith('/docs/') || PAGE_PATH.test(path)) return DOCS;
  if (path === '/admin' || path.startsWith('/admin/')) return ADMIN;
  if (path.startsWith(`${SANDBOX_PAY_PATH}/`)) return SANDBOX_PAGE;
  // under /t/{tenant}/, or at the root of a host mapped to a tenant
  if (path.endsWith(PAYMENT_COMPLETE_PATH)) return PAGE;
  return API;
}

/**
 * Security headers on every response, with Hono's `secureHeaders`: `X-Content-Type-Options: nosniff`,
 * `X-Frame-Options: DENY`, a Referrer-Policy, a Content-Security-Policy per kind of page (above), the
 * cross-origin isolation headers, and HSTS only when the request came over https (directly, or
 * through a trusted proxy's `X-Forwarded-Proto`). Then `Cache-Control: no-store` on what must not be
 * cached: answers to a request carrying `Authorization`, and answers that hand out a cart token or
 * set a cookie; a route's own Cache-Control (the docs bundle's, the file links') is kept.
 */
export function securityHeaders({ trustProxy }: { trustProxy: boolean }): MiddlewareHandler {
  return async (c, next) => {
    const { http, https } = policyFor(c.req.path);
    await (isHttps(c, trustProxy) ? https : http)(c, next);
    if (mustNotBeStored(c)) c.res.headers.set('Cache-Control', 'no-store');
  };
}

function mustNotBeStored(c: Context): boolean {
  const res = c.res.headers;
  if (res.has('cache-control')) return false;
  return c.req.header('authorization') !== undefined || res.has('x-cart-token') || res.has('set-cookie');
}
