import { describe, expect, it } from 'vitest';
import { conversionRate } from './affiliate-stats.service.ts';

describe('conversionRate', () => {
  it.each([
    [0, 0, 0],
    [5, 0, 0],
    [1, 3, 33.33],
    [2, 3, 66.67],
    [1, 8, 12.5],
    [3, 10, 30],
    [100_000, 1_000_000, 10],
    [1, 10_000, 0.01],
    [1, 20_000, 0.01],
    [1, 20_001, 0],
  ])('%i conversions of %i clicks: %s%', (conversions, clicks, rate) => {
    expect(conversionRate(conversions, clicks)).toBe(rate);
  });
});
