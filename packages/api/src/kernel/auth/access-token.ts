import { DomainError } from '@komisi/domain';
import { errors, jwtVerify, SignJWT } from 'jose';

const ALGORITHM = 'HS256';
const ISSUER = 'komisi';

export interface AccessClaims {
  accountId: number;
  tenantId: number;
  sessionId: string;
  roles: string[];
}

export class AccessTokens {
  readonly #key: Uint8Array;
  readonly #ttlSeconds: number;

  constructor(secret: string, ttlSeconds: number) {
    this.#key = new TextEncoder().encode(secret);
    this.#ttlSeconds = ttlSeconds;
  }

  get ttlSeconds(): number {
    return this.#ttlSeconds;
  }

  sign(claims: AccessClaims, now: Date, ttlSeconds = this.#ttlSeconds): Promise<string> {
    const iat = Math.floor(now.getTime() / 1000);
    return new SignJWT({ tid: claims.tenantId, sid: claims.sessionId, roles: claims.roles })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(`tenant:${claims.tenantId}`)
      .setSubject(String(claims.accountId))
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttlSeconds)
      .sign(this.#key);
  }

  /** Verifies signature (HS256 only: `none` and key confusion are refused), issuer, audience and expiry (required). */
  async verify(token: string, tenantId: number): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.#key, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: `tenant:${tenantId}`,
        // a token that never expires is not one we signed: refuse it even when its signature holds
        requiredClaims: ['exp', 'iat', 'sub'],
      });
      const accountId = Number(payload.sub);
      if (
        !Number.isSafeInteger(accountId) ||
        typeof payload.sid !== 'string' ||
        !Array.isArray(payload.roles)
      ) {
        throw new DomainError('UNAUTHORIZED', 'Invalid token');
      }
      return { accountId, tenantId, sessionId: payload.sid, roles: payload.roles.map(String) };
    } catch (e) {
      if (e instanceof errors.JWTExpired) throw new DomainError('TOKEN_EXPIRED', 'Token has expired');
      if (e instanceof DomainError) throw e;
      throw new DomainError('UNAUTHORIZED', 'Invalid token');
    }
  }
}
