import { fixedWindow, type RateLimitStore } from './rate-limit-store.ts';

export interface MemoryRateLimitStoreOptions {
  now?: () => number;
  /** how often expired windows are dropped (checked on each hit, so no timer keeps the process alive) */
  sweepIntervalMs?: number;
}

/** One process only: use the Redis store when several instances serve the same tenants. */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly #counters = new Map<string, { count: number; resetAt: number }>();
  readonly #now: () => number;
  readonly #sweepIntervalMs: number;
  #nextSweep = 0;

  constructor(options: MemoryRateLimitStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#sweepIntervalMs = options.sweepIntervalMs ?? 60_000;
  }

  /** live counters, for tests and metrics */
  get size(): number {
    return this.#counters.size;
  }

  async hit(key: string, windowMs: number, hits = 1): Promise<{ count: number; resetAt: number }> {
    const now = this.#now();
    this.#sweep(now);
    const { index, resetAt } = fixedWindow(now, windowMs);
    const windowKey = `${key}:${index}`;
    const counter = this.#counters.get(windowKey);
    if (counter) {
      counter.count += hits;
      return { count: counter.count, resetAt };
    }
    this.#counters.set(windowKey, { count: hits, resetAt });
    return { count: hits, resetAt };
  }

  async close(): Promise<void> {
    this.#counters.clear();
  }

  // Memory stays bounded by the keys seen in roughly one window plus one sweep interval.
  #sweep(now: number): void {
    if (now < this.#nextSweep) return;
    this.#nextSweep = now + this.#sweepIntervalMs;
    for (const [key, counter] of this.#counters) if (counter.resetAt <= now) this.#counters.delete(key);
  }
}
