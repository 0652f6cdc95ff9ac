import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, type ServiceOptions } from '@komisi/api';
import { createTestDatabase } from '@komisi/api/testing';
import { Redis } from 'ioredis';
import { serveWithLimits } from '../header-limit.ts';
import { type Platform, startPlatform } from '../platform.ts';
import { type RoundRobinProxy, startRoundRobinProxy } from './round-robin-proxy.ts';
import {
  type JsonRequestInit,
  type JsonResponse,
  jsonCaller,
  startTestApp,
  type TestApp,
  testConfig,
} from './test-app.ts';

export const TEST_REDIS_URL = process.env.KOMISI_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestCluster extends TestApp {
  /** every instance's platform; `instances[0]` is also this object's `orm` and `services` */
  instances: Platform[];
  /** where each instance listens, `http://127.0.0.1:{port}` */
  origins: string[];
  /** the round-robin proxy in front of them (`request`, `get`, `post`, `put` go through it) */
  proxy: RoundRobinProxy;
  /** a request to one instance, bypassing the proxy */
  on(instance: number): (method: string, url: string, init?: JsonRequestInit) => Promise<JsonResponse>;
  /** this cluster's Redis namespace (rate-limit counters, tenant change notices) */
  redisKeyPrefix: string;
  /** the database every instance serves */
  databaseUrl: string;
}

/**
 * `count` real server instances — each its own `startPlatform` (pool, services, caches, rate-limit
 * store, tenant change notices) served by @hono/node-server as `pnpm start` serves it — on one
 * fresh PostgreSQL database and the shared Redis (under a namespace of its own), behind a
 * round-robin proxy. It is a `TestApp`: the single-instance fixtures work unchanged, their
 * requests spread over the instances.
 */
export async function startTestCluster(
  options: { count?: number; services?: Partial<ServiceOptions>; env?: Record<string, string> } = {},
): Promise<TestCluster> {
  const count = options.count ?? 3;
  const redisKeyPrefix = `komisi:test:${randomBytes(6).toString('hex')}:`;
  const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: redisKeyPrefix, ...options.env };
  const db = await createTestDatabase();
  // the first instance migrates and seeds; the others start on the database as it is, one at a time
  const first = await startTestApp({
    database: db,
    env,
    ...(options.services && { services: options.services }),
  });
  const others: Platform[] = [];
  for (let i = 1; i < count; i++) {
    const config = testConfig(db.url, { KOMISI_SEED_DEMO: 'false', ...env });
    others.push(
      await startPlatform(config, createLogger(process.env.KOMISI_TEST_LOG ?? 'silent'), {
        ...(options.services && { services: options.services }),
      }),
    );
  }
  const instances: Platform[] = [first, ...others];
  await Promise.all(instances.map((p) => p.tenantChanges?.subscribed));
  const servers = await Promise.all(instances.map((p) => listen(p)));
  const origins = servers.map((s) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`);
  const proxy = await startRoundRobinProxy(origins);

  // redirects answered, not followed: as the in-process app answers them
  const via = (origin: string) =>
    jsonCaller((url, init) => fetch(`${origin}${url}`, { ...init, redirect: 'manual' }));
  const request = via(proxy.url);
  const api = (path: string) => `/t/dtehm/api${path}`;

  return {
    ...first,
    instances,
    origins,
    proxy,
    redisKeyPrefix,
    databaseUrl: db.url,
    on: (i) => via(origins[i]!),
    request,
    get: (path, token) => request('GET', api(path), token ? { token } : {}),
    post: (path, body, token) => request('POST', api(path), { body, ...(token && { token }) }),
    put: (path, body, token) => request('PUT', api(path), { body, ...(token && { token }) }),
    async close() {
      try {
        await proxy.close();
        await Promise.all(servers.map(closeServer));
        await Promise.all(others.map((p) => p.close()));
        await forgetRedisKeys(redisKeyPrefix);
      } finally {
        // the ledger invariants over everything the instances wrote, then the database dropped
        await first.close();
      }
    },
  };
}

function listen(platform: Platform): Promise<Server> {
  return new Promise((resolve) => {
    const server = serveWithLimits({ fetch: platform.app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(server as Server),
    ) as Server;
    // longer than the proxy keeps an idle connection, so it never sends on one the server is closing
    server.keepAliveTimeout = 65_000;
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

async function forgetRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
}
