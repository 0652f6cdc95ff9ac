import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskAccountNumber, maskEmail, maskName, maskNik } from './masking.ts';

describe('masking', () => {
  it('reproduces the spec’s examples', () => {
    expect(maskName('Darmawan Putra')).toBe('Dar**** Pu***');
    expect(maskEmail('darmawan@gmail.com')).toBe('dar***@gmail.com');
    expect(maskAccountNumber('1234567890')).toBe('******7890');
  });

  it('masks names word by word', () => {
    expect(maskName('  Siti   Nurhaliza binti A ')).toBe('Si** Nur**** bi*** A');
    expect(maskName('Jo')).toBe('J*');
    expect(maskName('')).toBe('');
    expect(maskName('Ömer Çelik')).toBe('Öm** Çe***');
  });

  it('masks emails, with or without a domain', () => {
    expect(maskEmail('ab@x.id')).toBe('a***@x.id');
    expect(maskEmail('averyveryverylongname@x.id')).toBe('ave***@x.id');
    expect(maskEmail('nodomain')).toBe('nod***');
  });

  it('masks short and spaced account numbers', () => {
    expect(maskAccountNumber('1234')).toBe('****');
    expect(maskAccountNumber('1234-5678 90')).toBe('******7890');
  });

  it('never shows more than 3 characters of a word or an email’s local part', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z]{1,30}$/), (word) => {
        const masked = maskName(word);
        expect(masked.replace(/\*/g, '').length).toBeLessThanOrEqual(3);
        expect(masked.startsWith(word.slice(0, 1))).toBe(true);
        const email = maskEmail(`${word}@example.com`);
        expect(email.endsWith('***@example.com')).toBe(true);
        expect(email.length - '***@example.com'.length).toBeLessThanOrEqual(3);
      }),
    );
  });

  it('masks a NIK to its place codes and last 4 digits, never the birth date', () => {
    expect(maskNik('3502011990010001')).toBe('350201******0001');
    expect(maskNik('12345')).toBe('*****');
    fc.assert(
      fc.property(fc.stringMatching(/^\d{16}$/), (nik) => {
        const masked = maskNik(nik);
        expect(masked).toHaveLength(16);
        expect(masked.slice(6, 12)).toBe('******');
        expect(masked.slice(0, 6) + masked.slice(12)).toBe(nik.slice(0, 6) + nik.slice(12));
      }),
    );
  });
});
