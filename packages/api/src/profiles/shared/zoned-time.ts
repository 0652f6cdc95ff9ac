// Wall-clock formatting in a tenant's time zone (the day arithmetic lives in the domain's calendar-days).
import { localDate, wallClock } from '@komisi/domain';

export { startOfLocalDay } from '@komisi/domain';

/** `2025-01-30 14:05:00` in the tenant's time zone (the format the mobile specs use). */
export function formatLocalDateTime(date: Date, timeZone: string): string {
  const p = wallClock(date, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** `2025-01-30` in the tenant's time zone. */
export const formatLocalDate = localDate;
