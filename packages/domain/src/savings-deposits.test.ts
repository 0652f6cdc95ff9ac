import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bankDisplayName,
  checkDeposit,
  checkOneTimeDeposit,
  formatUniqueCode,
  pickUniqueCode,
  UNIQUE_CODE_MAX,
  UNIQUE_CODE_MIN,
} from './savings-deposits.ts';
import { DEFAULT_SAVINGS_PRODUCTS } from './savings-products.ts';

const [SP, SW, SS] = DEFAULT_SAVINGS_PRODUCTS as unknown as [
  (typeof DEFAULT_SAVINGS_PRODUCTS)[number],
  (typeof DEFAULT_SAVINGS_PRODUCTS)[number],
  (typeof DEFAULT_SAVINGS_PRODUCTS)[number],
];
const invalidAmount = expect.objectContaining({
  code: 'VALIDATION_ERROR',
  details: { code: 'INVALID_AMOUNT' },
  fields: { amount: [expect.any(String)] },
});

describe('checkDeposit', () => {
  it('takes an amount of at least the minimum of the account’s own deposit type', () => {
    expect(() => checkDeposit(SS, 'SS_DEPOSIT', 10_000)).not.toThrow();
    expect(() => checkDeposit(SS, 'SS_DEPOSIT', 123_457)).not.toThrow();
    expect(() => checkDeposit(SP, 'SP_DEPOSIT', 80_000)).not.toThrow();
  });

  it('refuses another product’s type naming transaction_type', () => {
    expect(() => checkDeposit(SS, 'SW_DEPOSIT', 100_000)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_ERROR',
        fields: { transaction_type: ['must be SS_DEPOSIT for a Simpanan Sukarela account'] },
      }),
    );
  });

  it('refuses an amount below the minimum, or not whole, as INVALID_AMOUNT naming amount', () => {
    expect(() => checkDeposit(SS, 'SS_DEPOSIT', 9_999)).toThrow(invalidAmount);
    expect(() => checkDeposit(SS, 'SS_DEPOSIT', 0)).toThrow(invalidAmount);
    expect(() => checkDeposit(SS, 'SS_DEPOSIT', 10_000.5)).toThrow(invalidAmount);
    expect(() => checkDeposit(SP, 'SP_DEPOSIT', 79_999)).toThrow(/at least 80000/);
  });

  it('takes Simpanan Wajib in whole months of dues, up to a year ahead', () => {
    expect(() => checkDeposit(SW, 'SW_DEPOSIT', 10_000)).not.toThrow();
    expect(() => checkDeposit(SW, 'SW_DEPOSIT', 120_000)).not.toThrow();
    expect(() => checkDeposit(SW, 'SW_DEPOSIT', 15_000)).toThrow(invalidAmount);
    expect(() => checkDeposit(SW, 'SW_DEPOSIT', 130_000)).toThrow(invalidAmount);
  });
});

describe('checkOneTimeDeposit', () => {
  it('refuses a second Simpanan Pokok, paid or pending, with DUPLICATE_DEPOSIT', () => {
    expect(() => checkOneTimeDeposit(SP, false)).not.toThrow();
    expect(() => checkOneTimeDeposit(SP, true)).toThrow(
      expect.objectContaining({ code: 'RULE_VIOLATION', details: { code: 'DUPLICATE_DEPOSIT' } }),
    );
    expect(() => checkOneTimeDeposit(SS, true)).not.toThrow();
  });
});

describe('pickUniqueCode', () => {
  it('is 1 when nothing is pending, as the document’s example shows 001', () => {
    expect(pickUniqueCode(100_000, new Set())).toBe(1);
    expect(formatUniqueCode(1)).toBe('001');
    expect(formatUniqueCode(42)).toBe('042');
    expect(formatUniqueCode(999)).toBe('999');
  });

  it('is null when all 999 totals are taken', () => {
    const taken = new Set(Array.from({ length: 999 }, (_, i) => 50_000 + i + 1));
    expect(pickUniqueCode(50_000, taken)).toBeNull();
  });

  it('always gives the smallest code whose total is free, within 1..999', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10_000, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1100 }), { maxLength: 1200 }),
        (amount, offsets) => {
          const taken = new Set(offsets.map((o) => amount + o));
          const code = pickUniqueCode(amount, taken);
          if (code === null) {
            for (let c = UNIQUE_CODE_MIN; c <= UNIQUE_CODE_MAX; c++) expect(taken.has(amount + c)).toBe(true);
            return;
          }
          expect(code).toBeGreaterThanOrEqual(UNIQUE_CODE_MIN);
          expect(code).toBeLessThanOrEqual(UNIQUE_CODE_MAX);
          expect(taken.has(amount + code)).toBe(false);
          for (let c = UNIQUE_CODE_MIN; c < code; c++) expect(taken.has(amount + c)).toBe(true);
        },
      ),
    );
  });

  it('gives successive deposits of one amount distinct totals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10_000, max: 1_000_000 }),
        fc.integer({ min: 1, max: 50 }),
        (amount, n) => {
          const taken = new Set<number>();
          for (let i = 0; i < n; i++) {
            const code = pickUniqueCode(amount, taken)!;
            expect(taken.has(amount + code)).toBe(false);
            taken.add(amount + code);
          }
          expect(taken.size).toBe(n);
        },
      ),
    );
  });
});

describe('bankDisplayName', () => {
  it('names the gateways’ bank codes', () => {
    expect(bankDisplayName('bca')).toBe('Bank BCA');
    expect(bankDisplayName('BNI')).toBe('Bank BNI');
    expect(bankDisplayName('echannel')).toBe('Bank Mandiri');
    expect(bankDisplayName('seabank')).toBe('Bank SEABANK');
  });
});
