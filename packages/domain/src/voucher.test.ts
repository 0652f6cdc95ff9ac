import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import {
  checkVoucherEdit,
  evaluateVoucher,
  normalizeVoucherCode,
  openVoucherRule,
  VOUCHER_DISCOUNT_TYPES,
  VOUCHER_REJECTIONS,
  type VoucherCheckout,
  type VoucherRule,
  validateVoucherRule,
  voucherError,
  voucherState,
} from './voucher.ts';

const invalid = (fields: Record<string, string[]>) =>
  expect.objectContaining({ code: 'VALIDATION_ERROR', fields });
const invalidRule = (fields: Record<string, string[]>) =>
  expect.objectContaining({ code: 'VALIDATION_ERROR', message: 'The voucher is invalid.', fields });

const MAX = Number.MAX_SAFE_INTEGER;
const NOW = new Date('2025-06-15T12:00:00Z');

const rule = (overrides: Partial<VoucherRule> = {}): VoucherRule => ({
  ...openVoucherRule('SALE', 'fixed', 50_000),
  ...overrides,
});

const checkout = (overrides: Partial<VoucherCheckout> = {}): VoucherCheckout => ({
  subtotal: 1_000_000,
  shippingCost: 50_000,
  now: NOW,
  usage: { totalUses: 0, customerUses: 0 },
  ...overrides,
});

/** The shapes of the ansania store's two demo vouchers (seeded as `WELCOME10` and `FREESHIP`). */
const WELCOME10 = rule({
  code: 'WELCOME10',
  discountType: 'percentage',
  discountValue: 1000,
  maxDiscountAmount: 100_000,
  minPurchaseAmount: 500_000,
});
const FREESHIP = rule({ code: 'FREESHIP', discountType: 'free_shipping', discountValue: 0 });

describe('normalizeVoucherCode', () => {
  it('trims and upper-cases what a shopper typed', () => {
    expect(normalizeVoucherCode('  welcome10 ')).toBe('WELCOME10');
    expect(normalizeVoucherCode('\tFreeShip\n')).toBe('FREESHIP');
    expect(normalizeVoucherCode('SALE')).toBe('SALE');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (code) => {
        const once = normalizeVoucherCode(code);
        expect(normalizeVoucherCode(once)).toBe(once);
      }),
    );
  });
});

describe('evaluateVoucher: WELCOME10', () => {
  const welcome = WELCOME10;

  it('takes 10% off the items', () => {
    expect(evaluateVoucher(welcome, checkout({ subtotal: 600_000 }))).toEqual({
      ok: true,
      discountAmount: 60_000,
      shippingDiscount: 0,
    });
  });

  it('floors to the minor unit', () => {
    expect(evaluateVoucher(welcome, checkout({ subtotal: 500_009 }))).toMatchObject({
      discountAmount: 50_000, // 50000.9
    });
  });

  it('caps the discount at 100000', () => {
    expect(evaluateVoucher(welcome, checkout({ subtotal: 1_000_000 }))).toMatchObject({
      discountAmount: 100_000,
    });
    expect(evaluateVoucher(welcome, checkout({ subtotal: 1_500_000 }))).toMatchObject({
      discountAmount: 100_000,
    });
  });

  it('needs a purchase of at least 500000, inclusive', () => {
    expect(evaluateVoucher(welcome, checkout({ subtotal: 500_000 }))).toMatchObject({
      ok: true,
      discountAmount: 50_000,
    });
    expect(evaluateVoucher(welcome, checkout({ subtotal: 499_999 }))).toEqual({
      ok: false,
      reason: 'VOUCHER_MIN_PURCHASE',
      message: 'Minimum purchase of 500000 not reached',
    });
  });
});

describe('evaluateVoucher: FREESHIP', () => {
  const freeShip = FREESHIP;

  it('covers the whole shipping cost and nothing else', () => {
    expect(evaluateVoucher(freeShip, checkout({ shippingCost: 75_000 }))).toEqual({
      ok: true,
      discountAmount: 0,
      shippingDiscount: 75_000,
    });
  });

  it('covers nothing when shipping is already free', () => {
    expect(evaluateVoucher(freeShip, checkout({ shippingCost: 0 }))).toEqual({
      ok: true,
      discountAmount: 0,
      shippingDiscount: 0,
    });
  });

  it('covers shipping only up to a positive discount value', () => {
    const capped = rule({ discountType: 'free_shipping', discountValue: 30_000 });
    expect(evaluateVoucher(capped, checkout({ shippingCost: 75_000 }))).toMatchObject({
      shippingDiscount: 30_000,
    });
    expect(evaluateVoucher(capped, checkout({ shippingCost: 20_000 }))).toMatchObject({
      shippingDiscount: 20_000,
    });
  });

  it('also honours maxDiscountAmount', () => {
    const capped = rule({ discountType: 'free_shipping', discountValue: 0, maxDiscountAmount: 10_000 });
    expect(evaluateVoucher(capped, checkout({ shippingCost: 75_000 }))).toMatchObject({
      shippingDiscount: 10_000,
    });
  });
});

