import { describe, expect, it } from 'vitest';
import { MemoryRateLimitStore } from './memory-store.ts';
import { createRateLimiter } from './rate-limiter.ts';

function clock(start: number) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('MemoryRateLimitStore', () => {
  it('counts hits per key in a window aligned to the epoch', async () => {
    const c = clock(10_250);
    const store = new MemoryRateLimitStore({ now: c.now });
    expect(await store.hit('a', 1000)).toEqual({ count: 1, resetAt: 11_000 });
    expect(await store.hit('a', 1000)).toEqual({ count: 2, resetAt: 11_000 });
    expect(await store.hit('b', 1000)).toEqual({ count: 1, resetAt: 11_000 });
  });

  it('starts a fresh count when the window ends', async () => {
    const c = clock(10_999);
    const store = new MemoryRateLimitStore({ now: c.now });
    await store.hit('a', 1000);
    await store.hit('a', 1000);
    c.advance(1);
    expect(await store.hit('a', 1000)).toEqual({ count: 1, resetAt: 12_000 });
  });

  it('drops expired windows so memory stays bounded', async () => {
    const c = clock(0);
    const store = new MemoryRateLimitStore({ now: c.now, sweepIntervalMs: 1000 });
    for (let i = 0; i < 500; i++) await store.hit(`ip:${i}`, 1000);
    expect(store.size).toBe(500);
    c.advance(1000);
    await store.hit('ip:new', 1000);
    expect(store.size).toBe(1);
  });

  it('allows exactly the limit under concurrency', async () => {
    const limiter = createRateLimiter(new MemoryRateLimitStore(), [
      { name: 'anon', limit: 100, windowMs: 3_600_000 },
    ]);
    const results = await Promise.all(Array.from({ length: 200 }, () => limiter.check('t:ip:1', 'anon')));
    expect(results.filter((r) => r.allowed)).toHaveLength(100);
    expect(Math.min(...results.map((r) => r.remaining))).toBe(0);
  });
});
