import { createRequire } from 'node:module';
import type { Redis as RedisClient } from 'ioredis';
import { MemoryRateLimitStore } from './memory-store.ts';
import type { RateLimitStore } from './rate-limit-store.ts';
import { RedisRateLimitStore } from './redis-store.ts';

export interface RateLimitStoreConfig {
  redisUrl?: string | undefined;
  /** namespace of the deployment's Redis keys (default `komisi:`); counters live under `{prefix}rl:` */
  keyPrefix?: string | undefined;
  /** Redis connection and command failures (requests are allowed meanwhile) */
  onError?: (error: unknown) => void;
}

/** Redis when configured (limits shared across instances), otherwise per-process memory. */
export function createRateLimitStore(config: RateLimitStoreConfig): RateLimitStore {
  if (!config.redisUrl) return new MemoryRateLimitStore();
  const onError = config.onError ?? (() => {});
  // A limiter outage must cost little latency: a command queued while connecting, or
  // sent to a Redis that hangs, waits at most 250 ms, and while reconnecting the store
  // answers at once; either way the request is allowed.
  // loaded only when configured: a server without Redis never pays for the client
  const { Redis } = createRequire(import.meta.url)('ioredis') as { Redis: typeof RedisClient };
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 250 });
  // Without a listener ioredis prints every failed reconnect to stderr.
  redis.on('error', onError);
  return new RedisRateLimitStore(redis, `${config.keyPrefix ?? 'komisi:'}rl:`, { onError });
}
