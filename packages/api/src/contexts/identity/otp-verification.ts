import {
  DomainError,
  type OtpPolicy,
  type OtpState,
  otpAttemptsLeft,
  otpState,
  validationError,
} from '@komisi/domain';
import type { PhoneOtp } from './otp.entity.ts';

/** Why a code was refused. */
export type RefusedOtp = Exclude<CheckedOtp, { kind: 'verified' }>;

/** What checking a code against its OTP came to, before anything is changed but the attempt count. */
export type CheckedOtp =
  | { kind: 'not_found' }
  | { kind: 'password_required' }
  | { kind: 'password_unexpected' }
  | { kind: Exclude<OtpState, 'usable'> }
  | { kind: 'wrong'; attemptsLeft: number }
  | { kind: 'verified' };

export interface OtpCheck {
  now: Date;
  policy: OtpPolicy;
  /** whether the code sent is this OTP's (compared in constant time) */
  codeMatches: (otp: PhoneOtp) => boolean;
  /** whether a new password came with the code */
  newPassword: boolean;
}

/**
 * Checks a code against its OTP (locked by the caller). A wrong code of a usable OTP counts one
 * attempt on it; a missing or unexpected new password is refused before any attempt is spent.
 */
export function checkOtp(otp: PhoneOtp | null, check: OtpCheck): CheckedOtp {
  if (!otp) return { kind: 'not_found' };
  if (otp.purpose === 'reset_password' && !check.newPassword) return { kind: 'password_required' };
  if (otp.purpose === 'verification' && check.newPassword) return { kind: 'password_unexpected' };
  const state = otpState(
    { expiresAt: otp.expiresAt, usedAt: otp.usedAt ?? null, attempts: otp.attempts },
    check.now,
    check.policy,
  );
  if (state !== 'usable') return { kind: state };
  if (!check.codeMatches(otp)) {
    otp.attempts += 1;
    return { kind: 'wrong', attemptsLeft: otpAttemptsLeft(otp.attempts, check.policy) };
  }
  return { kind: 'verified' };
}

const refused = (code: string, field: string, message: string, problem: string) =>
  new DomainError('RULE_VIOLATION', message, { fields: { [field]: [problem] }, details: { code } });

/** The error a refused check answers: 404 for an unknown OTP, 422 for the password, 400 for the code. */
export function otpRefusal(outcome: RefusedOtp, policy: OtpPolicy): DomainError {
  switch (outcome.kind) {
    case 'not_found':
      return new DomainError('NOT_FOUND', 'OTP not found', {
        fields: { otp_id: ['does not name an OTP of this app'] },
        details: { code: 'OTP_NOT_FOUND' },
      });
    case 'password_required':
      return validationError({ new_password: ['is required with a reset_password OTP'] });
    case 'password_unexpected':
      return validationError({ new_password: ['is only taken with a reset_password OTP'] });
    case 'used':
      return refused(
        'OTP_ALREADY_USED',
        'otp_id',
        'This OTP has already been used',
        'has been used; request a new OTP',
      );
    case 'expired':
      return refused('OTP_EXPIRED', 'otp_code', 'The OTP code has expired', 'has expired; request a new OTP');
    case 'exhausted':
      return refused(
        'OTP_ATTEMPTS_EXCEEDED',
        'otp_code',
        `Too many wrong codes: this OTP no longer works after ${policy.maxAttempts}`,
        'too many wrong codes; request a new OTP',
      );
    case 'wrong':
      return refused(
        'OTP_INVALID',
        'otp_code',
        outcome.attemptsLeft > 0
          ? `The OTP code is incorrect (${outcome.attemptsLeft} attempt${outcome.attemptsLeft === 1 ? '' : 's'} left)`
          : 'The OTP code is incorrect, and this OTP no longer works: request a new one',
        'is incorrect',
      );
  }
}
