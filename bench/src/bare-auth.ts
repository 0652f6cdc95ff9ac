import { createHmac, timingSafeEqual } from 'node:crypto';
import type pg from 'pg';

/** Sessions seen live, by id: one cache per process for every tenant's routes, as ours keeps one. */
const sessions = new Map<string, number>();

/**
 * What our identity service does per request, by hand: HS256 signature, issuer, audience and
 * expiry of the access token, then the session's revocation status (cached 5 s, as ours).
 */
export function createBareAuth(pool: pg.Pool, secret: string, tenantId: number) {
  const key = Buffer.from(secret);
  const audience = `tenant:${tenantId}`;

  return async function authenticate(header: string | undefined): Promise<number | null> {
    const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
    if (!token) return null;
    const [head, body, signature] = token.split('.');
    if (!head || !body || !signature) return null;
    const expected = createHmac('sha256', key).update(`${head}.${body}`).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const header0 = JSON.parse(Buffer.from(head, 'base64url').toString()) as { alg?: string };
    if (header0.alg !== 'HS256') return null;
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as {
      sub?: string;
      sid?: string;
      iss?: string;
      aud?: string;
      exp?: number;
    };
    const now = Date.now();
    if (claims.iss !== 'komisi' || claims.aud !== audience || !claims.exp || claims.exp * 1000 <= now)
      return null;
    const accountId = Number(claims.sub);
    if (!Number.isSafeInteger(accountId) || typeof claims.sid !== 'string') return null;
    const cachedAt = sessions.get(claims.sid);
    if (cachedAt === undefined || now - cachedAt >= 5_000) {
      const { rows } = await pool.query<{ revoked_at: Date | null }>(
        'select revoked_at from session where id = $1 and tenant_id = $2',
        [claims.sid, tenantId],
      );
      if (!rows[0] || rows[0].revoked_at) return null;
      sessions.set(claims.sid, now);
    }
    return accountId;
  };
}
