import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  indonesianPhoneInternational,
  isIndonesianMobile,
  normalizeEmailAddress,
  normalizeIndonesianPhone,
} from './contact-details.ts';

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

describe('isIndonesianMobile', () => {
  it.each([
    ['081234567890', true],
    ['+62 812-3456-7890', true],
    ['6281234567890', true],
    ['0812345678', true],
    ['0812 3456 78901', true],
    ['081234567', false],
    ['08123456789012', false],
    ['0212345678', false],
    ['0812abc45678', false],
    ['', false],
  ])('%s → %s', (raw, expected) => {
    expect(isIndonesianMobile(raw)).toBe(expected);
  });
});

describe('indonesianPhoneInternational', () => {
  it('writes every form of a number as 62 and its national form', () => {
    expect(indonesianPhoneInternational('081234567890')).toBe('6281234567890');
    expect(indonesianPhoneInternational('+62 812-3456-7890')).toBe('6281234567890');
  });

  it('gives one international form for the national, 0-prefixed and +62 forms of a mobile number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^8\d{8,11}$/), (national) => {
        const international = indonesianPhoneInternational(national);
        expect(international).toBe(`62${national}`);
        expect(indonesianPhoneInternational(`0${national}`)).toBe(international);
        expect(indonesianPhoneInternational(`+62${national}`)).toBe(international);
        expect(isIndonesianMobile(international)).toBe(true);
      }),
    );
  });
});