describe('evaluateVoucher: amounts', () => {
  it('takes a fixed amount off, never more than the subtotal', () => {
    const fixed = rule({ discountType: 'fixed', discountValue: 50_000 });
    expect(evaluateVoucher(fixed, checkout({ subtotal: 200_000 }))).toEqual({
      ok: true,
      discountAmount: 50_000,
      shippingDiscount: 0,
    });
    expect(evaluateVoucher(fixed, checkout({ subtotal: 30_000 }))).toMatchObject({ discountAmount: 30_000 });
    expect(evaluateVoucher(fixed, checkout({ subtotal: 0 }))).toMatchObject({ discountAmount: 0 });
  });

  it('caps a fixed discount by maxDiscountAmount too', () => {
    const fixed = rule({ discountType: 'fixed', discountValue: 50_000, maxDiscountAmount: 40_000 });
    expect(evaluateVoucher(fixed, checkout())).toMatchObject({ discountAmount: 40_000 });
  });

  it('lets a 100% voucher take exactly the subtotal', () => {
    const everything = rule({ discountType: 'percentage', discountValue: 10_000 });
    expect(evaluateVoucher(everything, checkout({ subtotal: 123_457 }))).toMatchObject({
      discountAmount: 123_457,
      shippingDiscount: 0,
    });
  });

  it('stays exact on the largest amounts', () => {
    const everything = rule({ discountType: 'percentage', discountValue: 10_000 });
    expect(evaluateVoucher(everything, checkout({ subtotal: MAX }))).toMatchObject({ discountAmount: MAX });
    const third = rule({ discountType: 'percentage', discountValue: 3 });
    expect(evaluateVoucher(third, checkout({ subtotal: MAX }))).toMatchObject({
      discountAmount: 2702159776422,
    });
  });
});

