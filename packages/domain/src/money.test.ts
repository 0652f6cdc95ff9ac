import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyRate,
  assertMinorUnits,
  bpsToPercent,
  CURRENCY_MINOR_DIGITS,
  type CurrencyCode,
  fromMajorUnits,
  isCurrencyCode,
  multiply,
  percentToBps,
  ratioPercent,
  sum,
  toMajorUnits,
} from './money.ts';

const invalid = (fields: Record<string, string[]>) =>
  expect.objectContaining({ code: 'VALIDATION_ERROR', fields });

const MAX = Number.MAX_SAFE_INTEGER;

describe('CURRENCY_MINOR_DIGITS', () => {
  it('knows the supported currencies', () => {
    expect(CURRENCY_MINOR_DIGITS).toEqual({ UGX: 0, IDR: 0, USD: 2 });
  });
});

describe('isCurrencyCode', () => {
  it('accepts supported codes only', () => {
    expect(isCurrencyCode('UGX')).toBe(true);
    expect(isCurrencyCode('USD')).toBe(true);
    expect(isCurrencyCode('EUR')).toBe(false);
    expect(isCurrencyCode('toString')).toBe(false);
    expect(isCurrencyCode(1)).toBe(false);
  });
});

describe('assertMinorUnits', () => {
  it('returns safe integers unchanged, including zero and negatives', () => {
    expect(assertMinorUnits(0)).toBe(0);
    expect(assertMinorUnits(850000)).toBe(850000);
    expect(assertMinorUnits(-500)).toBe(-500);
    expect(assertMinorUnits(MAX)).toBe(MAX);
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY, MAX + 1])('rejects %s', (value) => {
    expect(() => assertMinorUnits(value)).toThrow(
      invalid({ amount: ['must be a whole number of minor units'] }),
    );
  });

  it('names the given field', () => {
    expect(() => assertMinorUnits(1.5, 'price')).toThrow(
      invalid({ price: ['must be a whole number of minor units'] }),
    );
  });
});

describe('applyRate', () => {
  it('floors amount x bps / 10000', () => {
    expect(applyRate(850000, 800)).toBe(68000);
    expect(applyRate(850000, 300)).toBe(25500);
    expect(applyRate(999, 250)).toBe(24); // 24.975
    expect(applyRate(1, 9999)).toBe(0);
    expect(applyRate(0, 500)).toBe(0);
    expect(applyRate(12345, 0)).toBe(0);
    expect(applyRate(12345, 10000)).toBe(12345);
  });

  it('stays exact where float arithmetic would not', () => {
    // In doubles Math.floor(MAX * 10000 / 10000) is MAX - 1; BigInt keeps the floor exact.
    expect(applyRate(MAX, 10000)).toBe(MAX);
    expect(applyRate(MAX, 3)).toBe(2702159776422); // floor(27021597764222973 / 10000)
  });

  it('allows rates above 100% while the result stays exact', () => {
    expect(applyRate(100, 15000)).toBe(150);
  });

  it('rejects a result beyond the exact range', () => {
    expect(() => applyRate(MAX, 20000)).toThrow(invalid({ amount: ['exceeds the largest exact amount'] }));
  });

  it.each([-1, 0.5, Number.NaN])('rejects amount %s', (amount) => {
    expect(() => applyRate(amount, 100)).toThrow(
      invalid({ amount: ['must be a whole, non-negative number of minor units'] }),
    );
  });

  it.each([-1, 2.5, Number.POSITIVE_INFINITY])('rejects rate %s', (rate) => {
    expect(() => applyRate(100, rate)).toThrow(
      invalid({ rateBps: ['must be a whole, non-negative number of basis points'] }),
    );
  });

  it('is bounded by the exact product and less than one unit below it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX }), fc.integer({ min: 0, max: 10000 }), (amount, rate) => {
        const result = applyRate(amount, rate);
        const exactTimes10000 = BigInt(amount) * BigInt(rate);
        const resultTimes10000 = BigInt(result) * 10000n;
        expect(result).toBeGreaterThanOrEqual(0);
        expect(resultTimes10000 <= exactTimes10000).toBe(true);
        expect(exactTimes10000 - resultTimes10000 < 10000n).toBe(true);
      }),
    );
  });
});

