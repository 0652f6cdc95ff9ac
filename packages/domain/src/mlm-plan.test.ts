import { describe, expect, it } from 'vitest';
import {
  DTEHM_DEFAULT_PLAN,
  generationLabel,
  MAX_GENERATIONS,
  type MlmPlan,
  STOCKIST_ELIGIBILITIES,
  type StockistEligibility,
  stockistRefusal,
  totalNetworkRateBps,
  validatePlan,
  withOverrides,
} from './mlm-plan.ts';
import type { CurrencyCode } from './money.ts';

const invalid = (fields: Record<string, string[]>) =>
  expect.objectContaining({ code: 'VALIDATION_ERROR', fields });

const plan = (overrides: Partial<MlmPlan>): MlmPlan => ({ ...DTEHM_DEFAULT_PLAN, ...overrides });

const BAD_RATE = 'must be a whole, non-negative number of basis points';
const BAD_MONEY = 'must be a whole, non-negative number of minor units';

describe('DTEHM_DEFAULT_PLAN', () => {
  it('matches the DTEHM compensation plan', () => {
    expect(DTEHM_DEFAULT_PLAN).toEqual({
      stockistRateBps: 800,
      stockistEligibility: 'any-member',
      generationRatesBps: [300, 250, 200, 150, 100, 80, 60, 50, 40, 20],
      compression: false,
      membershipFees: { dtehm: 76000, dip: 20000 },
      sponsorBonusPerDtehm: 10000,
      currency: 'UGX',
    });
  });

  it('is deeply frozen so no caller can change the shared default', () => {
    expect(Object.isFrozen(DTEHM_DEFAULT_PLAN)).toBe(true);
    expect(Object.isFrozen(DTEHM_DEFAULT_PLAN.generationRatesBps)).toBe(true);
    expect(Object.isFrozen(DTEHM_DEFAULT_PLAN.membershipFees)).toBe(true);
  });

  it('is valid', () => {
    expect(validatePlan(DTEHM_DEFAULT_PLAN)).toBe(DTEHM_DEFAULT_PLAN);
  });
});

describe('withOverrides', () => {
  it('keeps every default when nothing is overridden', () => {
    expect(withOverrides(DTEHM_DEFAULT_PLAN)).toEqual(DTEHM_DEFAULT_PLAN);
    expect(withOverrides(DTEHM_DEFAULT_PLAN, {})).toEqual(DTEHM_DEFAULT_PLAN);
  });

  it('lays each set key over the plan and keeps the rest', () => {
    const overrides = {
      stockistRateBps: 500,
      stockistEligibility: 'designated',
      generationRatesBps: [400, 100],
      compression: true,
      membershipFees: { dtehm: 50_000, dip: 0 },
      sponsorBonusPerDtehm: 0,
    } as const;
    expect(withOverrides(DTEHM_DEFAULT_PLAN, overrides)).toEqual({ ...overrides, currency: 'UGX' });
    expect(withOverrides(DTEHM_DEFAULT_PLAN, { compression: true })).toEqual(plan({ compression: true }));
  });

  it('ignores keys set to undefined and keys that are not overridable', () => {
    const stored = { stockistRateBps: undefined, currency: 'IDR', bonus: 1 } as unknown as Parameters<
      typeof withOverrides
    >[1];
    expect(withOverrides(DTEHM_DEFAULT_PLAN, stored)).toEqual(DTEHM_DEFAULT_PLAN);
  });

  it('leaves the plan it was given unchanged', () => {
    const base = plan({});
    withOverrides(base, { stockistRateBps: 100 });
    expect(base).toEqual(DTEHM_DEFAULT_PLAN);
  });

  it('refuses overrides that make the plan invalid', () => {
    expect(() => withOverrides(DTEHM_DEFAULT_PLAN, { stockistRateBps: 9000 })).toThrow(
      invalid({ totalRateBps: [expect.any(String)] }),
    );
  });
});

