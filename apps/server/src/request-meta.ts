import { randomUUID } from 'node:crypto';
import { accessLogger, type Logger } from '@komisi/api';
import type { MiddlewareHandler } from 'hono';

const VALID_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Request id (accepted from the caller when well-formed, else generated), timing header, one log line. */
export function requestMeta(logger: Logger): MiddlewareHandler<{ Variables: { requestId: string } }> {
  const log = accessLogger(logger);
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && VALID_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    await next();
    const ms = performance.now() - started;
    // set on the finished response in place: `c.header` would copy the whole response, each time
    c.res.headers.set('X-Request-ID', requestId);
    c.res.headers.set('X-Response-Time', `${ms.toFixed(1)}ms`);
    if (log.isLevelEnabled('info')) {
      log.info({
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(ms * 10) / 10,
      });
    }
  };
}
