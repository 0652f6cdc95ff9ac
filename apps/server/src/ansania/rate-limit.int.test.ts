import { randomBytes } from 'node:crypto';
import { createLogger, createRateLimiter, RedisRateLimitStore } from '@komisi/api';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

// The spec: anonymous 100 requests per 15 minutes, authenticated 1000, headers on every response,
// 429 RATE_LIMIT_EXCEEDED beyond. Memory by default; Redis shares the budget between instances.
let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await startTestApp();
  const res = await app.request('POST', '/t/ansania/api/auth/login', {
    body: { email: 'test@example.com', password: 'TestPass123!' },
  });
  token = res.body.data.token;
});
afterAll(async () => {
  await app.close();
});

// An anonymous request that spends the budget and nothing else (logins would also meet the login throttle).
const anonymousRequest = (target: {
  request: (url: string, init?: RequestInit) => Response | Promise<Response>;
}) => target.request('/t/ansania/api/user/profile');

describe('ansania rate limits', () => {
  it('spends an anonymous budget of 100 and answers 429 with the spec envelope after it', async () => {
    const first = await app.request('GET', '/t/ansania/api/user/profile');
    expect(first.headers.get('x-ratelimit-limit')).toBe('100');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('98'); // the login in beforeAll spent one
    expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    const rest = await Promise.all(
      Array.from({ length: 99 }, () => app.request('GET', '/t/ansania/api/user/profile')),
    );
    const limited = rest.filter((r) => r.status === 429);
    expect(limited).toHaveLength(1);
    expect(limited[0]!.body).toMatchObject({ success: false, code: 'RATE_LIMIT_EXCEEDED' });
    expect(limited[0]!.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('gives a signed-in user their own budget of 1000', async () => {
    const res = await app.request('POST', '/t/ansania/api/auth/register', {
      body: {
        email: 'limits@example.com',
        phone: '+628111222333',
        full_name: 'Limits',
        password: 'SecurePass123!',
      },
    });
    // the address's anonymous budget is spent: registration itself is refused
    expect(res.status).toBe(429);
    const addresses = await app.request('GET', '/t/ansania/api/user/addresses', { token });
    expect(addresses.status).toBe(200);
    expect(addresses.headers.get('x-ratelimit-limit')).toBe('1000');
    expect(addresses.headers.get('x-ratelimit-remaining')).toBe('999');
  });

  it('leaves the dtehm profile, whose spec documents no limits, without budgets', async () => {
    const res = await app.get('/products/categories');
    expect(res.headers.get('x-ratelimit-limit')).toBeNull();
  });

  it('shares one budget between server instances through Redis', async () => {
    const prefix = `komisi:test:${randomBytes(4).toString('hex')}:`;
    const connections = [new Redis('redis://127.0.0.1:6379'), new Redis('redis://127.0.0.1:6379')];
    const instances = connections.map((redis) =>
      createApp({
        services: app.services,
        log: createLogger('silent'),
        rateLimiter: createRateLimiter(new RedisRateLimitStore(redis, prefix)),
      }),
    );
    try {
      const statuses = await Promise.all(
        Array.from({ length: 120 }, (_, i) => anonymousRequest(instances[i % 2]!)),
      );
      expect(statuses.filter((r) => r.status === 429)).toHaveLength(20);
    } finally {
      const keys = await connections[0]!.keys(`${prefix}*`);
      if (keys.length) await connections[0]!.del(...keys);
      await Promise.all(connections.map((c) => c.quit()));
    }
  });
});
