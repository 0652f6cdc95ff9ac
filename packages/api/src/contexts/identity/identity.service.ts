import { DomainError, validationError } from '@komisi/domain';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { AccessClaims, AccessTokens } from '../../kernel/auth/access-token.ts';
import { hashPassword, verifyPassword } from '../../kernel/auth/password.ts';
import { inTransaction, type Scope } from '../../kernel/scope.ts';
import { Account, type Role } from './account.entity.ts';
import { EMAIL_TAKEN, normalizeEmail } from './emails.ts';
import { DEFAULT_THROTTLE, type ThrottlePolicy } from './login-throttle.ts';
import { passwordLogin } from './password-login.ts';
import { Session } from './session.entity.ts';
import { type IssuedTokens, Sessions, type TokenPolicy } from './sessions.ts';

export type { IssuedTokens, TokenPolicy };

export interface NewAccount {
  email: string;
  password: string;
  name: string;
  phone?: string | null | undefined;
  roles?: Role[];
}

export { EMAIL_TAKEN, normalizeEmail };

/** Accounts, password logins and the sessions they open (see `Sessions`). */
export class IdentityService {
  readonly #sessions: Sessions;
  readonly #throttle: ThrottlePolicy;

  constructor(tokens: AccessTokens, refreshTtlSeconds: number, throttle: ThrottlePolicy = DEFAULT_THROTTLE) {
    this.#sessions = new Sessions(tokens, refreshTtlSeconds);
    this.#throttle = throttle;
  }

  get accessTokenTtlSeconds(): number {
    return this.#sessions.accessTokenTtlSeconds;
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

  /**
   * Checks a password login, counting failures per account and per client address. `identifier` is
   * an email, or a phone number where the profile allows it (`byPhone`).
   */
  login(
    scope: Scope,
    identifier: string,
    password: string,
    ip: string,
    options: { byPhone?: boolean } = {},
  ): Promise<Account> {
    return passwordLogin(scope, this.#throttle, {
      identifier,
      password,
      ip,
      byPhone: options.byPhone === true,
    });
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

  issueTokens(scope: Scope, account: Pick<Account, 'id' | 'roles'>, policy: TokenPolicy = {}) {
    return this.#sessions.issue(scope, account, policy);
  }

  /** See `Sessions.refresh`: a reused refresh token ends its whole login. */
  refresh(scope: Scope, refreshToken: string, policy: TokenPolicy = {}) {
    return this.#sessions.refresh(scope, refreshToken, policy);
  }

  logout(scope: Scope, sessionId: string): Promise<void> {
    return this.#sessions.logout(scope, sessionId);
  }

  /** Revokes every other login of an account (after a password change). */
  revokeOtherSessions(scope: Scope, accountId: number, keepFamilyId: string | null): Promise<void> {
    return this.#sessions.revokeOtherSessions(scope, accountId, keepFamilyId);
  }

  /** The account a token names, from its signature alone (no session lookup): for rate-limit keys. */
  peekAccountId(token: string, tenantId: number): Promise<number | null> {
    return this.#sessions.peekAccountId(token, tenantId);
  }

  /** Verifies an access token and that its session was not revoked (cached for a few seconds). */
  authenticate(scope: Scope, token: string): Promise<AccessClaims> {
    return this.#sessions.authenticate(scope, token);
  }
}
