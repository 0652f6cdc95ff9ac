// Referral codes drawn from random bytes without bias: an affiliate's (7 case-sensitive letters and
// digits) and a cooperative member's (8 capital letters and digits, as `ABC12345`).

export const REFERRAL_CODE_LENGTH = 7;
export const REFERRAL_CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Random bytes to hand a code drawing: enough that running out is practically impossible (< 1e-30). */
export const REFERRAL_CODE_RANDOM_BYTES = 32;

export const MEMBER_REFERRAL_CODE_LENGTH = 8;
export const MEMBER_REFERRAL_CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * `length` characters of `alphabet` by rejection sampling: a byte below the largest multiple of the
 * alphabet's size picks `byte % size`, larger bytes are skipped (no modulo bias). Null when the
 * bytes ran out first; the caller draws again.
 */
function drawCode(randomBytes: Uint8Array, alphabet: string, length: number): string | null {
  const unbiasedLimit = 256 - (256 % alphabet.length);
  let code = '';
  for (const byte of randomBytes) {
    if (byte >= unbiasedLimit) continue;
    code += alphabet[byte % alphabet.length];
    if (code.length === length) return code;
  }
  return null;
}

/** A 7-character affiliate referral code (e.g. `XK7mP2q`); codes are case-sensitive. */
export function referralCode(randomBytes: Uint8Array): string | null {
  return drawCode(randomBytes, REFERRAL_CODE_ALPHABET, REFERRAL_CODE_LENGTH);
}

export function isReferralCode(value: string): boolean {
  return /^[A-Za-z0-9]{7}$/.test(value);
}

/**
 * An 8-character member referral code (e.g. `K7MP2Q9X`): capitals and digits only, so it reads
 * aloud and survives being typed in any case.
 */
export function memberReferralCode(randomBytes: Uint8Array): string | null {
  return drawCode(randomBytes, MEMBER_REFERRAL_CODE_ALPHABET, MEMBER_REFERRAL_CODE_LENGTH);
}

export function isMemberReferralCode(value: string): boolean {
  return /^[A-Z0-9]{8}$/.test(value);
}
