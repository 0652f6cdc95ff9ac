import { Agent, createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  /** `http://127.0.0.1:{port}` */
  url: string;
  /** requests forwarded to each upstream so far, in the upstreams' order */
  counts: number[];
  /** requests answered 502 because their upstream could not be reached or dropped the connection */
  failures: { upstream: number; method: string; url: string; error: string }[];
  close(): Promise<void>;
}

/**
 * A small HTTP load balancer for tests and the bench: each request goes to the next upstream in
 * turn (round robin), streamed both ways over kept-alive connections; an upstream that cannot be
 * reached answers 502. It adds no forwarding headers: the servers see the proxy as the client.
 */
export async function startRoundRobinProxy(
  upstreams: readonly string[],
  options: { port?: number; host?: string } = {},
): Promise<RoundRobinProxy> {
  if (upstreams.length === 0) throw new Error('a proxy needs at least one upstream');
  const targets = upstreams.map((u) => new URL(u));
  // idle upstream connections are let go well before a server would close them (Node's default
  // keep-alive is 5 s; servers behind this proxy get longer, see cluster.ts)
  const agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 4_000 });
  const counts = targets.map(() => 0);
  const failures: RoundRobinProxy['failures'] = [];
  let next = 0;
  const server: Server = createServer((req, res) => {
    const i = next;
    next = (next + 1) % targets.length;
    counts[i]!++;
    const target = targets[i]!;
    const upstream = httpRequest(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (err) => {
      failures.push({ upstream: i, method: req.method ?? '', url: req.url ?? '', error: err.message });
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('bad gateway');
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    failures,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
