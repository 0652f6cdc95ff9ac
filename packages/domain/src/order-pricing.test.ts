import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  affiliateCommission,
  COMMISSION_BASES,
  type CommissionBase,
  commissionBase,
  DEFAULT_COMMISSION_BASE,
  type OrderLineInput,
  priceOrder,
} from './order-pricing.ts';

const invalid = (fields: Record<string, string[]>) =>
  expect.objectContaining({ code: 'VALIDATION_ERROR', fields });

const MAX = Number.MAX_SAFE_INTEGER;
const BAD_MONEY = 'must be a whole, non-negative number of minor units';
const BAD_QUANTITY = 'must be a whole number of at least 1';

// An ansania cart: a sofa and two chairs, shipped for 75000 IDR.
const cart = {
  lines: [
    { unitPrice: 4_500_000, quantity: 1 },
    { unitPrice: 750_000, quantity: 2 },
  ],
  shippingCost: 75_000,
};

describe('priceOrder', () => {
  it('prices lines and totals without a voucher', () => {
    expect(priceOrder(cart)).toEqual({
      subtotal: 6_000_000,
      discount: 0,
      shippingCost: 75_000,
      shippingDiscount: 0,
      total: 6_075_000,
      lines: [
        { unitPrice: 4_500_000, quantity: 1, subtotal: 4_500_000 },
        { unitPrice: 750_000, quantity: 2, subtotal: 1_500_000 },
      ],
    });
  });

  it('treats a null voucher like none', () => {
    expect(priceOrder({ ...cart, voucher: null })).toEqual(priceOrder(cart));
  });

  it('applies an item discount', () => {
    expect(priceOrder({ ...cart, voucher: { discountAmount: 100_000, shippingDiscount: 0 } })).toMatchObject({
      subtotal: 6_000_000,
      discount: 100_000,
      shippingDiscount: 0,
      total: 5_975_000,
    });
  });

  it('applies a shipping discount', () => {
    expect(priceOrder({ ...cart, voucher: { discountAmount: 0, shippingDiscount: 75_000 } })).toMatchObject({
      discount: 0,
      shippingCost: 75_000,
      shippingDiscount: 75_000,
      total: 6_000_000,
    });
  });

  it('never discounts more than the subtotal or the shipping', () => {
    const priced = priceOrder({
      lines: [{ unitPrice: 1000, quantity: 3 }],
      shippingCost: 500,
      voucher: { discountAmount: 10_000, shippingDiscount: 9_000 },
    });
    expect(priced).toMatchObject({
      subtotal: 3000,
      discount: 3000,
      shippingCost: 500,
      shippingDiscount: 500,
      total: 0,
    });
  });

  it('accepts free items and free shipping', () => {
    expect(priceOrder({ lines: [{ unitPrice: 0, quantity: 1 }], shippingCost: 0 })).toMatchObject({
      subtotal: 0,
      total: 0,
    });
  });

  it('stays exact at the edge of the safe range', () => {
    expect(priceOrder({ lines: [{ unitPrice: MAX - 1, quantity: 1 }], shippingCost: 1 }).total).toBe(MAX);
    expect(
      priceOrder({
        lines: [{ unitPrice: MAX, quantity: 1 }],
        shippingCost: 1,
        voucher: { discountAmount: 1, shippingDiscount: 0 },
      }).total,
    ).toBe(MAX);
  });

  it('rejects a subtotal beyond the exact range', () => {
    expect(() => priceOrder({ lines: [{ unitPrice: MAX, quantity: 2 }], shippingCost: 0 })).toThrow(
      invalid({ amount: ['exceeds the largest exact amount'] }),
    );
    expect(() =>
      priceOrder({
        lines: [
          { unitPrice: MAX, quantity: 1 },
          { unitPrice: 1, quantity: 1 },
        ],
        shippingCost: 0,
      }),
    ).toThrow(invalid({ amounts: ['total exceeds the largest exact amount'] }));
  });

  it('rejects an empty order', () => {
    expect(() => priceOrder({ lines: [], shippingCost: 0 })).toThrow(
      invalid({ lines: ['must have at least one line'] }),
    );
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects quantity %s', (quantity) => {
    expect(() => priceOrder({ lines: [{ unitPrice: 100, quantity }], shippingCost: 0 })).toThrow(
      invalid({ 'lines.0.quantity': [BAD_QUANTITY] }),
    );
  });

  it('reports every bad input at once, naming each line', () => {
    const lines: OrderLineInput[] = [
      { unitPrice: 100, quantity: 1 },
      { unitPrice: -1, quantity: 2.5 },
      { unitPrice: 0.5, quantity: 1 },
    ];
    expect(() =>
      priceOrder({ lines, shippingCost: -5, voucher: { discountAmount: 1.5, shippingDiscount: -1 } }),
    ).toThrow(
      invalid({
        'lines.1.unitPrice': [BAD_MONEY],
        'lines.1.quantity': [BAD_QUANTITY],
        'lines.2.unitPrice': [BAD_MONEY],
        shippingCost: [BAD_MONEY],
        'voucher.discountAmount': [BAD_MONEY],
        'voucher.shippingDiscount': [BAD_MONEY],
      }),
    );
  });

  it('does not mutate its inputs', () => {
    const frozen = Object.freeze({
      lines: Object.freeze(cart.lines.map((line) => Object.freeze({ ...line }))),
      shippingCost: 1,
      voucher: Object.freeze({ discountAmount: 1, shippingDiscount: 1 }),
    });
    expect(() => priceOrder(frozen)).not.toThrow();
  });
});

