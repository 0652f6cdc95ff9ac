import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  checkedDayRange,
  daysBetween,
  daysIn,
  endOfLocalDay,
  isIsoDate,
  lastDayOfMonth,
  localDate,
  MAX_RANGE_DAYS,
  startOfLocalDay,
  wallClock,
  wholeMonthsIn,
} from './calendar-days.ts';

const JAKARTA = 'Asia/Jakarta';

describe('isIsoDate', () => {
  it('takes real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate('01-01-2026')).toBe(false);
  });
});

describe('addDays / daysBetween', () => {
  it('moves across months, years and leap days', () => {
    expect(addDays('2026-11-23', -29)).toBe('2026-10-25');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2024-10-15', '2024-12-10')).toBe(56);
    expect(daysBetween('2024-12-10', '2024-10-15')).toBe(-56);
  });

  it('are inverses of each other', () => {
    const day = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        expect(daysBetween(d, addDays(d, n))).toBe(n);
        expect(isIsoDate(addDays(d, n))).toBe(true);
      }),
    );
  });
});

describe('localDate / wallClock', () => {
  it('reads the calendar day and clock in the time zone', () => {
    const now = new Date('2026-11-22T18:30:00Z');
    expect(localDate(now, JAKARTA)).toBe('2026-11-23');
    expect(localDate(now, 'UTC')).toBe('2026-11-22');
    expect(wallClock(now, JAKARTA)).toMatchObject({ hour: '01', minute: '30', second: '00' });
    expect(localDate(new Date('2026-03-08T07:59:59Z'), 'America/New_York')).toBe('2026-03-08');
  });
});

describe('startOfLocalDay / endOfLocalDay', () => {
  it('is local midnight and 23:59:59 of the day', () => {
    expect(startOfLocalDay('2024-10-06', JAKARTA).toISOString()).toBe('2024-10-05T17:00:00.000Z');
    expect(startOfLocalDay('2024-10-06', JAKARTA, 2).toISOString()).toBe('2024-10-07T17:00:00.000Z');
    expect(endOfLocalDay('2024-10-06', JAKARTA).toISOString()).toBe('2024-10-06T16:59:59.000Z');
    expect(endOfLocalDay('2024-10-06', 'UTC').toISOString()).toBe('2024-10-06T23:59:59.000Z');
  });

  it('follows daylight-saving changes', () => {
    // New York springs forward on 2026-03-08: that day has 23 hours
    expect(startOfLocalDay('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(endOfLocalDay('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-09T03:59:59.000Z');
  });

  it('ends on the same local day it starts', () => {
    const zones = fc.constantFrom(JAKARTA, 'UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland');
    const day = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, zones, (d, zone) => {
        expect(localDate(startOfLocalDay(d, zone), zone)).toBe(d);
        expect(localDate(endOfLocalDay(d, zone), zone)).toBe(d);
        expect(localDate(new Date(endOfLocalDay(d, zone).getTime() + 1000), zone)).toBe(addDays(d, 1));
      }),
    );
  });
});

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

describe('wholeMonthsIn', () => {
  it('finds the months wholly inside a range', () => {
    expect(lastDayOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(lastDayOfMonth('2024-12-31')).toBe('2024-12-31');
    expect(wholeMonthsIn({ start: '2024-09-15', end: '2024-12-20' })).toEqual({
      start: '2024-10-01',
      end: '2024-11-30',
    });
    expect(wholeMonthsIn({ start: '2024-09-01', end: '2024-09-30' })).toEqual({
      start: '2024-09-01',
      end: '2024-09-30',
    });
    expect(wholeMonthsIn({ start: '2023-12-01', end: '2024-01-31' })).toEqual({
      start: '2023-12-01',
      end: '2024-01-31',
    });
    expect(wholeMonthsIn({ start: '2024-09-01', end: '2024-09-29' })).toBeNull();
    expect(wholeMonthsIn({ start: '2024-09-02', end: '2024-10-30' })).toBeNull();
  });

  it('splits any range into whole months and the days around them, without overlap or gap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 400 }), (offset, length) => {
        const range = { start: addDays('2020-01-01', offset), end: addDays('2020-01-01', offset + length) };
        const whole = wholeMonthsIn(range);
        const days = Array.from({ length: length + 1 }, (_, i) => addDays(range.start, i));
        const inWhole = (d: string) => whole !== null && d >= whole.start && d <= whole.end;
        for (const d of days.filter(inWhole)) {
          // a day in a whole month: its whole month is inside the range
          expect(`${d.slice(0, 8)}01` >= range.start && lastDayOfMonth(d) <= range.end).toBe(true);
        }
        for (const d of days.filter((x) => !inWhole(x))) {
          expect(`${d.slice(0, 8)}01` >= range.start && lastDayOfMonth(d) <= range.end).toBe(false);
        }
      }),
    );
  });
});
