import type { KeyObject } from 'node:crypto';
import { DomainError } from '@komisi/domain';
import { signToken, tokenKey, verifyToken } from './signed-token.ts';

/**
 * The audience of every platform token. Tenant tokens carry `tenant:{id}`: neither verifies as the
 * other, and the `kind` claim says the same in the token itself.
 */
export const PLATFORM_AUDIENCE = 'komisi:platform';
const KIND = 'platform-admin';
/** The subject of a token the CLI mints with the server's secret (no session row; a minute or two at most). */
export const CLI_SUBJECT = 'cli';
export const CLI_TOKEN_MAX_TTL_SECONDS = 120;

/** Who a platform token stands for: an administrator's session, or the CLI on the server's machine. */
export type PlatformClaims = { kind: 'admin'; adminId: number; sessionId: string } | { kind: 'cli' };

/** Platform administrators' tokens: signed with the server's JWT secret, for the platform audience only. */
export class PlatformTokens {
  readonly #key: KeyObject;
  readonly #ttlSeconds: number;

  constructor(secret: string, ttlSeconds: number) {
    this.#key = tokenKey(secret);
    this.#ttlSeconds = ttlSeconds;
  }

  get ttlSeconds(): number {
    return this.#ttlSeconds;
  }

  signAdmin(adminId: number, sessionId: string, now: Date): Promise<string> {
    return this.#sign(String(adminId), { sid: sessionId }, now, this.#ttlSeconds);
  }

  /** A short-lived token for the CLI, which holds the same secret as the server it talks to. */
  signCli(now: Date, ttlSeconds = 60): Promise<string> {
    return this.#sign(CLI_SUBJECT, {}, now, Math.min(ttlSeconds, CLI_TOKEN_MAX_TTL_SECONDS));
  }

  #sign(subject: string, claims: Record<string, unknown>, now: Date, ttlSeconds: number): Promise<string> {
    return signToken(this.#key, {
      audience: PLATFORM_AUDIENCE,
      subject,
      claims: { ...claims, kind: KIND },
      now,
      ttlSeconds,
    });
  }

  /** Signature (HS256 only), issuer, platform audience, kind and expiry; a CLI token may live two minutes at most. */
  verify(token: string): Promise<PlatformClaims> {
    return verifyToken(this.#key, token, PLATFORM_AUDIENCE, (payload): PlatformClaims => {
      if (payload.kind !== KIND) throw new DomainError('UNAUTHORIZED', 'Invalid token');
      if (payload.sub === CLI_SUBJECT) {
        if ((payload.exp as number) - (payload.iat as number) > CLI_TOKEN_MAX_TTL_SECONDS)
          throw new DomainError('UNAUTHORIZED', 'Invalid token');
        return { kind: 'cli' };
      }
      const adminId = Number(payload.sub);
      if (!Number.isSafeInteger(adminId) || typeof payload.sid !== 'string')
        throw new DomainError('UNAUTHORIZED', 'Invalid token');
      return { kind: 'admin', adminId, sessionId: payload.sid };
    });
  }
}