describe('priceOrder properties', () => {
  const amountArb = fc.integer({ min: 0, max: 10_000_000 });
  const inputArb = fc.record({
    lines: fc.array(fc.record({ unitPrice: amountArb, quantity: fc.integer({ min: 1, max: 1000 }) }), {
      minLength: 1,
      maxLength: 10,
    }),
    shippingCost: amountArb,
    voucher: fc.option(fc.record({ discountAmount: amountArb, shippingDiscount: amountArb }), {
      nil: undefined,
    }),
  });

  it('keeps every amount within its bounds and the total balanced', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const priced = priceOrder(input);
        const exactSubtotal = input.lines.reduce(
          (total, line) => total + BigInt(line.unitPrice) * BigInt(line.quantity),
          0n,
        );
        expect(BigInt(priced.subtotal)).toBe(exactSubtotal);
        expect(priced.lines.map((line) => line.subtotal)).toEqual(
          input.lines.map((line) => line.unitPrice * line.quantity),
        );
        expect(priced.discount).toBe(Math.min(input.voucher?.discountAmount ?? 0, priced.subtotal));
        expect(priced.shippingDiscount).toBe(
          Math.min(input.voucher?.shippingDiscount ?? 0, input.shippingCost),
        );
        expect(priced.total).toBe(
          priced.subtotal - priced.discount + priced.shippingCost - priced.shippingDiscount,
        );
        expect(priced.total).toBeGreaterThanOrEqual(0);
        expect(priced.total).toBeLessThanOrEqual(priced.subtotal + priced.shippingCost);
      }),
    );
  });

  it('orders the commission bases: items ≤ pre-discount total, post-discount total ≤ pre-discount total', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const priced = priceOrder(input);
        const pre = commissionBase(priced, 'pre_discount_total');
        expect(commissionBase(priced, 'items_pre_discount')).toBeLessThanOrEqual(pre);
        expect(commissionBase(priced, 'post_discount_total')).toBeLessThanOrEqual(pre);
      }),
    );
  });
});

describe('commissionBase', () => {
  const priced = priceOrder({ ...cart, voucher: { discountAmount: 100_000, shippingDiscount: 25_000 } });

  it('lists the bases, defaulting to the pre-discount order total', () => {
    expect(COMMISSION_BASES).toEqual(['pre_discount_total', 'post_discount_total', 'items_pre_discount']);
    expect(DEFAULT_COMMISSION_BASE).toBe('pre_discount_total');
  });

  it('defaults to items plus shipping before any discount', () => {
    expect(commissionBase(priced)).toBe(6_075_000);
    expect(commissionBase(priced, 'pre_discount_total')).toBe(6_075_000);
  });

  it('can use what the customer actually paid', () => {
    expect(commissionBase(priced, 'post_discount_total')).toBe(5_950_000);
  });

  it('can use the items alone before discount', () => {
    expect(commissionBase(priced, 'items_pre_discount')).toBe(6_000_000);
  });

  it.each(['net', 'toString'])('rejects base %j', (base) => {
    expect(() => commissionBase(priced, base as CommissionBase)).toThrow(
      invalid({ base: ['must be one of pre_discount_total, post_discount_total, items_pre_discount'] }),
    );
  });
});

describe('affiliateCommission', () => {
  it('floors the rate applied to the base', () => {
    expect(affiliateCommission(6_075_000, 500)).toBe(303_750);
    expect(affiliateCommission(999, 250)).toBe(24);
    expect(affiliateCommission(0, 1000)).toBe(0);
  });

  it('rejects bad inputs like applyRate', () => {
    expect(() => affiliateCommission(-1, 100)).toThrow(invalid({ amount: [BAD_MONEY] }));
    expect(() => affiliateCommission(100, 1.5)).toThrow(
      invalid({ rateBps: ['must be a whole, non-negative number of basis points'] }),
    );
  });
});
