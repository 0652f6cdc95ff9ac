// Calendar days in a tenant's time zone, written `YYYY-MM-DD` (pure: the zone data is the runtime's).
import { fieldError } from './errors.ts';

/** Inclusive range of local calendar days, `YYYY-MM-DD`. */
export interface DayRange {
  start: string;
  end: string;
}

/** The longest range a report or a custom period covers: a leap year. */
export const MAX_RANGE_DAYS = 366;

const DAY_MS = 86_400_000;
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
  return new Date(utcDay(isoDate) + days * DAY_MS).toISOString().slice(0, 10);
}

/** How many days an inclusive range covers (1 for a single day). */
export function daysIn(range: DayRange): number {
  return (utcDay(range.end) - utcDay(range.start)) / DAY_MS + 1;
}

/**
 * `start_date` and `end_date` as an inclusive range: both given, both real dates, the end on or
 * after the start, at most `MAX_RANGE_DAYS` days; each refusal names its field as the API spells it.
 */
export function checkedDayRange(
  startDate: string | undefined,
  endDate: string | undefined,
  missing = 'is required',
): DayRange {
  if (!startDate) throw fieldError('start_date', missing);
  if (!isIsoDate(startDate)) throw fieldError('start_date', 'must be a date (YYYY-MM-DD)');
  if (!endDate) throw fieldError('end_date', missing);
  if (!isIsoDate(endDate)) throw fieldError('end_date', 'must be a date (YYYY-MM-DD)');
  if (endDate < startDate) throw fieldError('end_date', 'must be on or after start_date');
  const range = { start: startDate, end: endDate };
  if (daysIn(range) > MAX_RANGE_DAYS)
    throw fieldError('end_date', `the period may cover at most ${MAX_RANGE_DAYS} days`);
  return range;
}

/** The last day of the month of a `YYYY-MM-DD` day. */
export function lastDayOfMonth(isoDate: string): string {
  const [y, m] = [Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7))];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * The calendar months that lie wholly inside a range, as a range from the first one's first day to
 * the last one's last day; null when no month does (a monthly rollup covers those, days the rest).
 */
export function wholeMonthsIn(range: DayRange): DayRange | null {
  const start = range.start.endsWith('-01') ? range.start : addDays(lastDayOfMonth(range.start), 1);
  const endOfEndMonth = lastDayOfMonth(range.end);
  const end = range.end === endOfEndMonth ? range.end : addDays(`${range.end.slice(0, 8)}01`, -1);
  return start <= end ? { start, end } : null;
}
