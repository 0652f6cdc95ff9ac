import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { fixedWindow, type RateLimitStore } from './rate-limit-store.ts';

// INCRBY and PEXPIREAT run atomically, so concurrent hits from any number of
// instances count exactly, and a key never outlives its window without an expiry.
const HIT_SCRIPT = `
local count = redis.call('INCRBY', KEYS[1], ARGV[2])
if count == tonumber(ARGV[2]) then redis.call('PEXPIREAT', KEYS[1], ARGV[1]) end
return count
`;
const HIT_SHA = createHash('sha1').update(HIT_SCRIPT).digest('hex');

// Keys carry their window index, so a little extra life is harmless and absorbs
// clock skew between the app servers (who pick the window) and Redis (who expires it).
const EXPIRY_GRACE_MS = 1_000;

const LOST = new Set(['close', 'reconnecting', 'end']);

export interface RedisRateLimitStoreOptions {
  /** called when Redis fails and the hit is allowed anyway */
  onError?: (error: unknown) => void;
  now?: () => number;
}

/** Shared counters: every instance pointing at the same Redis draws on one budget per key. */
export class RedisRateLimitStore implements RateLimitStore {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #onError: (error: unknown) => void;
  readonly #now: () => number;

  constructor(redis: Redis, prefix = 'komisi:rl:', options: RedisRateLimitStoreOptions = {}) {
    this.#redis = redis;
    this.#prefix = prefix;
    this.#onError = options.onError ?? (() => {});
    this.#now = options.now ?? Date.now;
  }

  async hit(key: string, windowMs: number, hits = 1): Promise<{ count: number; resetAt: number }> {
    const { index, resetAt } = fixedWindow(this.#now(), windowMs);
    const redisKey = `${this.#prefix}${key}:${index}`;
    try {
      // Once a connection is lost, don't queue behind the reconnect: answer at once.
      if (LOST.has(this.#redis.status)) throw new Error(`Redis connection is ${this.#redis.status}`);
      return { count: await this.#run(redisKey, resetAt + EXPIRY_GRACE_MS, hits), resetAt };
    } catch (error) {
      // Fail open: a limiter outage must not take the API down, so the hit is
      // allowed (count 0) and the error goes to the caller's log instead.
      this.#onError(error);
      return { count: 0, resetAt };
    }
  }

  /** Closes the connection this store was given. */
  async close(): Promise<void> {
    await this.#redis.quit().catch(() => this.#redis.disconnect());
  }

  async #run(redisKey: string, expireAt: number, hits: number): Promise<number> {
    try {
      return Number(await this.#redis.evalsha(HIT_SHA, 1, redisKey, expireAt, hits));
    } catch (error) {
      // Redis drops its script cache on restart or SCRIPT FLUSH: send the body once more.
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return Number(await this.#redis.eval(HIT_SCRIPT, 1, redisKey, expireAt, hits));
    }
  }
}
