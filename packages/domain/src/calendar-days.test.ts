import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, checkedDayRange, daysIn, isIsoDate, localDate, MAX_RANGE_DAYS } from './calendar-days.ts';

const JAKARTA = 'Asia/Jakarta';
// 2026-11-23 01:30 in Jakarta (UTC+7) is still 2026-11-22 in UTC
const now = new Date('2026-11-22T18:30:00Z');

describe('localDate / addDays / daysIn', () => {
  it('reads the calendar day in the tenant time zone', () => {
    expect(localDate(now, JAKARTA)).toBe('2026-11-23');
    expect(localDate(now, JAKARTA)).toBe('2026-11-23');
    expect(localDate(now, 'UTC')).toBe('2026-11-22');
    expect(localDate(new Date('2026-03-08T07:59:59Z'), 'America/New_York')).toBe('2026-03-08');
  });

  it('moves across months, years and leap days', () => {
    expect(addDays('2026-11-23', -29)).toBe('2026-10-25');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('counts the days of an inclusive range', () => {
    expect(daysIn({ start: '2026-01-01', end: '2026-01-01' })).toBe(1);
    expect(daysIn({ start: '2024-01-01', end: '2024-12-31' })).toBe(366);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), (n) => {
        expect(daysIn({ start: '2020-01-01', end: addDays('2020-01-01', n) })).toBe(n + 1);
      }),
    );
  });

  it('knows real dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-2-01')).toBe(false);
  });
});

describe('checkedDayRange', () => {
  it('takes both dates as given (inclusive), up to 366 days', () => {
    expect(checkedDayRange('2026-01-01', '2026-01-31')).toEqual({ start: '2026-01-01', end: '2026-01-31' });
    expect(checkedDayRange('2024-01-01', '2024-12-31')).toEqual({ start: '2024-01-01', end: '2024-12-31' });
  });

  it.each([
    [undefined, '2026-01-01', 'start_date', 'is required'],
    ['2026-13-01', '2026-01-01', 'start_date', 'must be a date (YYYY-MM-DD)'],
    ['2026-01-01', undefined, 'end_date', 'is required'],
    ['2026-01-01', '2026-02-30', 'end_date', 'must be a date (YYYY-MM-DD)'],
    ['2026-01-02', '2026-01-01', 'end_date', 'must be on or after start_date'],
    ['2025-01-01', '2026-01-02', 'end_date', `the period may cover at most ${MAX_RANGE_DAYS} days`],
  ])('refuses %s – %s naming %s', (start, end, field, message) => {
    expect(() => checkedDayRange(start, end)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_ERROR', fields: { [field]: [message] } }),
    );
  });

  it('says why a date is missing in the caller’s words', () => {
    expect(() => checkedDayRange(undefined, undefined, 'is required for a custom period')).toThrow(
      expect.objectContaining({ fields: { start_date: ['is required for a custom period'] } }),
    );
  });
});