describe('evaluateVoucher: rejections', () => {
  const window = { startsAt: new Date('2025-06-01T00:00:00Z'), endsAt: new Date('2025-06-30T23:59:59Z') };

  it('rejects an inactive voucher', () => {
    expect(evaluateVoucher(rule({ active: false }), checkout())).toEqual({
      ok: false,
      reason: 'VOUCHER_INACTIVE',
      message: 'Voucher is not active',
    });
  });

  it('rejects a voucher before its start, counting the start itself as valid', () => {
    const timed = rule(window);
    expect(evaluateVoucher(timed, checkout({ now: new Date('2025-05-31T23:59:59.999Z') }))).toEqual({
      ok: false,
      reason: 'VOUCHER_NOT_STARTED',
      message: 'Voucher is not valid yet',
    });
    expect(evaluateVoucher(timed, checkout({ now: window.startsAt }))).toMatchObject({ ok: true });
  });

  it('rejects a voucher after its end, counting the end itself as valid', () => {
    const timed = rule(window);
    expect(evaluateVoucher(timed, checkout({ now: window.endsAt }))).toMatchObject({ ok: true });
    expect(evaluateVoucher(timed, checkout({ now: new Date('2025-07-01T00:00:00Z') }))).toEqual({
      ok: false,
      reason: 'VOUCHER_EXPIRED',
      message: 'Voucher has expired',
    });
  });

  it('accepts open-ended windows', () => {
    const from = rule({ startsAt: window.startsAt });
    const until = rule({ endsAt: window.endsAt });
    expect(evaluateVoucher(from, checkout({ now: new Date('2099-01-01') }))).toMatchObject({ ok: true });
    expect(evaluateVoucher(until, checkout({ now: new Date('2000-01-01') }))).toMatchObject({ ok: true });
  });

  it('accepts a one-instant window', () => {
    const instant = rule({ startsAt: NOW, endsAt: new Date(NOW.getTime()) });
    expect(evaluateVoucher(instant, checkout())).toMatchObject({ ok: true });
  });

  it('rejects once the global usage limit is used up', () => {
    const limited = rule({ usageLimit: 100 });
    expect(evaluateVoucher(limited, checkout({ usage: { totalUses: 99, customerUses: 0 } }))).toMatchObject({
      ok: true,
    });
    expect(evaluateVoucher(limited, checkout({ usage: { totalUses: 100, customerUses: 0 } }))).toEqual({
      ok: false,
      reason: 'VOUCHER_USAGE_LIMIT',
      message: 'Voucher usage limit has been reached',
    });
  });

  it('rejects once this customer has used it up', () => {
    const once = rule({ perCustomerLimit: 1 });
    expect(evaluateVoucher(once, checkout({ usage: { totalUses: 5, customerUses: 0 } }))).toMatchObject({
      ok: true,
    });
    expect(evaluateVoucher(once, checkout({ usage: { totalUses: 5, customerUses: 1 } }))).toEqual({
      ok: false,
      reason: 'VOUCHER_CUSTOMER_LIMIT',
      message: 'Voucher already used the maximum number of times by this customer',
    });
  });

  it('treats a limit of 0 as nothing left', () => {
    expect(evaluateVoucher(rule({ usageLimit: 0 }), checkout())).toMatchObject({
      reason: 'VOUCHER_USAGE_LIMIT',
    });
    expect(evaluateVoucher(rule({ perCustomerLimit: 0 }), checkout())).toMatchObject({
      reason: 'VOUCHER_CUSTOMER_LIMIT',
    });
  });

  it('reports the first problem: inactive, window, usage limits, then minimum purchase', () => {
    const everythingWrong = rule({
      active: false,
      startsAt: new Date('2030-01-01'),
      endsAt: new Date('2031-01-01'),
      usageLimit: 1,
      perCustomerLimit: 1,
      minPurchaseAmount: 10,
    });
    const spent = checkout({ subtotal: 0, usage: { totalUses: 1, customerUses: 1 } });
    const reasons: string[] = [];
    let current = everythingWrong;
    const fixes: Partial<VoucherRule>[] = [
      { active: true },
      { startsAt: new Date('2000-01-01'), endsAt: new Date('2001-01-01') },
      { startsAt: null, endsAt: null },
      { usageLimit: null },
      { perCustomerLimit: null },
      { minPurchaseAmount: 0 },
    ];
    for (const fix of fixes) {
      const result = evaluateVoucher(current, spent);
      if (!result.ok) reasons.push(result.reason);
      current = { ...current, ...fix };
    }
    expect(reasons).toEqual([
      'VOUCHER_INACTIVE',
      'VOUCHER_NOT_STARTED',
      'VOUCHER_EXPIRED',
      'VOUCHER_USAGE_LIMIT',
      'VOUCHER_CUSTOMER_LIMIT',
      'VOUCHER_MIN_PURCHASE',
    ]);
    expect(evaluateVoucher(current, spent)).toMatchObject({ ok: true });
  });

  it('lists every rejection code', () => {
    expect(VOUCHER_REJECTIONS).toEqual([
      'VOUCHER_INACTIVE',
      'VOUCHER_NOT_STARTED',
      'VOUCHER_EXPIRED',
      'VOUCHER_MIN_PURCHASE',
      'VOUCHER_USAGE_LIMIT',
      'VOUCHER_CUSTOMER_LIMIT',
    ]);
  });
});

describe('evaluateVoucher: input', () => {
  it.each([-1, 1.5, Number.NaN, MAX + 1])('rejects subtotal and shipping cost %s', (amount) => {
    const BAD = 'must be a whole, non-negative number of minor units';
    expect(() => evaluateVoucher(rule(), checkout({ subtotal: amount, shippingCost: amount }))).toThrow(
      invalid({ subtotal: [BAD], shippingCost: [BAD] }),
    );
  });

  it('rejects an invalid date and bad usage counts together', () => {
    const BAD = 'must be a whole, non-negative number';
    expect(() =>
      evaluateVoucher(
        rule(),
        checkout({ now: new Date('nope'), usage: { totalUses: -1, customerUses: 0.5 } }),
      ),
    ).toThrow(
      invalid({ now: ['must be a valid date'], 'usage.totalUses': [BAD], 'usage.customerUses': [BAD] }),
    );
  });

  it('rejects an invalid rule before looking at the checkout', () => {
    expect(() => evaluateVoucher(rule({ discountValue: -1 }), checkout({ subtotal: -1 }))).toThrow(
      invalidRule({ discountValue: ['must be a whole, positive number of minor units'] }),
    );
  });

  it('does not mutate its inputs', () => {
    const frozen = Object.freeze(rule({ startsAt: new Date('2025-01-01') }));
    const input = Object.freeze(checkout({ usage: Object.freeze({ totalUses: 1, customerUses: 1 }) }));
    expect(() => evaluateVoucher(frozen, input)).not.toThrow();
  });
});

