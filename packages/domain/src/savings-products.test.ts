import { describe, expect, it } from 'vitest';
import { DEFAULT_SAVINGS_PRODUCTS, SAVINGS_CODES } from './savings-products.ts';

describe('the savings products a new cooperative offers', () => {
  it('are the document’s three: SP 80,000 once, SW 10,000 monthly, SS voluntary at 6% a year', () => {
    expect(DEFAULT_SAVINGS_PRODUCTS.map((p) => p.code)).toEqual([...SAVINGS_CODES]);
    expect(
      DEFAULT_SAVINGS_PRODUCTS.map((p) => [
        p.minimumAmount,
        p.depositSchedule,
        p.isWithdrawable,
        p.interestRateBp,
      ]),
    ).toEqual([
      [80_000, 'once', false, 0],
      [10_000, 'monthly', false, 0],
      [10_000, 'any', true, 600],
    ]);
  });

  it('keep whole-rupiah minimums, and only voluntary savings are withdrawable', () => {
    for (const p of DEFAULT_SAVINGS_PRODUCTS) {
      expect(Number.isSafeInteger(p.minimumAmount) && p.minimumAmount > 0).toBe(true);
      expect(p.isWithdrawable).toBe(!p.isMandatory);
    }
  });
});
