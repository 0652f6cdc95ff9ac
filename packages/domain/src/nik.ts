import { fieldError } from './errors.ts';

// The NIK (Nomor Induk Kependudukan): the 16-digit number on an Indonesian identity card (KTP).
// Layout: PP KK CC DDMMYY SSSS — province, regency, district, birth date (40 added to the day for
// women), then a serial within that place and date.

export const NIK_LENGTH = 16;
/** Province codes run from 11 (Aceh) to 96 (the Papua provinces created in 2022). */
const PROVINCE_CODES = { min: 11, max: 96 } as const;
const WOMEN_DAY_OFFSET = 40;

export interface NikFacts {
  provinceCode: number;
  /** day of birth, without the 40 added for women */
  day: number;
  month: number;
  /** the two digits of the year of birth (the century is not written) */
  yearOfCentury: number;
  gender: 'male' | 'female';
}

export interface NikCheck {
  /** also check the structure: province, place codes, birth date, serial */
  strict: boolean;
  /** in strict mode the NIK's birth date and gender must agree with these, when given */
  dateOfBirth?: string | undefined;
  gender?: 'male' | 'female' | undefined;
}

/** The NIK a member typed, without the spaces, dots and dashes people write it with. */
export function compactNik(nik: string): string {
  return nik.replace(/[\s.-]/g, '');
}

/**
 * Checks a NIK (already compact): always 16 digits; in strict mode also its structure, and that its
 * birth date and gender agree with the member's. Throws a validation error naming `nik`.
 */
export function checkNik(nik: string, check: NikCheck): void {
  if (!/^\d{16}$/.test(nik)) throw fieldError('nik', `must be ${NIK_LENGTH} digits`);
  if (!check.strict) return;
  const facts = nikFacts(nik);
  if (!facts) throw fieldError('nik', 'is not a valid NIK');
  if (check.gender !== undefined && facts.gender !== check.gender) {
    throw fieldError('nik', 'does not match the gender');
  }
  if (check.dateOfBirth !== undefined && !sameBirthDate(facts, check.dateOfBirth)) {
    throw fieldError('nik', 'does not match the date of birth');
  }
}

/** What a structurally valid NIK says about its holder; null when it is not one. */
export function nikFacts(nik: string): NikFacts | null {
  if (!/^\d{16}$/.test(nik)) return null;
  const part = (from: number, to: number) => Number(nik.slice(from, to));
  const provinceCode = part(0, 2);
  if (provinceCode < PROVINCE_CODES.min || provinceCode > PROVINCE_CODES.max) return null;
  // regency, district and serial number start at 1
  if (part(2, 4) === 0 || part(4, 6) === 0 || part(12, 16) === 0) return null;
  const writtenDay = part(6, 8);
  const female = writtenDay > WOMEN_DAY_OFFSET;
  const day = female ? writtenDay - WOMEN_DAY_OFFSET : writtenDay;
  const month = part(8, 10);
  const yearOfCentury = part(10, 12);
  // the century is not written: the date must exist in 1900s or 2000s (29 February of `00` only in 2000)
  const exists = [1900, 2000].some((century) => isCalendarDate(century + yearOfCentury, month, day));
  if (!exists) return null;
  return { provinceCode, day, month, yearOfCentury, gender: female ? 'female' : 'male' };
}

/** `1990-01-01` names the date the NIK's DDMMYY writes (the century aside). */
function sameBirthDate(facts: NikFacts, dateOfBirth: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  if (!match) return false;
  return (
    Number(match[1]) % 100 === facts.yearOfCentury &&
    Number(match[2]) === facts.month &&
    Number(match[3]) === facts.day
  );
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
