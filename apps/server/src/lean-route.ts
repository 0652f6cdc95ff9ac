import type { Logger } from '@komisi/api';
import type { Context, Handler } from 'hono';
import { isHttps } from './https.ts';
import { accessLog, requestIdOf, responseTime } from './request-meta.ts';
import { apiSecurityHeaders, mustNotBeStored } from './security-headers.ts';

/** What a lean route answers: a status, its own headers (lower-case names), and a JSON body or none. */
export interface LeanAnswer {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
}

/**
 * A route answered ahead of the app-wide middlewares (request-meta.ts, security-headers.ts), for the
 * busiest public path (referral links): it does their work itself (request id, response time, the
 * access line, the API's security headers, no-store on a cookie) and writes every header as one plain
 * record, which @hono/node-server hands to `writeHead` as is. Through the middlewares each header is
 * a separate set on a `Headers` object that the adapter then walks and sorts again. Register it
 * before `app.use('*', …)`, so the middlewares never run for it.
 */
export function leanRoute(
  { log, trustProxy }: { log: Logger; trustProxy: boolean },
  answer: (c: Context) => Promise<LeanAnswer>,
): Handler {
  const logAccess = accessLog(log);
  return async (c) => {
    const started = performance.now();
    const requestId = requestIdOf(c.req.header('x-request-id'));
    let a: LeanAnswer;
    try {
      a = await answer(c);
    } catch (err) {
      // as app.onError answers
      log.error({ err, requestId }, 'unhandled error');
      a = { status: 500, json: { error: 'Internal server error', request_id: requestId } };
    }
    const headers: Record<string, string> = { ...apiSecurityHeaders(isHttps(c, trustProxy)), ...a.headers };
    if (a.json !== undefined) headers['content-type'] = 'application/json';
    if (mustNotBeStored(c.req.header('authorization') !== undefined, (name) => name in headers))
      headers['cache-control'] = 'no-store';
    const ms = performance.now() - started;
    headers['x-request-id'] = requestId;
    headers['x-response-time'] = responseTime(ms);
    logAccess(c, requestId, a.status, ms);
    return new Response(a.json === undefined ? null : JSON.stringify(a.json), { status: a.status, headers });
  };
}
