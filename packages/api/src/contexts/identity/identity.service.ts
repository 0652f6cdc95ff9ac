import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DomainError, validationError } from '@komisi/domain';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { AccessClaims, AccessTokens } from '../../kernel/auth/access-token.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../kernel/auth/password.ts';
import { inTransaction, type Scope } from '../../kernel/scope.ts';
import { Account, type Role } from './account.entity.ts';
import {
  attemptSucceeded,
  DEFAULT_THROTTLE,
  lockExhausted,
  reserveAttempt,
  type ThrottlePolicy,
  throttleKeys,
} from './login-throttle.ts';
import { Session } from './session.entity.ts';

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

export interface NewAccount {
  email: string;
  password: string;
  name: string;
  phone?: string | null | undefined;
  roles?: Role[];
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Emails are stored and compared trimmed and in lower case. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();
export const EMAIL_TAKEN = 'The email has already been taken.';

/** How long a verified session stays cached before the database is asked again. */
const SESSION_CACHE_MS = 5_000;
/**
 * How long a revoked session is remembered here: longer than any revoking transaction takes to
 * commit, so a check that read the session before the revocation committed cannot cache it.
 */
const REVOKED_MEMORY_MS = 60_000;

const sessionKey = (tenantId: number, sessionId: string) => `${tenantId}:${sessionId}`;

export class IdentityService {
  readonly #tokens: AccessTokens;
  readonly #refreshTtlSeconds: number;
  readonly #throttle: ThrottlePolicy;
  /** `tenant:session` → when the database last said it is active */
  readonly #activeSessions = new Map<string, number>();
  /** `tenant:session` → when this process revoked it (oldest first) */
  readonly #revokedSessions = new Map<string, number>();

  constructor(tokens: AccessTokens, refreshTtlSeconds: number, throttle: ThrottlePolicy = DEFAULT_THROTTLE) {
    this.#tokens = tokens;
    this.#refreshTtlSeconds = refreshTtlSeconds;
    this.#throttle = throttle;
  }

  get accessTokenTtlSeconds(): number {
    return this.#tokens.ttlSeconds;
  }

  async emailTaken(scope: Scope, email: string): Promise<boolean> {
    return (await scope.em.count(Account, { email: normalizeEmail(email) })) > 0;
  }

  async createAccount(scope: Scope, input: NewAccount): Promise<Account> {
    const email = normalizeEmail(input.email);
    if (await this.emailTaken(scope, email)) throw validationError({ email: [EMAIL_TAKEN] });
    const account = scope.em.create(Account, {
      tenant: scope.tenant.id,
      email,
      name: input.name.trim(),
      phone: input.phone ?? null,
      passwordHash: await hashPassword(input.password),
      roles: input.roles ?? ['member'],
      createdAt: scope.now,
    });
    try {
      await scope.em.flush();
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) {
        throw validationError({ email: [EMAIL_TAKEN] });
      }
      throw e;
    }
    return account;
  }

  /** Checks a password login, counting failures per account and per client address. */
  async account(scope: Scope, accountId: number): Promise<Account> {
    const account = await scope.em.findOne(Account, { id: accountId });
    if (!account) throw new DomainError('NOT_FOUND', 'User not found');
    return account;
  }

  /** Only the editable fields: email and roles never change through a profile update. */
  async updateProfile(
    scope: Scope,
    accountId: number,
    changes: {
      name?: string | undefined;
      phone?: string | null | undefined;
      address?: string | null | undefined;
    },
  ): Promise<Account> {
    const account = await this.account(scope, accountId);
    if (changes.name !== undefined) account.name = changes.name.trim();
    if (changes.phone !== undefined) account.phone = changes.phone;
    if (changes.address !== undefined) account.address = changes.address;
    await scope.em.flush();
    return account;
  }

  /** `identifier` is an email, or a phone number where the profile allows it (`byPhone`). */
  async login(
    scope: Scope,
    identifier: string,
    password: string,
    ip: string,
    options: { byPhone?: boolean } = {},
  ): Promise<Account> {
    const keys = throttleKeys(identifier, ip);
    // reserved before the password is checked: concurrent attempts cannot outrun the limits
    await reserveAttempt(scope, keys, this.#throttle);
    const account = await this.#findForLogin(scope, identifier, options.byPhone === true);
    const ok = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!account || !ok) {
      await lockExhausted(scope, keys, this.#throttle);
      throw new DomainError('UNAUTHORIZED', 'Invalid email or password');
    }
    await attemptSucceeded(scope, keys);
    return account;
  }

  async #findForLogin(scope: Scope, identifier: string, byPhone: boolean): Promise<Account | null> {
    if (!byPhone || identifier.includes('@')) {
      return scope.em.findOne(Account, { email: normalizeEmail(identifier) }, { populate: ['passwordHash'] });
    }
    // A phone number logs in only when it names exactly one account.
    const matches = await scope.em.find(
      Account,
      { phone: identifier.trim() },
      { populate: ['passwordHash'], limit: 2 },
    );
    return matches.length === 1 ? matches[0]! : null;
  }