describe('validateVoucherRule', () => {
  it('returns a valid rule unchanged', () => {
    const valid = rule({
      startsAt: new Date('2025-01-01'),
      endsAt: new Date('2025-12-31'),
      usageLimit: 10,
      perCustomerLimit: 1,
      maxDiscountAmount: 0,
    });
    expect(validateVoucherRule(valid)).toBe(valid);
  });

  it.each(['', 'welcome10', ' SALE', 'NEW YEAR', 'SALE!', 'A'.repeat(33)])('rejects code %j', (code) => {
    expect(() => validateVoucherRule(rule({ code }))).toThrow(
      invalidRule({ code: ['must be 1 to 32 capital letters, digits, dashes or underscores'] }),
    );
  });

  it('accepts codes with digits, dashes and underscores up to 32 characters', () => {
    for (const code of ['A', 'NEW-YEAR_2025', 'A'.repeat(32)]) {
      expect(() => validateVoucherRule(rule({ code }))).not.toThrow();
    }
  });

  it('lists the discount types', () => {
    expect(VOUCHER_DISCOUNT_TYPES).toEqual(['percentage', 'fixed', 'free_shipping']);
  });

  it.each(['bogo', 'toString'])('rejects discount type %j', (discountType) => {
    expect(() => validateVoucherRule(rule({ discountType } as unknown as Partial<VoucherRule>))).toThrow(
      invalidRule({ discountType: ['must be one of percentage, fixed, free_shipping'] }),
    );
  });

  it.each([0, 10_001, 2.5, -100])('rejects percentage %s', (discountValue) => {
    expect(() => validateVoucherRule(rule({ discountType: 'percentage', discountValue }))).toThrow(
      invalidRule({ discountValue: ['must be a whole number of basis points from 1 to 10000'] }),
    );
  });

  it.each([0, -1, 1.5, MAX + 1])('rejects fixed amount %s', (discountValue) => {
    expect(() => validateVoucherRule(rule({ discountType: 'fixed', discountValue }))).toThrow(
      invalidRule({ discountValue: ['must be a whole, positive number of minor units'] }),
    );
  });

  it.each([-1, 1.5])('rejects free-shipping cover %s', (discountValue) => {
    expect(() => validateVoucherRule(rule({ discountType: 'free_shipping', discountValue }))).toThrow(
      invalidRule({
        discountValue: ['must be a whole, non-negative number of minor units (0 covers any shipping cost)'],
      }),
    );
  });

  it('does not judge the discount value of an unknown type', () => {
    const bogus = rule({ discountType: 'bogo', discountValue: -1 } as unknown as Partial<VoucherRule>);
    expect(() => validateVoucherRule(bogus)).toThrow(
      invalidRule({ discountType: ['must be one of percentage, fixed, free_shipping'] }),
    );
  });

  it('reports every bad amount, limit and date at once', () => {
    const BAD_MONEY = 'must be a whole, non-negative number of minor units';
    const BAD_LIMIT = 'must be a whole, non-negative number, or null for no limit';
    const broken = rule({
      maxDiscountAmount: -1,
      minPurchaseAmount: 0.5,
      usageLimit: -1,
      perCustomerLimit: 1.5,
      startsAt: new Date('nope'),
      endsAt: new Date(Number.NaN),
    });
    expect(() => validateVoucherRule(broken)).toThrow(
      invalidRule({
        maxDiscountAmount: [`${BAD_MONEY}, or null for no cap`],
        minPurchaseAmount: [BAD_MONEY],
        startsAt: ['must be a valid date or null'],
        endsAt: ['must be a valid date or null'],
        usageLimit: [BAD_LIMIT],
        perCustomerLimit: [BAD_LIMIT],
      }),
    );
  });

  it('rejects a window that ends before it starts', () => {
    const backwards = rule({ startsAt: new Date('2025-02-01'), endsAt: new Date('2025-01-31') });
    expect(() => validateVoucherRule(backwards)).toThrow(
      invalidRule({ endsAt: ['must not be before startsAt'] }),
    );
  });
});

