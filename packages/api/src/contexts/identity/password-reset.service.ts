import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '@komisi/domain';
import { hashPassword } from '../../kernel/auth/password.ts';
import { inTransaction, type Scope } from '../../kernel/scope.ts';
import type { OutboxService } from '../notifications/outbox.service.ts';
import { Account } from './account.entity.ts';
import type { IdentityService } from './identity.service.ts';
import { normalizeEmail } from './identity.service.ts';
import { PasswordReset } from './password-reset.entity.ts';

const TOKEN_TTL_MS = 60 * 60 * 1000;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface ResetMail {
  /** where the app's reset page lives; the token is appended as `?token=` */
  resetUrl: string;
  appName: string;
}

/** Forgot / reset password: the answer never reveals whether an email is registered. */
export class PasswordResetService {
  readonly #identity: IdentityService;
  readonly #outbox: OutboxService;

  constructor(identity: IdentityService, outbox: OutboxService) {
    this.#identity = identity;
    this.#outbox = outbox;
  }

  async request(scope: Scope, email: string, mail: ResetMail): Promise<void> {
    const account = await scope.em.findOne(Account, { email: normalizeEmail(email) });
    if (!account) return;
    const token = randomBytes(32).toString('base64url');
    await inTransaction(scope, async (tx) => {
      tx.em.create(PasswordReset, {
        tenant: tx.tenant.id,
        account: account.id,
        tokenHash: sha256(token),
        expiresAt: new Date(tx.now.getTime() + TOKEN_TTL_MS),
        createdAt: tx.now,
      });
      await tx.em.flush();
      const link = `${mail.resetUrl}${mail.resetUrl.includes('?') ? '&' : '?'}token=${token}`;
      await this.#outbox.enqueue(tx, {
        channel: 'email',
        recipient: account.email,
        subject: `Reset your ${mail.appName} password`,
        body: `Hello ${account.name},\n\nReset your password within one hour: ${link}\n\nIf you did not ask for this, ignore this email.`,
      });
    });
  }

  /** Uses the token once (the conditional update is the claim), sets the password, ends every session. */
  async reset(scope: Scope, token: string, newPassword: string): Promise<void> {
    const passwordHash = await hashPassword(newPassword);
    const ok = await inTransaction(scope, async (tx) => {
      const [claim] = await tx.em.execute<{ account_id: number }[]>(
        `update password_reset set used_at = ? where tenant_id = ? and token_hash = ? and used_at is null
         and expires_at > ? returning account_id`,
        [tx.now, tx.tenant.id, sha256(token), tx.now],
      );
      if (!claim) return false;
      await this.#identity.resetPassword(tx, claim.account_id, passwordHash);
      return true;
    });
    if (!ok) {
      throw new DomainError('VALIDATION_ERROR', 'The reset token is invalid or has expired', {
        fields: { token: ['The reset token is invalid or has expired.'] },
      });
    }
  }
}
