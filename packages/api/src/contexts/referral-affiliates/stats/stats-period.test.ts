import { DomainError } from '@komisi/domain';
import { describe, expect, it } from 'vitest';
import { resolvePeriod } from './stats-period.ts';

const JAKARTA = 'Asia/Jakarta';
// 2026-11-23 01:30 in Jakarta (UTC+7) is still 2026-11-22 in UTC
const now = new Date('2026-11-22T18:30:00Z');

describe('resolvePeriod', () => {
  it.each([
    ['today', { start: '2026-11-23', end: '2026-11-23' }],
    ['7days', { start: '2026-11-17', end: '2026-11-23' }],
    ['30days', { start: '2026-10-25', end: '2026-11-23' }],
    ['this_month', { start: '2026-11-01', end: '2026-11-23' }],
  ] as const)('%s ends today in the tenant time zone', (period, range) => {
    expect(resolvePeriod({ period }, now, JAKARTA)).toEqual(range);
  });

  it('custom takes both dates as given (inclusive), up to 366 days', () => {
    expect(
      resolvePeriod({ period: 'custom', startDate: '2026-01-01', endDate: '2026-01-31' }, now, JAKARTA),
    ).toEqual({ start: '2026-01-01', end: '2026-01-31' });
    expect(
      resolvePeriod({ period: 'custom', startDate: '2024-01-01', endDate: '2024-12-31' }, now, JAKARTA),
    ).toEqual({ start: '2024-01-01', end: '2024-12-31' });
  });

  const fieldsOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('VALIDATION_ERROR');
      return Object.keys((e as DomainError).fields ?? {});
    }
    throw new Error('expected a validation error');
  };

  it.each([
    [{ endDate: '2026-01-31' }, ['start_date']],
    [{ startDate: '2026-01-01' }, ['end_date']],
    [{}, ['start_date']],
    [{ startDate: '2026-02-30', endDate: '2026-03-01' }, ['start_date']],
    [{ startDate: '2026-01-01', endDate: '01/31/2026' }, ['end_date']],
    [{ startDate: '2026-02-01', endDate: '2026-01-31' }, ['end_date']],
    [{ startDate: '2025-01-01', endDate: '2026-01-02' }, ['end_date']],
  ])('custom %j is refused naming %j', (dates, fields) => {
    expect(fieldsOf(() => resolvePeriod({ period: 'custom', ...dates }, now, JAKARTA))).toEqual(fields);
  });

  it('refuses an unknown period naming it', () => {
    expect(fieldsOf(() => resolvePeriod({ period: 'yesterday' as never }, now, JAKARTA))).toEqual(['period']);
  });
});
