import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prefixTsQuery, searchableText, searchWords } from './text-search.ts';

describe('text search', () => {
  it('cuts text into lower-case words of letters and digits', () => {
    expect(searchWords('John.Doe@Example.com')).toEqual(['john', 'doe', 'example', 'com']);
    expect(searchWords('SIN-2024-000001')).toEqual(['sin', '2024', '000001']);
    expect(searchWords('—')).toEqual([]);
  });

  it('indexes a row by the words of each part', () => {
    expect(searchableText(['Siti Aminah', 'siti@example.com', null, undefined, 'SIN-2026-000007'])).toBe(
      'siti aminah siti example com sin 2026 000007',
    );
  });

  it('makes a prefix query of at most 8 words, or none', () => {
    expect(prefixTsQuery('lap ba')).toBe('lap:* & ba:*');
    expect(prefixTsQuery("'; drop table --")).toBe('drop:* & table:*');
    expect(prefixTsQuery('  !! ')).toBeNull();
    expect(prefixTsQuery('a b c d e f g h i j')?.split(' & ')).toHaveLength(8);
  });

  it('only ever puts words and prefix marks in a query', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const query = prefixTsQuery(text);
        if (query !== null) expect(query).toMatch(/^[\p{L}\p{N}]+:\*( & [\p{L}\p{N}]+:\*)*$/u);
      }),
    );
  });
});
