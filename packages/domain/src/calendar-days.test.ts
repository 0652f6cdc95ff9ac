import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  endOfLocalDay,
  isIsoDate,
  localDate,
  startOfLocalDay,
  wallClock,
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
