import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysIn } from './calendar-days.ts';
import {
  DASHBOARD_PERIODS,
  dashboardDays,
  monthOf,
  monthsOf,
  outcomeOf,
  SAVINGS_TRANSACTION_STATES,
  successRate,
  summarize,
} from './financial-reports.ts';

describe('dashboardDays', () => {
  it.each([
    ['today', '2024-09-29', '2024-09-29'],
    ['week', '2024-09-23', '2024-09-29'],
    ['month', '2024-09-01', '2024-09-29'],
    ['quarter', '2024-07-01', '2024-09-29'],
    ['year', '2024-01-01', '2024-09-29'],
  ] as const)('%s ends today', (period, start, end) => {
    expect(dashboardDays(period, '2024-09-29')).toEqual({ start, end });
  });

  it('starts each quarter on its first month', () => {
    expect(dashboardDays('quarter', '2024-01-15').start).toBe('2024-01-01');
    expect(dashboardDays('quarter', '2024-06-30').start).toBe('2024-04-01');
    expect(dashboardDays('quarter', '2024-12-31').start).toBe('2024-10-01');
  });

  it('always covers today and never more than a year', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3650 }),
        fc.constantFrom(...DASHBOARD_PERIODS),
        (offset, period) => {
          const today = addDays('2020-01-01', offset);
          const range = dashboardDays(period, today);
          expect(range.end).toBe(today);
          expect(range.start <= today).toBe(true);
          expect(daysIn(range)).toBeLessThanOrEqual(366);
        },
      ),
    );
  });
});

describe('monthsOf', () => {
  it('lists the months a range touches, newest first, across a new year', () => {
    expect(monthsOf({ start: '2023-11-20', end: '2024-02-03' })).toEqual([
      '2024-02',
      '2024-01',
      '2023-12',
      '2023-11',
    ]);
    expect(monthsOf({ start: '2024-09-29', end: '2024-09-29' })).toEqual(['2024-09']);
    expect(monthOf('2024-09-29')).toBe('2024-09');
  });

  it('has one month per distinct month of the days in the range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 400 }), (offset, length) => {
        const start = addDays('2020-01-01', offset);
        const range = { start, end: addDays(start, length) };
        const distinct = new Set(Array.from({ length: length + 1 }, (_, i) => monthOf(addDays(start, i))));
        expect(monthsOf(range)).toEqual([...distinct].sort().reverse());
      }),
    );
  });
});

describe('the report summary', () => {
  it('folds the five states into successful, failed and pending', () => {
    expect(SAVINGS_TRANSACTION_STATES.map(outcomeOf)).toEqual([
      'pending',
      'pending',
      'successful',
      'failed',
      'failed',
    ]);
  });

  it('rates success to one decimal, half up, as the document shows it', () => {
    expect(successRate(1200, 1250)).toBe(96);
    expect(successRate(1, 3)).toBe(33.3);
    expect(successRate(2, 3)).toBe(66.7);
    expect(successRate(1, 8)).toBe(12.5);
    expect(successRate(1, 16)).toBe(6.3);
    expect(successRate(0, 0)).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 100 }), (total, pct) => {
        const successful = Math.floor((total * pct) / 100);
        const rate = successRate(successful, total);
        expect(rate).toBeGreaterThanOrEqual(0);
        expect(rate).toBeLessThanOrEqual(100);
        expect(Math.abs(rate - (successful * 100) / total)).toBeLessThanOrEqual(0.05 + 1e-9);
      }),
    );
  });

  it('adds up every state, and the three outcomes add up to the total', () => {
    expect(
      summarize([
        { state: 'completed', transactions: 1200, amount: 120_000_000 },
        { state: 'failed', transactions: 20, amount: 2_000_000 },
        { state: 'cancelled', transactions: 5, amount: 500_000 },
        { state: 'pending', transactions: 20, amount: 2_000_000 },
        { state: 'processing', transactions: 5, amount: 500_000 },
      ]),
    ).toEqual({
      totalTransactions: 1250,
      totalAmount: 125_000_000,
      successful: 1200,
      failed: 25,
      pending: 25,
      successRate: 96,
    });
    expect(summarize([])).toEqual({
      totalTransactions: 0,
      totalAmount: 0,
      successful: 0,
      failed: 0,
      pending: 0,
      successRate: 0,
    });
  });
});
