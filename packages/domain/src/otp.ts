// One-time codes sent to a phone: their form, how long they live, how many tries they get and how
// often a phone may be sent one.

export const OTP_PURPOSES = ['verification', 'reset_password'] as const;
export type OtpPurpose = (typeof OTP_PURPOSES)[number];

/** Codes are 6 decimal digits: 1,000,000 of them. */
export const OTP_CODE_DIGITS = 6;
export const OTP_CODE_SPACE = 10 ** OTP_CODE_DIGITS;

export interface OtpPolicy {
  /** how long a code works after it is issued */
  ttlSeconds: number;
  /** wrong codes an OTP takes before it is dead */
  maxAttempts: number;
  /** the least time between two codes for one phone and purpose */
  resendIntervalSeconds: number;
  /** the most codes one phone and purpose gets in any hour */
  maxPerHour: number;
}

export const OTP_POLICY: OtpPolicy = {
  ttlSeconds: 5 * 60,
  maxAttempts: 5,
  resendIntervalSeconds: 60,
  maxPerHour: 5,
};

const HOUR_MS = 3_600_000;

/** The code for a number drawn uniformly from 0 to `OTP_CODE_SPACE - 1`: its digits, zero-padded. */
export function otpCode(drawn: number): string {
  if (!Number.isInteger(drawn) || drawn < 0 || drawn >= OTP_CODE_SPACE) {
    throw new RangeError(`an OTP is drawn from 0 to ${OTP_CODE_SPACE - 1}`);
  }
  return String(drawn).padStart(OTP_CODE_DIGITS, '0');
}

/** Exactly 6 decimal digits. */
export function isOtpCode(text: string): boolean {
  return /^[0-9]{6}$/.test(text);
}

export function otpExpiresAt(issuedAt: Date, policy: OtpPolicy = OTP_POLICY): Date {
  return new Date(issuedAt.getTime() + policy.ttlSeconds * 1000);
}

/** What an issued OTP can still do at `now`; a used one stays used, a dead one dead, whatever the clock. */
export type OtpState = 'usable' | 'used' | 'exhausted' | 'expired';

export interface IssuedOtp {
  expiresAt: Date;
  usedAt: Date | null;
  /** wrong codes tried so far */
  attempts: number;
}

export function otpState(otp: IssuedOtp, now: Date, policy: OtpPolicy = OTP_POLICY): OtpState {
  if (otp.usedAt !== null) return 'used';
  if (otp.attempts >= policy.maxAttempts) return 'exhausted';
  if (now.getTime() >= otp.expiresAt.getTime()) return 'expired';
  return 'usable';
}

/** Wrong codes an OTP still takes after `attempts` of them (0: it is dead). */
export function otpAttemptsLeft(attempts: number, policy: OtpPolicy = OTP_POLICY): number {
  return Math.max(0, policy.maxAttempts - attempts);
}

/**
 * Seconds a phone must wait before it may be sent another code for a purpose, given when its
 * earlier codes for that purpose were issued (any order; those older than an hour do not count);
 * 0 when it may be sent one now.
 */
export function otpResendWaitSeconds(
  issuedAt: readonly Date[],
  now: Date,
  policy: OtpPolicy = OTP_POLICY,
): number {
  const at = now.getTime();
  const lastHour = issuedAt
    .map((d) => d.getTime())
    .filter((t) => t > at - HOUR_MS)
    .sort((a, b) => a - b);
  let waitMs = 0;
  const latest = lastHour[lastHour.length - 1];
  if (latest !== undefined) waitMs = latest + policy.resendIntervalSeconds * 1000 - at;
  if (lastHour.length >= policy.maxPerHour) {
    // the hour's budget frees up when the oldest code that still counts turns an hour old
    const freed = lastHour[lastHour.length - policy.maxPerHour]!;
    waitMs = Math.max(waitMs, freed + HOUR_MS - at);
  }
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
}
