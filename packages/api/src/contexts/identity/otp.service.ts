import { createHmac, randomBytes, randomInt, randomUUID } from 'node:crypto';
import {
  DomainError,
  isIndonesianMobile,
  isOtpCode,
  normalizeIndonesianPhone,
  OTP_CODE_SPACE,
  OTP_POLICY,
  type OtpPolicy,
  type OtpPurpose,
  otpCode,
  otpExpiresAt,
  otpResendWaitSeconds,
  validationError,
} from '@komisi/domain';
import { LockMode } from '@mikro-orm/core';
import { hashPassword } from '../../kernel/auth/password.ts';
import { sameSecret } from '../../kernel/auth/same-secret.ts';
import { inTransaction, type Scope } from '../../kernel/scope.ts';
import type { OutboxService } from '../notifications/outbox.service.ts';
import { accountIdsByPhone, markPhoneVerified } from './account-phones.ts';
import type { IdentityService } from './identity.service.ts';
import { PhoneOtp } from './otp.entity.ts';
import { otpMessage } from './otp-message.ts';
import { checkOtp, otpRefusal, type RefusedOtp } from './otp-verification.ts';

export interface OtpRequest {
  /** an Indonesian mobile number in any written form */
  phone: string;
  purpose: OtpPurpose;
}

export interface IssuedOtp {
  /** `otp_<uuid>` */
  otpId: string;
  expiresAt: Date;
  /** the number as the caller wrote it */
  phone: string;
}

export interface OtpVerification {
  otpId: string;
  code: string;
  /** required for a reset_password OTP, refused for a verification one */
  newPassword?: string | undefined;
}

export interface VerifiedOtp {
  verified: true;
  phoneVerifiedAt: Date;
  purpose: OtpPurpose;
  /** reset_password: the account whose password was set; verification: the first account with the number, or null */
  accountId: number | null;
}

const OTP_ID = /^otp_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const HOUR_MS = 3_600_000;

/**
 * One-time codes sent by WhatsApp: to verify a phone number, or to reset the password of the one
 * account that has it. A code is 6 digits from the system's CSPRNG, stored only as an HMAC, works
 * once, for 5 minutes and for at most 5 wrong tries; a phone gets at most one code a minute and 5
 * an hour per purpose. A reset for a number no account (or several) has answers the same and
 * sends nothing.
 */
export class OtpService {
  readonly #identity: IdentityService;
  readonly #outbox: OutboxService;
  readonly #key: Buffer;
  readonly #policy: OtpPolicy;

  constructor(deps: {
    identity: IdentityService;
    outbox: OutboxService;
    secret: string;
    policy?: OtpPolicy;
  }) {
    this.#identity = deps.identity;
    this.#outbox = deps.outbox;
    // a key of its own, so a code's HMAC says nothing about tokens signed with the same secret
    this.#key = createHmac('sha256', deps.secret).update('komisi:otp-code:v1').digest();
    this.#policy = deps.policy ?? OTP_POLICY;
  }

  /** Issues a code and queues its WhatsApp message in the same transaction; 429 when the number must wait. */
  async request(scope: Scope, input: OtpRequest): Promise<IssuedOtp> {
    if (!isIndonesianMobile(input.phone)) {
      throw validationError({ phone: ['must be an Indonesian mobile number like 081234567890'] });
    }
    const national = normalizeIndonesianPhone(input.phone);
    const phone = `62${national}`;
    return inTransaction(scope, async (tx) => {
      // one request at a time per number and purpose, so parallel requests cannot outrun the limits
      await tx.em.execute('select pg_advisory_xact_lock(?, hashtext(?))', [
        tx.tenant.id,
        `otp:${phone}:${input.purpose}`,
      ]);
      await this.#refuseTooSoon(tx, phone, input.purpose);
      const accountId = input.purpose === 'reset_password' ? await this.#resettable(tx, national) : null;
      const id = randomUUID();
      const expiresAt = otpExpiresAt(tx.now, this.#policy);
      // nobody to reset: a code that can never match (not 6 digits), and no message
      const code =
        input.purpose === 'reset_password' && accountId === null ? null : otpCode(randomInt(OTP_CODE_SPACE));
      tx.em.create(PhoneOtp, {
        id,
        tenant: tx.tenant.id,
        phone,
        purpose: input.purpose,
        account: accountId,
        codeHash: this.#digest(tx.tenant.id, id, code ?? randomBytes(16).toString('hex')),
        expiresAt,
        createdAt: tx.now,
      });
      await tx.em.flush();
      if (code !== null) {
        await this.#outbox.enqueue(tx, {
          channel: 'whatsapp',
          recipient: phone,
          ...otpMessage(code, input.purpose, tx.tenant.name, this.#policy.ttlSeconds),
        });
      }
      return { otpId: `otp_${id}`, expiresAt, phone: input.phone.trim() };
    });
  }

