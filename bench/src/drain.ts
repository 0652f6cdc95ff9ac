import type { ServerType } from '@hono/node-server';

type Fetch = (request: Request, env?: unknown) => Response | Promise<Response>;

/**
 * Counts requests in flight so a stopping child can let them finish (autocannon hangs up at the
 * end of a run while the server still works on the last requests) before closing its pool.
 */
export function drainable(fetch: Fetch) {
  let inFlight = 0;
  return {
    fetch: async (request: Request, env?: unknown) => {
      inFlight++;
      try {
        return await fetch(request, env);
      } finally {
        inFlight--;
      }
    },
    /** stop accepting, wait (at most 5 s) for the requests in flight, then run `close` and exit */
    onSignal(server: ServerType, close: () => Promise<unknown>) {
      const stop = async () => {
        server.close();
        const deadline = Date.now() + 5_000;
        while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        await close();
        process.exit(0);
      };
      process.on('SIGTERM', () => void stop());
      process.on('SIGINT', () => void stop());
    },
  };
}
