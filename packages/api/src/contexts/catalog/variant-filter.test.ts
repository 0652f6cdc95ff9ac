import { DomainError } from '@komisi/domain';
import { describe, expect, it } from 'vitest';
import { MAX_FILTER_VALUES, variantFilterSql } from './variant-filter.ts';

describe('variantFilterSql', () => {
  it('is null without a variant filter', () => {
    expect(variantFilterSql({})).toBeNull();
    expect(variantFilterSql({ colors: [' ', ''], inStock: false })).toBeNull();
  });

  it('asks for one key per combination of the given lists, binding only given values', () => {
    const filter = variantFilterSql({ colors: ['Walnut', 'black'], sizes: ['Large'], inStock: true });
    expect(filter?.params).toEqual(['Walnut', 'Large', 'black', 'Large']);
    expect(filter?.sql.match(/hashtextextended/g)).toHaveLength(2);
    expect(filter?.sql).toMatch(/^p\.variant_keys && array\[/);
    expect(filter?.sql).toContain("'stock'");
  });

  it('filters on stock alone with one key', () => {
    const filter = variantFilterSql({ inStock: true });
    expect(filter?.params).toEqual([]);
    expect(filter?.sql.match(/hashtextextended/g)).toHaveLength(1);
  });

  it('drops blank values and repeats that differ only in case', () => {
    const filter = variantFilterSql({ colors: ['Walnut', ' walnut ', 'WALNUT', ''] });
    expect(filter?.params).toEqual(['Walnut']);
  });

  it('refuses more than MAX_FILTER_VALUES values in a list, naming it', () => {
    const many = Array.from({ length: MAX_FILTER_VALUES + 1 }, (_, i) => `v${i}`);
    expect(() => variantFilterSql({ sizes: many })).toThrow(DomainError);
    try {
      variantFilterSql({ finishings: many });
    } catch (e) {
      expect((e as DomainError).fields).toEqual({ finishing: [`at most ${MAX_FILTER_VALUES} values`] });
    }
    expect(variantFilterSql({ colors: many.slice(1) })?.params).toHaveLength(MAX_FILTER_VALUES);
  });
});
