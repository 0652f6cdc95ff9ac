import { createHash } from 'node:crypto';
import { SANDBOX_PAY_PATH } from '@komisi/api';
import type { MiddlewareHandler } from 'hono';
import { isHttps } from './https.ts';
import { PAYMENT_COMPLETE_PATH } from './payment-complete-page.ts';
import { SANDBOX_PAGE_STYLE } from './sandbox-page.ts';

/** A Content-Security-Policy as directives (camelCase) and their sources */
type CspDirectives = Readonly<Record<string, readonly string[]>>;

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

/** Response headers as name → value, names in lower case (as HTTP/2 writes them). */
type HeaderRecord = Readonly<Record<string, string>>;

/** `defaultSrc: ["'none'"]` → `default-src 'none'`, directives joined by `; ` */
function cspValue(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), ...sources].join(' '))
    .join('; ');
}

/**
 * One header set per kind of response, with and without HSTS, written out once. Left out on
 * purpose: headers of browsers and plugins long gone (IE's X-XSS-Protection and X-Download-Options,
 * Flash's X-Permitted-Cross-Domain-Policies, X-DNS-Prefetch-Control for links a JSON answer has
 * none of) and Origin-Agent-Cluster: each would cost every response a header.
 */
function policy(contentSecurityPolicy: CspDirectives, referrerPolicy: string) {
  const http: HeaderRecord = {
    'cross-origin-resource-policy': 'same-origin',
    'cross-origin-opener-policy': 'same-origin',
    'referrer-policy': referrerPolicy,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'content-security-policy': cspValue(contentSecurityPolicy),
  };
  return { http, https: { ...http, 'strict-transport-security': HSTS } as HeaderRecord };
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
 * Security headers on every response: `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY`, a
 * Referrer-Policy, a Content-Security-Policy per kind of page (above), the cross-origin isolation
 * headers, and HSTS only when the request came over https (directly, or through a trusted proxy's
 * `X-Forwarded-Proto`); a header a route set itself wins (file links keep their own sandboxing CSP
 * and no-referrer). Then `Cache-Control: no-store` on what must not be cached: answers to a request
 * carrying `Authorization`, and answers that hand out a cart token or set a cookie; a route's own
 * Cache-Control (the docs bundle's, the file links') is kept.
 */
export function securityHeaders({ trustProxy }: { trustProxy: boolean }): MiddlewareHandler {
  return async (c, next) => {
    const { http, https } = policyFor(c.req.path);
    const headers = isHttps(c, trustProxy) ? https : http;
    await next();
    const res = c.res.headers;
    for (const name in headers) if (!res.has(name)) res.set(name, headers[name]!);
    if (mustNotBeStored(c.req.header('authorization') !== undefined, (name) => res.has(name)))
      res.set('cache-control', 'no-store');
  };
}

/**
 * The security headers of a JSON answer or a redirect, as one record: for a route answered ahead of
 * the middlewares (lean-route.ts), which writes them with its own in one go.
 */
export function apiSecurityHeaders(https: boolean): HeaderRecord {
  return https ? API.https : API.http;
}

/** Whether an answer must carry `Cache-Control: no-store` (above), given what it already has. */
export function mustNotBeStored(requestHasAuthorization: boolean, has: (header: string) => boolean): boolean {
  if (has('cache-control')) return false;
  return requestHasAuthorization || has('x-cart-token') || has('set-cookie');
}
