import { DomainError } from '@komisi/domain';
import { errors, type JWTPayload, jwtVerify, SignJWT } from 'jose';

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
 */
export async function verifyToken<T>(
  key: Uint8Array,
  token: string,
  audience: string,
  read: (payload: JWTPayload) => T,
): Promise<T> {
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      audience,
      requiredClaims: ['exp', 'iat', 'sub'],
    });
    return read(payload);
  } catch (e) {
    if (e instanceof errors.JWTExpired) throw new DomainError('TOKEN_EXPIRED', 'Token has expired');
    if (e instanceof DomainError) throw e;
    throw new DomainError('UNAUTHORIZED', 'Invalid token');
  }
}
