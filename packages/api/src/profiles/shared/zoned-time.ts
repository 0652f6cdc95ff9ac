// Wall-clock formatting and day boundaries in a tenant's time zone, without a date library.
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

function wallClock(date: Date, timeZone: string) {
  const p: Record<string, string> = {};
  for (const part of partsFormatter(timeZone).formatToParts(date)) p[part.type] = part.value;
  return p as { year: string; month: string; day: string; hour: string; minute: string; second: string };
}

/** `2025-01-30 14:05:00` in the tenant's time zone (the format the mobile specs use). */
export function formatLocalDateTime(date: Date, timeZone: string): string {
  const p = wallClock(date, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** `2025-01-30` in the tenant's time zone. */
export function formatLocalDate(date: Date, timeZone: string): string {
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
