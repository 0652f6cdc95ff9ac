/** Counts hits per key in fixed windows; one implementation per backing store. */
export interface RateLimitStore {
  /** Adds `hits` (default 1) to `key`'s current window and returns the window's count and end (epoch ms). */
  hit(key: string, windowMs: number, hits?: number): Promise<{ count: number; resetAt: number }>;
  close?(): Promise<void>;
}

/**
 * Windows align to the epoch, so every server instance computes the same window
 * (and key) for the same moment without coordinating.
 */
export function fixedWindow(now: number, windowMs: number): { index: number; resetAt: number } {
  const index = Math.floor(now / windowMs);
  return { index, resetAt: (index + 1) * windowMs };
}
