import { randomUUID } from 'node:crypto';
import { accessLogger, type Logger } from '@komisi/api';
import type { Context, MiddlewareHandler } from 'hono';

const VALID_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The caller's `X-Request-ID` when well-formed, else a new one. */
export function requestIdOf(incoming: string | undefined): string {
  return incoming && VALID_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** The access log: one line per answered request, when the level includes info. */
export function accessLog(logger: Logger) {
  const log = accessLogger(logger);
  return (c: Context, requestId: string, status: number, ms: number) => {
    if (!log.isLevelEnabled('info')) return;
    log.info({ requestId, method: c.req.method, path: c.req.path, status, ms: Math.round(ms * 10) / 10 });
  };
}

/** `X-Response-Time`'s value */
export const responseTime = (ms: number) => `${ms.toFixed(1)}ms`;

/** Request id (accepted from the caller when well-formed, else generated), timing header, one log line. */
export function requestMeta(logger: Logger): MiddlewareHandler<{ Variables: { requestId: string } }> {
  const logAccess = accessLog(logger);
  return async (c, next) => {
    const started = performance.now();
    const requestId = requestIdOf(c.req.header('x-request-id'));
    c.set('requestId', requestId);
    await next();
    const ms = performance.now() - started;
    // set on the finished response in place: `c.header` would copy the whole response, each time
    c.res.headers.set('X-Request-ID', requestId);
    c.res.headers.set('X-Response-Time', responseTime(ms));
    logAccess(c, requestId, c.res.status, ms);
  };
}
