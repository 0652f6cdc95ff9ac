import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageWindow } from './pagination.ts';

const invalid = (fields: Record<string, string[]>) =>
  expect.objectContaining({ code: 'VALIDATION_ERROR', fields });

describe('pageWindow', () => {
  it('describes a full first page', () => {
    expect(pageWindow(45, 1, 20)).toEqual({
      total: 45,
      per_page: 20,
      current_page: 1,
      last_page: 3,
      from: 1,
      to: 20,
      offset: 0,
      limit: 20,
    });
  });

  it('describes a partial last page', () => {
    expect(pageWindow(45, 3, 20)).toMatchObject({ last_page: 3, from: 41, to: 45, offset: 40 });
  });

  it('has an exact last page when total divides evenly', () => {
    expect(pageWindow(40, 2, 20)).toMatchObject({ last_page: 2, from: 21, to: 40 });
  });

  it('reports a page past the end as empty', () => {
    expect(pageWindow(45, 4, 20)).toMatchObject({
      last_page: 3,
      from: null,
      to: null,
      offset: 60,
      limit: 20,
    });
  });

  it('has one empty page when there is nothing', () => {
    expect(pageWindow(0, 1, 15)).toEqual({
      total: 0,
      per_page: 15,
      current_page: 1,
      last_page: 1,
      from: null,
      to: null,
      offset: 0,
      limit: 15,
    });
  });

  it.each([0, -1, 1.5])('rejects page %s', (page) => {
    expect(() => pageWindow(10, page, 10)).toThrow(
      invalid({ page: ['must be a whole number of at least 1'] }),
    );
  });

  it.each([0, 101, 2.5])('rejects per_page %s', (perPage) => {
    expect(() => pageWindow(10, 1, perPage)).toThrow(
      invalid({ per_page: ['must be a whole number from 1 to 100'] }),
    );
  });

  it('reports page and per_page problems together', () => {
    expect(() => pageWindow(10, 0, 0)).toThrow(
      invalid({
        page: ['must be a whole number of at least 1'],
        per_page: ['must be a whole number from 1 to 100'],
      }),
    );
  });

  it('rejects a page whose offset is beyond the exact range', () => {
    expect(() => pageWindow(10, Number.MAX_SAFE_INTEGER, 100)).toThrow(invalid({ page: ['is too large'] }));
  });

  it.each([-1, 1.5])('rejects total %s', (total) => {
    expect(() => pageWindow(total, 1, 10)).toThrow(
      invalid({ total: ['must be a whole, non-negative number'] }),
    );
  });

  it('covers every item exactly once across its pages', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 100 }), (total, perPage) => {
        const { last_page } = pageWindow(total, 1, perPage);
        let next = 1;
        for (let page = 1; page <= last_page; page++) {
          const window = pageWindow(total, page, perPage);
          if (window.from === null) continue;
          expect(window.from).toBe(next);
          expect(window.to! - window.from + 1).toBeLessThanOrEqual(perPage);
          next = window.to! + 1;
        }
        expect(next).toBe(total + 1);
        expect(pageWindow(total, last_page + 1, perPage).from).toBeNull();
      }),
    );
  });
});
