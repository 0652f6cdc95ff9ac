// The local calendar day of a click, for its daily rollup: asked on every counted click, so the
// current day's bounds are kept per time zone instead of formatting each instant.
import { localDate, startOfLocalDay } from '@komisi/domain';

interface DaySpan {
  day: string;
  /** the instant the day starts in its time zone (inclusive), ms */
  from: number;
  /** the instant the next day starts (exclusive), ms */
  to: number;
}

/**
 * `localDate(at, timeZone)`, remembering the last day seen per time zone: an instant inside it is
 * answered by two comparisons; any other instant (a new day, a click from the past) is formatted
 * and its day remembered. Same answers as `localDate`, daylight-saving days included (their bounds
 * come from `startOfLocalDay`).
 */
export class LocalDays {
  readonly #spans = new Map<string, DaySpan>();

  of(at: Date, timeZone: string): string {
    const ms = at.getTime();
    const span = this.#spans.get(timeZone);
    if (span && ms >= span.from && ms < span.to) return span.day;
    const day = localDate(at, timeZone);
    this.#spans.set(timeZone, {
      day,
      from: startOfLocalDay(day, timeZone).getTime(),
      to: startOfLocalDay(day, timeZone, 1).getTime(),
    });
    return day;
  }
}
