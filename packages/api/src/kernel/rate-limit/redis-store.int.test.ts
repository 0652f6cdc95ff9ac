import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimitStore } from './create-rate-limit-store.ts';
import { MemoryRateLimitStore } from './memory-store.ts';
import { createRateLimiter, rateLimitHeaders } from './rate-limiter.ts';
import { RedisRateLimitStore } from './redis-store.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// A prefix per run keeps parallel runs apart and lets afterAll remove exactly our keys.
const PREFIX = `komisi:rl:test:${randomBytes(6).toString('hex')}:`;
const HOUR = 3_600_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits for a fresh window so a burst cannot straddle two windows. */
const nextWindow = (windowMs: number) => sleep(windowMs - (Date.now() % windowMs) + 5);

describe('RedisRateLimitStore', () => {
  let admin: Redis;
  let a: RedisRateLimitStore;
  let b: RedisRateLimitStore;

  beforeAll(() => {
    admin = new Redis(REDIS_URL);
    a = new RedisRateLimitStore(new Redis(REDIS_URL), PREFIX);
    b = new RedisRateLimitStore(new Redis(REDIS_URL), PREFIX);
  });

  afterAll(async () => {
    const keys = await admin.keys(`${PREFIX}*`);
    if (keys.length) await admin.del(...keys);
    await Promise.all([a.close(), b.close(), admin.quit()]);
  });

  it('allows exactly the limit under concurrency', async () => {
    const limiter = createRateLimiter(a, [{ name: 'anon', limit: 100, windowMs: HOUR }]);
    const results = await Promise.all(
      Array.from({ length: 200 }, () => limiter.check('t1:anon:ip:1', 'anon')),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(100);
    expect(results.filter((r) => !r.allowed).every((r) => r.remaining === 0 && r.retryAfterSeconds > 0)).toBe(
      true,
    );
  });

  it('shares one budget between instances on separate connections', async () => {
    const rule = { name: 'shared', limit: 150, windowMs: HOUR };
    const onA = createRateLimiter(a);
    const onB = createRateLimiter(b);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => (i % 2 ? onA : onB).check('t1:shared:user:42', rule)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(150);
  });

  it('expires each window key with the window', async () => {
    const { resetAt } = await a.hit('t1:ttl:ip:2', HOUR);
    const [key] = await admin.keys(`${PREFIX}t1:ttl:ip:2:*`);
    expect(key).toBe(`${PREFIX}t1:ttl:ip:2:${resetAt / HOUR - 1}`);
    const pttl = await admin.pttl(key!);
    // lives to the window's end plus the skew grace (give or take Redis's clock rounding)
    expect(pttl).toBeGreaterThan(resetAt - Date.now());
    expect(pttl).toBeLessThanOrEqual(resetAt - Date.now() + 1_050);
  });

  it('resets after the window, with headers to match', async () => {
    const rule = { name: 'short', limit: 3, windowMs: 300 };
    const limiter = createRateLimiter(a);
    await nextWindow(rule.windowMs);
    const first = await Promise.all(Array.from({ length: 4 }, () => limiter.check('t1:short:ip:3', rule)));
    const blocked = first.find((r) => !r.allowed)!;
    expect(first.filter((r) => r.allowed)).toHaveLength(3);
    expect(rateLimitHeaders(blocked)).toEqual({
      'X-RateLimit-Limit': '3',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': String(blocked.resetSeconds),
      'Retry-After': '1',
    });

    await nextWindow(rule.windowMs);
    const later = await limiter.check('t1:short:ip:3', rule);
    expect(later).toMatchObject({ allowed: true, remaining: 2 });
    expect(rateLimitHeaders(later)).not.toHaveProperty('Retry-After');
  });

  it('fails open and reports the error when Redis is unreachable', async () => {
    const down = new Redis('redis://127.0.0.1:6390', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    down.on('error', () => {}); // the connection failure itself; the store reports the failed hit
    const errors: unknown[] = [];
    const store = new RedisRateLimitStore(down, PREFIX, { onError: (e) => errors.push(e) });
    const limiter = createRateLimiter(store, [{ name: 'anon', limit: 1, windowMs: HOUR }]);
    const results = await Promise.all([limiter.check('k', 'anon'), limiter.check('k', 'anon')]);
    expect(results.every((r) => r.allowed && r.remaining === 1)).toBe(true);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toBeInstanceOf(Error);
    await store.close();
  });

  it('counts a batch of hits at once, with the window expiry set by the first', async () => {
    const store = new RedisRateLimitStore(new Redis(REDIS_URL), PREFIX);
    expect((await store.hit('t1:batch:ip:3', HOUR, 3)).count).toBe(3);
    expect((await store.hit('t1:batch:ip:3', HOUR, 2)).count).toBe(5);
    const [key] = await admin.keys(`${PREFIX}t1:batch:ip:3:*`);
    expect(await admin.pttl(key!)).toBeGreaterThan(0);
    await store.close();
  });

  it('createRateLimitStore picks Redis when a URL is configured, memory otherwise', async () => {
    expect(createRateLimitStore({ redisUrl: undefined })).toBeInstanceOf(MemoryRateLimitStore);
    const store = createRateLimitStore({ redisUrl: REDIS_URL });
    expect(store).toBeInstanceOf(RedisRateLimitStore);
    // its own prefix, so delete the key here rather than in afterAll
    const key = `test:${PREFIX}factory`;
    expect((await store.hit(key, HOUR)).count).toBe(1);
    const keys = await admin.keys(`komisi:rl:${key}:*`);
    expect(keys).toHaveLength(1);
    await admin.del(...keys);
    await store.close?.();
  });
});