describe('voucherError', () => {
  it('turns a rejection into a validation error on the code field', () => {
    const error = voucherError('VOUCHER_EXPIRED', 'Voucher has expired');
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.message).toBe('Voucher has expired');
    expect(error.fields).toEqual({ code: ['Voucher has expired'] });
    expect(error.details).toEqual({ code: 'VOUCHER_EXPIRED' });
  });

  it('fits a rejected evaluation directly', () => {
    const result = evaluateVoucher(rule({ active: false }), checkout());
    if (result.ok) throw new Error('expected a rejection');
    expect(voucherError(result.reason, result.message).details).toEqual({ code: 'VOUCHER_INACTIVE' });
  });
});

describe('evaluateVoucher properties', () => {
  const amountArb = fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: MAX }));
  const ruleArb: fc.Arbitrary<VoucherRule> = fc
    .oneof(
      fc.record({
        discountType: fc.constant('percentage' as const),
        discountValue: fc.integer({ min: 1, max: 10_000 }),
      }),
      fc.record({
        discountType: fc.constant('fixed' as const),
        discountValue: fc.integer({ min: 1, max: MAX }),
      }),
      fc.record({ discountType: fc.constant('free_shipping' as const), discountValue: amountArb }),
    )
    .chain((discount) =>
      fc
        .record({
          maxDiscountAmount: fc.option(amountArb, { nil: null }),
          minPurchaseAmount: fc.oneof(fc.constant(0), amountArb),
        })
        .map((limits) => rule({ ...discount, ...limits })),
    );
  const checkoutArb = fc
    .record({ subtotal: amountArb, shippingCost: amountArb })
    .map((amounts) => checkout(amounts));

  it('never discounts more than the items, the shipping or the cap', () => {
    fc.assert(
      fc.property(ruleArb, checkoutArb, (voucher, input) => {
        const result = evaluateVoucher(voucher, input);
        if (!result.ok) {
          expect(result.reason).toBe('VOUCHER_MIN_PURCHASE');
          expect(input.subtotal).toBeLessThan(voucher.minPurchaseAmount);
          return;
        }
        const { discountAmount, shippingDiscount } = result;
        expect(Number.isSafeInteger(discountAmount) && discountAmount >= 0).toBe(true);
        expect(Number.isSafeInteger(shippingDiscount) && shippingDiscount >= 0).toBe(true);
        expect(discountAmount).toBeLessThanOrEqual(input.subtotal);
        expect(shippingDiscount).toBeLessThanOrEqual(input.shippingCost);
        if (voucher.maxDiscountAmount !== null) {
          expect(discountAmount + shippingDiscount).toBeLessThanOrEqual(voucher.maxDiscountAmount);
        }
        // Each voucher discounts either the items or the shipping, never both.
        if (voucher.discountType === 'free_shipping') expect(discountAmount).toBe(0);
        else expect(shippingDiscount).toBe(0);
      }),
    );
  });

  it('floors a percentage to less than one unit below the exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), amountArb, (bps, subtotal) => {
        const result = evaluateVoucher(
          rule({ discountType: 'percentage', discountValue: bps }),
          checkout({ subtotal }),
        );
        const exact = BigInt(subtotal) * BigInt(bps);
        const taken = BigInt(result.ok ? result.discountAmount : -1) * 10_000n;
        expect(taken <= exact && exact - taken < 10_000n).toBe(true);
      }),
    );
  });
});

describe('voucherState', () => {
  const at = (iso: string) => new Date(iso);
  const windowed = rule({ startsAt: at('2025-06-01T00:00:00Z'), endsAt: at('2025-06-30T23:59:59Z') });

  it('reads switched off first, then past its end, then not started, then out of uses', () => {
    expect(voucherState({ ...windowed, active: false }, 0, at('2025-07-05T00:00:00Z'))).toBe('inactive');
    expect(voucherState({ ...windowed, usageLimit: 1 }, 5, at('2025-07-01T00:00:00Z'))).toBe('expired');
    expect(voucherState({ ...windowed, usageLimit: 1 }, 5, at('2025-05-31T00:00:00Z'))).toBe('scheduled');
    expect(voucherState({ ...windowed, usageLimit: 3 }, 3, NOW)).toBe('used_up');
    expect(voucherState({ ...windowed, usageLimit: 3 }, 2, NOW)).toBe('active');
  });

  it('counts both ends of the window as inside, and an open rule as always active', () => {
    expect(voucherState(windowed, 0, windowed.startsAt!)).toBe('active');
    expect(voucherState(windowed, 0, windowed.endsAt!)).toBe('active');
    expect(voucherState(rule(), MAX, NOW)).toBe('active');
  });

  it('agrees with evaluateVoucher on whether a checkout could use the voucher', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.option(fc.integer({ min: -5, max: 5 })),
        fc.option(fc.integer({ min: -5, max: 5 })),
        fc.option(fc.nat(4)),
        fc.nat(6),
        (active, startDays, endDays, usageLimit, uses) => {
          const day = 86_400_000;
          const startsAt = startDays === null ? null : new Date(NOW.getTime() + startDays * day);
          const endsAt = endDays === null ? null : new Date(NOW.getTime() + endDays * day);
          if (startsAt && endsAt && endsAt < startsAt) return;
          const r = rule({ active, startsAt, endsAt, usageLimit });
          const result = evaluateVoucher(r, checkout({ usage: { totalUses: uses, customerUses: 0 } }));
          expect(voucherState(r, uses, NOW) === 'active').toBe(result.ok);
        },
      ),
    );
  });
});

