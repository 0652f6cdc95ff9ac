import type { RateLimitStore } from './rate-limit-store.ts';

export interface RateLimitRule {
  readonly name: string;
  readonly limit: number;
  readonly windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** epoch seconds when the window ends, for X-RateLimit-Reset */
  resetSeconds: number;
  /** seconds until the window ends when blocked, otherwise 0 */
  retryAfterSeconds: number;
  /** how many of the hits counted fit in the budget (the first ones of a batch) */
  allowedHits: number;
}

export interface RateLimitHeaders {
  'X-RateLimit-Limit': string;
  'X-RateLimit-Remaining': string;
  'X-RateLimit-Reset': string;
  'Retry-After'?: string;
}

export interface RateLimiter {
  readonly rules: ReadonlyMap<string, RateLimitRule>;
  /**
   * Counts `hits` (default 1: one request, or each call of a tRPC batch) for `key` under `rule` (a
   * rule, or the name of one given at creation). Allowed only when all of them fit; `allowedHits`
   * says how many of them did.
   */
  check(key: string, rule: RateLimitRule | string, hits?: number): Promise<RateLimitResult>;
}

export function createRateLimiter(
  store: RateLimitStore,
  rules: readonly RateLimitRule[] = [],
  options: { now?: () => number } = {},
): RateLimiter {
  const now = options.now ?? Date.now;
  const byName = new Map<string, RateLimitRule>();
  for (const rule of rules) {
    assertRule(rule);
    if (byName.has(rule.name)) throw new Error(`Duplicate rate limit rule "${rule.name}"`);
    byName.set(rule.name, rule);
  }

  return {
    rules: byName,
    async check(key, ruleOrName, hits = 1) {
      const rule = typeof ruleOrName === 'string' ? byName.get(ruleOrName) : ruleOrName;
      if (!rule) throw new Error(`Unknown rate limit rule "${ruleOrName}"`);
      if (typeof ruleOrName !== 'string') assertRule(rule);
      if (!Number.isInteger(hits) || hits < 1) throw new Error('hits must be a positive integer');
      const { count, resetAt } = await store.hit(key, rule.windowMs, hits);
      const allowed = count <= rule.limit;
      return {
        allowedHits: Math.max(0, Math.min(hits, rule.limit - (count - hits))),
        allowed,
        limit: rule.limit,
        remaining: Math.max(0, rule.limit - count),
        resetSeconds: Math.ceil(resetAt / 1000),
        retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((resetAt - now()) / 1000)),
      };
    },
  };
}

/** The conventional headers; Retry-After only on a blocked (429) response. */
export function rateLimitHeaders(result: RateLimitResult): RateLimitHeaders {
  const headers: RateLimitHeaders = {
    'X-RateLimit-Limit': String(result.limit),
    'X-RateLimit-Remaining': String(result.remaining),
    'X-RateLimit-Reset': String(result.resetSeconds),
  };
  if (!result.allowed) headers['Retry-After'] = String(result.retryAfterSeconds);
  return headers;
}

function assertRule(rule: RateLimitRule): void {
  if (!rule.name) throw new Error('A rate limit rule needs a name');
  if (!Number.isInteger(rule.limit) || rule.limit < 1)
    throw new Error(`Rate limit rule "${rule.name}": limit must be a positive integer`);
  if (!Number.isInteger(rule.windowMs) || rule.windowMs < 1)
    throw new Error(`Rate limit rule "${rule.name}": windowMs must be a positive integer`);
}
