export { createRateLimitStore, type RateLimitStoreConfig } from './create-rate-limit-store.ts';
export { MemoryRateLimitStore, type MemoryRateLimitStoreOptions } from './memory-store.ts';
export { type RateLimitKeyParts, type RateLimitSubject, rateLimitKey } from './rate-limit-key.ts';
export { fixedWindow, type RateLimitStore } from './rate-limit-store.ts';
export {
  createRateLimiter,
  type RateLimiter,
  type RateLimitHeaders,
  type RateLimitResult,
  type RateLimitRule,
  rateLimitHeaders,
} from './rate-limiter.ts';
export { RedisRateLimitStore, type RedisRateLimitStoreOptions } from './redis-store.ts';
