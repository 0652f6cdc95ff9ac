import { describe, expect, it } from 'vitest';
import { formatMoney, minorDigits, parseMajorAmount } from './format.ts';

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

describe('amounts typed in the console', () => {
  it('whole rupiah and shillings, with the group separators of the language', () => {
    expect(parseMajorAmount('1.850.000', 'IDR', 'id')).toBe(1_850_000);
    expect(parseMajorAmount('1,850,000', 'UGX', 'en')).toBe(1_850_000);
    expect(parseMajorAmount(' 25 000 ', 'UGX', 'en')).toBe(25_000);
  });

  it('a currency with cents takes up to its digits, in minor units', () => {
    expect(parseMajorAmount('1,850.5', 'USD', 'en')).toBe(185_050);
    expect(parseMajorAmount('1.850,05', 'USD', 'id')).toBe(185_005);
    expect(parseMajorAmount('12', 'USD', 'en')).toBe(1_200);
  });

  it('refuses what is not an amount of the currency', () => {
    expect(parseMajorAmount('1850.5', 'IDR', 'en')).toBeNull();
    expect(parseMajorAmount('1.850,123', 'USD', 'id')).toBeNull();
    expect(parseMajorAmount('-5', 'IDR', 'id')).toBeNull();
    expect(parseMajorAmount('', 'IDR', 'id')).toBeNull();
    expect(parseMajorAmount('1e6', 'IDR', 'id')).toBeNull();
    expect(parseMajorAmount('99999999999999999999', 'IDR', 'id')).toBeNull();
  });
});
