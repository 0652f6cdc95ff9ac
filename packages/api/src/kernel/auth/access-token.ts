import type { KeyObject } from 'node:crypto';
import { DomainError } from '@komisi/domain';
import { signToken, tokenKey, verifyToken } from './signed-token.ts';

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

  /** Signature (HS256 only), issuer, the tenant's audience and expiry (required); then the claims. */
  verify(token: string, tenantId: number): Promise<AccessClaims> {
    return verifyToken(this.#key, token, `tenant:${tenantId}`, (payload) => {
      const accountId = Number(payload.sub);
      if (
        !Number.isSafeInteger(accountId) ||
        typeof payload.sid !== 'string' ||
        !Array.isArray(payload.roles)
      ) {
        throw new DomainError('UNAUTHORIZED', 'Invalid token');
      }
      return { accountId, tenantId, sessionId: payload.sid, roles: payload.roles.map(String) };
    });
  }
}
