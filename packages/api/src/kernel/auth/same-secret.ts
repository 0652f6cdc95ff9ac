import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether a secret a caller sent (a webhook key, a callback token, a code's digest) is the expected
 * one, in constant time. Both sides are hashed first, so timingSafeEqual always compares
 * equal-length buffers and a value of another length is refused without its length showing in the
 * timing. Nothing sent, or nothing expected, matches nothing.
 */
export function sameSecret(given: string | undefined, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  const same = timingSafeEqual(digest(given ?? ''), digest(expected));
  return same && given !== undefined && expected !== '';
}
