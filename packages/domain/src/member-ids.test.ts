import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDipMemberId, formatDtehmMemberId, parseMemberId } from './member-ids.ts';

const invalid = (fields: Record<string, string[]>) =>
  expect.objectContaining({ code: 'VALIDATION_ERROR', fields });

const BAD_SEQUENCE = 'must be a whole number of at least 1';

describe('formatDtehmMemberId', () => {
  it('joins prefix, year and a zero-padded sequence', () => {
    expect(formatDtehmMemberId(2025, 1)).toBe('DTEHM20250001');
    expect(formatDtehmMemberId(2025, 456)).toBe('DTEHM20250456');
    expect(formatDtehmMemberId(2025, 12345)).toBe('DTEHM202512345');
    expect(formatDtehmMemberId(2000, 9999)).toBe('DTEHM20009999');
    expect(formatDtehmMemberId(9999, 1)).toBe('DTEHM99990001');
  });

  it.each([1999, 10000, 2025.5])('rejects year %s', (year) => {
    expect(() => formatDtehmMemberId(year, 1)).toThrow(
      invalid({ year: ['must be a whole number from 2000 to 9999'] }),
    );
  });

  it.each([0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1])('rejects sequence %s', (sequence) => {
    expect(() => formatDtehmMemberId(2025, sequence)).toThrow(invalid({ sequence: [BAD_SEQUENCE] }));
  });
});

describe('formatDipMemberId', () => {
  it('joins prefix and a zero-padded sequence', () => {
    expect(formatDipMemberId(456)).toBe('DIP0456');
    expect(formatDipMemberId(1)).toBe('DIP0001');
    expect(formatDipMemberId(123456)).toBe('DIP123456');
  });

  it.each([0, 2.5])('rejects sequence %s', (sequence) => {
    expect(() => formatDipMemberId(sequence)).toThrow(invalid({ sequence: [BAD_SEQUENCE] }));
  });
});

describe('parseMemberId', () => {
  it('parses DTEHM ids', () => {
    expect(parseMemberId('DTEHM20250001')).toEqual({ kind: 'DTEHM', year: 2025, sequence: 1 });
    expect(parseMemberId('DTEHM202512345')).toEqual({ kind: 'DTEHM', year: 2025, sequence: 12345 });
  });

  it('parses DIP ids', () => {
    expect(parseMemberId('DIP0456')).toEqual({ kind: 'DIP', sequence: 456 });
    expect(parseMemberId('DIP123456')).toEqual({ kind: 'DIP', sequence: 123456 });
  });

  it('ignores case and surrounding whitespace', () => {
    expect(parseMemberId('  dtehm20250007 ')).toEqual({ kind: 'DTEHM', year: 2025, sequence: 7 });
    expect(parseMemberId('\tdip0456\n')).toEqual({ kind: 'DIP', sequence: 456 });
  });

  it.each([
    '',
    'DTEHM',
    'DTEHM2025',
    'DTEHM2025001', // sequence shorter than 4 digits
    'DTEHM202500001', // extra zero padding: not the canonical form
    'DTEHM20250000', // sequence 0
    'DTEHM19990001', // year before 2000
    'DIP456',
    'DIP00456',
    'DIP0000',
    'DIP99999999999999999', // sequence beyond the exact range
    'DIP-456',
    'DIP 0456',
    'XYZ0456',
    'DTEHM2025000A',
  ])('returns null for %j', (input) => {
    expect(parseMemberId(input)).toBeNull();
  });

  it('round-trips every formatted id', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 9999 }),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        (year, sequence) => {
          expect(parseMemberId(formatDtehmMemberId(year, sequence))).toEqual({
            kind: 'DTEHM',
            year,
            sequence,
          });
          expect(parseMemberId(formatDipMemberId(sequence))).toEqual({ kind: 'DIP', sequence });
        },
      ),
    );
  });
});
