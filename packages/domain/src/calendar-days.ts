// Calendar days (`YYYY-MM-DD`) and the instants they start at in a time zone, without a date library.
// Pure: the time zone database Intl carries is data, not I/O.
import { fieldError } from './errors.ts';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of a `YYYY-MM-DD` (its shape checked by the caller). */
function utcDay(isoDate: string): number {
  const [, y, m, d] = ISO_DATE.exec(isoDate) as unknown as [string, string, string, string];
  return Date.UTC(+y, +m - 1, +d);
}

/** A real calendar date written `YYYY-MM-DD` (no 2026-02-30). */
export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && new Date(utcDay(value)).toISOString().slice(0, 10) === value;
}

/** The day `days` after (or, negative, before) `isoDate`. */
export function addDays(isoDate: string, days: number): string {
  return new Date(utcDay(isoDate) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDay(to) - utcDay(from)) / DAY_MS);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock of `date` in `timeZone`, each part as its digits. */
export function wallClock(date: Date, timeZone: string) {
  const p: Record<string, string> = {};
  for (const part of partsFormatter(timeZone).formatToParts(date)) p[part.type] = part.value;
  return p as { year: string; month: string; day: string; hour: string; minute: string; second: string };
}

/** `YYYY-MM-DD` of `date` in `timeZone`. */
export function localDate(date: Date, timeZone: string): string {
  const p = wallClock(date, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

function offsetMs(utcMs: number, timeZone: string): number {
  const p = wallClock(new Date(utcMs), timeZone);
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** The instant a local calendar day (`YYYY-MM-DD`) starts in `timeZone`; `addDays` moves the day. */
export function startOfLocalDay(isoDate: string, timeZone: string, addDays = 0): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d + addDays);
  const first = guess - offsetMs(guess, timeZone);
  // A second pass settles days whose offset differs from the guess's (daylight-saving changes).
  return new Date(guess - offsetMs(first, timeZone));
}

/** The last whole second of a local calendar day (23:59:59 there): a deadline "by the end of" the day. */
export function endOfLocalDay(isoDate: string, timeZone: string): Date {
  return new Date(startOfLocalDay(isoDate, timeZone, 1).getTime() - 1000);
}

/** Inclusive range of local calendar days, `YYYY-MM-DD`. */
export interface DayRange {
  start: string;
  end: string;
}

/** The longest range a report or a custom period covers: a leap year. */
export const MAX_RANGE_DAYS = 366;

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
