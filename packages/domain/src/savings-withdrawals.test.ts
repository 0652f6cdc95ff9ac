import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SAVINGS_PRODUCTS } from './savings-products.ts';
import { checkWithdrawalBalance, checkWithdrawalRequest, formatRupiah } from './savings-withdrawals.ts';

const SP = DEFAULT_SAVINGS_PRODUCTS[0]!;
const SS = DEFAULT_SAVINGS_PRODUCTS[2]!;

describe('formatRupiah', () => {
  it('writes rupiah as the document does', () => {
    expect(formatRupiah(50_000)).toBe('Rp 50,000');
    expect(formatRupiah(100_000)).toBe('Rp 100,000');
    expect(formatRupiah(0)).toBe('Rp 0');
    expect(formatRupiah(999)).toBe('Rp 999');
    expect(formatRupiah(1_234_567_890)).toBe('Rp 1,234,567,890');
    expect(formatRupiah(-5_000)).toBe('-Rp 5,000');
  });

  it('keeps every digit, grouped by three', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const text = formatRupiah(n);
        expect(text).toMatch(/^Rp \d{1,3}(,\d{3})*$/);
        expect(Number(text.slice(3).replaceAll(',', ''))).toBe(n);
      }),
    );
  });
});

describe('checkWithdrawalRequest', () => {
  it('takes Simpanan Sukarela from its minimum', () => {
    expect(() => checkWithdrawalRequest(SS, 10_000)).not.toThrow();
  });

  it('refuses a product that is not withdrawable with WITHDRAWAL_NOT_ALLOWED', () => {
    expect(() => checkWithdrawalRequest(SP, 10_000)).toThrow(
      expect.objectContaining({ code: 'RULE_VIOLATION', details: { code: 'WITHDRAWAL_NOT_ALLOWED' } }),
    );
  });

  it('refuses nothing or less than the minimum as INVALID_AMOUNT', () => {
    for (const amount of [0, -1, 1.5, 9_999]) {
      expect(() => checkWithdrawalRequest(SS, amount)).toThrow(
        expect.objectContaining({
          details: { code: 'INVALID_AMOUNT' },
          fields: { amount: [expect.any(String)] },
        }),
      );
    }
  });
});

describe('checkWithdrawalBalance', () => {
  it('is §7.4’s INSUFFICIENT_BALANCE when the request is more than the balance', () => {
    expect(() => checkWithdrawalBalance(50_000, 100_000)).toThrow(
      expect.objectContaining({
        code: 'INSUFFICIENT_BALANCE',
        message: 'Insufficient balance for withdrawal',
        details: 'Current balance: Rp 50,000, Requested: Rp 100,000',
        fields: { amount: ['Current balance: Rp 50,000, Requested: Rp 100,000'] },
      }),
    );
  });

  it('takes any amount up to the balance', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (balance, amount) => {
        const run = () => checkWithdrawalBalance(balance, amount);
        if (amount <= balance) expect(run).not.toThrow();
        else expect(run).toThrow(/Insufficient balance/);
      }),
    );
  });
});
