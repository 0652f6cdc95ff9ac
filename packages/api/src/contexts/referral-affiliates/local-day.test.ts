import { localDate } from '@komisi/domain';
import { describe, expect, it } from 'vitest';
import { LocalDays } from './local-day.ts';

describe('LocalDays', () => {
  it('answers as localDate around midnight in Jakarta (UTC+7)', () => {
    const days = new LocalDays();
    const at = (iso: string) => days.of(new Date(iso), 'Asia/Jakarta');
    expect(at('2026-11-01T16:59:59.999Z')).toBe('2026-11-01');
    expect(at('2026-11-01T03:00:00Z')).toBe('2026-11-01');
    expect(at('2026-11-01T17:00:00Z')).toBe('2026-11-02');
    expect(at('2026-11-01T16:59:59.999Z')).toBe('2026-11-01');
  });

  it('keeps each time zone apart', () => {
    const days = new LocalDays();
    const at = new Date('2026-11-01T20:00:00Z');
    expect(days.of(at, 'Asia/Jakarta')).toBe('2026-11-02');
    expect(days.of(at, 'UTC')).toBe('2026-11-01');
    expect(days.of(at, 'Asia/Jakarta')).toBe('2026-11-02');
  });

  it('matches localDate every 37 minutes across daylight-saving changes', () => {
    const days = new LocalDays();
    for (const tz of ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Jakarta']) {
      for (
        let ms = Date.parse('2026-03-01T00:00:00Z');
        ms < Date.parse('2026-04-15T00:00:00Z');
        ms += 37 * 60_000
      ) {
        const at = new Date(ms);
        expect(days.of(at, tz)).toBe(localDate(at, tz));
      }
      for (
        let ms = Date.parse('2026-10-20T00:00:00Z');
        ms < Date.parse('2026-11-10T00:00:00Z');
        ms += 37 * 60_000
      ) {
        const at = new Date(ms);
        expect(days.of(at, tz)).toBe(localDate(at, tz));
      }
    }
  });
});
