import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNik, compactNik, isCalendarDate, nikFacts } from './nik.ts';

const refusal = (message: string) => expect.objectContaining({ fields: { nik: [message] } });

describe('checkNik', () => {
  it('always wants 16 digits', () => {
    expect(() => checkNik('1234567890123456', { strict: false })).not.toThrow();
    for (const nik of ['123456789012345', '12345678901234567', '12345678901234a6', '']) {
      expect(() => checkNik(nik, { strict: false })).toThrow(refusal('must be 16 digits'));
      expect(() => checkNik(nik, { strict: true })).toThrow(refusal('must be 16 digits'));
    }
  });

  it('refuses the document’s own example in strict mode: its birth day would be 78', () => {
    expect(() => checkNik('1234567890123456', { strict: true })).toThrow(refusal('is not a valid NIK'));
  });

  it('in strict mode, wants the birth date and gender the member gave', () => {
    // Ponorogo (35 02 01), born 1 January 1990, a man
    const man = '3502010101900001';
    expect(() => checkNik(man, { strict: true, dateOfBirth: '1990-01-01', gender: 'male' })).not.toThrow();
    expect(() => checkNik(man, { strict: true })).not.toThrow();
    expect(() => checkNik(man, { strict: true, gender: 'female' })).toThrow(
      refusal('does not match the gender'),
    );
    expect(() => checkNik(man, { strict: true, dateOfBirth: '1990-01-02' })).toThrow(
      refusal('does not match the date of birth'),
    );
    expect(() => checkNik(man, { strict: true, dateOfBirth: '1991-01-01' })).toThrow(
      refusal('does not match the date of birth'),
    );
    expect(() => checkNik(man, { strict: true, dateOfBirth: '1990-02-01' })).toThrow(
      refusal('does not match the date of birth'),
    );
    expect(() => checkNik(man, { strict: true, dateOfBirth: 'not a date' })).toThrow(
      refusal('does not match the date of birth'),
    );
    // a woman born on the same day: 40 added to the day
    const woman = '3502014101900002';
    expect(() =>
      checkNik(woman, { strict: true, dateOfBirth: '1990-01-01', gender: 'female' }),
    ).not.toThrow();
  });
});

describe('nikFacts', () => {
  it('reads the province, the birth date and the gender', () => {
    expect(nikFacts('3502014101900002')).toEqual({
      provinceCode: 35,
      day: 1,
      month: 1,
      yearOfCentury: 90,
      gender: 'female',
    });
    expect(nikFacts('1101013112990001')).toMatchObject({ day: 31, month: 12, gender: 'male' });
  });

  it('refuses what cannot be a NIK', () => {
    expect(nikFacts('350201010190000')).toBeNull(); // 15 digits
    expect(nikFacts('1001010101900001')).toBeNull(); // province 10
    expect(nikFacts('9701010101900001')).toBeNull(); // province 97
    expect(nikFacts('3500010101900001')).toBeNull(); // regency 00
    expect(nikFacts('3502000101900001')).toBeNull(); // district 00
    expect(nikFacts('3502010101900000')).toBeNull(); // serial 0000
    expect(nikFacts('3502010001900001')).toBeNull(); // day 00
    expect(nikFacts('3502013201900001')).toBeNull(); // day 32
    expect(nikFacts('3502014001900001')).toBeNull(); // day 40: 0 for a woman
    expect(nikFacts('3502017201900001')).toBeNull(); // day 72: 32 for a woman
    expect(nikFacts('3502010100900001')).toBeNull(); // month 00
    expect(nikFacts('3502010113900001')).toBeNull(); // month 13
    expect(nikFacts('3502013102900001')).toBeNull(); // 31 February
  });

  it('knows 29 February only in leap years of either century', () => {
    expect(nikFacts('3502012902000001')).not.toBeNull(); // 2000 was a leap year
    expect(nikFacts('3502012902960001')).not.toBeNull(); // 1996
    expect(nikFacts('3502012902970001')).toBeNull(); // neither 1997 nor 2097
  });

  it('reads back every date and gender it is given', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom('male', 'female'),
        fc.integer({ min: 11, max: 96 }),
        fc.integer({ min: 1, max: 9999 }),
        (date, gender, province, serial) => {
          const day = date.getUTCDate() + (gender === 'female' ? 40 : 0);
          const nik =
            `${province}0101${String(day).padStart(2, '0')}` +
            `${String(date.getUTCMonth() + 1).padStart(2, '0')}${String(date.getUTCFullYear() % 100).padStart(2, '0')}` +
            String(serial).padStart(4, '0');
          const iso = date.toISOString().slice(0, 10);
          expect(() => checkNik(nik, { strict: true, dateOfBirth: iso, gender })).not.toThrow();
          expect(nikFacts(nik)).toMatchObject({ gender, day: date.getUTCDate(), provinceCode: province });
        },
      ),
    );
  });
});

describe('compactNik', () => {
  it('drops the spaces, dots and dashes people type', () => {
    expect(compactNik(' 3502.0101-0190 0001 ')).toBe('3502010101900001');
  });
});

describe('isCalendarDate', () => {
  it('knows month lengths', () => {
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(2023, 2, 29)).toBe(false);
    expect(isCalendarDate(2024, 4, 31)).toBe(false);
    expect(isCalendarDate(2024, 0, 1)).toBe(false);
    expect(isCalendarDate(2024, 1, 0)).toBe(false);
  });
});
