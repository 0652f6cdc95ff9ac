import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  daysInMonth,
  daysInYear,
  endOfDayBalances,
  interestForMonth,
  monthlyInterest,
  monthsBetween,
  previousMonth,
} from './savings-interest.ts';

const months = fc
  .record({ year: fc.integer({ min: 2000, max: 2100 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}`);
const balance = fc.integer({ min: 0, max: 10_000_000_000 });

describe('months', () => {
  it('moves across years both ways', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(previousMonth('2026-03')).toBe('2026-02');
    expect(addMonths('2025-11', 14)).toBe('2027-01');
    expect(monthsBetween('2025-11', '2027-01')).toBe(14);
    expect(monthsBetween('2027-01', '2025-11')).toBe(-14);
  });

  it('counts days of months and years, leap years included', () => {
    expect([
      daysInMonth('2024-02'),
      daysInMonth('2025-02'),
      daysInMonth('2025-01'),
      daysInMonth('2025-04'),
    ]).toEqual([29, 28, 31, 30]);
    expect([daysInYear(2024), daysInYear(2025), daysInYear(1900), daysInYear(2000)]).toEqual([
      366, 365, 365, 366,
    ]);
  });

  it('refuses what is not a month', () => {
    for (const bad of ['2025-13', '2025-1', '25-01', '2025-00']) {
      expect(() => addMonths(bad, 1)).toThrow(
        expect.objectContaining({ fields: { month: [expect.any(String)] } }),
      );
    }
  });

  it('addMonths and monthsBetween undo each other', () => {
    fc.assert(
      fc.property(months, fc.integer({ min: -1200, max: 1200 }), (month, n) => {
        expect(monthsBetween(month, addMonths(month, n))).toBe(n);
      }),
    );
  });
});

describe('endOfDayBalances', () => {
  it('adds each day’s movement to the balance the day before', () => {
    expect(
      endOfDayBalances(
        1_000,
        new Map([
          [0, 500],
          [2, -200],
        ]),
        4,
      ),
    ).toEqual([1_500, 1_500, 1_300, 1_300]);
  });
});

describe('monthlyInterest (saldo harian)', () => {
  it('is nothing on a zero balance or a zero rate', () => {
    expect(monthlyInterest(Array(31).fill(0), 600, 365)).toBe(0);
    expect(monthlyInterest(Array(31).fill(1_000_000), 0, 365)).toBe(0);
  });

  it('is B × rate × days / 365 on a constant balance, rounded down once', () => {
    // 1,000,000 at 6% for 30 days: 4,931.5… → 4,931
    expect(interestForMonth('2025-04', Array(30).fill(1_000_000), 600)).toBe(4_931);
    // 31 days: 5,095.8… → 5,095
    expect(interestForMonth('2025-01', Array(31).fill(1_000_000), 600)).toBe(5_095);
    // a leap year divides by 366
    expect(interestForMonth('2024-01', Array(31).fill(1_000_000), 600)).toBe(5_081);
    fc.assert(
      fc.property(balance, fc.integer({ min: 0, max: 10_000 }), months, (b, rate, month) => {
        const days = daysInMonth(month);
        const year = daysInYear(Number(month.slice(0, 4)));
        const interest = interestForMonth(month, Array(days).fill(b), rate);
        const exact = (b * rate * days) / (10_000 * year);
        expect(interest).toBeLessThanOrEqual(exact + 1e-6);
        expect(interest).toBeGreaterThan(exact - 1 - 1e-6);
      }),
    );
  });

  it('never pays on days that end below zero and is never negative', () => {
    expect(monthlyInterest([-5_000_000, 1_000_000], 600, 365)).toBe(
      monthlyInterest([0, 1_000_000], 600, 365),
    );
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e12, max: 1e12 }), { maxLength: 31 }),
        fc.integer({ min: 0, max: 10_000 }),
        (bs, rate) => {
          expect(monthlyInterest(bs, rate, 365)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('is monotonic in the balances', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(balance, fc.integer({ min: 0, max: 1_000_000 })), { minLength: 28, maxLength: 31 }),
        fc.integer({ min: 0, max: 10_000 }),
        (pairs, rate) => {
          const lower = pairs.map(([b]) => b);
          const higher = pairs.map(([b, extra]) => b + extra);
          expect(monthlyInterest(higher, rate, 365)).toBeGreaterThanOrEqual(
            monthlyInterest(lower, rate, 365),
          );
        },
      ),
    );
  });

  it('refuses rates, years and balances it cannot apply', () => {
    expect(() => monthlyInterest([1], -1, 365)).toThrow(
      expect.objectContaining({ fields: { rateBp: [expect.any(String)] } }),
    );
    expect(() => monthlyInterest([1], 10_001, 365)).toThrow(
      expect.objectContaining({ fields: { rateBp: [expect.stringMatching(/basis points/)] } }),
    );
    expect(() => monthlyInterest([1], 1.5, 365)).toThrow(
      expect.objectContaining({ fields: { rateBp: [expect.stringMatching(/basis points/)] } }),
    );
    expect(() => monthlyInterest([1], 600, 360)).toThrow(
      expect.objectContaining({ fields: { yearDays: ['must be 365 or 366'] } }),
    );
    expect(() => monthlyInterest([0.5], 600, 365)).toThrow(
      expect.objectContaining({ fields: { balances: ['must be whole rupiah'] } }),
    );
    expect(() => interestForMonth('2025-02', [1, 2], 600)).toThrow(
      expect.objectContaining({ fields: { balances: ['must hold one balance per day'] } }),
    );
  });
});
