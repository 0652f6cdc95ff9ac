import { randomUUID } from 'node:crypto';
import { DomainError } from '@komisi/domain';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../kernel/auth/password.ts';
import type { PlatformClaims, PlatformTokens } from '../../kernel/auth/platform-token.ts';
import { type Orm, systemEm } from '../../kernel/database.ts';
import { normalizeEmail } from '../identity/emails.ts';
import { PlatformAdmin, PlatformSession } from './platform-admin.entity.ts';

export interface PlatformLogin {
  token: string;
  expiresIn: number;
  admin: { id: number; email: string };
}

const INVALID_LOGIN = 'The email or password is incorrect.';

/** Platform administrators: the first one from the configuration, their sign-ins and sessions. */
export class PlatformAdmins {
  readonly #orm: Orm;
  readonly #tokens: PlatformTokens;

  constructor(orm: Orm, tokens: PlatformTokens) {
    this.#orm = orm;
    this.#tokens = tokens;
  }

  /**
   * The configured administrator, created on first start (KOMISI_PLATFORM_ADMIN_EMAIL / _PASSWORD).
   * An existing one is left as it is: the password given on first start stays until changed.
   */
  async ensure(email: string, password: string): Promise<{ created: boolean }> {
    const em = systemEm(this.#orm);
    const address = normalizeEmail(email);
    if (await em.findOne(PlatformAdmin, { email: address })) return { created: false };
    await em.execute(
      'insert into platform_admin (email, password_hash, created_at) values (?, ?, ?) on conflict (email) do nothing',
      [address, await hashPassword(password), new Date()],
    );
    return { created: true };
  }

  /** A password sign-in: a session row and its token. Unknown email and wrong password read the same. */
  async login(email: string, password: string, now: Date): Promise<PlatformLogin> {
    const em = systemEm(this.#orm);
    const admin = await em.findOne(
      PlatformAdmin,
      { email: normalizeEmail(email) },
      { populate: ['passwordHash'] },
    );
    const ok = await verifyPassword(admin?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!admin || !ok) throw new DomainError('UNAUTHORIZED', INVALID_LOGIN);
    const session = em.create(PlatformSession, {
      id: randomUUID(),
      admin: admin.id,
      expiresAt: new Date(now.getTime() + this.#tokens.ttlSeconds * 1000),
      createdAt: now,
    });
    await em.flush();
    return {
      token: await this.#tokens.signAdmin(admin.id, session.id, now),
      expiresIn: this.#tokens.ttlSeconds,
      admin: { id: admin.id, email: admin.email },
    };
  }

  /** Ends the session the token belongs to: the token is refused from now on. */
  async logout(claims: PlatformClaims, now: Date): Promise<void> {
    if (claims.kind !== 'admin') return;
    await systemEm(this.#orm).execute(
      'update platform_session set revoked_at = ? where id = ? and revoked_at is null',
      [now, claims.sessionId],
    );
  }

  /** Who a bearer token stands for: a platform token whose session is still open (tenant tokens never pass). */
  async authenticate(token: string, now: Date): Promise<PlatformClaims> {
    const claims = await this.#tokens.verify(token);
    if (claims.kind === 'cli') return claims;
    const session = await systemEm(this.#orm).findOne(PlatformSession, { id: claims.sessionId });
    if (!session || session.admin !== claims.adminId || session.revokedAt || session.expiresAt <= now)
      throw new DomainError('UNAUTHORIZED', 'The session has ended. Please sign in again.');
    return claims;
  }
}
