import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatYearNumber, yearCounterName } from './year-numbers.ts';

describe('formatYearNumber', () => {
  it('writes the numbers as the document shows them', () => {
    expect(formatYearNumber('SIN', 2024, 1, 6)).toBe('SIN-2024-000001');
    expect(formatYearNumber('FC', 2024, 3, 3)).toBe('FC-2024-003');
    expect(formatYearNumber('SA', 2026, 1_234_567, 6)).toBe('SA-2026-1234567');
  });

  it('refuses what would not be a number of the series, naming the part', () => {
    expect(() => formatYearNumber('sin', 2024, 1, 6)).toThrow(
      expect.objectContaining({ fields: { prefix: expect.any(Array) } }),
    );
    expect(() => formatYearNumber('SIN', 1999, 1, 6)).toThrow(
      expect.objectContaining({ fields: { year: expect.any(Array) } }),
    );
    expect(() => formatYearNumber('SIN', 2024, 0, 6)).toThrow(
      expect.objectContaining({ fields: { sequence: expect.any(Array) } }),
    );
    expect(() => formatYearNumber('SIN', 2024.5, 1, 6)).toThrow();
  });

  it('keeps numbers of one series in order when compared as text up to the padding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_998 }), (n) => {
        const a = formatYearNumber('TXN', 2026, n, 6);
        const b = formatYearNumber('TXN', 2026, n + 1, 6);
        expect(a < b).toBe(true);
      }),
    );
  });

  it('names one counter per prefix and year', () => {
    expect(yearCounterName('SIN', 2026)).toBe('sin-2026');
  });
});