  /**
   * Checks a code: once, before its expiry, within its attempts (a wrong one is counted, under the
   * OTP's row lock). A verification code marks the number verified on every account that has it; a
   * reset code also sets the account's new password and ends all its sessions.
   */
  async verify(scope: Scope, input: OtpVerification): Promise<VerifiedOtp> {
    const id = OTP_ID.exec(input.otpId)?.[1];
    if (!id) throw otpRefusal({ kind: 'not_found' }, this.#policy);
    if (!isOtpCode(input.code)) throw validationError({ otp_code: ['must be 6 digits'] });
    const passwordHash = input.newPassword === undefined ? undefined : await hashPassword(input.newPassword);
    const checked = await inTransaction(scope, async (tx): Promise<RefusedOtp | VerifiedOtp> => {
      const otp = await tx.em.findOne(PhoneOtp, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const outcome = checkOtp(otp, {
        now: tx.now,
        policy: this.#policy,
        codeMatches: (o) => sameSecret(this.#digest(tx.tenant.id, o.id, input.code), o.codeHash),
        newPassword: passwordHash !== undefined,
      });
      if (outcome.kind !== 'verified') {
        if (outcome.kind === 'wrong') await tx.em.flush(); // the counted attempt stays
        return outcome;
      }
      const used = otp!;
      used.usedAt = tx.now;
      await tx.em.flush();
      const verifiedIds = await markPhoneVerified(tx, normalizeIndonesianPhone(used.phone), tx.now);
      const accountId = used.account ?? null;
      // a reset OTP matches only when it has an account: a decoy's code is never 6 digits
      if (used.purpose === 'reset_password' && accountId !== null && passwordHash !== undefined) {
        await this.#identity.resetPassword(tx, accountId, passwordHash);
      }
      return {
        verified: true,
        phoneVerifiedAt: tx.now,
        purpose: used.purpose,
        accountId: used.purpose === 'reset_password' ? accountId : (verifiedIds[0] ?? null),
      };
    });
    if ('verified' in checked) return checked;
    throw otpRefusal(checked, this.#policy);
  }

  async #refuseTooSoon(tx: Scope, phone: string, purpose: OtpPurpose): Promise<void> {
    const recent = await tx.em.execute<{ created_at: Date }[]>(
      'select created_at from phone_otp where tenant_id = ? and phone = ? and purpose = ? and created_at > ?',
      [tx.tenant.id, phone, purpose, new Date(tx.now.getTime() - HOUR_MS)],
    );
    const wait = otpResendWaitSeconds(
      recent.map((r) => new Date(r.created_at)),
      tx.now,
      this.#policy,
    );
    if (wait > 0) {
      throw new DomainError(
        'RATE_LIMITED',
        `Too many OTP requests for this number. Try again in ${wait} seconds.`,
        {
          details: { retry_after_seconds: wait },
        },
      );
    }
  }

  /** The account a reset code may reset: the one account with the number (as a phone login requires). */
  async #resettable(tx: Scope, national: string): Promise<number | null> {
    const ids = await accountIdsByPhone(tx, national, 2);
    return ids.length === 1 ? ids[0]! : null;
  }

  /** The code's HMAC, bound to its tenant and OTP: a stored digest copied to another OTP does not match. */
  #digest(tenantId: number, otpId: string, code: string): string {
    return createHmac('sha256', this.#key).update(`${tenantId}:${otpId}:${code}`).digest('hex');
  }
}
