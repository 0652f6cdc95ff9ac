import { DomainError, validationError } from '@komisi/domain';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { AccessClaims, AccessTokens } from '../../kernel/auth/access-token.ts';
import { hashPassword, verifyPassword } from '../../kernel/auth/password.ts';
import { inTransaction, type Scope } from '../../kernel/scope.ts';
import { Account, NORMALIZED_PHONE_SQL, type Role } from './account.entity.ts';
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

export const PHONE_TAKEN = 'The phone has already been taken.';

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
    return (await this.accountIdByEmail(scope, email)) !== null;
  }

  /** The account an email names (any case, surrounding spaces ignored), or null. */
  async accountIdByEmail(scope: Scope, email: string): Promise<number | null> {
    const [row] = await scope.em.execute<{ id: number }[]>(
      'select id from account where tenant_id = ? and email = ?',
      [scope.tenant.id, normalizeEmail(email)],
    );
    return row?.id ?? null;
  }

  /**
   * Whether an account has this phone number in any written form (`+62812…`, `62812…`, `0812…`):
   * `phone` as the domain's `normalizeIndonesianPhone` gives it. `exceptAccountId`: another account
   * than this one (a phone change keeps the holder's own number).
   */
  async phoneTaken(scope: Scope, phone: string, exceptAccountId = 0): Promise<boolean> {
    const [row] = await scope.em.execute<{ id: number }[]>(
      `select id from account where tenant_id = ? and ${NORMALIZED_PHONE_SQL} = ? and id <> ? limit 1`,
      [scope.tenant.id, phone, exceptAccountId],
    );
    return row !== undefined;
  }

  /**
   * Serialises, until the transaction ends, everything that claims this phone number (national form,
   * `normalizeIndonesianPhone`): with `phoneTaken` checked after it, two registrations or profile
   * changes of one number cannot both pass (no unique index can hold every written form).
   */
  async lockPhone(tx: Scope, nationalPhone: string): Promise<void> {
    await tx.em.execute('select pg_advisory_xact_lock(?, hashtext(?))', [
      tx.tenant.id,
      `phone:${nationalPhone}`,
    ]);
  }

  /** A new account; a taken email is a 422 naming the field, also when another request just took it. */
  async createAccount(scope: Scope, input: NewAccount): Promise<Account> {
    if (await this.emailTaken(scope, input.email)) throw validationError({ email: [EMAIL_TAKEN] });
    try {
      return await this.addAccount(scope, input);
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) {
        throw validationError({ email: [EMAIL_TAKEN] });
      }
      throw e;
    }
  }

  /**
   * Inserts the account without checking its email first: for a caller that checked it and answers
   * a taken email its own way (the unique violation of a raced duplicate reaches it as it is).
   */
  async addAccount(scope: Scope, input: NewAccount): Promise<Account> {
    const account = scope.em.create(Account, {
      tenant: scope.tenant.id,
      email: normalizeEmail(input.email),
      name: input.name.trim(),
      phone: input.phone ?? null,
      passwordHash: await hashPassword(input.password),
      roles: input.roles ?? ['member'],
      createdAt: scope.now,
    });
    await scope.em.flush();
    return account;
  }

  async account(scope: Scope, accountId: number): Promise<Account> {
    const account = await this.findAccount(scope, accountId);
    if (!account) throw new DomainError('NOT_FOUND', 'User not found');
    return account;
  }

  findAccount(scope: Scope, accountId: number): Promise<Account | null> {
    return scope.em.findOne(Account, { id: accountId });
  }

  /**
   * Adds `role` to the account unless it has it, under the account's row lock (held until the
   * transaction ends, so concurrent grants cannot lose one another's roles).
   */
  async grantRole(tx: Scope, accountId: number, role: Role): Promise<Account> {
    const account = await tx.em.findOneOrFail(
      Account,
      { id: accountId },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (!account.roles.includes(role)) {
      account.roles = [...account.roles, role];
      await tx.em.flush();
    }
    return account;
  }

  /** Takes `role` from the account if it has it, under the same row lock as `grantRole`. */
  async revokeRole(tx: Scope, accountId: number, role: Role): Promise<Account> {
    const account = await tx.em.findOneOrFail(
      Account,
      { id: accountId },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (account.roles.includes(role)) {
      account.roles = account.roles.filter((r) => r !== role);
      await tx.em.flush();
    }
    return account;
  }

  /**
   * Locks the account's row until the transaction ends: changes another context makes to what the
   * account owns (its address book) queue behind each other on it.
   */
  async lockAccount(tx: Scope, accountId: number): Promise<void> {
    await tx.em.execute('select id from account where id = ? and tenant_id = ? for update', [
      accountId,
      tx.tenant.id,
    ]);
  }

  /**
   * An admin's change to an account it manages: name, sign-in email, password (other logins stay
   * signed in). The caller checked the email is free; a raced duplicate reaches it as the unique violation.
   */
  async editAccount(
    scope: Scope,
    accountId: number,
    changes: { name?: string | undefined; email?: string | undefined; password?: string | undefined },
  ): Promise<Account> {
    const account = await this.account(scope, accountId);
    if (changes.name !== undefined) account.name = changes.name.trim();
    if (changes.email !== undefined) account.email = normalizeEmail(changes.email);
    if (changes.password !== undefined) account.passwordHash = await hashPassword(changes.password);
    await scope.em.flush();
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

  /**
   * See `Sessions.refresh`: a reused refresh token ends its whole login; with `requiredRole`, an
   * account without it is refused (403) and its token stays unrotated.
   */
  refresh(scope: Scope, refreshToken: string, policy: TokenPolicy = {}, requiredRole?: Role) {
    return this.#sessions.refresh(scope, refreshToken, policy, requiredRole);
  }

  logout(scope: Scope, sessionId: string): Promise<void> {
    return this.#sessions.logout(scope, sessionId);
  }

  /** A new password (its hash) for a reset: every login of the account ends, as the old password's holder may be in one. */
  async resetPassword(tx: Scope, accountId: number, passwordHash: string): Promise<void> {
    await tx.em.nativeUpdate(Account, { id: accountId }, { passwordHash });
    await this.revokeOtherSessions(tx, accountId, null);
  }

  /** Revokes every other login of an account (after a password change). */
  revokeOtherSessions(scope: Scope, accountId: number, keepFamilyId: string | null): Promise<void> {
    return this.#sessions.revokeOtherSessions(scope, accountId, keepFamilyId);
  }

  /** The account and roles a token names, from its signature alone (no session lookup): for rate-limit keys. */
  peekClaims(token: string, tenantId: number): Promise<AccessClaims | null> {
    return this.#sessions.peekClaims(token, tenantId);
  }

  /** Verifies an access token and that its session was not revoked (cached for a few seconds). */
  authenticate(scope: Scope, token: string): Promise<AccessClaims> {
    return this.#sessions.authenticate(scope, token);
  }
}