describe('multiply', () => {
  it('multiplies price by quantity exactly', () => {
    expect(multiply(850000, 3)).toBe(2550000);
    expect(multiply(1999, 0)).toBe(0);
    expect(multiply(0, 7)).toBe(0);
    expect(multiply(MAX, 1)).toBe(MAX);
  });

  it('rejects results beyond the exact range', () => {
    expect(() => multiply(MAX, 2)).toThrow(invalid({ amount: ['exceeds the largest exact amount'] }));
    expect(() => multiply(2 ** 27, 2 ** 27)).toThrow(
      invalid({ amount: ['exceeds the largest exact amount'] }),
    );
  });

  it.each([-1, 1.5])('rejects unit price %s', (price) => {
    expect(() => multiply(price, 1)).toThrow(
      invalid({ unitPrice: ['must be a whole, non-negative number of minor units'] }),
    );
  });

  it.each([-1, 1.5, Number.NaN])('rejects quantity %s', (quantity) => {
    expect(() => multiply(100, quantity)).toThrow(
      invalid({ quantity: ['must be a whole, non-negative number'] }),
    );
  });
});

describe('sum', () => {
  it('adds amounts exactly', () => {
    expect(sum([])).toBe(0);
    expect(sum([68000, 25500, 21250])).toBe(114750);
    expect(sum([500, -200])).toBe(300);
    expect(sum([MAX - 1, 1])).toBe(MAX);
  });

  it('only judges the final total, not intermediate overflow', () => {
    expect(sum([MAX, 1, -2])).toBe(MAX - 1);
  });

  it('rejects totals beyond the exact range in either direction', () => {
    const tooLarge = invalid({ amounts: ['total exceeds the largest exact amount'] });
    expect(() => sum([MAX, 1])).toThrow(tooLarge);
    expect(() => sum([MAX, MAX])).toThrow(tooLarge);
    expect(() => sum([-MAX, -1])).toThrow(tooLarge);
  });

  it('names the offending entry', () => {
    expect(() => sum([1, 2.5])).toThrow(invalid({ 'amounts.1': ['must be a whole number of minor units'] }));
  });

  it('agrees with BigInt addition and fails exactly when the total leaves the safe range', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -MAX, max: MAX }), { maxLength: 5 }), (amounts) => {
        const exact = amounts.reduce((total, amount) => total + BigInt(amount), 0n);
        if (exact > BigInt(MAX) || exact < -BigInt(MAX)) {
          expect(() => sum(amounts)).toThrow(
            invalid({ amounts: ['total exceeds the largest exact amount'] }),
          );
        } else {
          expect(BigInt(sum(amounts))).toBe(exact);
        }
      }),
    );
  });
});

describe('bpsToPercent / percentToBps', () => {
  it('converts basis points to percent', () => {
    expect(bpsToPercent(250)).toBe(2.5);
    expect(bpsToPercent(20)).toBe(0.2);
    expect(bpsToPercent(800)).toBe(8);
    expect(bpsToPercent(0)).toBe(0);
    expect(bpsToPercent(29)).toBe(0.29);
  });

  it.each([-1, 2.5])('rejects bps %s', (bps) => {
    expect(() => bpsToPercent(bps)).toThrow(
      invalid({ bps: ['must be a whole, non-negative number of basis points'] }),
    );
  });

  it('converts percent to basis points', () => {
    expect(percentToBps(2.5)).toBe(250);
    expect(percentToBps(0.2)).toBe(20);
    expect(percentToBps(0.29)).toBe(29);
    expect(percentToBps(18)).toBe(1800);
    expect(percentToBps(0)).toBe(0);
    expect(Object.is(percentToBps(-0), 0)).toBe(true);
  });

  it.each([2.555, -1, Number.NaN, Number.POSITIVE_INFINITY, 1e20])('rejects percent %s', (percent) => {
    expect(() => percentToBps(percent)).toThrow(
      invalid({ percent: ['must be a non-negative percentage with at most two decimals'] }),
    );
  });

  it('round-trips every basis-point value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (bps) => {
        expect(percentToBps(bpsToPercent(bps))).toBe(bps);
      }),
    );
  });
});

