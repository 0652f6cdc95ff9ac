import { Hono } from 'hono';

/** A health check that never waits longer than this for the database. */
const PING_TIMEOUT_MS = 2_000;

function withTimeout(work: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('database ping timed out')), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * `GET /health` for load balancers and container health checks: 200 `{ status: 'ok', database: 'ok' }`
 * when the database answers a trivial query within 2 s, otherwise 503 with `database: 'unavailable'`.
 */
export function healthRoutes(pingDatabase: () => Promise<unknown>, timeoutMs = PING_TIMEOUT_MS) {
  const app = new Hono();
  app.get('/health', async (c) => {
    c.header('cache-control', 'no-store');
    try {
      await withTimeout(pingDatabase(), timeoutMs);
      return c.json({ status: 'ok', database: 'ok' });
    } catch {
      return c.json({ status: 'error', database: 'unavailable' }, 503);
    }
  });
  return app;
}
