import { describe, expect, it } from 'vitest';
import { SessionCache } from './session-cache.ts';

describe('SessionCache', () => {
  it('holds a verified session for five seconds', () => {
    const cache = new SessionCache();
    expect(cache.isFresh(1, 's', 0)).toBe(false);
    cache.remember(1, 's', 1_000);
    expect(cache.isFresh(1, 's', 5_999)).toBe(true);
    expect(cache.isFresh(1, 's', 6_000)).toBe(false);
  });

  it('keeps tenants apart', () => {
    const cache = new SessionCache();
    cache.remember(1, 's', 0);
    expect(cache.isFresh(2, 's', 0)).toBe(false);
  });

  it('drops a session the database says has ended', () => {
    const cache = new SessionCache();
    cache.remember(1, 's', 0);
    cache.drop(1, 's');
    expect(cache.isFresh(1, 's', 0)).toBe(false);
  });

  it('never caches again a session this process revoked', () => {
    const cache = new SessionCache();
    cache.remember(1, 's', 0);
    cache.forget(1, 's');
    expect(cache.isFresh(1, 's', 0)).toBe(false);
    cache.remember(1, 's', 0);
    expect(cache.isFresh(1, 's', 0)).toBe(false);
  });
});
