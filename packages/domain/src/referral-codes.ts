// An affiliate's referral code: 7 case-sensitive letters and digits, drawn without bias.

export const REFERRAL_CODE_LENGTH = 7;
export const REFERRAL_CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Random bytes to hand `referralCode`: enough that running out is practically impossible (< 1e-30). */
export const REFERRAL_CODE_RANDOM_BYTES = 32;
// The largest multiple of 62 below 256: bytes from 248 up are skipped, so every character is equally likely.
const UNBIASED_LIMIT = 256 - (256 % REFERRAL_CODE_ALPHABET.length);

/**
 * A 7-character referral code (e.g. `XK7mP2q`) from random bytes, by rejection sampling: a byte
 * below 248 picks `byte % 62`, larger bytes are skipped (no modulo bias). Null when the bytes ran
 * out first; the caller draws again. Codes are case-sensitive.
 */
export function referralCode(randomBytes: Uint8Array): string | null {
  let code = '';
  for (const byte of randomBytes) {
    if (byte >= UNBIASED_LIMIT) continue;
    code += REFERRAL_CODE_ALPHABET[byte % REFERRAL_CODE_ALPHABET.length];
    if (code.length === REFERRAL_CODE_LENGTH) return code;
  }
  return null;
}

export function isReferralCode(value: string): boolean {
  return /^[A-Za-z0-9]{7}$/.test(value);
}