describe('toMajorUnits / fromMajorUnits', () => {
  it('converts minor to major units', () => {
    expect(toMajorUnits(125050, 'USD')).toBe(1250.5);
    expect(toMajorUnits(1999, 'USD')).toBe(19.99);
    expect(toMajorUnits(850000, 'UGX')).toBe(850000);
    expect(toMajorUnits(-150, 'USD')).toBe(-1.5);
  });

  it('converts major to minor units', () => {
    expect(fromMajorUnits(1250.5, 'USD')).toBe(125050);
    expect(fromMajorUnits(19.99, 'USD')).toBe(1999);
    expect(fromMajorUnits(0.1, 'USD')).toBe(10);
    expect(fromMajorUnits(850000, 'UGX')).toBe(850000);
    expect(fromMajorUnits(-1.5, 'USD')).toBe(-150);
    expect(Object.is(fromMajorUnits(-0, 'IDR'), 0)).toBe(true);
  });

  it('rejects values with more decimals than the currency allows', () => {
    expect(() => fromMajorUnits(1.5, 'UGX')).toThrow(
      invalid({ amount: ['has more decimals than UGX allows'] }),
    );
    expect(() => fromMajorUnits(19.999, 'USD')).toThrow(
      invalid({ amount: ['has more decimals than USD allows'] }),
    );
    expect(() => fromMajorUnits(Number.NaN, 'USD')).toThrow(
      invalid({ amount: ['has more decimals than USD allows'] }),
    );
  });

  it('rejects values beyond the exact range', () => {
    expect(() => fromMajorUnits(Number.POSITIVE_INFINITY, 'USD')).toThrow(
      invalid({ amount: ['exceeds the largest exact amount'] }),
    );
    expect(() => fromMajorUnits(1e300, 'IDR')).toThrow(
      invalid({ amount: ['exceeds the largest exact amount'] }),
    );
  });

  it('rejects unsupported currencies', () => {
    const euro = 'EUR' as CurrencyCode;
    expect(() => toMajorUnits(100, euro)).toThrow(invalid({ currency: ['is not supported'] }));
    expect(() => fromMajorUnits(1, euro)).toThrow(invalid({ currency: ['is not supported'] }));
  });

  it('rejects fractional minor units', () => {
    expect(() => toMajorUnits(1.5, 'USD')).toThrow(
      invalid({ amount: ['must be a whole number of minor units'] }),
    );
  });

  it('round-trips every amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e15, max: 1e15 }),
        fc.constantFrom<CurrencyCode>('UGX', 'IDR', 'USD'),
        (amount, currency) => {
          expect(fromMajorUnits(toMajorUnits(amount, currency), currency)).toBe(amount);
        },
      ),
    );
  });
});

describe('ratioPercent', () => {
  it('computes a percentage rounded half-up', () => {
    expect(ratioPercent(18, 100)).toBe(18);
    expect(ratioPercent(1, 3)).toBe(33.33);
    expect(ratioPercent(2, 3)).toBe(66.67);
    expect(ratioPercent(1, 8, 0)).toBe(13); // 12.5 rounds up
    expect(ratioPercent(1, 8, 1)).toBe(12.5);
    expect(ratioPercent(174250, 850000)).toBe(20.5);
    expect(ratioPercent(3, 2)).toBe(150);
  });

  it('rounds exact halves up even where floats would drift', () => {
    // 1.005% as a float is 1.00499..., which naive Math.round would send down to 1.
    expect(ratioPercent(201, 20000)).toBe(1.01);
  });

  it('returns 0 for an empty whole', () => {
    expect(ratioPercent(0, 0)).toBe(0);
    expect(ratioPercent(5, 0)).toBe(0);
  });

  it('rounds negative ratios away from zero, like PHP round()', () => {
    expect(ratioPercent(-1, 8, 0)).toBe(-13);
    expect(ratioPercent(1, -3)).toBe(-33.33);
    expect(ratioPercent(-1, -3)).toBe(33.33);
    expect(Object.is(ratioPercent(0, -3), 0)).toBe(true);
  });

  it('rejects non-integer inputs and bad decimals', () => {
    expect(() => ratioPercent(1.5, 3)).toThrow(invalid({ part: ['must be a whole number'] }));
    expect(() => ratioPercent(1, Number.NaN)).toThrow(invalid({ whole: ['must be a whole number'] }));
    expect(() => ratioPercent(1, 3, -1)).toThrow(
      invalid({ decimals: ['must be a whole number from 0 to 10'] }),
    );
    expect(() => ratioPercent(1, 3, 11)).toThrow(
      invalid({ decimals: ['must be a whole number from 0 to 10'] }),
    );
    expect(() => ratioPercent(1, 3, 1.5)).toThrow(
      invalid({ decimals: ['must be a whole number from 0 to 10'] }),
    );
  });
});
