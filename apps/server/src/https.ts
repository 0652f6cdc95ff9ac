import type { Context } from 'hono';

/**
 * Whether the caller reached us over https: the request URL says so (TLS at this process), or,
 * behind a trusted proxy (KOMISI_TRUST_PROXY), the proxy's first `X-Forwarded-Proto` does.
 */
export function isHttps(c: Context, trustProxy: boolean): boolean {
  // the URL is absolute, so its scheme is its start: no URL parse on every request
  if (c.req.url.startsWith('https:')) return true;
  return trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}
