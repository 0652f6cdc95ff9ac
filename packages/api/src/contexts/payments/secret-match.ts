import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a secret a notification carries (a callback token, a signature) with the expected one
 * in constant time. Both sides are hashed first, so timingSafeEqual always compares equal-length
 * buffers and a value of another length is refused without its length showing in the timing. An
 * empty expected value matches nothing.
 */
export function secretMatches(given: string | undefined, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  const same = timingSafeEqual(digest(given ?? ''), digest(expected));
  return same && given !== undefined && expected !== '';
}
