// Calendar days in a tenant's time zone and the statistics periods made of them (pure).
import { addDays, checkedDayRange, type DayRange, fieldError } from '@komisi/domain';
import { LocalDays } from '../local-day.ts';

/** today per time zone: every statistics call asks */
const localDays = new LocalDays();

export const STATS_PERIODS = ['today', '7days', '30days', 'this_month', 'custom'] as const;
export type StatsPeriod = (typeof STATS_PERIODS)[number];

export interface PeriodQuery {
  period: StatsPeriod;
  /** `YYYY-MM-DD`, custom only */
  startDate?: string | undefined;
  /** `YYYY-MM-DD`, custom only (inclusive) */
  endDate?: string | undefined;
}

/**
 * The days a period covers, ending today in the tenant's time zone: `today`; `7days` and `30days`
 * (today and the 6 or 29 before it); `this_month` (the 1st to today); `custom` (both dates
 * required, start ≤ end, at most 366 days; each refusal names its field as the API spells it).
 */
export function resolvePeriod(query: PeriodQuery, now: Date, timeZone: string): DayRange {
  const today = localDays.of(now, timeZone);
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
  return checkedDayRange(startDate, endDate, 'is required for a custom period');
}
