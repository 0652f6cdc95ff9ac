import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@komisi/domain';
import { type JWTPayload, SignJWT } from 'jose';

/** HS256 only: `none` and key confusion are refused when verifying. */
const ALGORITHM = 'HS256';
const ISSUER = 'komisi';

/** The server's JWT secret as the key both kinds of token (tenant, platform) are signed with. */
export function tokenKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export interface TokenContent {
  /** who may accept it: `tenant:{id}` or the platform's; neither verifies as the other */
  audience: string;
  subject: string;
  claims: Record<string, unknown>;
  now: Date;
  ttlSeconds: number;
}

export function signToken(key: Uint8Array, { audience, subject, claims, now, ttlSeconds }: TokenContent) {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setSubject(subject)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(key);
}

/**
 * Verifies signature, issuer, audience and expiry (required: a token that never expires is not one
 * we signed), then reads the payload with `read`, which throws a DomainError for a payload it does
 * not accept. Expired: TOKEN_EXPIRED; anything else wrong: UNAUTHORIZED.
 *
 * Checked here with `node:crypto`, synchronously, as jose's `jwtVerify` would (HS256 only, no
 * `crit` header, `iss`, `aud`, `sub`, `iat`, `nbf`, `exp` in its order): every authenticated call
 * verifies a token, and jose's WebCrypto path imports the key and queues an async job each time.
 */
export async function verifyToken<T>(
  key: Uint8Array,
  token: string,
  audience: string,
  read: (payload: JWTPayload) => T,
): Promise<T> {
  const payload = verifiedPayload(key, token, audience, Math.floor(Date.now() / 1000));
  try {
    return read(payload);
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw invalid();
  }
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const invalid = () => new DomainError('UNAUTHORIZED', 'Invalid token');

/** A base64url part as written by a signer: canonical (no padding, no stray characters), else null. */
function decodePart(part: string): Buffer | null {
  if (!BASE64URL.test(part)) return null;
  const bytes = Buffer.from(part, 'base64url');
  return bytes.toString('base64url') === part ? bytes : null;
}

function jsonObject(part: string): Record<string, unknown> | null {
  const bytes = decodePart(part);
  if (!bytes) return null;
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function verifiedPayload(key: Uint8Array, token: string, audience: string, now: number): JWTPayload {
  const parts = token.split('.');
  if (parts.length !== 3) throw invalid();
  const [head, body, signature] = parts as [string, string, string];
  const header = jsonObject(head);
  if (header?.alg !== ALGORITHM || 'crit' in header || 'b64' in header) throw invalid();
  const given = decodePart(signature);
  const expected = createHmac('sha256', key).update(`${head}.${body}`).digest();
  if (!given || given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  const payload = jsonObject(body);
  if (!payload || payload.iss !== ISSUER) throw invalid();
  const aud = payload.aud;
  if (aud !== audience && !(Array.isArray(aud) && aud.includes(audience))) throw invalid();
  if (typeof payload.sub !== 'string' || typeof payload.iat !== 'number') throw invalid();
  if (payload.nbf !== undefined && (typeof payload.nbf !== 'number' || payload.nbf > now)) throw invalid();
  if (typeof payload.exp !== 'number') throw invalid();
  if (payload.exp <= now) throw new DomainError('TOKEN_EXPIRED', 'Token has expired');
  return payload as JWTPayload;
}
