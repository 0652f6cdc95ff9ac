import { describe, expect, it } from 'vitest';
import { normalizeEmailAddress, normalizeIndonesianPhone } from './contact-details.ts';

describe('normalizeEmailAddress', () => {
  it('trims and lowers the case', () => {
    expect(normalizeEmailAddress(' Darmawan@Gmail.COM ')).toBe('darmawan@gmail.com');
  });
});

describe('normalizeIndonesianPhone', () => {
  it.each([
    ['+62 812-3456-789', '8123456789'],
    ['628123456789', '8123456789'],
    ['0812 3456 789', '8123456789'],
    ['(0812) 3456.789', '8123456789'],
    ['8123456789', '8123456789'],
    ['', ''],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeIndonesianPhone(raw)).toBe(expected);
  });
});
