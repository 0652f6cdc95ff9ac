import { type FieldErrors, validationError } from './errors.ts';

/** Member numbers: `DTEHM` + year + sequence (DTEHM20250001) and `DIP` + sequence (DIP0456). */
export type ParsedMemberId =
  | { kind: 'DTEHM'; year: number; sequence: number }
  | { kind: 'DIP'; sequence: number };

const MIN_SEQUENCE_DIGITS = 4;
const BAD_SEQUENCE = 'must be a whole number of at least 1';
const BAD_YEAR = 'must be a whole number from 2000 to 9999';

const isValidSequence = (sequence: number) => Number.isSafeInteger(sequence) && sequence >= 1;
const isValidYear = (year: number) => Number.isInteger(year) && year >= 2000 && year <= 9999;
const padSequence = (sequence: number) => String(sequence).padStart(MIN_SEQUENCE_DIGITS, '0');

export function formatDtehmMemberId(year: number, sequence: number): string {
  const fields: FieldErrors = {};
  if (!isValidYear(year)) fields.year = [BAD_YEAR];
  if (!isValidSequence(sequence)) fields.sequence = [BAD_SEQUENCE];
  if (Object.keys(fields).length > 0) throw validationError(fields);
  return `DTEHM${year}${padSequence(sequence)}`;
}

export function formatDipMemberId(sequence: number): string {
  if (!isValidSequence(sequence)) throw validationError({ sequence: [BAD_SEQUENCE] });
  return `DIP${padSequence(sequence)}`;
}

/**
 * Reads a member number typed by a person (any case, stray spaces). Returns null for anything that is
 * not exactly what the formatters would produce, so each member has one spelling (no DIP00456).
 */
export function parseMemberId(input: string): ParsedMemberId | null {
  const id = input.trim().toUpperCase();

  const dtehm = /^DTEHM(\d{4})(\d{4,})$/.exec(id);
  if (dtehm) {
    const year = Number(dtehm[1]);
    const sequence = Number(dtehm[2]);
    return isCanonical(id, () => formatDtehmMemberId(year, sequence))
      ? { kind: 'DTEHM', year, sequence }
      : null;
  }

  const dip = /^DIP(\d{4,})$/.exec(id);
  if (dip) {
    const sequence = Number(dip[1]);
    return isCanonical(id, () => formatDipMemberId(sequence)) ? { kind: 'DIP', sequence } : null;
  }

  return null;
}

/** True when formatting the parsed parts gives back the same text; out-of-range parts are not canonical. */
function isCanonical(id: string, format: () => string): boolean {
  try {
    return format() === id;
  } catch {
    return false;
  }
}
