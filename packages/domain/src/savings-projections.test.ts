import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  growthRate,
  projectedShu,
  SAVINGS_SETTINGS_DEFAULTS,
  savingsGoalProgress,
  savingsSettings,
  summaryMonths,
} from './savings-projections.ts';

describe('savingsSettings', () => {
  it('lays a tenant’s overrides on the defaults; absent and null keys keep them', () => {
    expect(savingsSettings()).toEqual(SAVINGS_SETTINGS_DEFAULTS);
    expect(savingsSettings(null)).toEqual(SAVINGS_SETTINGS_DEFAULTS);
    expect(savingsSettings({ shuPoolEstimate: 50_000_000, savingsGoal: null })).toEqual({
      ...SAVINGS_SETTINGS_DEFAULTS,
      shuPoolEstimate: 50_000_000,
    });
    expect(SAVINGS_SETTINGS_DEFAULTS).toMatchObject({ savingsGoal: 1_000_000, paymentDeadlineHours: 24 });
  });
});

describe('projectedShu', () => {
  it('is the member’s share of all savings times the savings part of the pool, rounded down', () => {
    // 700,000 of 10,000,000 savings; a 25,000,000 pool, 20% of it on savings: 350,000
    expect(
      projectedShu({
        memberSavings: 700_000,
        allSavings: 10_000_000,
        pool: 25_000_000,
        savingsShareBp: 2000,
      }),
    ).toBe(350_000);
    expect(projectedShu({ memberSavings: 1, allSavings: 3, pool: 10, savingsShareBp: 10_000 })).toBe(3);
  });

  it('is nothing without savings, a pool or a share', () => {
    expect(projectedShu({ memberSavings: 0, allSavings: 10, pool: 10, savingsShareBp: 2000 })).toBe(0);
    expect(projectedShu({ memberSavings: 10, allSavings: 0, pool: 10, savingsShareBp: 2000 })).toBe(0);
    expect(projectedShu({ memberSavings: 10, allSavings: 10, pool: 0, savingsShareBp: 2000 })).toBe(0);
    expect(projectedShu({ memberSavings: -10, allSavings: 10, pool: 10, savingsShareBp: 2000 })).toBe(0);
  });

  it('refuses what is not whole or a share past 100%', () => {
    expect(() => projectedShu({ memberSavings: 1.5, allSavings: 10, pool: 10, savingsShareBp: 1 })).toThrow(
      expect.objectContaining({ fields: { memberSavings: [expect.any(String)] } }),
    );
    expect(() =>
      projectedShu({ memberSavings: 1, allSavings: 10, pool: 10, savingsShareBp: 10_001 }),
    ).toThrow(expect.objectContaining({ fields: { savingsShareBp: ['must be from 0 to 10000'] } }));
    expect(() => projectedShu({ memberSavings: 1, allSavings: 10, pool: 10, savingsShareBp: -1 })).toThrow(
      expect.objectContaining({ fields: { savingsShareBp: ['must be from 0 to 10000'] } }),
    );
  });

  const members = fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 1, maxLength: 50 });
  const pool = fc.integer({ min: 0, max: 100_000_000_000 });
  const share = fc.integer({ min: 0, max: 10_000 });

  it('never pays out more than the savings part of the pool, and is never negative', () => {
    fc.assert(
      fc.property(members, pool, share, (savings, p, bp) => {
        const all = savings.reduce((a, b) => a + b, 0);
        const each = savings.map((s) =>
          projectedShu({ memberSavings: s, allSavings: all, pool: p, savingsShareBp: bp }),
        );
        for (const v of each) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(Number.isInteger(v)).toBe(true);
        }
        expect(each.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(Math.floor((p * bp) / 10_000));
      }),
    );
  });

  it('grows with the member’s savings (proportional, rounded down)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 1, max: 1_000_000_000 }),
        pool,
        share,
        (a, extra, others, p, bp) => {
          const all = a + extra + others;
          const lower = projectedShu({ memberSavings: a, allSavings: all, pool: p, savingsShareBp: bp });
          const higher = projectedShu({
            memberSavings: a + extra,
            allSavings: all,
            pool: p,
            savingsShareBp: bp,
          });
          expect(higher).toBeGreaterThanOrEqual(lower);
          // within a rupiah of the exact proportion
          expect(Math.abs(lower - (a / all) * p * (bp / 10_000))).toBeLessThan(1 + 1e-6 * p);
        },
      ),
    );
  });
});

describe('savingsGoalProgress', () => {
  it('is the document’s example: 700,000 of 1,000,000 at 120,000 a month is 70.0% and 3 months away', () => {
    expect(savingsGoalProgress(700_000, 1_000_000, 120_000)).toEqual({
      target_amount: 1_000_000,
      current_progress: 70,
      months_to_target: 3,
    });
  });

  it('is 100% and no months once reached; no estimate without deposits', () => {
    expect(savingsGoalProgress(1_500_000, 1_000_000, 0)).toEqual({
      target_amount: 1_000_000,
      current_progress: 100,
      months_to_target: 0,
    });
    expect(savingsGoalProgress(0, 1_000_000, 0).months_to_target).toBeNull();
    expect(savingsGoalProgress(-5, 1_000_000, 0).current_progress).toBe(0);
    expect(savingsGoalProgress(333_333, 1_000_000, 1).current_progress).toBe(33.3);
  });
});

describe('growthRate', () => {
  it('is the change over the opening balance in percent, 0 from nothing', () => {
    expect(growthRate(600_000, 693_000)).toBe(15.5);
    expect(growthRate(600_000, 500_000)).toBe(-16.7);
    expect(growthRate(0, 500_000)).toBe(0);
  });
});

describe('summaryMonths', () => {
  it('lists the period’s months newest first', () => {
    expect(summaryMonths('month', '2026-01', '2024-05')).toEqual(['2026-01']);
    expect(summaryMonths('quarter', '2026-01', null)).toEqual(['2026-01', '2025-12', '2025-11']);
    expect(summaryMonths('year', '2026-01', null)).toHaveLength(12);
    expect(summaryMonths('all', '2026-01', '2025-10')).toEqual(['2026-01', '2025-12', '2025-11', '2025-10']);
    expect(summaryMonths('all', '2026-01', null)).toEqual(['2026-01']);
    expect(summaryMonths('all', '2026-01', '2026-03')).toEqual(['2026-01']);
  });
});
