// Calendar days in a tenant's time zone and the statistics periods made of them (pure).
import { fieldError } from '@komisi/domain';

export const STATS_PERIODS = ['today', '7days', '30days', 'this_month', 'custom'] as const;
export type StatsPeriod = (typeof STATS_PERIODS)[number];

export interface PeriodQuery {
  period: StatsPeriod;
  /** `YYYY-MM-DD`, custom only */
  startDate?: string | undefined;
  /** `YYYY-MM-DD`, custom only (inclusive) */
  endDate?: string | undefined;
}

/** Inclusive range of local calendar days, `YYYY-MM-DD`. */
export interface DayRange {
  start: string;
  end: string;
}

/** The longest custom period: a leap year. */
export const MAX_PERIOD_DAYS = 366;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD` of `date` in `timeZone`. */
export function localDate(date: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(date);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcDay(isoDate: string): number {
  const [, y, m, d] = ISO_DATE.exec(isoDate) as unknown as [string, string, string, string];
  return Date.UTC(+y, +m - 1, +d);
}

/** A real calendar date written `YYYY-MM-DD` (no 2026-02-30). */
export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && new Date(utcDay(value)).toISOString().slice(0, 10) === value;
}

export function addDays(isoDate: string, days: number): string {
  return new Date(utcDay(isoDate) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The days a period covers, ending today in the tenant's time zone: `today`; `7days` and `30days`
 * (today and the 6 or 29 before it); `this_month` (the 1st to today); `custom` (both dates
 * required, start ≤ end, at most 366 days; each refusal names its field as the API spells it).
 */
export function resolvePeriod(query: PeriodQuery, now: Date, timeZone: string): DayRange {
  const today = localDate(now, timeZone);
  switch (query.period) {
    case 'today':
      return { start: today, end: today };
    case '7days':
      return { start: addDays(today, -6), end: today };
    case '30days':
      return { start: addDays(today, -29), end: today };
    case 'this_month':
      return { start: `${today.slice(0, 8)}01`, end: today };
    case 'custom':
      return customRange(query);
    default:
      throw fieldError('period', `must be one of ${STATS_PERIODS.join(', ')}`);
  }
}

function customRange({ startDate, endDate }: PeriodQuery): DayRange {
  if (!startDate) throw fieldError('start_date', 'is required for a custom period');
  if (!isIsoDate(startDate)) throw fieldError('start_date', 'must be a date (YYYY-MM-DD)');
  if (!endDate) throw fieldError('end_date', 'is required for a custom period');
  if (!isIsoDate(endDate)) throw fieldError('end_date', 'must be a date (YYYY-MM-DD)');
  if (endDate < startDate) throw fieldError('end_date', 'must be on or after start_date');
  if (utcDay(endDate) - utcDay(startDate) >= MAX_PERIOD_DAYS * 86_400_000)
    throw fieldError('end_date', `the period may cover at most ${MAX_PERIOD_DAYS} days`);
  return { start: startDate, end: endDate };
}
