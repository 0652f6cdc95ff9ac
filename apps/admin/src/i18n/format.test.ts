import { describe, expect, it } from 'vitest';
import { formatMoney, minorDigits } from './format.ts';

// Intl separates currency and digits with a no-break space in some locales: compare on plain spaces.
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('money in the console', () => {
  it('rupiah and shillings have no minor digits: integer amounts are whole units', () => {
    expect(minorDigits('IDR')).toBe(0);
    expect(minorDigits('UGX')).toBe(0);
    expect(plain(formatMoney(1_500_000, 'IDR', 'id'))).toBe('Rp 1.500.000');
    expect(plain(formatMoney(25_000, 'UGX', 'en'))).toBe('UGX 25,000');
  });

  it('a two-digit currency divides its minor units', () => {
    expect(formatMoney(123_456, 'USD', 'en')).toBe('US$1,234.56');
  });

  it('a decimal string (a profile that writes major units) is shown as written', () => {
    expect(plain(formatMoney('1500000.00', 'IDR', 'id'))).toBe('Rp 1.500.000');
  });

  it('no amount is a dash, not zero', () => {
    expect(formatMoney(null, 'IDR', 'en')).toBe('—');
  });
});