  async issueTokens(scope: Scope, account: Pick<Account, 'id' | 'roles'>, policy: TokenPolicy = {}) {
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
   * family is revoked (that revocation commits even though the call fails).
   */
  async refresh(
    scope: Scope,
    refreshToken: string,
    policy: TokenPolicy = {},
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
      session.rotatedAt = tx.now;
      const account = await tx.em.findOneOrFail(Account, { id: session.account });
      const next = await this.#newSession(tx, account.id, session.familyId, policy);
      return {
        ...(await this.#tokensFor(tx, account, next.id, next.refreshToken, policy)),
        accountId: account.id,
      };
    });
    if (typeof outcome === 'string') throw new DomainError('UNAUTHORIZED', 'Invalid refresh token');
    return outcome;
  }

  async logout(scope: Scope, sessionId: string): Promise<void> {
    const session = await scope.em.findOne(Session, { id: sessionId });
    if (session) await this.#revokeFamily(scope, session.familyId);
  }

  /**
   * Sets a new password once the current one checks out; every other login of the account ends
   * (this one, `sessionId`, stays signed in). A wrong current password is a 422 naming the field.
   */
  async changePassword(
    scope: Scope,
    accountId: number,
    sessionId: string,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    const account = await scope.em.findOne(Account, { id: accountId }, { populate: ['passwordHash'] });
    if (!account) throw new DomainError('NOT_FOUND', 'User not found');
    if (!(await verifyPassword(account.passwordHash, currentPassword))) {
      throw validationError({ current_password: ['The current password is incorrect.'] });
    }
    const passwordHash = await hashPassword(newPassword);
    await inTransaction(scope, async (tx) => {
      await tx.em.nativeUpdate(Account, { id: accountId }, { passwordHash });
      const session = await tx.em.findOne(Session, { id: sessionId });
      await this.revokeOtherSessions(tx, accountId, session?.familyId ?? null);
    });
  }

  /** Revokes every other login of an account (after a password change). */
  async revokeOtherSessions(scope: Scope, accountId: number, keepFamilyId: string | null): Promise<void> {
    const sessions = await scope.em.find(Session, { account: accountId, revokedAt: null });
    for (const s of sessions) {
      if (s.familyId !== keepFamilyId) {
        s.revokedAt = scope.now;
        this.#forget(scope.tenant.id, s.id);
      }
    }
    await scope.em.flush();
  }

  async #revokeFamily(scope: Scope, familyId: string): Promise<void> {
    const sessions = await scope.em.find(Session, { familyId });
    for (const s of sessions) {
      s.revokedAt ??= scope.now;
      this.#forget(scope.tenant.id, s.id);
    }
    await scope.em.flush();
  }

  /** The account a token names, from its signature alone (no session lookup): for rate-limit keys. */
  async peekAccountId(token: string, tenantId: number): Promise<number | null> {
    try {
      return (await this.#tokens.verify(token, tenantId)).accountId;
    } catch {
      return null;
    }
  }

  /** Verifies an access token and that its session was not revoked (cached for a few seconds). */
  async authenticate(scope: Scope, token: string): Promise<AccessClaims> {
    const claims = await this.#tokens.verify(token, scope.tenant.id);
    const key = sessionKey(scope.tenant.id, claims.sessionId);
    const cachedAt = this.#activeSessions.get(key);
    if (cachedAt !== undefined && scope.now.getTime() - cachedAt < SESSION_CACHE_MS) return claims;
    const rows = await scope.em.execute<{ revoked_at: Date | null }[]>(
      'select revoked_at from session where id = ? and tenant_id = ?',
      [claims.sessionId, scope.tenant.id],
    );
    if (!rows[0] || rows[0].revoked_at) {
      this.#activeSessions.delete(key);
      throw new DomainError('UNAUTHORIZED', 'Session has ended');
    }
    // A session being revoked right now may still read as active (its revocation not yet committed):
    // this call passes, but the answer is not kept, so the next call asks the database again.
    if (this.#revokedSessions.has(key)) return claims;
    if (this.#activeSessions.size > 50_000) this.#activeSessions.clear();
    this.#activeSessions.set(key, scope.now.getTime());
    return claims;
  }

  /** Drops a session from the cache and keeps it from being cached again while its revocation commits. */
  #forget(tenantId: number, sessionId: string): void {
    const key = sessionKey(tenantId, sessionId);
    const now = Date.now();
    this.#activeSessions.delete(key);
    this.#revokedSessions.delete(key);
    this.#revokedSessions.set(key, now);
    for (const [old, at] of this.#revokedSessions) {
      if (now - at < REVOKED_MEMORY_MS) break;
      this.#revokedSessions.delete(old);
    }
  }
}
