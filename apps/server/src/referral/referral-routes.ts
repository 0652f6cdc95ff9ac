import {
  countsAsClick,
  type Logger,
  newClickId,
  REFERRAL_COOKIE,
  type ReferralClickWriter,
  type Services,
  type TenantRecord,
} from '@komisi/api';
import { type Context, Hono } from 'hono';
import { clientIp } from '../client-ip.ts';
import { isHttps } from '../https.ts';
import { type LeanAnswer, leanRoute } from '../lean-route.ts';

export interface ReferralRouteOptions {
  services: Services;
  /** where counted clicks go; without one (some tests) links still redirect, nothing is counted */
  clicks?: ReferralClickWriter | undefined;
  trustProxy: boolean;
  log: Logger;
}

/**
 * Referral links: `GET /t/{tenant}/r/{code}`, and `GET /r/{code}` on a host mapped to a tenant
 * (`https://qutab.id/r/XK7mP2q`). Always a 302 to the tenant's target URL, so a link never tells
 * whether a code exists. A person's GET with an approved affiliate's code is counted and sets the
 * signed `komisi_ref` cookie; preview bots, crawlers and HEAD requests are redirected and nothing
 * else. The click is handed to the buffered writer: the answer never waits for the database (the
 * only read, code → affiliate, is cached per minute). Lean routes (lean-route.ts): mount them ahead
 * of the app-wide middlewares.
 */
export function referralRoutes({ services, clicks, trustProxy, log }: ReferralRouteOptions) {
  const app = new Hono();
  const lean = (answer: (c: Context) => Promise<LeanAnswer>) => leanRoute({ log, trustProxy }, answer);

  app.get(
    '/t/:tenant/r/:code',
    lean(async (c) => {
      const slug = c.req.param('tenant') ?? '';
      const tenant = await services.tenants.bySlug(slug);
      if (!tenant) return { status: 404, json: { error: `Unknown tenant ${slug}` } };
      return follow(c, tenant, `/t/${slug}`, c.req.param('code') ?? '');
    }),
  );

  app.get(
    '/r/:code',
    lean(async (c) => {
      const tenant = await services.tenants.byHost(new URL(c.req.url).hostname);
      if (!tenant) return { status: 404, json: { error: 'Not found' } };
      return follow(c, tenant, '', c.req.param('code') ?? '');
    }),
  );

  async function follow(
    c: Context,
    tenant: TenantRecord,
    basePath: string,
    code: string,
  ): Promise<LeanAnswer> {
    const links = services.referralLinks;
    const url = new URL(c.req.url);
    const headers: Record<string, string> = {
      location: headerSafe(links.landingUrl(tenant, `${url.origin}${basePath}`, url.searchParams)),
      'cache-control': 'no-store',
    };
    const redirect = { status: 302, headers };
    const userAgent = c.req.header('user-agent');
    if (!countsAsClick(c.req.method, userAgent)) return redirect;
    const affiliateId = await links.affiliateForCode(tenant, code);
    if (affiliateId === null) return redirect;
    const clickedAt = new Date();
    const clickId = newClickId(clickedAt);
    clicks?.record(
      links.clickRecord(tenant, {
        affiliateId,
        clickId,
        clickedAt,
        ip: clientIp(c, trustProxy),
        userAgent,
        referer: c.req.header('referer'),
        query: url.searchParams,
      }),
    );
    headers['set-cookie'] = referralCookie(links.cookieValue(tenant, { affiliateId, clickId, clickedAt }), {
      // the tenant's paths only on a shared host; the whole site on its own host
      path: basePath || '/',
      secure: isHttps(c, trustProxy),
      maxAgeSeconds: links.attributionDays(tenant) * 86_400,
    });
    return redirect;
  }

  return app;
}

/** Browsers keep a cookie at most 400 days (RFC 6265bis); a longer Max-Age is cut to that. */
const MAX_COOKIE_AGE_SECONDS = 400 * 86_400;

/**
 * The `Set-Cookie` line of the attribution cookie, written out: the value is cookie-safe (letters,
 * digits, `.`, `_`, `-`) and the path a tenant slug, so nothing needs encoding or checking per click.
 */
function referralCookie(value: string, o: { path: string; secure: boolean; maxAgeSeconds: number }): string {
  const maxAge = Math.min(Math.floor(o.maxAgeSeconds), MAX_COOKIE_AGE_SECONDS);
  return `${REFERRAL_COOKIE}=${value}; Max-Age=${maxAge}; Path=${o.path}; HttpOnly${o.secure ? '; Secure' : ''}; SameSite=Lax`;
}

/** A header carries Latin-1 only: a target URL written with other characters is sent percent-encoded (as Hono's `c.redirect`). */
function headerSafe(location: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the Latin-1 range, control characters included
  return /[^\x00-\xFF]/.test(location) ? encodeURI(location) : location;
}
