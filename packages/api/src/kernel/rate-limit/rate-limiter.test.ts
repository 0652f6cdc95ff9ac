import { describe, expect, it } from 'vitest';
import { MemoryRateLimitStore } from './memory-store.ts';
import { rateLimitKey } from './rate-limit-key.ts';
import type { RateLimitStore } from './rate-limit-store.ts';
import { createRateLimiter, rateLimitHeaders } from './rate-limiter.ts';

const FIFTEEN_MINUTES = 15 * 60_000;
// 2023-02-05T02:30:00Z: the start of a window ending at 02:45:00Z (1675565100)
const NOW = 1_675_564_200_000;
const anonymous = { name: 'anonymous', limit: 3, windowMs: FIFTEEN_MINUTES };

function setup() {
  let t = NOW;
  const now = () => t;
  const limiter = createRateLimiter(new MemoryRateLimitStore({ now }), [anonymous], { now });
  return { limiter, advance: (ms: number) => (t += ms) };
}

describe('createRateLimiter', () => {
  it('reports limit, remaining and the reset time in epoch seconds', async () => {
    const { limiter } = setup();
    expect(await limiter.check('k', 'anonymous')).toEqual({
      allowed: true,
      limit: 3,
      remaining: 2,
      resetSeconds: 1_675_565_100,
      retryAfterSeconds: 0,
      allowedHits: 1,
    });
  });

  it('counts every call of a batch, and says how many of them fit', async () => {
    const { limiter } = setup();
    expect(await limiter.check('k', 'anonymous', 2)).toMatchObject({
      allowed: true,
      allowedHits: 2,
      remaining: 1,
    });
    expect(await limiter.check('k', 'anonymous', 5)).toMatchObject({
      allowed: false,
      allowedHits: 1,
      remaining: 0,
    });
    expect(await limiter.check('k', 'anonymous', 1)).toMatchObject({ allowed: false, allowedHits: 0 });
    await expect(limiter.check('k', 'anonymous', 0)).rejects.toThrow('hits');
  });

  it('blocks past the limit and tells the client when to retry', async () => {
    const { limiter, advance } = setup();
    for (let i = 0; i < 3; i++) expect((await limiter.check('k', anonymous)).allowed).toBe(true);
    advance(60_000 + 500);
    expect(await limiter.check('k', anonymous)).toEqual({
      allowed: false,
      limit: 3,
      remaining: 0,
      resetSeconds: 1_675_565_100,
      retryAfterSeconds: 840, // 839.5 s left, rounded up
      allowedHits: 0,
    });
  });

  it('allows again in the next window', async () => {
    const { limiter, advance } = setup();
    for (let i = 0; i < 4; i++) await limiter.check('k', anonymous);
    advance(FIFTEEN_MINUTES);
    const result = await limiter.check('k', anonymous);
    expect(result).toMatchObject({ allowed: true, remaining: 2, resetSeconds: 1_675_566_000 });
  });

  it('treats a store that failed open (count 0) as allowed', async () => {
    const failedOpen: RateLimitStore = { hit: async () => ({ count: 0, resetAt: NOW }) };
    const result = await createRateLimiter(failedOpen).check('k', anonymous);
    expect(result).toMatchObject({ allowed: true, remaining: 3 });
  });

  it('rejects unknown, duplicate and invalid rules', async () => {
    const { limiter } = setup();
    await expect(limiter.check('k', 'missing')).rejects.toThrow('Unknown rate limit rule "missing"');
    expect(() => createRateLimiter(new MemoryRateLimitStore(), [anonymous, anonymous])).toThrow('Duplicate');
    expect(() =>
      createRateLimiter(new MemoryRateLimitStore(), [{ name: 'x', limit: 0, windowMs: 1000 }]),
    ).toThrow('limit');
    await expect(limiter.check('k', { name: 'y', limit: 1, windowMs: 0.5 })).rejects.toThrow('windowMs');
  });
});

describe('rateLimitHeaders', () => {
  it('sends the X-RateLimit headers, and Retry-After only when blocked', () => {
    const allowed = {
      allowed: true,
      allowedHits: 1,
      limit: 100,
      remaining: 99,
      resetSeconds: 1_675_564_800,
      retryAfterSeconds: 0,
    };
    expect(rateLimitHeaders(allowed)).toEqual({
      'X-RateLimit-Limit': '100',
      'X-RateLimit-Remaining': '99',
      'X-RateLimit-Reset': '1675564800',
    });
    expect(rateLimitHeaders({ ...allowed, allowed: false, remaining: 0, retryAfterSeconds: 42 })).toEqual({
      'X-RateLimit-Limit': '100',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': '1675564800',
      'Retry-After': '42',
    });
  });
});

describe('rateLimitKey', () => {
  it('scopes a subject to its tenant and rule', () => {
    expect(rateLimitKey({ tenantId: 7, subject: 'ip:1.2.3.4', rule: anonymous })).toBe(
      '7:anonymous:ip:1.2.3.4',
    );
    expect(rateLimitKey({ tenantId: 'dtehm', subject: 'user:42', rule: 'authenticated' })).toBe(
      'dtehm:authenticated:user:42',
    );
  });

  it('escapes separators in the tenant and rule so keys cannot collide', () => {
    const a = rateLimitKey({ tenantId: 'a:b', subject: 'ip:::1', rule: 'r' });
    const b = rateLimitKey({ tenantId: 'a', subject: 'ip:::1', rule: 'b:r' });
    expect(a).toBe('a%3Ab:r:ip:::1');
    expect(a).not.toBe(b);
  });
});
