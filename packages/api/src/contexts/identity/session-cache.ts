/** How long a verified session stays cached before the database is asked again. */
const SESSION_CACHE_MS = 5_000;
/**
 * How long a revoked session is remembered here: longer than any revoking transaction takes to
 * commit, so a check that read the session before the revocation committed cannot cache it.
 */
const REVOKED_MEMORY_MS = 60_000;
/** Past this many cached sessions the cache starts again empty (a bound on memory, not an eviction policy). */
const MAX_CACHED = 50_000;

const sessionKey = (tenantId: number, sessionId: string) => `${tenantId}:${sessionId}`;

/**
 * This process's memory of sessions: which ones the database said were active a moment ago (so a
 * request need not ask again), and which ones this process revoked (so they are not cached again
 * while their revocation commits).
 */
export class SessionCache {
  /** `tenant:session` → when the database last said it is active */
  readonly #active = new Map<string, number>();
  /** `tenant:session` → when this process revoked it (oldest first) */
  readonly #revoked = new Map<string, number>();

  /** Whether the database said the session is active less than a few seconds before `nowMs`. */
  isFresh(tenantId: number, sessionId: string, nowMs: number): boolean {
    const cachedAt = this.#active.get(sessionKey(tenantId, sessionId));
    return cachedAt !== undefined && nowMs - cachedAt < SESSION_CACHE_MS;
  }

  /** The database says the session is active (as of `nowMs`). */
  remember(tenantId: number, sessionId: string, nowMs: number): void {
    const key = sessionKey(tenantId, sessionId);
    // A session being revoked right now may still read as active (its revocation not yet committed):
    // the answer is not kept, so the next call asks the database again.
    if (this.#revoked.has(key)) return;
    if (this.#active.size > MAX_CACHED) this.#active.clear();
    this.#active.set(key, nowMs);
  }

  /** The database says the session has ended. */
  drop(tenantId: number, sessionId: string): void {
    this.#active.delete(sessionKey(tenantId, sessionId));
  }

  /** Drops a session this process revokes and keeps it from being cached again while its revocation commits. */
  forget(tenantId: number, sessionId: string): void {
    const key = sessionKey(tenantId, sessionId);
    const now = Date.now();
    this.#active.delete(key);
    this.#revoked.delete(key);
    this.#revoked.set(key, now);
    for (const [old, at] of this.#revoked) {
      if (now - at < REVOKED_MEMORY_MS) break;
      this.#revoked.delete(old);
    }
  }
}
