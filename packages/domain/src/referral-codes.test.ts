import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isMemberReferralCode,
  isReferralCode,
  MEMBER_REFERRAL_CODE_ALPHABET,
  memberReferralCode,
  REFERRAL_CODE_ALPHABET,
  REFERRAL_CODE_RANDOM_BYTES,
  referralCode,
} from './referral-codes.ts';

describe('referralCode', () => {
  it('makes 7 characters from the alphabet', () => {
    expect(referralCode(new Uint8Array([0, 1, 25, 26, 51, 52, 61]))).toBe('ABZaz09');
    expect(referralCode(new Uint8Array([62, 63, 124, 186, 247, 0, 0]))).toBe('ABAA9AA');
  });

  it('skips bytes that would bias the choice and returns null when the bytes run out', () => {
    expect(referralCode(new Uint8Array([248, 255, 0, 1, 2, 3, 4, 5, 6]))).toBe('ABCDEFG');
    expect(referralCode(new Uint8Array([0, 1, 2, 3, 4, 5, 255]))).toBeNull();
    expect(referralCode(new Uint8Array())).toBeNull();
  });

  it('only ever produces valid codes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: REFERRAL_CODE_RANDOM_BYTES, maxLength: REFERRAL_CODE_RANDOM_BYTES }),
        (bytes) => {
          const code = referralCode(bytes);
          // 32 bytes with 7 or fewer below 248 is about as likely as winning no lottery 25 times
          expect(code).not.toBeNull();
          expect(isReferralCode(code!)).toBe(true);
        },
      ),
    );
  });

  it('gives every character the same chance (each of the 248 accepted byte values maps to one of 62, 4 each)', () => {
    const counts = new Map<string, number>();
    for (let b = 0; b < 248; b++) {
      const ch = referralCode(new Uint8Array([b, 0, 0, 0, 0, 0, 0]))![0]!;
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(counts.size).toBe(REFERRAL_CODE_ALPHABET.length);
    expect(new Set(counts.values())).toEqual(new Set([4]));
  });

  it('recognises codes', () => {
    expect(isReferralCode('XK7mP2q')).toBe(true);
    expect(isReferralCode('XK7mP2')).toBe(false);
    expect(isReferralCode('XK7mP2q!')).toBe(false);
    expect(isReferralCode('XK7-P2q')).toBe(false);
  });
});

describe('memberReferralCode', () => {
  it('makes 8 capitals and digits, skipping the bytes that would bias the choice', () => {
    expect(memberReferralCode(new Uint8Array([0, 1, 2, 25, 26, 35, 36, 71]))).toBe('ABCZ09A9');
    expect(memberReferralCode(new Uint8Array([252, 255, 0, 1, 2, 3, 4, 5, 6, 7]))).toBe('ABCDEFGH');
    expect(memberReferralCode(new Uint8Array([0, 1, 2]))).toBeNull();
  });

  it('only ever produces valid member codes, each character equally likely', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: REFERRAL_CODE_RANDOM_BYTES, maxLength: REFERRAL_CODE_RANDOM_BYTES }),
        (bytes) => {
          const code = memberReferralCode(bytes);
          expect(code).not.toBeNull();
          expect(isMemberReferralCode(code!)).toBe(true);
        },
      ),
    );
    const counts = new Map<string, number>();
    for (let b = 0; b < 252; b++) {
      const ch = memberReferralCode(new Uint8Array([b, 0, 0, 0, 0, 0, 0, 0]))![0]!;
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(counts.size).toBe(MEMBER_REFERRAL_CODE_ALPHABET.length);
    expect(new Set(counts.values())).toEqual(new Set([7]));
  });

  it('recognises member codes', () => {
    expect(isMemberReferralCode('ABC12345')).toBe(true);
    expect(isMemberReferralCode('abc12345')).toBe(false);
    expect(isMemberReferralCode('ABC1234')).toBe(false);
  });
});
