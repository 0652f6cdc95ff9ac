import { evaluateVoucher, priceOrder, validateVoucherRule } from '@komisi/domain';
import { describe, expect, it } from 'vitest';
import { ANSANIA_DEMO_VOUCHERS } from './vouchers.seed.ts';

/** What the demo vouchers leave open: no window, no limits, active. */
const unlimited = { startsAt: null, endsAt: null, usageLimit: null, perCustomerLimit: null, active: true };

// An ansania cart: a sofa and two chairs, shipped for 75000 IDR.
const cart = {
  lines: [
    { unitPrice: 4_500_000, quantity: 1 },
    { unitPrice: 750_000, quantity: 2 },
  ],
  shippingCost: 75_000,
};

describe('ANSANIA_DEMO_VOUCHERS', () => {
  it('holds the ansania demo vouchers', () => {
    expect(ANSANIA_DEMO_VOUCHERS).toEqual([
      {
        code: 'WELCOME10',
        discountType: 'percentage',
        discountValue: 1000,
        maxDiscountAmount: 100_000,
        minPurchaseAmount: 500_000,
        ...unlimited,
      },
      {
        code: 'FREESHIP',
        discountType: 'free_shipping',
        discountValue: 0,
        maxDiscountAmount: null,
        minPurchaseAmount: 0,
        ...unlimited,
      },
    ]);
  });

  it('is deeply frozen and valid', () => {
    expect(Object.isFrozen(ANSANIA_DEMO_VOUCHERS)).toBe(true);
    for (const voucher of ANSANIA_DEMO_VOUCHERS) {
      expect(Object.isFrozen(voucher)).toBe(true);
      expect(validateVoucherRule(voucher)).toBe(voucher);
    }
  });

  it('works with the demo vouchers end to end', () => {
    const [welcome, freeShip] = ANSANIA_DEMO_VOUCHERS;
    const input = {
      subtotal: 6_000_000,
      shippingCost: 75_000,
      now: new Date(),
      usage: { totalUses: 0, customerUses: 0 },
    };
    for (const [rule, total] of [
      [welcome!, 5_975_000],
      [freeShip!, 6_000_000],
    ] as const) {
      const voucher = evaluateVoucher(rule, input);
      if (!voucher.ok) throw new Error(voucher.message);
      expect(priceOrder({ ...cart, voucher }).total).toBe(total);
    }
  });
});