describe('validatePlan', () => {
  it('accepts a stockist-only plan and a plan using the whole amount', () => {
    expect(() => validatePlan(plan({ generationRatesBps: [] }))).not.toThrow();
    expect(() => validatePlan(plan({ stockistRateBps: 5000, generationRatesBps: [5000] }))).not.toThrow();
  });

  it('accepts the maximum number of generations', () => {
    const rates = Array.from({ length: MAX_GENERATIONS }, () => 10);
    expect(() => validatePlan(plan({ generationRatesBps: rates }))).not.toThrow();
  });

  it('rejects a bad stockist rate', () => {
    expect(() => validatePlan(plan({ stockistRateBps: -1 }))).toThrow(
      invalid({ stockistRateBps: [BAD_RATE] }),
    );
    expect(() => validatePlan(plan({ stockistRateBps: 1.5 }))).toThrow(
      invalid({ stockistRateBps: [BAD_RATE] }),
    );
  });

  it('names every bad generation rate', () => {
    expect(() => validatePlan(plan({ generationRatesBps: [300, -5, 2.5] }))).toThrow(
      invalid({ 'generationRatesBps.1': [BAD_RATE], 'generationRatesBps.2': [BAD_RATE] }),
    );
  });

  it('rejects more than 20 generations', () => {
    const rates = Array.from({ length: MAX_GENERATIONS + 1 }, () => 10);
    expect(() => validatePlan(plan({ generationRatesBps: rates }))).toThrow(
      invalid({ generationRatesBps: ['must have at most 20 generations'] }),
    );
  });

  it('rejects plans paying out more than the whole amount', () => {
    expect(() => validatePlan(plan({ stockistRateBps: 5000, generationRatesBps: [5000, 1] }))).toThrow(
      invalid({
        totalRateBps: ['stockist and generation rates together must not exceed 10000 basis points'],
      }),
    );
  });

  it('rejects bad fees and bonus', () => {
    expect(() =>
      validatePlan(plan({ membershipFees: { dtehm: -1, dip: 0.5 }, sponsorBonusPerDtehm: Number.NaN })),
    ).toThrow(
      invalid({
        'membershipFees.dtehm': [BAD_MONEY],
        'membershipFees.dip': [BAD_MONEY],
        sponsorBonusPerDtehm: [BAD_MONEY],
      }),
    );
  });

  it.each(STOCKIST_ELIGIBILITIES)('accepts stockist eligibility %s', (stockistEligibility) => {
    expect(() => validatePlan(plan({ stockistEligibility }))).not.toThrow();
  });

  it.each(['anyone', '', undefined])('rejects stockist eligibility %j', (value) => {
    expect(() => validatePlan(plan({ stockistEligibility: value as StockistEligibility }))).toThrow(
      invalid({ stockistEligibility: ['must be one of any-member, designated'] }),
    );
  });

  it('rejects an unsupported currency', () => {
    expect(() => validatePlan(plan({ currency: 'EUR' as CurrencyCode }))).toThrow(
      invalid({ currency: ['is not supported'] }),
    );
  });

  it('uses a plan-specific message', () => {
    expect(() => validatePlan(plan({ stockistRateBps: -1 }))).toThrow('The commission plan is invalid.');
  });
});

describe('generationLabel', () => {
  it('labels zero-based generations from GN1', () => {
    expect(generationLabel(0)).toBe('GN1');
    expect(generationLabel(9)).toBe('GN10');
  });

  it.each([-1, 1.5])('rejects index %s', (index) => {
    expect(() => generationLabel(index)).toThrow(
      invalid({ generation: ['must be a whole, non-negative index'] }),
    );
  });
});

describe('totalNetworkRateBps', () => {
  it('adds the stockist rate and every generation rate', () => {
    expect(totalNetworkRateBps(DTEHM_DEFAULT_PLAN)).toBe(2050);
    expect(totalNetworkRateBps(plan({ stockistRateBps: 0, generationRatesBps: [] }))).toBe(0);
  });
});

describe('stockistRefusal', () => {
  const anyMember = { stockistEligibility: 'any-member' } as const;
  const designated = { stockistEligibility: 'designated' } as const;

  it('lets any active member be the stockist by default', () => {
    expect(DTEHM_DEFAULT_PLAN.stockistEligibility).toBe('any-member');
    expect(stockistRefusal(anyMember, { active: true, designatedStockist: false })).toBeNull();
    expect(stockistRefusal(anyMember, { active: true, designatedStockist: true })).toBeNull();
  });

  it('needs the stockist role under designated', () => {
    expect(stockistRefusal(designated, { active: true, designatedStockist: false })).toBe('not-designated');
    expect(stockistRefusal(designated, { active: true, designatedStockist: true })).toBeNull();
  });

  it('never lets an inactive member be the stockist, whatever the plan or role', () => {
    for (const plan of [anyMember, designated]) {
      for (const designatedStockist of [false, true]) {
        expect(stockistRefusal(plan, { active: false, designatedStockist })).toBe('inactive');
      }
    }
  });
});
