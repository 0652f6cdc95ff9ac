import { describe, expect, it } from 'vitest';
import { COURIER_CODES } from './couriers.ts';
import { REVIEW_SORTS, STOREFRONT_SORTS } from './listing-sorts.ts';

describe('listing sorts and courier codes', () => {
  it('name each choice once (they become the enums of the documented query parameters)', () => {
    for (const list of [STOREFRONT_SORTS, REVIEW_SORTS, COURIER_CODES]) {
      expect(new Set(list).size).toBe(list.length);
    }
  });
  it('keep the documented defaults first', () => {
    expect(STOREFRONT_SORTS[0]).toBe('newest');
    expect(REVIEW_SORTS[0]).toBe('recent');
    expect(COURIER_CODES).toContain('jnt');
  });
});
