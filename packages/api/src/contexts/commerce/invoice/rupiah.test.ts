import { describe, expect, it } from 'vitest';
import { formatRupiah } from './rupiah.ts';

describe('formatRupiah', () => {
  it.each([
    [0, 'Rp 0'],
    [5, 'Rp 5'],
    [999, 'Rp 999'],
    [1_000, 'Rp 1.000'],
    [25_000, 'Rp 25.000'],
    [100_000, 'Rp 100.000'],
    [7_025_000, 'Rp 7.025.000'],
    [1_000_000_000, 'Rp 1.000.000.000'],
    [123_456_789_012, 'Rp 123.456.789.012'],
    [Number.MAX_SAFE_INTEGER, 'Rp 9.007.199.254.740.991'],
  ])('formats %d as %s', (amount, expected) => {
    expect(formatRupiah(amount)).toBe(expected);
  });

  it('prefixes negative amounts with a minus sign', () => {
    expect(formatRupiah(-25_000)).toBe('-Rp 25.000');
    expect(formatRupiah(-1)).toBe('-Rp 1');
  });

  it('prints negative zero as zero', () => {
    expect(formatRupiah(-0)).toBe('Rp 0');
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])(
    'rejects %d, which is not a whole-rupiah amount',
    (amount) => {
      expect(() => formatRupiah(amount)).toThrow(RangeError);
    },
  );
});
