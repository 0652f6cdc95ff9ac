import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { RedisRateLimitStore } from './redis-store.ts';

describe('RedisRateLimitStore without a server', () => {
  it('resends the script when Redis has lost it (NOSCRIPT)', async () => {
    const calls: string[] = [];
    const fake = {
      status: 'ready',
      evalsha: async () => {
        calls.push('evalsha');
        throw new Error('NOSCRIPT No matching script. Please use EVAL.');
      },
      eval: async (_script: string, _keys: number, key: string, expireAt: number) => {
        calls.push(`eval ${key} ${expireAt}`);
        return 1;
      },
    } as unknown as Redis;
    const store = new RedisRateLimitStore(fake, 'p:', { now: () => 2500 });
    expect(await store.hit('k', 1000)).toEqual({ count: 1, resetAt: 3000 });
    expect(calls).toEqual(['evalsha', 'eval p:k:2 4000']);
  });

  it('fails open on any other error and reports it', async () => {
    const boom = new Error('READONLY You cannot write against a read only replica.');
    const fake = { status: 'ready', evalsha: async () => Promise.reject(boom) } as unknown as Redis;
    const errors: unknown[] = [];
    const store = new RedisRateLimitStore(fake, 'p:', { now: () => 2500, onError: (e) => errors.push(e) });
    expect(await store.hit('k', 1000)).toEqual({ count: 0, resetAt: 3000 });
    expect(errors).toEqual([boom]);
  });

  it('answers at once while the connection is being re-established', async () => {
    let sent = 0;
    const fake = { status: 'reconnecting', evalsha: async () => ++sent } as unknown as Redis;
    const errors: unknown[] = [];
    const store = new RedisRateLimitStore(fake, 'p:', { now: () => 2500, onError: (e) => errors.push(e) });
    expect(await store.hit('k', 1000)).toEqual({ count: 0, resetAt: 3000 });
    expect(sent).toBe(0);
    expect(String(errors[0])).toContain('reconnecting');
  });
});
