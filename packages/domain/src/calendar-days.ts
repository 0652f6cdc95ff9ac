// Calendar days (`YYYY-MM-DD`) and the instants they start at in a time zone, without a date library.
// Pure: the time zone database Intl carries is data, not I/O.

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
