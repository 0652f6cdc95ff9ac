import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DomainError } from '@komisi/domain';
import { LockMode } from '@mikro-orm/core';
import type { AccessClaims, AccessTokens } from '../../kernel/auth/access-token.ts';
import { boundRow, sql } from '../../kernel/bound-sql.ts';
import { inTransaction, type Scope } from '../../kernel/scope.ts';
import { Account, type Role } from './account.entity.ts';
import { Session } from './session.entity.ts';
import { SessionCache } from './session-cache.ts';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** A profile's token lifetimes (its spec may document them); absent values use the server's. */
export interface TokenPolicy {
  accessTtlSeconds?: number;
  refreshTtlSeconds?: number;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Logins: a signed access token for each, backed by a session row whose refresh token rotates on
 * every use; a family is every session one login rotated into, ended together.
 */
export class Sessions {
  readonly #tokens: AccessTokens;
  readonly #refreshTtlSeconds: number;
  readonly #cache = new SessionCache();

  constructor(tokens: AccessTokens, refreshTtlSeconds: number) {
    this.#tokens = tokens;
    this.#refreshTtlSeconds = refreshTtlSeconds;
  }

  get accessTokenTtlSeconds(): number {
    return this.#tokens.ttlSeconds;
  }

  async issue(scope: Scope, account: Pick<Account, 'id' | 'roles'>, policy: TokenPolicy = {}) {
    const session = await this.#newSession(scope, account.id, randomUUID(), policy);
    return this.#tokensFor(scope, account, session.id, session.refreshToken, policy);
  }

  async #newSession(scope: Scope, accountId: number, familyId: string, policy: TokenPolicy) {
    const id = randomUUID();
    const refreshToken = `${id}.${randomBytes(32).toString('base64url')}`;
    scope.em.create(Session, {
      id,
      tenant: scope.tenant.id,
      account: accountId,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(scope.now.getTime() + (policy.refreshTtlSeconds ?? this.#refreshTtlSeconds) * 1000),
      createdAt: scope.now,
    });
    await scope.em.flush();
    return { id, refreshToken };
  }

  async #tokensFor(
    scope: Scope,
    account: Pick<Account, 'id' | 'roles'>,
    sessionId: string,
    refreshToken: string,
    policy: TokenPolicy,
  ): Promise<IssuedTokens> {
    const ttl = policy.accessTtlSeconds ?? this.#tokens.ttlSeconds;
    const accessToken = await this.#tokens.sign(
      { accountId: account.id, tenantId: scope.tenant.id, sessionId, roles: [...account.roles] },
      scope.now,
      ttl,
    );
    return { accessToken, refreshToken, expiresIn: ttl };
  }

  /**
   * Rotates a refresh token. A token that was already rotated means it leaked: the whole
   * family is revoked (that revocation commits even though the call fails). With `requiredRole`
   * (the admin console's refresh) an account without that role is refused (403) and its token is
   * left unrotated, so the app it signed in to keeps its session.
   */
  async refresh(
    scope: Scope,
    refreshToken: string,
    policy: TokenPolicy = {},
    requiredRole?: Role,
  ): Promise<IssuedTokens & { accountId: number }> {
    const outcome = await inTransaction(scope, async (tx) => {
      const session = await tx.em.findOne(
        Session,
        { tokenHash: sha256(refreshToken) },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!session || session.revokedAt || session.expiresAt <= tx.now) return 'invalid' as const;
      if (session.rotatedAt) {
        await this.#revokeFamily(tx, session.familyId);
        return 'reused' as const;
      }
      const account = await tx.em.findOneOrFail(Account, { id: session.account });
      if (requiredRole && !account.roles.includes(requiredRole)) return 'forbidden' as const;
      session.rotatedAt = tx.now;
      const next = await this.#newSession(tx, account.id, session.familyId, policy);
      return {
        ...(await this.#tokensFor(tx, account, next.id, next.refreshToken, policy)),
        accountId: account.id,
      };
    });
    if (outcome === 'forbidden')
      throw new DomainError('FORBIDDEN', `This account does not have the ${requiredRole} role.`);
    if (typeof outcome === 'string') throw new DomainError('UNAUTHORIZED', 'Invalid refresh token');
    return outcome;
  }

  async logout(scope: Scope, sessionId: string): Promise<void> {
    const session = await scope.em.findOne(Session, { id: sessionId });
    if (session) await this.#revokeFamily(scope, session.familyId);
  }

  /** Revokes every other login of an account (after a password change). */
  async revokeOtherSessions(scope: Scope, accountId: number, keepFamilyId: string | null): Promise<void> {
    const sessions = await scope.em.find(Session, { account: accountId, revokedAt: null });
    for (const s of sessions) {
      if (s.familyId !== keepFamilyId) {
        s.revokedAt = scope.now;
        this.#cache.forget(scope.tenant.id, s.id);
      }
    }
    await scope.em.flush();
  }

  async #revokeFamily(scope: Scope, familyId: string): Promise<void> {
    const sessions = await scope.em.find(Session, { familyId });
    for (const s of sessions) {
      s.revokedAt ??= scope.now;
      this.#cache.forget(scope.tenant.id, s.id);
    }
    await scope.em.flush();
  }

  /** The account and roles a token names, from its signature alone (no session lookup): for rate-limit keys. */
  async peekClaims(token: string, tenantId: number): Promise<AccessClaims | null> {
    try {
      return await this.#tokens.verify(token, tenantId);
    } catch {
      return null;
    }
  }

  /** Verifies an access token and that its session was not revoked (cached for a few seconds). */
  async authenticate(scope: Scope, token: string): Promise<AccessClaims> {
    const claims = await this.#tokens.verify(token, scope.tenant.id);
    const nowMs = scope.now.getTime();
    if (this.#cache.isFresh(scope.tenant.id, claims.sessionId, nowMs)) return claims;
    // bound parameters: one plan PostgreSQL keeps, as the bare twin's
    const row = await boundRow<{ revoked_at: Date | null }>(
      scope,
      sql`select revoked_at from session where id = ${claims.sessionId} and tenant_id = ${scope.tenant.id}`,
    );
    if (!row || row.revoked_at) {
      this.#cache.drop(scope.tenant.id, claims.sessionId);
      throw new DomainError('UNAUTHORIZED', 'Session has ended');
    }
    this.#cache.remember(scope.tenant.id, claims.sessionId, nowMs);
    return claims;
  }
}
