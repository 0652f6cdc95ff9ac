import type { KeyObject } from 'node:crypto';
import { DomainError } from '@komisi/domain';
import { signToken, tokenKey, verifyTokenSync } from './signed-token.ts';
import { VerifiedTokens } from './verified-tokens.ts';

export interface AccessClaims {
  accountId: number;
  tenantId: number;
  sessionId: string;
  roles: string[];
}

/** A tenant's access tokens: for the audience `tenant:{id}` only. */
export class AccessTokens {
  readonly #key: KeyObject;
  readonly #ttlSeconds: number;
  readonly #verified = new VerifiedTokens<AccessClaims>();

  constructor(secret: string, ttlSeconds: number) {
    this.#key = tokenKey(secret);
    this.#ttlSeconds = ttlSeconds;
  }

  get ttlSeconds(): number {
    return this.#ttlSeconds;
  }

  sign(claims: AccessClaims, now: Date, ttlSeconds = this.#ttlSeconds): Promise<string> {
    return signToken(this.#key, {
      audience: `tenant:${claims.tenantId}`,
      subject: String(claims.accountId),
      claims: { tid: claims.tenantId, sid: claims.sessionId, roles: claims.roles },
      now,
      ttlSeconds,
    });
  }

  /**
   * Signature (HS256 only), issuer, the tenant's audience and expiry (required); then the claims. A
   * token verified before is taken from `#verified` until it expires (the same frozen claims).
   */
  async verify(token: string, tenantId: number, now: Date = new Date()): Promise<AccessClaims> {
    const known = this.#verified.get(token, Math.floor(now.getTime() / 1000));
    if (known?.tenantId === tenantId) return known;
    let expiresAt = 0;
    const claims = verifyTokenSync(
      this.#key,
      token,
      `tenant:${tenantId}`,
      (payload) => {
        const accountId = Number(payload.sub);
        if (
          !Number.isSafeInteger(accountId) ||
          typeof payload.sid !== 'string' ||
          !Array.isArray(payload.roles)
        ) {
          throw new DomainError('UNAUTHORIZED', 'Invalid token');
        }
        expiresAt = payload.exp as number;
        const roles = Object.freeze(payload.roles.map(String)) as string[];
        return Object.freeze({ accountId, tenantId, sessionId: payload.sid, roles });
      },
      now,
    );
    this.#verified.remember(token, claims, expiresAt);
    return claims;
  }
}