describe('checkVoucherEdit', () => {
  const current = rule({
    code: 'WELCOME10',
    discountType: 'percentage',
    discountValue: 1000,
    usageLimit: 10,
  });
  const unused = { redeemed: false, totalUses: 0 };
  const used = { redeemed: true, totalUses: 4 };

  it('returns the changed rule, terms included, while no order used the voucher', () => {
    expect(checkVoucherEdit(current, { code: 'WELCOME15', discountValue: 1500 }, unused)).toEqual({
      ...current,
      code: 'WELCOME15',
      discountValue: 1500,
    });
    expect(checkVoucherEdit(current, { discountType: 'fixed', discountValue: 25_000 }, unused)).toMatchObject(
      {
        discountType: 'fixed',
        discountValue: 25_000,
      },
    );
  });

  it('validates the rule as it would be, naming every bad field', () => {
    expect(() =>
      checkVoucherEdit(current, { discountValue: 10_001, minPurchaseAmount: -1 }, unused),
    ).toThrowError(
      invalidRule({
        discountValue: ['must be a whole number of basis points from 1 to 10000'],
        minPurchaseAmount: ['must be a whole, non-negative number of minor units'],
      }),
    );
    expect(() => checkVoucherEdit(current, { discountType: 'fixed' }, unused)).not.toThrow();
    expect(() =>
      checkVoucherEdit(rule({ endsAt: new Date('2025-01-01T00:00:00Z') }), { startsAt: NOW }, unused),
    ).toThrowError(invalidRule({ endsAt: ['must not be before startsAt'] }));
  });

  it('refuses a usage limit below the uses already made, only when the limit is what changes', () => {
    expect(() => checkVoucherEdit(current, { usageLimit: 3 }, used)).toThrowError(
      invalid({ usageLimit: ['must not be below the 4 uses already made'] }),
    );
    expect(checkVoucherEdit(current, { usageLimit: 4 }, used).usageLimit).toBe(4);
    expect(checkVoucherEdit(current, { usageLimit: null }, used).usageLimit).toBeNull();
    // a limit already below the uses (raced checkouts) does not block other edits
    expect(checkVoucherEdit({ ...current, usageLimit: 2 }, { perCustomerLimit: 1 }, used).usageLimit).toBe(2);
  });

  it('keeps the terms of a used voucher: 409 naming each term that would change', () => {
    const refused = (changes: Partial<VoucherRule>, fields: string[]) => {
      try {
        checkVoucherEdit(current, changes, used);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect((e as DomainError).code).toBe('CONFLICT');
        expect(Object.keys((e as DomainError).fields ?? {}).sort()).toEqual(fields.sort());
      }
    };
    refused({ code: 'OTHER' }, ['code']);
    refused({ discountType: 'fixed', discountValue: 50_000 }, ['discountType', 'discountValue']);
    refused({ discountValue: 1500 }, ['discountValue']);
  });

  it('lets the rest of a used voucher change, and its terms be sent unchanged', () => {
    const changes: Partial<VoucherRule> = {
      code: 'WELCOME10',
      discountType: 'percentage',
      discountValue: 1000,
      maxDiscountAmount: 50_000,
      minPurchaseAmount: 250_000,
      startsAt: null,
      endsAt: new Date('2026-01-01T00:00:00Z'),
      usageLimit: 100,
      perCustomerLimit: 2,
      active: false,
    };
    expect(checkVoucherEdit(current, changes, used)).toEqual({ ...current, ...changes });
  });
});
